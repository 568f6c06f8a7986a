import { createMiddleware } from 'hono/factory';
import type { AuthenticatedUser, Authenticate } from '../auth/authenticator';
import { ApiError } from '../errors/api-error';
import type { AppEnv } from '../app-env';

/** Requires `Authorization: Bearer <token>` and puts the user in `c.var.user`. */
export function authenticate(verify: Authenticate) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    let user: AuthenticatedUser | undefined;
    if (token) user = await verify(token, c.req);
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
