import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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
    status: text('status', { enum: ['streaming', 'complete', 'partial', 'error'] })
      .notNull()
      .default('complete'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (table) => [index('chat_messages_session_order_idx').on(table.sessionId, table.createdAt, table.id)],
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
