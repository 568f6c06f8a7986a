import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../logger';
import { readStream } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';

describe('credentials in URLs and what the request log holds', () => {
  let server: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ logger: createJsonLogger((line) => lines.push(line)) });
  });
  afterAll(() => server?.close());

  it('refuses every query parameter that carries a credential, in any case, with 400 token_in_url', async () => {
    const token = await server.token('in-url');
    const names = [
      'token',
      'access_token',
      'id_token',
      'jwt',
      'auth',
      'authorization',
      'api_key',
      'Access_Token',
      'ID_TOKEN',
      'JWT',
      'Auth',
      'AUTHORIZATION',
      'Api_Key',
      'access-token',
      'api-key',
      '%74oken',
    ];
    for (const name of names) {
      const response = await fetch(`${server.url}/api/chat/sessions?limit=5&${name}=${token}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status, name).toBe(400);
      expect((await response.json()).error.code, name).toBe('token_in_url');
    }
    const posted = await readStream(`${server.url}/api/chat/stream-new?Access_Token=${token}`, {
      token,
      body: { message: 'hi' },
    });
    expect(posted.error?.error.code).toBe('token_in_url');
    expect(await server.query('SELECT 1 FROM chat_sessions WHERE user_id = $1', ['in-url'])).toEqual([]);
    // Parameters that merely contain the words are not credentials.
    const fine = await fetch(`${server.url}/api/chat/sessions?limit=5&author=x&tokens=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(fine.status).toBe(200);
  });

  it('logs route patterns: never the ids in a path, nor a query parameter', async () => {
    const token = await server.token('logged-user');
    const stream = await readStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'a first message' },
    });
    const sessionId = stream.events[0]!.data.session_id as string;
    const cursor = 'c3VwZXItc2VjcmV0LWN1cnNvcg';
    const headers = { Authorization: `Bearer ${token}` };
    lines.length = 0;
    await fetch(`${server.url}/api/chat/sessions/${sessionId}`, { headers });
    await fetch(`${server.url}/api/chat/sessions?cursor=${cursor}&model_id=private-model`, { headers });
    await fetch(`${server.url}/api/chat/sessions/${sessionId}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'A private title' }),
    });
    await fetch(`${server.url}/api/chat/sessions/not-a-session-0123`, { headers });
    await fetch(`${server.url}/api/nothing/here/secret-path-part?q=secret-query`, { headers });
    await fetch(`${server.url}/api/chat/sessions?jwt=${token}`);
    const log = lines.join('');
    const entries = lines.map((line) => JSON.parse(line));
    for (const secret of [
      sessionId,
      cursor,
      'private-model',
      'A private title',
      'not-a-session-0123',
      'secret-path-part',
      'secret-query',
      token,
      token.split('.')[1]!,
      'logged-user',
    ]) {
      expect(log, secret).not.toContain(secret);
    }
    expect(entries.filter((entry) => entry.message === 'request')).toHaveLength(6);
    expect(entries.map((entry) => entry.route)).toContain('/api/chat/sessions/:id');
  });
});
