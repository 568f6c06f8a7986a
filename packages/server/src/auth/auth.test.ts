import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';
import { createChatServer } from '../app';
import { createJsonLogger, silentLogger } from '../logger';
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

  it('refuses times that are not numbers', () => {
    const later = Math.floor(Date.now() / 1000) + 3_600;
    for (const claim of ['exp', 'nbf', 'iat']) {
      for (const value of [String(later), null, { at: later }, [later], true]) {
        const token = signRaw(JSON.stringify({ sub: 'alice', [claim]: value }));
        expect(verifyToken(token, secret), `${claim}: ${JSON.stringify(value)}`).toBeUndefined();
      }
    }
    expect(
      verifyToken(signRaw(JSON.stringify({ sub: 'alice', exp: later, nbf: 0, iat: 0 })), secret)?.sub,
    ).toBe('alice');
  });

  it('refuses every spelling of the signature but the canonical base64url one', () => {
    const token = signToken({ sub: 'alice' }, secret);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const signed = (spelling: string) => verifyToken(`${header}.${payload}.${spelling}`, secret);
    expect(signed(signature)?.sub).toBe('alice');
    // 32 bytes are 43 characters whose last one carries 2 unused bits: setting them decodes the same.
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const trailingBits = alphabet[alphabet.indexOf(last) | 1]!;
    const spellings = [
      `${signature}=`,
      `${signature.slice(0, -1)}${trailingBits}`,
      signature.replaceAll('-', '+').replaceAll('_', '/'),
      `${signature.slice(0, 10)}!${signature.slice(10)}`,
      `${signature.slice(0, 10)} ${signature.slice(10)}`,
      Buffer.from(signature, 'base64url').toString('base64'),
    ].filter((spelling) => spelling !== signature);
    expect(spellings.length).toBeGreaterThan(4);
    for (const spelling of spellings) {
      expect(Buffer.from(spelling, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
      expect(signed(spelling), spelling).toBeUndefined();
    }
  });

  it('refuses a sub with NUL, control characters, lone surrogates or bytes that are not UTF-8', () => {
    // JSON escapes, as an issuer would write them.
    for (const sub of ['a\\u0000b', '\\u0000', 'line\\nbreak', 'x\\ud800', '\\udfff', 'a\\ud800\\ud800']) {
      expect(verifyToken(signRaw(`{"sub":"${sub}"}`), secret), sub).toBeUndefined();
    }
    const notUtf8 = Buffer.concat([Buffer.from('{"sub":"a'), Buffer.from([0xff]), Buffer.from('"}')]);
    expect(verifyToken(signRaw(notUtf8), secret)).toBeUndefined();
    // Pairs are fine: an emoji is a well-formed id.
    expect(verifyToken(signRaw('{"sub":"\\ud83d\\ude00"}'), secret)?.sub).toBe('😀');
  });
});

/** Signs any payload, including ones `signToken` could not produce. */
function signRaw(payload: string | Buffer): string {
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const body = Buffer.from(payload).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

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

  it('counts guests by the address the trusted proxy saw, not the entries a client wrote', async () => {
    const mint = (url: string, forwardedFor: string) =>
      fetch(`${url}/api/auth/guest`, { method: 'POST', headers: { 'X-Forwarded-For': forwardedFor } });
    // TRUST_PROXY=true: the test's own connection is the proxy (hop counts and CIDR lists are
    // covered in client-address.test.ts).
    const proxied = await startTestServer({ trustProxy: true, rateLimit: { guestTokensPerMinute: 1 } });
    try {
      expect((await mint(proxied.url, '203.0.113.1')).status).toBe(201);
      // The same client with whatever it likes written in front: still the same client.
      expect((await mint(proxied.url, '198.51.100.9, 203.0.113.1')).status).toBe(429);
      expect((await mint(proxied.url, '198.51.100.10, 10.0.0.1, 203.0.113.1')).status).toBe(429);
      // Another client behind the same proxy has a budget of its own.
      expect((await mint(proxied.url, '203.0.113.1, 203.0.113.2')).status).toBe(201);
    } finally {
      await proxied.close();
    }
    // Not trusted: a client cannot dodge the limit by inventing the header.
    const direct = await startTestServer({
      trustProxy: ['10.0.0.0/8'],
      rateLimit: { guestTokensPerMinute: 1 },
    });
    try {
      expect((await mint(direct.url, '198.51.100.1')).status).toBe(201);
      expect((await mint(direct.url, '198.51.100.2')).status).toBe(429);
    } finally {
      await direct.close();
    }
  });

  it('refuses tokens whose sub could not be stored as it is with 401 invalid_token', async () => {
    // Before, both lone surrogates were stored as U+FFFD: two users sharing one history.
    for (const sub of ['x\ud800', 'x\ud801', 'nul\u0000']) {
      const response = await readStream(`${server.url}/api/chat/stream-new`, {
        token: await server.token(sub),
        body: { message: 'hi' },
      });
      expect(response.response.status, sub).toBe(401);
      expect(response.error?.error.code).toBe('invalid_token');
    }
    for (const sub of ['x\ud800', 'nul\u0000']) {
      const response = await fetch(`${server.url}/api/chat/sessions`, {
        headers: { Authorization: `Bearer ${await server.token(sub)}` },
      });
      expect(response.status, sub).toBe(401);
      expect((await response.json()).error.code).toBe('invalid_token');
    }
    expect(await server.query('SELECT 1 FROM chat_sessions WHERE user_id LIKE $1', ['x%'])).toEqual([]);
  });

  it('refuses an unstorable user id from a custom authenticator too', async () => {
    for (const id of ['custom\u0000', 'custom\ud800']) {
      const app = createChatServer({
        database: server.database,
        logger: silentLogger,
        auth: { authenticate: () => ({ id }) },
      });
      const response = await app.request('/api/chat/sessions', {
        headers: { Authorization: 'Bearer opaque:token' },
      });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('invalid_token');
    }
  });

  it('takes the auth scheme in any case, and answers invalid_token to a bad token', async () => {
    const token = await server.token('scheme');
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      const response = await fetch(`${server.url}/api/chat/sessions`, {
        headers: { Authorization: `${scheme} ${token}` },
      });
      expect(response.status, scheme).toBe(200);
    }
    const none = await fetch(`${server.url}/api/chat/sessions`);
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('unauthorized');
    // Another scheme, or no token after the scheme: no bearer token at all.
    for (const header of [`Basic ${token}`, 'Bearer', 'Bearer   ']) {
      const missing = await fetch(`${server.url}/api/chat/sessions`, { headers: { Authorization: header } });
      expect(missing.status, header).toBe(401);
      expect((await missing.json()).error.code, header).toBe('unauthorized');
    }
    for (const header of [`Bearer ${token}x`, `bearer ${token}x`, 'Bearer not-a-jwt']) {
      const refused = await fetch(`${server.url}/api/chat/sessions`, { headers: { Authorization: header } });
      expect(refused.status, header).toBe(401);
      expect((await refused.json()).error.code).toBe('invalid_token');
      expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
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
