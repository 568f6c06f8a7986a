import * as z from 'zod/mini';

/** First event of `stream-new`, written as soon as the session and its first message are committed. */
export const sessionCreatedEventSchema = z.object({
  type: z.literal('session_created'),
  session_id: z.string(),
  model_id: z.nullable(z.string()),
  title: z.string(),
});

/** A text delta of the assistant's answer. */
export const tokenEventSchema = z.object({
  type: z.literal('token'),
  content: z.string(),
});

// A list of literals rather than `z.enum`: the same type, and one schema class less in client bundles.
export const toolStatusSchema = z.literal(['started', 'finished', 'failed']);
export type ToolStatus = z.infer<typeof toolStatusSchema>;

/** A tool run by the server on the model's behalf. */
export const toolEventSchema = z.object({
  type: z.literal('tool'),
  tool: z.string(),
  call_id: z.string(),
  status: toolStatusSchema,
  input: z.optional(z.unknown()),
  output: z.optional(z.unknown()),
});

/** The generated title, sent if it is ready while the stream is still open. */
export const titleEventSchema = z.object({
  type: z.literal('title'),
  session_id: z.string(),
  title: z.string(),
});

/** Last event of a successful turn. `finish_reason` is `stop`, `length`, `stopped`, … (open set). */
export const doneEventSchema = z.object({
  type: z.literal('done'),
  message_id: z.string(),
  finish_reason: z.string(),
});

/** Last event of a failed turn. `error` is text for people; `code` is for programs. */
export const errorEventSchema = z.object({
  type: z.literal('error'),
  error: z.string(),
  code: z.string(),
  retryable: z.boolean(),
});

/**
 * Any stream event, discriminated on `type`. (Marked pure so that bundles which validate with
 * {@link streamEventSchemas} instead leave out the union's code, about 0.9 KB gzip.)
 */
export const streamEventSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  sessionCreatedEventSchema,
  tokenEventSchema,
  toolEventSchema,
  titleEventSchema,
  doneEventSchema,
  errorEventSchema,
]);

export type SessionCreatedEvent = z.infer<typeof sessionCreatedEventSchema>;
export type TokenEvent = z.infer<typeof tokenEventSchema>;
export type ToolEvent = z.infer<typeof toolEventSchema>;
export type TitleEvent = z.infer<typeof titleEventSchema>;
export type DoneEvent = z.infer<typeof doneEventSchema>;
export type ErrorEvent = z.infer<typeof errorEventSchema>;
export type StreamEvent = z.infer<typeof streamEventSchema>;
export type StreamEventType = StreamEvent['type'];

/** The event types this version understands; a client ignores any other (forward compatibility). */
export const STREAM_EVENT_TYPES: readonly StreamEventType[] = [
  'session_created',
  'token',
  'tool',
  'title',
  'done',
  'error',
];

/** The schema of each event type, to validate a frame whose type the SSE `event:` field already names. */
export const streamEventSchemas: {
  readonly [Type in StreamEventType]: z.ZodMiniType<Extract<StreamEvent, { type: Type }>>;
} = {
  session_created: sessionCreatedEventSchema,
  token: tokenEventSchema,
  tool: toolEventSchema,
  title: titleEventSchema,
  done: doneEventSchema,
  error: errorEventSchema,
};
