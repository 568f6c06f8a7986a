import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';
import { createJsonLogger } from '../logger';
import { signToken, verifyToken } from './hs256';

const secret = 'a-secret-that-is-long-enough-for-hs256!!';

describe('HS256 tokens', () => {
  it('verifies a good token and refuses tampered, expired, unsigned and other-algorithm ones', () => {
    const now = Math.floor(Date.now() / 1000);
    const token = signToken({ sub: 'alice', exp: now + 60 }, secret);
    expect(verifyToken(token, secret)?.sub).toBe('alice');
    expect(verifyToken(token, 'another-secret-that-is-long-enough!!')).toBeUndefined();
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'mallory', exp: now + 60 })).toString('base64url');
    expect(verifyToken(`${header}.${forged}.${signature}`, secret)).toBeUndefined();
    expect(verifyToken(signToken({ sub: 'alice', exp: now - 3600 }, secret), secret)).toBeUndefined();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyToken(`${none}.${forged}.`, secret)).toBeUndefined();
    expect(verifyToken(signToken({ sub: '' }, secret), secret)).toBeUndefined();
    expect(verifyToken('not-a-token', secret)).toBeUndefined();
  });
});

describe('guest tokens and logs', () => {
  let server: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      logger: createJsonLogger((line) => lines.push(line)),
      rateLimit: { guestTokensPerMinute: 3 },
    });
  });
  afterAll(() => server?.close());

  it('mints guest tokens that work, rate-limited per IP address', async () => {
    const response = await fetch(`${server.url}/api/auth/guest`, { method: 'POST' });
    expect(response.status).toBe(201);
    const guest = await response.json();
    expect(guest.user_id).toMatch(/^guest_/);
    expect(Date.parse(guest.expires_at)).toBeGreaterThan(Date.now());
    const stream = await readStream(`${server.url}/api/chat/stream-new`, {
      token: guest.token,
      body: { message: 'hi' },
    });
    expect(stream.events.at(-1)?.data.type).toBe('done');
    const [row] = await server.query<{ user_id: string }>('SELECT user_id FROM chat_sessions');
    expect(row!.user_id).toBe(guest.user_id);
    await fetch(`${server.url}/api/auth/guest`, { method: 'POST' });
    await fetch(`${server.url}/api/auth/guest`, { method: 'POST' });
    const limited = await fetch(`${server.url}/api/auth/guest`, { method: 'POST' });
    expect(limited.status).toBe(429);
  });

  it('never writes a token or an Authorization header to the log', async () => {
    const token = await server.token('logged');
    await readStream(`${server.url}/api/chat/stream-new`, { token, body: { message: 'hello' } });
    await readStream(`${server.url}/api/chat/stream-new?token=${token}`, { body: { message: 'hello' } });
    await fetch(`${server.url}/api/chat/sessions?token=${token}`);
    await fetch(`${server.url}/api/chat/sessions`, { headers: { Authorization: `Bearer ${token}x` } });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    expect(log).toContain('/api/chat/stream-new');
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[2]!);
    expect(log.toLowerCase()).not.toContain('bearer');
  });

  it('counts guests by X-Forwarded-For only behind a trusted proxy', async () => {
    const mint = (url: string, forwardedFor: string) =>
      fetch(`${url}/api/auth/guest`, { method: 'POST', headers: { 'X-Forwarded-For': forwardedFor } });
    const proxied = await startTestServer({ trustProxy: true, rateLimit: { guestTokensPerMinute: 1 } });
    try {
      expect((await mint(proxied.url, '203.0.113.1')).status).toBe(201);
      expect((await mint(proxied.url, '203.0.113.2, 10.0.0.1')).status).toBe(201);
      expect((await mint(proxied.url, '203.0.113.1')).status).toBe(429);
    } finally {
      await proxied.close();
    }
    // Not trusted: a client cannot dodge the limit by inventing the header.
    const direct = await startTestServer({ rateLimit: { guestTokensPerMinute: 1 } });
    try {
      expect((await mint(direct.url, '198.51.100.1')).status).toBe(201);
      expect((await mint(direct.url, '198.51.100.2')).status).toBe(429);
    } finally {
      await direct.close();
    }
  });

  it('answers 404 guest_disabled when guests are off', async () => {
    const closed = await startTestServer({ guests: false });
    try {
      const response = await fetch(`${closed.url}/api/auth/guest`, { method: 'POST' });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('guest_disabled');
    } finally {
      await closed.close();
    }
  });
});
