import { and, asc, desc, eq, lt, or, sql, isNull } from 'drizzle-orm';
import type { Message, Session, ToolCall } from '@parley/sdk/protocol';
import { DATABASE_DEADLINE_MS, withDeadline } from './deadline';
import type { ChatDatabase } from './open-database';
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

// One statement, hence one implicit transaction and one round trip: deactivate the user's
// active session for this model (the seed's start_new_conversation), insert the session, its
// first message and the assistant message that is about to stream. A repeated idempotency key
// inserts nothing and deactivates nothing.
const CREATE_CONVERSATION = `
WITH existing AS (
  SELECT 1 FROM chat_sessions WHERE user_id = $1 AND idempotency_key = $5
), deactivated AS (
  UPDATE chat_sessions SET is_active = false
  WHERE user_id = $1 AND model_id IS NOT DISTINCT FROM $2 AND is_active AND NOT EXISTS (SELECT 1 FROM existing)
), new_session AS (
  INSERT INTO chat_sessions (id, user_id, model_id, session_title, is_active, idempotency_key)
  SELECT $3, $1, $2, $4, true, $5 WHERE NOT EXISTS (SELECT 1 FROM existing)
  ON CONFLICT (user_id, idempotency_key) DO NOTHING
  RETURNING id
), messages AS (
  INSERT INTO chat_messages (id, session_id, role, content, status)
  SELECT $6, id, 'user', $7, 'complete' FROM new_session
  UNION ALL
  SELECT $8, id, 'assistant', '', 'streaming' FROM new_session
  RETURNING id
)
SELECT count(*)::int AS created FROM new_session`;

// Next turn of a persistent conversation: both messages, only if the session is the user's.
const APPEND_TURN = `
WITH owned AS (
  UPDATE chat_sessions SET updated_at = now(), is_active = true
  WHERE id = $1 AND user_id = $2
  RETURNING id
)
INSERT INTO chat_messages (id, session_id, role, content, status)
SELECT $3, id, 'user', $4, 'complete' FROM owned
UNION ALL
SELECT $5, id, 'assistant', '', 'streaming' FROM owned
RETURNING id`;

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

  /** A drizzle query, which cannot be cancelled: raced against the deadline (reads and cleanups). */
  private read<T>(query: Promise<T>): Promise<T> {
    return withDeadline(query, this.deadlineMs);
  }

  /** Creates the session with its first message; `false` when the idempotency key was seen. */
  async createConversation(input: NewConversation): Promise<boolean> {
    const rows = await this.write<{ created: number }>(CREATE_CONVERSATION, [
      input.userId,
      input.modelId,
      input.sessionId,
      input.title,
      input.idempotencyKey,
      input.userMessageId,
      input.message,
      input.assistantMessageId,
    ]);
    return rows[0]?.created === 1;
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

  /** Adds the next user message and the streaming assistant message; false if not the user's. */
  async appendTurn(input: {
    sessionId: string;
    userId: string;
    userMessageId: string;
    message: string;
    assistantMessageId: string;
  }): Promise<boolean> {
    const rows = await this.write(APPEND_TURN, [
      input.sessionId,
      input.userId,
      input.userMessageId,
      input.message,
      input.assistantMessageId,
    ]);
    return rows.length > 0;
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

  /** Marks answers left `streaming` by a process that died as failed (run at start-up). */
  async failAbandonedMessages(olderThanMinutes: number): Promise<number> {
    const rows = await this.read(
      this.database.db
        .update(chatMessages)
        .set({ status: 'error' })
        .where(
          and(
            eq(chatMessages.status, 'streaming'),
            lt(chatMessages.createdAt, sql`now() - make_interval(mins => ${olderThanMinutes})`),
          ),
        )
        .returning({ id: chatMessages.id }),
    );
    return rows.length;
  }
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
