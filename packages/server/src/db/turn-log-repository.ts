import type { ToolCall } from '@parley/sdk/protocol';
import { withDeadline } from './deadline';
import type { ChatDatabase } from './open-database';

/** The channel whose payload is the message id of an answer whose log grew or ended. */
export const TURN_CHANNEL = 'parley_turn';
/** The channel whose payload is the message id of an answer whose stop was asked for. */
export const STOP_CHANNEL = 'parley_stop';

/** The deadline of one batch write. */
const BATCH_DEADLINE_MS = 2_000;

/** How far past the last written event the `interrupted` event of a dead owner's answer goes. */
export const INTERRUPTED_SEQ_GAP = 1_000_000;

/** One row of the log as written: events `firstSeq..seq`; tokens' payload is their texts. */
export interface LogEntry {
  firstSeq: number;
  seq: number;
  type: string;
  payload: unknown;
}

export interface LogBatch {
  messageId: string;
  owner: string;
  leaseMs: number;
  entries: readonly LogEntry[];
  /** The text of this batch's tokens, appended to the message's `content`. */
  text: string;
  /** All tool calls so far, when they changed. */
  toolCalls: readonly ToolCall[] | undefined;
  /** The message's last status: this batch ends the answer. */
  status?: 'complete' | 'partial' | 'error';
}

// One statement per batch: renew the lease and lock the turn row (only while this instance
// still owns the unfinished answer, so a sweeper that took it over wins), append the events,
// append the text to the message, and wake the readers. A batch retried after a lost reply
// conflicts on (message_id, seq) and changes nothing.
const WRITE_BATCH = `
WITH owned AS (
  UPDATE chat_turns SET expires_at = now() + $3::int * interval '1 millisecond', last_seq = $4::int,
    finished_at = CASE WHEN $8::text IS NULL THEN NULL ELSE now() END
  WHERE message_id = $1::text AND owner = $2::text AND finished_at IS NULL AND last_seq < $4::int
  RETURNING message_id
), events AS (
  INSERT INTO chat_turn_events (message_id, seq, first_seq, type, payload)
  SELECT owned.message_id, e.seq, e.first_seq, e.type, e.payload
  FROM owned, jsonb_to_recordset($5::jsonb) AS e(seq int, first_seq int, type text, payload jsonb)
  RETURNING 1
), message AS (
  UPDATE chat_messages SET content = content || $6::text, tool_calls = coalesce($7::jsonb, tool_calls),
    status = coalesce($8::text, status)
  WHERE id = $1::text AND EXISTS (SELECT 1 FROM owned)
  RETURNING 1
)
SELECT (SELECT count(*)::int FROM owned) AS owned, pg_notify('${TURN_CHANNEL}', $1::text) AS notified`;

const READ_EVENTS = `
SELECT seq, first_seq, type, payload FROM chat_turn_events
WHERE message_id = $1::text AND seq > $2::int ORDER BY seq LIMIT $3::int`;

const TURN_STATE = `
SELECT t.last_seq, t.finished_at IS NOT NULL AS finished, t.owner, t.stop_requested
FROM chat_turns t WHERE t.message_id = $1::text`;

// The answer of a session a reader follows: the one named by Last-Event-ID if it is the
// user's, otherwise the one being written.
const FIND_TURN = `
SELECT t.message_id, t.last_seq, t.finished_at IS NOT NULL AS finished
FROM chat_turns t JOIN chat_sessions s ON s.id = t.session_id
WHERE t.session_id = $1::text AND s.user_id = $2::text AND (
  CASE WHEN $3::text IS NULL THEN t.finished_at IS NULL ELSE t.message_id = $3::text END
)
LIMIT 1`;

const RENEW = `
UPDATE chat_turns SET expires_at = now() + $2::int * interval '1 millisecond'
WHERE owner = $1::text AND finished_at IS NULL
  AND message_id IN (SELECT jsonb_array_elements_text($3::jsonb))
RETURNING message_id, stop_requested`;

// Answers whose owner stopped renewing: one instance takes each (SKIP LOCKED), keeps the text
// so far, marks it interrupted and appends the last event every reader ends on. Its number is
// far past the last one written, since the dead owner may have sent a batch it never wrote:
// the client that saw those events must still find the last one after its Last-Event-ID.
const SWEEP = `
WITH expired AS (
  SELECT message_id FROM chat_turns
  WHERE finished_at IS NULL AND expires_at < now()
    AND message_id NOT IN (SELECT jsonb_array_elements_text($4::jsonb))
  ORDER BY expires_at LIMIT $2::int FOR UPDATE SKIP LOCKED
), ended AS (
  UPDATE chat_turns t SET finished_at = now(), owner = $1::text, last_seq = t.last_seq + ${INTERRUPTED_SEQ_GAP}
  FROM expired WHERE t.message_id = expired.message_id
  RETURNING t.message_id, t.session_id, t.user_id, t.last_seq
), events AS (
  INSERT INTO chat_turn_events (message_id, seq, first_seq, type, payload)
  SELECT message_id, last_seq, last_seq, 'error', $3::jsonb FROM ended
  RETURNING 1
), messages AS (
  UPDATE chat_messages m SET status = 'interrupted'
  FROM ended WHERE m.id = ended.message_id AND m.status = 'streaming'
  RETURNING 1
)
SELECT message_id, session_id, user_id, pg_notify('${TURN_CHANNEL}', message_id) AS notified FROM ended`;

