import type { RateLimitHit, RateLimitStore } from './rate-limit-store';

/** Per-process counters: right for one instance; use the Postgres store for several. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, RateLimitHit>();
  private sweptAt = 0;

  async hit(key: string, windowMs: number, now = Date.now()): Promise<RateLimitHit> {
    this.sweep(now);
    const current = this.windows.get(key);
    if (current && current.resetAt > now) {
      current.count += 1;
      return { ...current };
    }
    const fresh = { count: 1, resetAt: now - (now % windowMs) + windowMs };
    this.windows.set(key, fresh);
    return { ...fresh };
  }

  /** Drops ended windows now and then, so idle keys don't pile up. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
