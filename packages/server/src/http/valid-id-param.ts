import type { MiddlewareHandler } from 'hono';
import { hasUnstorableCharacters } from '@parley/sdk/protocol';
import { ApiError } from '../errors/api-error';

/** Longer than any id this server makes (UUIDs have 36 characters), short enough for any index. */
const MAX_ID_LENGTH = 200;

/**
 * Refuses with 400 `validation_error` an id path parameter the database cannot take (a NUL, a
 * lone surrogate, or an absurd length), which would otherwise fail there as a 503. An id that
 * is merely unknown still reaches the route, which answers 404.
 */
export function validIdParam(name: string): MiddlewareHandler {
  return async (c, next) => {
    const id = c.req.param(name);
    if (id !== undefined && (id.length > MAX_ID_LENGTH || hasUnstorableCharacters(id))) {
      throw new ApiError(400, 'validation_error', `The ${name} in the path is not a valid id.`);
    }
    await next();
  };
}