const REQUEST_STOP = `
UPDATE chat_turns t SET stop_requested = true
FROM chat_sessions s
WHERE t.session_id = $1::text AND s.id = t.session_id AND s.user_id = $2::text AND t.finished_at IS NULL
RETURNING t.message_id, t.owner, pg_notify('${STOP_CHANNEL}', t.message_id) AS notified`;

// Bounded: at most $2 answers' logs per statement (their events go by cascade).
const DELETE_OLD_LOGS = `
DELETE FROM chat_turns WHERE message_id IN (
  SELECT message_id FROM chat_turns
  WHERE finished_at IS NOT NULL AND finished_at < now() - $1::int * interval '1 millisecond'
  LIMIT $2::int
)`;

export interface LogRow {
  seq: number;
  first_seq: number;
  type: string;
  payload: unknown;
}

export interface TurnState {
  lastSeq: number;
  finished: boolean;
  owner: string;
  stopRequested: boolean;
}

/** The turn log's statements: batches, reads, leases, stops and retention. */
export class TurnLogRepository {
  constructor(private readonly database: ChatDatabase) {}

  /** Writes one batch; `false` when this instance no longer owns the answer. */
  async write(batch: LogBatch): Promise<boolean> {
    const last = batch.entries.at(-1);
    // A short deadline: the batch is retried, and the clients must learn of a hung database soon.
    const rows = await withDeadline(
      this.database.query<{ owned: number }>(WRITE_BATCH, [
        batch.messageId,
        batch.owner,
        batch.leaseMs,
        last?.seq ?? 0,
        JSON.stringify(
          batch.entries.map((entry) => ({
            seq: entry.seq,
            first_seq: entry.firstSeq,
            type: entry.type,
            payload: entry.payload,
          })),
        ),
        batch.text,
        batch.toolCalls ? JSON.stringify(batch.toolCalls) : null,
        batch.status ?? null,
      ]),
      BATCH_DEADLINE_MS,
    );
    return rows[0]?.owned === 1;
  }

  async read(messageId: string, afterSeq: number, limit = 500): Promise<LogRow[]> {
    return withDeadline(this.database.query<LogRow>(READ_EVENTS, [messageId, afterSeq, limit]));
  }

  async state(messageId: string): Promise<TurnState | undefined> {
    const [row] = await withDeadline(
      this.database.query<{ last_seq: number; finished: boolean; owner: string; stop_requested: boolean }>(
        TURN_STATE,
        [messageId],
      ),
    );
    return (
      row && {
        lastSeq: row.last_seq,
        finished: row.finished,
        owner: row.owner,
        stopRequested: row.stop_requested,
      }
    );
  }

  /** The user's answer in a session: `messageId` if given, else the one running. */
  async find(
    userId: string,
    sessionId: string,
    messageId: string | null,
  ): Promise<{ messageId: string; lastSeq: number; finished: boolean } | undefined> {
    const [row] = await withDeadline(
      this.database.query<{ message_id: string; last_seq: number; finished: boolean }>(FIND_TURN, [
        sessionId,
        userId,
        messageId,
      ]),
    );
    return row && { messageId: row.message_id, lastSeq: row.last_seq, finished: row.finished };
  }

  /** Renews the leases of the answers `owner` holds; returns them, with the stops asked for. */
  async renew(
    owner: string,
    leaseMs: number,
    held: readonly string[],
  ): Promise<{ messageId: string; stopRequested: boolean }[]> {
    const rows = await withDeadline(
      this.database.query<{ message_id: string; stop_requested: boolean }>(RENEW, [
        owner,
        leaseMs,
        JSON.stringify(held),
      ]),
    );
    return rows.map((row) => ({ messageId: row.message_id, stopRequested: row.stop_requested }));
  }

  /** Interrupts up to `limit` answers whose lease expired, except those in `held`; returns them. */
  async sweep(
    owner: string,
    limit: number,
    event: unknown,
    held: readonly string[],
  ): Promise<{ messageId: string; sessionId: string; userId: string }[]> {
    const rows = await withDeadline(
      this.database.query<{ message_id: string; session_id: string; user_id: string }>(SWEEP, [
        owner,
        limit,
        JSON.stringify(event),
        JSON.stringify(held),
      ]),
    );
    return rows.map((row) => ({ messageId: row.message_id, sessionId: row.session_id, userId: row.user_id }));
  }

  /** Flags the session's running answer to stop; the owner is told by NOTIFY (and its renewal). */
  async requestStop(
    userId: string,
    sessionId: string,
  ): Promise<{ messageId: string; owner: string } | undefined> {
    const [row] = await withDeadline(
      this.database.query<{ message_id: string; owner: string }>(REQUEST_STOP, [sessionId, userId]),
    );
    return row && { messageId: row.message_id, owner: row.owner };
  }

  /** Deletes the logs of up to `limit` answers that ended more than `retentionMs` ago. */
  async deleteOldLogs(retentionMs: number, limit: number): Promise<number> {
    const rows = await withDeadline(
      this.database.query(`${DELETE_OLD_LOGS} RETURNING message_id`, [retentionMs, limit]),
    );
    return rows.length;
  }
}
