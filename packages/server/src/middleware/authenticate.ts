import { createMiddleware } from 'hono/factory';
import type { AuthenticatedUser, Authenticate } from '../auth/authenticator';
import { isStorableId } from '../auth/token-claims';
import { ApiError } from '../errors/api-error';
import type { AppEnv } from '../app-env';

// RFC 7235: the scheme is case-insensitive (`bearer` is `Bearer`).
const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Requires `Authorization: Bearer <token>` and puts the user in `c.var.user`. No bearer token is
 * `401 unauthorized`; a token that is refused is `401 invalid_token`.
 */
export function authenticate(verify: Authenticate) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    let user: AuthenticatedUser | undefined;
    if (token) user = await verify(token, c.req);
    // Whatever verified it: an id the database would mangle or refuse is no identity.
    if (user && !isStorableId(user.id)) user = undefined;
    if (!user && token) {
      // RFC 6750's code: the client knows its token, not its missing sign-in, is the problem.
      throw new ApiError(401, 'invalid_token', 'The token is not valid or has expired.', {
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      });
    }
    if (!user) {
      throw new ApiError(401, 'unauthorized', 'Sign in: send Authorization: Bearer <token>.', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    c.set('user', user);
    await next();
  });
}
