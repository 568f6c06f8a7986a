import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { signToken, verifyToken } from '../auth/hs256';
import { ApiError } from '../errors/api-error';
import { type ClientAddressResolver, clientAddressResolver, type TrustProxy } from '../http/client-address';
import type { RateLimiter } from '../rate-limit/rate-limiter';

/**
 * `POST /api/auth/guest`: a short-lived token for an anonymous visitor of an embedding site,
 * rate-limited per IP address. Sent with a guest's valid token (`Authorization: Bearer`), it
 * renews that guest instead: the same user id with a new expiry, outside the per-address limit,
 * since it makes no new user. Only mounted when guests are enabled.
 */
export function guestRoutes(deps: {
  secret: string;
  ttlSeconds: number;
  perIp: RateLimiter;
  trustProxy: TrustProxy;
}) {
  const addressOf = clientAddressResolver(deps.trustProxy);
  return new Hono().post('/', async (c) => {
    const now = Math.floor(Date.now() / 1000);
    let userId = renewedGuest(c, deps.secret);
    if (userId === undefined) {
      const limits = await deps.perIp.check(clientAddress(c, addressOf));
      for (const [name, value] of Object.entries(limits)) c.header(name, value);
      userId = `guest_${randomBytes(12).toString('base64url')}`;
    }
    const expiresAt = now + deps.ttlSeconds;
    const token = signToken({ sub: userId, guest: true, iat: now, exp: expiresAt }, deps.secret);
    return c.json({ token, user_id: userId, expires_at: new Date(expiresAt * 1000).toISOString() }, 201);
  });
}

/** The user id of the guest whose still valid token came with the request, if any. */
function renewedGuest(c: Context, secret: string): string | undefined {
  const token = /^bearer +(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  const claims = token ? verifyToken(token, secret) : undefined;
  return claims?.guest === true ? claims.sub : undefined;
}

/**
 * The visitor's address. Behind a reverse proxy every request comes from the proxy, so with
 * `trustProxy` the address that the trusted proxy saw is taken from `X-Forwarded-For`.
 */
function clientAddress(c: Context, addressOf: ClientAddressResolver): string {
  let connecting: string | undefined;
  try {
    connecting = getConnInfo(c).remote.address;
  } catch {
    // Not on Node (app.request in tests): one shared bucket, unless a trusted proxy says more.
  }
  return addressOf(connecting, c.req.header('x-forwarded-for'));
}

export function guestsDisabled(): never {
  throw new ApiError(404, 'guest_disabled', 'Guest access is not enabled on this server.');
}
