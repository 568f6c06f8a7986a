import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors/api-error';

/** Query parameters that carry a credential, compared in lower case with `-` read as `_`. */
export const CREDENTIAL_PARAMETERS: ReadonlySet<string> = new Set([
  'token',
  'access_token',
  'id_token',
  'jwt',
  'auth',
  'authorization',
  'api_key',
  'apikey',
]);

/**
 * The seed's critical issue 1: a credential in a URL ends up in logs, history and proxies. Refuse
 * it outright, whatever the parameter is called and whether it is valid, so a client that tries
 * learns at once, instead of silently accepting it.
 */
export const rejectTokenInUrl: MiddlewareHandler = async (c, next) => {
  const query = c.req.url.indexOf('?');
  if (query !== -1) {
    for (const name of new URLSearchParams(c.req.url.slice(query + 1)).keys()) {
      if (CREDENTIAL_PARAMETERS.has(name.toLowerCase().replaceAll('-', '_'))) {
        throw new ApiError(
          400,
          'token_in_url',
          'Send credentials in the Authorization header (Bearer), never in the URL.',
        );
      }
    }
  }
  await next();
};
