import type { z } from 'zod/mini';

/**
 * Parses wire text as JSON and validates it against `schema`, in one step, so that no unchecked
 * wire data gets further. Returns `undefined` when the text is not JSON or does not match.
 */
export function parseJson<Schema extends z.ZodMiniType>(
  text: string,
  schema: Schema,
): z.infer<Schema> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}
