import { ApiError } from '../errors/api-error';
import type { RateLimitStore } from './rate-limit-store';

export interface RateLimitPolicy {
  /** Names the policy in the `RateLimit` headers, e.g. `new-conversations`. */
  name: string;
  limit: number;
  windowMs: number;
}

/** An admitted request: the headers to send, and a way to give its place back. */
export interface RateLimitGrant {
  headers: Record<string, string>;
  /** For a request that created nothing after all (a replay, a refusal further on). */
  refund(): Promise<void>;
}

/**
 * Applies one policy with a sliding window: no span of `windowMs` admits more than `limit`.
 * Returns the IETF `RateLimit-Policy` / `RateLimit` headers to send, or throws a 429 with them
 * and `Retry-After` (the seconds until a place frees) when the key is over its limit.
 */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    readonly policy: RateLimitPolicy,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Spends one place; throws the 429 when there is none. */
  async admit(key: string, now = this.clock()): Promise<RateLimitGrant> {
    const { name, limit, windowMs } = this.policy;
    const storeKey = `${name}:${key}`;
    const decision = await this.store.take(storeKey, limit, windowMs, now);
    const resetSeconds = Math.max(1, Math.ceil((decision.resetAt - now) / 1000));
    const remaining = Math.max(0, limit - decision.used);
    const headers: Record<string, string> = {
      'RateLimit-Policy': `"${name}";q=${limit};w=${Math.round(windowMs / 1000)}`,
      RateLimit: `"${name}";r=${remaining};t=${resetSeconds}`,
    };
    if (!decision.admitted) {
      throw new ApiError(429, 'rate_limited', `Too many requests. Try again in ${resetSeconds} seconds.`, {
        retryable: true,
        headers: { ...headers, 'Retry-After': String(resetSeconds) },
      });
    }
    let refunded = false;
    return {
      headers,
      refund: async () => {
        if (refunded) return;
        refunded = true;
        await this.store.refund(storeKey, now);
      },
    };
  }

  /** Spends one place and returns the headers; throws the 429 when there is none. */
  async check(key: string, now = this.clock()): Promise<Record<string, string>> {
    return (await this.admit(key, now)).headers;
  }
}

/**
 * Gives a place back when the store answers; a refund that fails only leaves the key a little
 * stricter for one window, which is no reason to fail the request.
 */
export async function refundQuietly(grant: RateLimitGrant | undefined): Promise<void> {
  try {
    await grant?.refund();
  } catch {
    // Deliberately ignored: see above.
  }
}
