import { withDeadline } from '../db/deadline';
import type { ChatDatabase } from '../db/open-database';
import type { RateLimitDecision, RateLimitStore } from './rate-limit-store';

// One atomic upsert. The row lock of ON CONFLICT serialises concurrent requests on a key, and
// every SET expression reads the row as it was: the log keeps the times after `now - window`,
// plus `now` when fewer than `limit` remain. `admitted` records the decision for RETURNING.
const LIVE = 'SELECT h FROM unnest(rate_limits.hits) AS h WHERE h > $2::bigint - $3::bigint';
const TAKE = `
INSERT INTO rate_limits (key, hits, admitted) VALUES ($1, CASE WHEN $4::int > 0 THEN ARRAY[$2::bigint] ELSE '{}' END, $4::int > 0)
ON CONFLICT (key) DO UPDATE SET
  admitted = (SELECT count(*) FROM (${LIVE}) AS live) < $4::int,
  hits = CASE
    WHEN (SELECT count(*) FROM (${LIVE}) AS live) < $4::int
      THEN ARRAY(SELECT h FROM (${LIVE} UNION ALL SELECT $2::bigint) AS live (h) ORDER BY h)
    ELSE ARRAY(SELECT h FROM (${LIVE}) AS live ORDER BY h)
  END
RETURNING admitted, cardinality(hits) AS used, hits[1]::float8 AS oldest`;

// Removes one occurrence of the refunded time (two requests may share a millisecond).
const REFUND = `
UPDATE rate_limits
SET hits = hits[:array_position(hits, $2::bigint) - 1] || hits[array_position(hits, $2::bigint) + 1:]
WHERE key = $1 AND $2::bigint = ANY (hits)`;

/** Sliding logs in the `rate_limits` table, shared by every server instance on the database. */
export class PostgresRateLimitStore implements RateLimitStore {
  constructor(private readonly database: ChatDatabase) {}

  async take(key: string, limit: number, windowMs: number, now: number): Promise<RateLimitDecision> {
    const rows = await withDeadline(
      this.database.query<{ admitted: boolean; used: number; oldest: number | null }>(TAKE, [
        key,
        now,
        windowMs,
        limit,
      ]),
    );
    const row = rows[0]!;
    return {
      admitted: row.admitted,
      used: Number(row.used),
      resetAt: (row.oldest === null ? now : Number(row.oldest)) + windowMs,
    };
  }

  async refund(key: string, at: number): Promise<void> {
    await withDeadline(this.database.query(REFUND, [key, at]));
  }
}
