/** A store's answer to one request: admitted or not, and the state of the key's window after it. */
export interface RateLimitDecision {
  /** Whether the request was admitted (and recorded). */
  admitted: boolean;
  /** Requests admitted in the window ending now, this one included when admitted. */
  used: number;
  /** When the oldest request counted leaves the window, freeing a place (epoch ms). */
  resetAt: number;
}

/**
 * A sliding log per key: a request at `now` is admitted when fewer than `limit` requests were
 * admitted in `(now - windowMs, now]`, so no span of `windowMs` ever admits more than `limit`.
 * Refused requests are not recorded. `take` must be atomic: with several server instances on
 * one store, two requests never both take the last place.
 */
export interface RateLimitStore {
  take(key: string, limit: number, windowMs: number, now: number): Promise<RateLimitDecision>;
  /** Gives back the place of a request admitted at `at` that turned out to create nothing. */
  refund(key: string, at: number): Promise<void>;
}
