import { and, asc, desc, eq, lt, or, sql, isNull } from 'drizzle-orm';
import type { Message, Session, ToolCall } from '@parley/sdk/protocol';
import { DATABASE_DEADLINE_MS, withDeadline } from './deadline';
import type { ChatDatabase, Query } from './open-database';
import { chatMessages, chatSessions, type ChatMessageRow, type ChatSessionRow } from './schema';

export interface NewConversation {
  sessionId: string;
  userId: string;
  modelId: string | null;
  title: string;
  idempotencyKey: string | null;
  userMessageId: string;
  message: string;
  assistantMessageId: string;
}

/** The session a repeated `Idempotency-Key` points at, with the turn it started. */
export interface ExistingConversation {
  session: Session;
  firstMessage: string;
  assistant: Message | undefined;
}

// Taken first in the transaction that starts an answer, so that counting the user's running
// answers and inserting one is atomic across every instance.
const LOCK_USER = `SELECT pg_advisory_xact_lock(hashtextextended('parley-user:' || $1::text, 0))`;

// Deactivate the user's active session for this model (the seed's start_new_conversation),
// insert the session, its first message, the assistant message about to stream and its turn
// (lease) row, in one statement. A repeated idempotency key, or a user at the cap of running
// answers, inserts nothing and deactivates nothing.
const CREATE_CONVERSATION = `
WITH existing AS (
  SELECT 1 FROM chat_sessions WHERE user_id = $1::text AND idempotency_key = $5::text
), capacity AS (
  SELECT count(*) < $11::int AS ok FROM chat_turns WHERE user_id = $1::text AND finished_at IS NULL
), go AS (
  SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM existing) AND (SELECT ok FROM capacity)
), deactivated AS (
  UPDATE chat_sessions SET is_active = false
  WHERE user_id = $1::text AND model_id IS NOT DISTINCT FROM $2::text AND is_active AND EXISTS (SELECT 1 FROM go)
), new_session AS (
  INSERT INTO chat_sessions (id, user_id, model_id, session_title, is_active, idempotency_key)
  SELECT $3::text, $1::text, $2::text, $4::text, true, $5::text WHERE EXISTS (SELECT 1 FROM go)
  ON CONFLICT (user_id, idempotency_key) DO NOTHING
  RETURNING id
), messages AS (
  INSERT INTO chat_messages (id, session_id, role, content, status)
  SELECT $6::text, id, 'user', $7::text, 'complete' FROM new_session
  UNION ALL
  SELECT $8::text, id, 'assistant', '', 'streaming' FROM new_session
  RETURNING id
), turn AS (
  INSERT INTO chat_turns (message_id, session_id, user_id, owner, expires_at)
  SELECT $8::text, id, $1::text, $9::text, now() + $10::int * interval '1 millisecond' FROM new_session
  RETURNING 1
)
SELECT (SELECT count(*)::int FROM new_session) AS created,
  EXISTS (SELECT 1 FROM existing) AS existed, NOT (SELECT ok FROM capacity) AS capped`;

// Next turn of a persistent conversation: both messages and the turn row, only if the session
// is the user's, has no answer running (the unique index backs this up) and the user is under the cap.
const APPEND_TURN = `
WITH owned AS (
  SELECT id FROM chat_sessions WHERE id = $1::text AND user_id = $2::text
), busy AS (
  SELECT 1 FROM chat_messages WHERE session_id = $1::text AND role = 'assistant' AND status = 'streaming'
), capacity AS (
  SELECT count(*) < $8::int AS ok FROM chat_turns WHERE user_id = $2::text AND finished_at IS NULL
), go AS (
  SELECT id FROM owned WHERE NOT EXISTS (SELECT 1 FROM busy) AND (SELECT ok FROM capacity)
), touched AS (
  UPDATE chat_sessions SET updated_at = now(), is_active = true WHERE id IN (SELECT id FROM go)
  RETURNING id
), messages AS (
  INSERT INTO chat_messages (id, session_id, role, content, status)
  SELECT $3::text, id, 'user', $4::text, 'complete' FROM go
  UNION ALL
  SELECT $5::text, id, 'assistant', '', 'streaming' FROM go
  RETURNING id
), turn AS (
  INSERT INTO chat_turns (message_id, session_id, user_id, owner, expires_at)
  SELECT $5::text, id, $2::text, $6::text, now() + $7::int * interval '1 millisecond' FROM go
  RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM owned) AS found, EXISTS (SELECT 1 FROM busy) AS busy,
  NOT (SELECT ok FROM capacity) AS capped, EXISTS (SELECT 1 FROM go) AS appended`;

