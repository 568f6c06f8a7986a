import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing';

describe('stream transport', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      demoDelayMs: 150,
      heartbeatMs: 60,
      corsOrigins: ['https://shop.example'],
    });
  });
  afterAll(() => server?.close());

  it('sends : ping comments while the answer is slow, uncompressed', async () => {
    const response = await fetch(`${server.url}/api/chat/stream-new`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await server.token()}`,
        'Content-Type': 'application/json',
        'Accept-Encoding': 'gzip, br',
      },
      body: JSON.stringify({ message: 'slowly' }),
    });
    expect(response.headers.get('content-encoding') ?? 'identity').toBe('identity');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let raw = '';
    while (!raw.includes(': ping\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      raw += value;
    }
    await reader.cancel();
    expect(raw).toContain('event: session_created');
    expect(raw).toContain(': ping\n\n');
  });

  it('lets an allowed origin call the API and read the rate-limit headers', async () => {
    const preflight = await fetch(`${server.url}/api/chat/stream-new`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const allowed = preflight.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const header of ['authorization', 'content-type', 'idempotency-key'])
      expect(allowed).toContain(header);

    const response = await fetch(`${server.url}/api/chat/stream-new`, {
      method: 'POST',
      headers: {
        Origin: 'https://shop.example',
        Authorization: `Bearer ${await server.token()}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ message: 'hi' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(response.headers.get('access-control-expose-headers')!.toLowerCase()).toContain('ratelimit');
    expect(response.headers.get('ratelimit')).toBeTruthy();
    await response.body!.cancel();

    const foreign = await fetch(`${server.url}/api/models`, {
      headers: { Origin: 'https://evil.example', Authorization: `Bearer ${await server.token()}` },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers /healthz and /readyz, and 503 database_unavailable once the database is gone', async () => {
    const doomed = await startTestServer();
    try {
      expect(await (await fetch(`${doomed.url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${doomed.url}/readyz`)).status).toBe(200);
      const token = await doomed.token();
      await doomed.database.close();
      const ready = await fetch(`${doomed.url}/readyz`);
      expect(ready.status).toBe(503);
      const response = await fetch(`${doomed.url}/api/chat/stream-new`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: 'anyone there?' }),
      });
      expect(response.status).toBe(503);
      expect((await response.json()).error).toMatchObject({ code: 'database_unavailable' });
    } finally {
      await doomed.close().catch(() => {});
    }
  });
});
