import { ApiError } from '../errors/api-error';
import type { RateLimitStore } from './rate-limit-store';

export interface RateLimitPolicy {
  /** Names the policy in the `RateLimit` headers, e.g. `new-conversations`. */
  name: string;
  limit: number;
  windowMs: number;
}

/**
 * Applies one policy: returns the IETF `RateLimit-Policy` / `RateLimit` headers to send, or
 * throws a 429 with them and `Retry-After` when the key is over its limit.
 */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    readonly policy: RateLimitPolicy,
  ) {}

  async check(key: string, now = Date.now()): Promise<Record<string, string>> {
    const { name, limit, windowMs } = this.policy;
    const hit = await this.store.hit(`${name}:${key}`, windowMs, now);
    const resetSeconds = Math.max(1, Math.ceil((hit.resetAt - now) / 1000));
    const remaining = Math.max(0, limit - hit.count);
    const headers: Record<string, string> = {
      'RateLimit-Policy': `"${name}";q=${limit};w=${Math.round(windowMs / 1000)}`,
      RateLimit: `"${name}";r=${remaining};t=${resetSeconds}`,
    };
    if (hit.count > limit) {
      throw new ApiError(429, 'rate_limited', `Too many requests. Try again in ${resetSeconds} seconds.`, {
        retryable: true,
        headers: { ...headers, 'Retry-After': String(resetSeconds) },
      });
    }
    return headers;
  }
}
