import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../auth/hs256';
import { startTestServer, type TestServer } from '../testing';

interface Guest {
  token: string;
  user_id: string;
  expires_at: string;
}

describe('POST /api/auth/guest', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimit: { guestTokensPerMinute: 2 } });
  });
  afterAll(() => server?.close());

  const mint = (token?: string) =>
    fetch(`${server.url}/api/auth/guest`, {
      method: 'POST',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });

  it('answers a token signed with another secret with 401 invalid_token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const foreign = signToken(
      { sub: 'guest_elsewhere', guest: true, iat: now, exp: now + 600 },
      'another-secret-that-is-long-enough-for-hs256',
    );
    const response = await fetch(`${server.url}/api/chat/sessions`, {
      headers: { Authorization: `Bearer ${foreign}` },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    const missing = await fetch(`${server.url}/api/chat/sessions`);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('renews a guest with its token: the same user, outside the per-address limit', async () => {
    const first = await mint();
    expect(first.status).toBe(201);
    const guest = (await first.json()) as Guest;
    // The budget of 2 is spent by the first mint and this one; renewals do not count.
    expect((await mint()).status).toBe(201);
    for (let renewal = 0; renewal < 3; renewal += 1) {
      const renewed = await mint(guest.token);
      expect(renewed.status).toBe(201);
      const body = (await renewed.json()) as Guest;
      expect(body.user_id).toBe(guest.user_id);
      const sessions = await fetch(`${server.url}/api/chat/sessions`, {
        headers: { Authorization: `Bearer ${body.token}` },
      });
      expect(sessions.status).toBe(200);
    }
    const limited = await mint();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // A token that is not a guest's, or not valid, makes a new guest, within the limit.
    expect((await mint(await server.token('alice'))).status).toBe(429);
  });
});
