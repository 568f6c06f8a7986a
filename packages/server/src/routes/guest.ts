import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { signToken } from '../auth/hs256';
import { ApiError } from '../errors/api-error';
import type { RateLimiter } from '../rate-limit/rate-limiter';

/**
 * `POST /api/auth/guest`: a short-lived token for an anonymous visitor of an embedding site,
 * rate-limited per IP address. Only mounted when guests are enabled.
 */
export function guestRoutes(deps: { secret: string; ttlSeconds: number; perIp: RateLimiter }) {
  return new Hono().post('/', async (c) => {
    let address = 'unknown';
    try {
      address = getConnInfo(c).remote.address ?? address;
    } catch {
      // Not on Node (app.request in tests): one shared bucket.
    }
    const headers = await deps.perIp.check(address);
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    const now = Math.floor(Date.now() / 1000);
    const userId = `guest_${randomBytes(12).toString('base64url')}`;
    const expiresAt = now + deps.ttlSeconds;
    const token = signToken({ sub: userId, guest: true, iat: now, exp: expiresAt }, deps.secret);
    return c.json({ token, user_id: userId, expires_at: new Date(expiresAt * 1000).toISOString() }, 201);
  });
}

export function guestsDisabled(): never {
  throw new ApiError(404, 'guest_disabled', 'Guest access is not enabled on this server.');
}