const SET_GENERATED_TITLE = `
UPDATE chat_sessions SET session_title = $2 WHERE id = $1 AND session_title = $3 RETURNING id`;

const FINISH_MESSAGE = `
UPDATE chat_messages SET content = $2, tool_calls = $3::jsonb, status = $4 WHERE id = $1`;

/**
 * Storage of sessions and messages. Every call has a deadline (`withDeadline`); the writes of
 * a turn are cancelled at theirs, so a 503 means they wrote nothing.
 */
export class ConversationRepository {
  private readonly deadlineMs: number;

  constructor(
    private readonly database: ChatDatabase,
    options: { deadlineMs?: number } = {},
  ) {
    this.deadlineMs = options.deadlineMs ?? DATABASE_DEADLINE_MS;
  }

  /** One statement, cancelled at the deadline. */
  private write<Row>(text: string, params: readonly unknown[]): Promise<Row[]> {
    return withDeadline((signal) => this.database.query<Row>(text, params, { signal }), this.deadlineMs);
  }

  /** A transaction, cancelled and rolled back at the deadline. */
  private transact<T>(work: (query: Query) => Promise<T>): Promise<T> {
    return withDeadline((signal) => this.database.transaction(work, { signal }), this.deadlineMs);
  }

  /** A drizzle query, which cannot be cancelled: raced against the deadline (reads and cleanups). */
  private read<T>(query: Promise<T>): Promise<T> {
    return withDeadline(query, this.deadlineMs);
  }

  /**
   * Creates the session with its first message and the answer's turn row: `created`, `existed`
   * (the idempotency key was seen) or `capped` (the user runs `maxRunning` answers already).
   */
  async createConversation(
    input: NewConversation,
    turn: TurnOwner = UNOWNED,
  ): Promise<'created' | 'existed' | 'capped'> {
    const rows = await this.transact((query) =>
      query(LOCK_USER, [input.userId]).then(() =>
        query<{ created: number; existed: boolean; capped: boolean }>(CREATE_CONVERSATION, [
          input.userId,
          input.modelId,
          input.sessionId,
          input.title,
          input.idempotencyKey,
          input.userMessageId,
          input.message,
          input.assistantMessageId,
          turn.owner,
          turn.leaseMs,
          turn.maxRunning,
        ]),
      ),
    );
    const row = rows[0];
    if (row?.created === 1) return 'created';
    return row?.existed ? 'existed' : row?.capped ? 'capped' : 'existed';
  }

  async findByIdempotencyKey(userId: string, key: string): Promise<ExistingConversation | undefined> {
    const db = this.database.db;
    const [session] = await this.read(
      db
        .select()
        .from(chatSessions)
        .where(and(eq(chatSessions.userId, userId), eq(chatSessions.idempotencyKey, key)))
        .limit(1),
    );
    if (!session) return undefined;
    const messages = await this.read(
      db
        .select()
        .from(chatMessages)
        .where(eq(chatMessages.sessionId, session.id))
        .orderBy(asc(chatMessages.createdAt), asc(chatMessages.id))
        .limit(2),
    );
    const first = messages.find((message) => message.role === 'user');
    const assistant = messages.find((message) => message.role === 'assistant');
    return {
      session: toSession(session),
      firstMessage: first?.content ?? '',
      assistant: assistant && toMessage(assistant),
    };
  }

  /** Adds the next user message, the streaming assistant message and its turn row. */
  async appendTurn(
    input: {
      sessionId: string;
      userId: string;
      userMessageId: string;
      message: string;
      assistantMessageId: string;
    },
    turn: TurnOwner = UNOWNED,
  ): Promise<'appended' | 'not_found' | 'busy' | 'capped'> {
    let row: { found: boolean; busy: boolean; capped: boolean; appended: boolean } | undefined;
    try {
      [row] = await this.transact(async (query) => {
        await query(LOCK_USER, [input.userId]);
        return query<{ found: boolean; busy: boolean; capped: boolean; appended: boolean }>(APPEND_TURN, [
          input.sessionId,
          input.userId,
          input.userMessageId,
          input.message,
          input.assistantMessageId,
          turn.owner,
          turn.leaseMs,
          turn.maxRunning,
        ]);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'chat_messages_one_streaming_idx')) return 'busy';
      throw error;
    }
    if (!row?.found) return 'not_found';
    if (row.appended) return 'appended';
    return row.busy ? 'busy' : 'capped';
  }

