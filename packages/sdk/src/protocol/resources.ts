import * as z from 'zod/mini';
import { toolStatusSchema } from './events';

export const sessionSchema = z.object({
  id: z.string(),
  model_id: z.nullable(z.string()),
  title: z.string(),
  is_active: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const toolCallSchema = z.object({
  call_id: z.string(),
  tool: z.string(),
  status: toolStatusSchema,
  input: z.optional(z.unknown()),
  output: z.optional(z.unknown()),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

export const messageRoleSchema = z.literal(['user', 'assistant']);
export type MessageRole = z.infer<typeof messageRoleSchema>;

/** `streaming` while generated; then `complete`, `partial` (stopped), `error`, or `interrupted` (its server died; the text so far is kept). */
export const messageStatusSchema = z.literal(['streaming', 'complete', 'partial', 'error', 'interrupted']);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const messageSchema = z.object({
  id: z.string(),
  session_id: z.string(),
  role: messageRoleSchema,
  content: z.string(),
  tool_calls: z.array(toolCallSchema),
  status: messageStatusSchema,
  created_at: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

/** `GET /api/chat/sessions`: newest first; `next_cursor` is null on the last page. */
export const sessionListSchema = z.object({
  sessions: z.array(sessionSchema),
  next_cursor: z.nullable(z.string()),
});
export type SessionList = z.infer<typeof sessionListSchema>;

/** `GET /api/chat/sessions/{id}`. */
export const sessionDetailSchema = z.object({
  session: sessionSchema,
  messages: z.array(messageSchema),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const modelSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
});
export type Model = z.infer<typeof modelSchema>;

/** `GET /api/models`: the models a user can chat with, and the one the general chat uses. */
export const modelListSchema = z.object({
  models: z.array(modelSchema),
  default_model_id: z.string(),
});
export type ModelList = z.infer<typeof modelListSchema>;

/** `POST /api/auth/guest`: a short-lived token for an anonymous visitor. */
export const guestTokenSchema = z.object({
  token: z.string(),
  user_id: z.string(),
  expires_at: z.string(),
});
export type GuestToken = z.infer<typeof guestTokenSchema>;
