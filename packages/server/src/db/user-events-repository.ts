import { withDeadline } from './deadline';
import type { ChatDatabase } from './open-database';

/** The channel whose payload is the id of a user whose sidebar changed. */
export const USER_CHANNEL = 'parley_user';

/** A change of a user's sidebar, as sent on `GET /api/chat/events`. */
export type UserEvent =
  | { type: 'session_created'; session_id: string; model_id: string | null; title: string }
  | { type: 'session_titled' | 'session_renamed'; session_id: string; title: string }
  | { type: 'session_deleted'; session_id: string }
  | { type: 'answer_status'; session_id: string; message_id: string; status: string };

export interface UserEventRow {
  id: string;
  type: string;
  payload: UserEvent;
}

const RECORD = `
WITH recorded AS (
  INSERT INTO chat_user_events (user_id, type, payload) VALUES ($1::text, $2::text, $3::jsonb) RETURNING id
)
SELECT id, pg_notify('${USER_CHANNEL}', $1::text) AS notified FROM recorded`;

const READ = `
SELECT id::text AS id, type, payload FROM chat_user_events
WHERE user_id = $1::text AND id > $2::bigint ORDER BY id LIMIT 500`;

const LAST = `SELECT coalesce(max(id), 0)::text AS id FROM chat_user_events WHERE user_id = $1::text`;

const DELETE_OLD = `
DELETE FROM chat_user_events WHERE id IN (
  SELECT id FROM chat_user_events WHERE created_at < now() - $1::int * interval '1 millisecond' LIMIT $2::int
) RETURNING id`;

/** Each user's sidebar changes, kept a while so a client can resume them from any instance. */
export class UserEventsRepository {
  constructor(private readonly database: ChatDatabase) {}

  async record(userId: string, event: UserEvent): Promise<void> {
    await withDeadline(this.database.query(RECORD, [userId, event.type, JSON.stringify(event)]));
  }

  async read(userId: string, afterId: string): Promise<UserEventRow[]> {
    return withDeadline(this.database.query<UserEventRow>(READ, [userId, afterId]));
  }

  async lastId(userId: string): Promise<string> {
    const [row] = await withDeadline(this.database.query<{ id: string }>(LAST, [userId]));
    return row?.id ?? '0';
  }

  async deleteOld(retentionMs: number, limit: number): Promise<number> {
    return (await withDeadline(this.database.query(DELETE_OLD, [retentionMs, limit]))).length;
  }
}