  async finishMessage(
    messageId: string,
    content: string,
    toolCalls: readonly ToolCall[],
    status: Message['status'],
  ): Promise<void> {
    await this.write(FINISH_MESSAGE, [messageId, content, JSON.stringify(toolCalls), status]);
  }

  /** Sets the generated title unless the user renamed the session meanwhile. */
  async setGeneratedTitle(sessionId: string, title: string, defaultTitle: string): Promise<boolean> {
    const rows = await this.write(SET_GENERATED_TITLE, [sessionId, title, defaultTitle]);
    return rows.length > 0;
  }

  async getSession(userId: string, sessionId: string): Promise<Session | undefined> {
    const [row] = await this.read(
      this.database.db
        .select()
        .from(chatSessions)
        .where(and(eq(chatSessions.id, sessionId), eq(chatSessions.userId, userId)))
        .limit(1),
    );
    return row && toSession(row);
  }

  async getMessages(sessionId: string): Promise<Message[]> {
    const rows = await this.read(
      this.database.db
        .select()
        .from(chatMessages)
        .where(eq(chatMessages.sessionId, sessionId))
        .orderBy(asc(chatMessages.createdAt), asc(chatMessages.id)),
    );
    return rows.map(toMessage);
  }

  /** Newest first by `updated_at`, keyset-paginated. `modelId: null` lists the general chat only. */
  async listSessions(
    userId: string,
    options: { modelId?: string | null; limit: number; cursor?: SessionCursor },
  ): Promise<Session[]> {
    const conditions = [eq(chatSessions.userId, userId)];
    if (options.modelId === null) conditions.push(isNull(chatSessions.modelId));
    else if (options.modelId !== undefined) conditions.push(eq(chatSessions.modelId, options.modelId));
    if (options.cursor) {
      const after = new Date(options.cursor.updatedAt);
      conditions.push(
        or(
          lt(chatSessions.updatedAt, after),
          and(eq(chatSessions.updatedAt, after), lt(chatSessions.id, options.cursor.id)),
        )!,
      );
    }
    const rows = await this.read(
      this.database.db
        .select()
        .from(chatSessions)
        .where(and(...conditions))
        .orderBy(desc(chatSessions.updatedAt), desc(chatSessions.id))
        .limit(options.limit),
    );
    return rows.map(toSession);
  }

  async renameSession(userId: string, sessionId: string, title: string): Promise<Session | undefined> {
    const [row] = await this.read(
      this.database.db
        .update(chatSessions)
        .set({ sessionTitle: title, updatedAt: sql`now()` })
        .where(and(eq(chatSessions.id, sessionId), eq(chatSessions.userId, userId)))
        .returning(),
    );
    return row && toSession(row);
  }

  async deleteSession(userId: string, sessionId: string): Promise<boolean> {
    const rows = await this.read(
      this.database.db
        .delete(chatSessions)
        .where(and(eq(chatSessions.id, sessionId), eq(chatSessions.userId, userId)))
        .returning({ id: chatSessions.id }),
    );
    return rows.length > 0;
  }
}

/** Who runs a new answer, for how long before its lease must be renewed, and the user's cap. */
export interface TurnOwner {
  owner: string;
  leaseMs: number;
  maxRunning: number;
}

/** For callers that only store rows: no cap, and a lease the sweeper ends after a minute. */
const UNOWNED: TurnOwner = { owner: 'none', leaseMs: 60_000, maxRunning: 1_000_000 };

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const record = cause as { code?: string; constraint_name?: string; constraint?: string };
    if (record.code === '23505')
      return (record.constraint_name ?? record.constraint ?? constraint) === constraint;
  }
  return false;
}

export interface SessionCursor {
  updatedAt: string;
  id: string;
}

export function toSession(row: ChatSessionRow): Session {
  return {
    id: row.id,
    model_id: row.modelId,
    title: row.sessionTitle,
    is_active: row.isActive,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toMessage(row: ChatMessageRow): Message {
  return {
    id: row.id,
    session_id: row.sessionId,
    role: row.role,
    content: row.content,
    tool_calls: row.toolCalls,
    status: row.status,
    created_at: row.createdAt.toISOString(),
  };
}
