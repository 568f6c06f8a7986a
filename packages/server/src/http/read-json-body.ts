import type { Context } from 'hono';
import type { z } from 'zod/mini';
import { ApiError } from '../errors/api-error';

/**
 * Parses and validates a JSON body with a protocol schema. Errors carry stable codes:
 * `invalid_json`, `empty_message`, `message_too_long` (413) and `validation_error`.
 */
export async function readJsonBody<Schema extends z.ZodMiniType>(
  c: Context,
  schema: Schema,
): Promise<z.infer<Schema>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body must be JSON.');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.path[0] === 'message') {
    if (issue.code === 'too_small') throw new ApiError(400, 'empty_message', 'The message is empty.');
    if (issue.code === 'too_big') {
      throw new ApiError(413, 'message_too_long', `The message is too long (at most ${issue.maximum} characters).`);
    }
  }
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new ApiError(400, 'validation_error', `${where}${issue.message}`);
}
