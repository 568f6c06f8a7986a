import * as z from 'zod/mini';
import { MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH } from './limits';

/** A user's message: trimmed, not empty, at most {@link MAX_MESSAGE_LENGTH} characters. */
export const messageTextSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'The message is empty.'),
    z.maxLength(MAX_MESSAGE_LENGTH, 'The message is too long.'),
  );

/** Model ids are opaque, URL-safe strings chosen by the integrator. */
export const modelIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(100), z.regex(/^[A-Za-z0-9._:-]+$/));

/** Body of `POST /api/chat/stream-new`. */
export const streamNewRequestSchema = z.object({
  message: messageTextSchema,
  model_id: z.optional(z.nullable(modelIdSchema)),
});
export type StreamNewRequest = z.infer<typeof streamNewRequestSchema>;

/** Body of `POST /api/chat/sessions/{id}/stream`. */
export const streamRequestSchema = z.object({
  message: messageTextSchema,
});
export type StreamRequest = z.infer<typeof streamRequestSchema>;

/** Body of `PATCH /api/chat/sessions/{id}`. */
export const renameSessionRequestSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TITLE_LENGTH)),
});
export type RenameSessionRequest = z.infer<typeof renameSessionRequestSchema>;

/** Query of `GET /api/chat/sessions`. */
export const listSessionsQuerySchema = z.object({
  model_id: z.optional(modelIdSchema),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});
export type ListSessionsQuery = z.infer<typeof listSessionsQuerySchema>;
