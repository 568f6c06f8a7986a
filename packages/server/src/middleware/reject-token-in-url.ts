import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors/api-error';

/**
 * The seed's critical issue 1: a token in a URL ends up in logs, history and proxies. Refuse it
 * outright, so a client that tries learns at once, instead of silently accepting it.
 */
export const rejectTokenInUrl: MiddlewareHandler = async (c, next) => {
  const query = c.req.url.indexOf('?');
  if (query !== -1 && new URLSearchParams(c.req.url.slice(query + 1)).has('token')) {
    throw new ApiError(
      400,
      'token_in_url',
      'Send the token in the Authorization header (Bearer), never in the URL.',
    );
  }
  await next();
};
