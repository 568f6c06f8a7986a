import * as z from 'zod/mini';
import { MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH } from './limits';

// NUL cannot be stored in a Postgres text value, and a lone UTF-16 surrogate is not text (it
// has no UTF-8 form): both are refused before they reach a database. With the `u` flag a
// well-formed surrogate pair is one code point, so the range only matches lone halves.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDFFF]/u;

// Characters that show nothing on their own: white space, controls, format characters
// (zero-width spaces and joiners, word joiner, BOM, soft hyphen, bidi controls, tag
// characters), the combining grapheme joiner, variation selectors and the blank fillers.
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: it matches single code points, combining or not
  /^[\s\p{Cc}\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]*$/u;

/** Whether `text` holds a character Postgres cannot store (NUL) or a lone surrogate. */
export function hasUnstorableCharacters(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** Whether `text` shows nothing: only white space and invisible characters (zero-width, bidi…). */
export function isBlankText(text: string): boolean {
  return INVISIBLE.test(text);
}

/** The `params` of the issue a blank message or title raises. */
export const BLANK_TEXT_ISSUE = { reason: 'blank' } as const;

const storable = (what: string) =>
  z.refine<string>((text) => !hasUnstorableCharacters(text), {
    error: `The ${what} contains a NUL character or a lone surrogate, which cannot be stored.`,
    abort: true,
  });

const visible = (what: string) =>
  z.refine<string>((text) => !isBlankText(text), {
    error: `The ${what} is empty.`,
    params: BLANK_TEXT_ISSUE,
  });

/**
 * A user's message: trimmed, not empty or invisible, storable, at most
 * {@link MAX_MESSAGE_LENGTH} characters.
 */
export const messageTextSchema = z
  .string()
  .check(
    z.trim(),
    storable('message'),
    z.minLength(1, 'The message is empty.'),
    visible('message'),
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
  title: z
    .string()
    .check(z.trim(), storable('title'), z.minLength(1), visible('title'), z.maxLength(MAX_TITLE_LENGTH)),
});
export type RenameSessionRequest = z.infer<typeof renameSessionRequestSchema>;

/** Query of `GET /api/chat/sessions`. */
export const listSessionsQuerySchema = z.object({
  model_id: z.optional(modelIdSchema),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.maxLength(200), storable('cursor'))),
});
export type ListSessionsQuery = z.infer<typeof listSessionsQuerySchema>;
