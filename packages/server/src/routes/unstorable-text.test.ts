import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SESSIONS_SQL, readStream, testDrivers } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';

/** Messages that show nothing: each is `empty_message`, like white space. */
const INVISIBLE = [
  '\u200b',
  '\u200c\u200d',
  '\u2060',
  '\ufeff\u200b',
  '\u00ad',
  '\u202e\u202c',
  '\u2066\u2069\u200e\u200f',
  '\u061c',
  '\u{e0041}\u{e007f}',
  ' \u200b\n\t\u3000\u200b ',
];

describe.each(testDrivers())('text the database cannot take, on %s', (driver) => {
  let server: TestServer;
  let token: string;
  let sessionId: string;
  const rows = async (sql: string) => Number((await server.query<{ count: string }>(sql))[0]!.count);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/chat${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    });
  const codeOf = async (response: Response) => {
    const body = (await response.json()) as { error: { code: string } };
    return { status: response.status, code: body.error.code };
  };

  beforeAll(async () => {
    server = await startTestServer({
      database: driver,
      rateLimit: { newConversationsPerMinute: 1000, messagesPerMinute: 1000 },
    });
    token = await server.token('careful');
    const created = await readStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'a first message' },
    });
    sessionId = created.events[0]!.data.session_id;
  });
  afterAll(() => server?.close());

  it('refuses a NUL or a lone surrogate in a message with 400 validation_error and writes nothing', async () => {
    const before = await rows('SELECT COUNT(*) FROM chat_messages');
    for (const message of ['hello\u0000world', '\u0000', 'half a pair: \ud83d', '\udc00 backwards']) {
      const fresh = await readStream(`${server.url}/api/chat/stream-new`, { token, body: { message } });
      expect({ message, status: fresh.response.status, code: fresh.error?.error.code }).toEqual({
        message,
        status: 400,
        code: 'validation_error',
      });
      const next = await readStream(`${server.url}/api/chat/sessions/${sessionId}/stream`, {
        token,
        body: { message },
      });
      expect({ message, status: next.response.status, code: next.error?.error.code }).toEqual({
        message,
        status: 400,
        code: 'validation_error',
      });
    }
    expect(await rows('SELECT COUNT(*) FROM chat_messages')).toBe(before);
    expect(await rows(EMPTY_SESSIONS_SQL)).toBe(0);
  });

  it('answers a message of only invisible characters with empty_message', async () => {
    for (const message of INVISIBLE) {
      const fresh = await readStream(`${server.url}/api/chat/stream-new`, { token, body: { message } });
      expect({ message, code: fresh.error?.error.code }).toEqual({ message, code: 'empty_message' });
    }
  });

  it('keeps invisible characters inside a visible message, and whole surrogate pairs', async () => {
    const message = 'zero\u200bwidth, an emoji 👩‍💻 and a flag 🏴󠁧󠁢󠁳󠁣󠁴󠁿';
    const created = await readStream(`${server.url}/api/chat/stream-new`, { token, body: { message } });
    expect(created.response.status).toBe(200);
    const [stored] = await server.query<{ content: string }>(
      "SELECT content FROM chat_messages WHERE session_id = $1 AND role = 'user'",
      [created.events[0]!.data.session_id],
    );
    expect(stored!.content).toBe(message);
  });

  it('refuses such a title on rename, and an invisible one', async () => {
    for (const title of ['bad\u0000title', 'lone \ud800', '\u200b\u2060']) {
      const response = await api(`/sessions/${sessionId}`, {
        method: 'PATCH',
        body: JSON.stringify({ title }),
      });
      expect({ title, ...(await codeOf(response)) }).toEqual({
        title,
        status: 400,
        code: 'validation_error',
      });
    }
    const [session] = await server.query<{ session_title: string }>(
      'SELECT session_title FROM chat_sessions WHERE id = $1',
      [sessionId],
    );
    expect(session!.session_title).not.toMatch(/bad|lone/);
  });

  it('refuses a NUL in a session id or a cursor with 400 validation_error', async () => {
    const bad = ['a%00b', '%00', 'x'.repeat(201)];
    for (const id of bad) {
      const requests: [string, RequestInit][] = [
        [`/sessions/${id}`, {}],
        [`/sessions/${id}`, { method: 'PATCH', body: JSON.stringify({ title: 'fine' }) }],
        [`/sessions/${id}`, { method: 'DELETE' }],
        [`/sessions/${id}/stop`, { method: 'POST' }],
        [`/sessions/${id}/stream`, { method: 'POST', body: JSON.stringify({ message: 'fine' }) }],
      ];
      for (const [path, init] of requests) {
        const answer = await codeOf(await api(path, init));
        expect({ path: path.slice(0, 40), ...answer }).toEqual({
          path: path.slice(0, 40),
          status: 400,
          code: 'validation_error',
        });
      }
    }
    const cursors = [
      '%00',
      Buffer.from('2026-01-01T00:00:00.000Z|a\u0000b').toString('base64url'),
      Buffer.from('2026-01-01T00:00:00.000Z\u0000|ab').toString('base64url'),
    ];
    for (const cursor of cursors) {
      expect(await codeOf(await api(`/sessions?cursor=${cursor}`))).toEqual({
        status: 400,
        code: 'validation_error',
      });
    }
    // An unknown id is still a plain 404.
    expect((await api('/sessions/no-such-id')).status).toBe(404);
  });
});
