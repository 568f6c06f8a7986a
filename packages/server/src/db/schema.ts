import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ToolCall } from '@parley/sdk/protocol';

/** The seed's table and column names, so its verification SQL runs unchanged. */
export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    modelId: text('model_id'),
    sessionTitle: text('session_title').notNull().default('New conversation'),
    isActive: boolean('is_active').notNull().default(true),
    /** The `Idempotency-Key` of the stream-new request that created it. */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 })
      .notNull()
      .defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (table) => [
    index('chat_sessions_user_recent_idx').on(table.userId, table.updatedAt.desc(), table.id.desc()),
    uniqueIndex('chat_sessions_user_idempotency_idx').on(table.userId, table.idempotencyKey),
    index('chat_sessions_user_active_idx').on(table.userId, table.modelId).where(sql`${table.isActive}`),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    content: text('content').notNull().default(''),
    toolCalls: jsonb('tool_calls').$type<ToolCall[]>().notNull().default([]),
    status: text('status', { enum: ['streaming', 'complete', 'partial', 'error', 'interrupted'] })
      .notNull()
      .default('complete'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (table) => [
    index('chat_messages_session_order_idx').on(table.sessionId, table.createdAt, table.id),
    // One answer at a time per conversation, across every instance: a second start is a 409.
    uniqueIndex('chat_messages_one_streaming_idx')
      .on(table.sessionId)
      .where(sql`${table.role} = 'assistant' AND ${table.status} = 'streaming'`),
  ],
);

/**
 * One row per answer that has a turn log: who runs it (the lease), whether a stop was asked
 * for, and when it ended (its log is deleted some time after).
 */
export const chatTurns = pgTable(
  'chat_turns',
  {
    messageId: text('message_id')
      .primaryKey()
      .references(() => chatMessages.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').notNull(),
    userId: text('user_id').notNull(),
    /** The instance that runs the answer and renews the lease. */
    owner: text('owner').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    /** The last event number written to the log. */
    lastSeq: integer('last_seq').notNull().default(0),
    stopRequested: boolean('stop_requested').notNull().default(false),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date', precision: 3 }),
  },
  (table) => [
    index('chat_turns_running_user_idx').on(table.userId).where(sql`${table.finishedAt} IS NULL`),
    index('chat_turns_running_expiry_idx').on(table.expiresAt).where(sql`${table.finishedAt} IS NULL`),
    index('chat_turns_finished_idx').on(table.finishedAt).where(sql`${table.finishedAt} IS NOT NULL`),
  ],
);

/**
 * The turn log: every event of an answer, in batches. `seq` is the number of the row's last
 * event and `first_seq` of its first (a row of coalesced tokens holds several events, its
 * payload the array of their texts); an SSE id names one event, so a resume is exact.
 */
export const chatTurnEvents = pgTable(
  'chat_turn_events',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => chatTurns.messageId, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    firstSeq: integer('first_seq').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.seq] })],
);

/** Each user's sidebar changes, for `GET /api/chat/events` on any instance (kept a while). */
export const chatUserEvents = pgTable(
  'chat_user_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (table) => [
    index('chat_user_events_user_idx').on(table.userId, table.id),
    index('chat_user_events_created_idx').on(table.createdAt),
  ],
);

/** Sliding logs of the Postgres rate-limit store (shared by every server instance). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  /** Epoch milliseconds of the admitted requests still in the window, oldest first. */
  hits: bigint('hits', { mode: 'number' }).array().notNull(),
  /** The decision of the last request, read back by the store's one-statement upsert. */
  admitted: boolean('admitted').notNull(),
});

export type ChatSessionRow = typeof chatSessions.$inferSelect;
export type ChatMessageRow = typeof chatMessages.$inferSelect;
export type NewChatMessageRow = typeof chatMessages.$inferInsert;
export type ChatTurnRow = typeof chatTurns.$inferSelect;
export type ChatTurnEventRow = typeof chatTurnEvents.$inferSelect;
