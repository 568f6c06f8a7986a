/** The state of one fixed window after a hit. */
export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the current window ends, in epoch milliseconds. */
  resetAt: number;
}

/**
 * Counts hits per key in fixed windows. `hit` must be atomic: with several server instances on
 * one store, two hits never read the same count.
 */
export interface RateLimitStore {
  hit(key: string, windowMs: number, now?: number): Promise<RateLimitHit>;
}
