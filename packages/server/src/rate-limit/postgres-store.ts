import { withDeadline } from '../db/deadline';
import type { ChatDatabase } from '../db/open-database';
import type { RateLimitHit, RateLimitStore } from './rate-limit-store';

// One atomic upsert: a new window restarts the count, the same window increments it.
const HIT = `
INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1)
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN rate_limits.window_start = EXCLUDED.window_start THEN rate_limits.count + 1 ELSE 1 END,
  window_start = EXCLUDED.window_start
RETURNING count`;

/** Counters in the `rate_limits` table, shared by every server instance on the database. */
export class PostgresRateLimitStore implements RateLimitStore {
  constructor(private readonly database: ChatDatabase) {}

  async hit(key: string, windowMs: number, now = Date.now()): Promise<RateLimitHit> {
    const windowStart = now - (now % windowMs);
    const rows = await withDeadline(this.database.query<{ count: number }>(HIT, [key, windowStart]));
    return { count: Number(rows[0]?.count ?? 1), resetAt: windowStart + windowMs };
  }
}
