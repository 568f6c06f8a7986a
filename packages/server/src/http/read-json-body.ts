import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { z } from 'zod/mini';
import { BLANK_TEXT_ISSUE } from '@parley/sdk/protocol';
import { ApiError } from '../errors/api-error';
import { readBodyText } from './read-body-text';

/**
 * Parses and validates a JSON body with a protocol schema. Errors carry stable codes:
 * `payload_too_large` and `message_too_long` (413), `invalid_json`, `empty_message` and
 * `validation_error`.
 */
export async function readJsonBody<Schema extends z.ZodMiniType>(
  c: Context<AppEnv>,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const text = await readBodyText(c);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body must be JSON.');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.path[0] === 'message') {
    // Only white space or invisible characters (zero-width, bidi controls…) is empty too.
    const blank = issue.code === 'custom' && issue.params?.reason === BLANK_TEXT_ISSUE.reason;
    if (issue.code === 'too_small' || blank) {
      throw new ApiError(400, 'empty_message', 'The message is empty.');
    }
    if (issue.code === 'too_big') {
      throw new ApiError(
        413,
        'message_too_long',
        `The message is too long (at most ${issue.maximum} characters).`,
      );
    }
  }
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new ApiError(400, 'validation_error', `${where}${issue.message}`);
}
