import type { HonoRequest } from 'hono';
import { verifyToken } from './hs256';

/** Who a request comes from. */
export interface AuthenticatedUser {
  id: string;
  /** True for visitors holding a guest token. */
  guest?: boolean;
}

/**
 * Turns the bearer token of a request into a user, or `undefined` to answer 401. Integrators
 * plug their own in (sessions, OIDC, an API gateway) through `createChatServer({ authenticate })`;
 * `request` gives the headers, URL and method (`request.header('x-tenant')`, `request.url`).
 */
export type Authenticate = (
  token: string,
  request: HonoRequest,
) => AuthenticatedUser | undefined | Promise<AuthenticatedUser | undefined>;

/** The default: HS256 JWTs signed with `secret`, `sub` being the user id. */
export function jwtAuthenticator(secret: string): Authenticate {
  return (token) => {
    const claims = verifyToken(token, secret);
    if (!claims) return undefined;
    return { id: claims.sub, guest: claims.guest === true };
  };
}
