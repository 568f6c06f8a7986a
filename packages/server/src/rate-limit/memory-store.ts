import type { RateLimitDecision, RateLimitStore } from './rate-limit-store';

interface Log {
  windowMs: number;
  /** Times of the admitted requests still in the window, oldest first. */
  hits: number[];
}

/** Per-process sliding logs: right for one instance; use the Postgres store for several. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly logs = new Map<string, Log>();
  private sweptAt = 0;

  async take(key: string, limit: number, windowMs: number, now: number): Promise<RateLimitDecision> {
    this.sweep(now);
    let log = this.logs.get(key);
    if (!log) {
      log = { windowMs, hits: [] };
      this.logs.set(key, log);
    }
    log.windowMs = windowMs;
    const start = now - windowMs;
    let expired = 0;
    while (expired < log.hits.length && log.hits[expired]! <= start) expired++;
    if (expired > 0) log.hits.splice(0, expired);
    const admitted = log.hits.length < limit;
    if (admitted) insertSorted(log.hits, now);
    return { admitted, used: log.hits.length, resetAt: log.hits[0]! + windowMs };
  }

  async refund(key: string, at: number): Promise<void> {
    const hits = this.logs.get(key)?.hits;
    const index = hits?.indexOf(at) ?? -1;
    if (index >= 0) hits!.splice(index, 1);
  }

  /** Drops logs whose every request has left the window, now and then, so idle keys don't pile up. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, log] of this.logs) {
      const newest = log.hits.at(-1);
      if (newest === undefined || newest <= now - log.windowMs) this.logs.delete(key);
    }
  }
}

/** Keeps the log ordered even when instances' clocks or concurrent callers hand times out of order. */
function insertSorted(hits: number[], time: number): void {
  let index = hits.length;
  while (index > 0 && hits[index - 1]! > time) index--;
  hits.splice(index, 0, time);
}
