import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '@parley/sdk/protocol';
import { EMPTY_SESSIONS_SQL, openStream, readStream, testDrivers } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';

describe.each(testDrivers())('stream-new on %s', (driver) => {
  let server: TestServer;
  const url = () => `${server.url}/api/chat/stream-new`;
  const emptySessions = async () =>
    Number((await server.query<{ count: string }>(EMPTY_SESSIONS_SQL))[0]!.count);

  beforeAll(async () => {
    server = await startTestServer({ database: driver, rateLimit: { newConversationsPerMinute: 1000 } });
  });
  afterAll(() => server?.close());

  it('commits the session and message, sends session_created first and done last', async () => {
    const token = await server.token('alice');
    const { response, events } = await readStream(url(), { token, body: { message: 'Hello AI' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toContain('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const types = events.map((event) => event.data.type);
    expect(types[0]).toBe('session_created');
    expect(types.at(-1)).toBe('done');
    expect(types).toContain('token');
    // Ids are positions in the answer's log: `<message id>:<seq>`, session_created at 0.
    const done0 = events.at(-1)!.data as { message_id: string };
    events.forEach((event, index) => {
      expect(event.event).toBe(event.data.type);
      expect(event.id).toBe(`${done0.message_id}:${index}`);
    });
    const created = events[0]!.data as { session_id: string; model_id: string | null; title: string };
    expect(created.model_id).toBeNull();
    expect(created.title).toBe('New conversation');

    const messages = await server.query<{ role: string; content: string; status: string }>(
      'SELECT role, content, status FROM chat_messages WHERE session_id = $1 ORDER BY created_at, id',
      [created.session_id],
    );
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(messages[0]!.content).toBe('Hello AI');
    const answer = events
      .filter((event) => event.data.type === 'token')
      .map((event) => event.data.content)
      .join('');
    expect(messages[1]).toMatchObject({ status: 'complete', content: answer });
    const done = events.at(-1)!.data as { message_id: string };
    const [assistant] = await server.query<{ id: string }>(
      "SELECT id FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
      [created.session_id],
    );
    expect(done.message_id).toBe(assistant!.id);
    expect(await emptySessions()).toBe(0);
  });

  it('writes session_created before the model produces anything', async () => {
    const slow = await startTestServer({ database: driver, demoDelayMs: 200 });
    try {
      const { events } = await openStream(`${slow.url}/api/chat/stream-new`, {
        token: await slow.token(),
        body: { message: 'first' },
      });
      const first = await events.next();
      expect(first.value?.data.type).toBe('session_created');
      const rows = await slow.query<{ count: string }>('SELECT COUNT(*) FROM chat_messages WHERE role = $1', [
        'user',
      ]);
      expect(Number(rows[0]!.count)).toBe(1);
      await events.return(undefined);
    } finally {
      await slow.close();
    }
  });

  it('starts a model-specific conversation, runs get_model_info and deactivates the previous one', async () => {
    const token = await server.token('modeller');
    const first = await readStream(url(), { token, body: { message: 'one', model_id: 'guide' } });
    const second = await readStream(url(), { token, body: { message: 'two', model_id: 'guide' } });
    const firstId = (first.events[0]!.data as { session_id: string }).session_id;
    const secondCreated = second.events[0]!.data as { session_id: string; model_id: string };
    expect(secondCreated.model_id).toBe('guide');
    const tools = second.events.filter((event) => event.data.type === 'tool').map((event) => event.data);
    expect(tools.map((tool) => [tool.tool, tool.status])).toEqual([
      ['get_model_info', 'started'],
      ['get_model_info', 'finished'],
    ]);
    expect(JSON.stringify(tools[1]!.output)).toContain('Parley Guide');
    const rows = await server.query<{ id: string; is_active: boolean }>(
      'SELECT id, is_active FROM chat_sessions WHERE user_id = $1 ORDER BY created_at',
      ['modeller'],
    );
    expect(rows).toEqual([
      { id: firstId, is_active: false },
      { id: secondCreated.session_id, is_active: true },
    ]);
    const [saved] = await server.query<{ tool_calls: { tool: string; status: string }[] }>(
      "SELECT tool_calls FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
      [secondCreated.session_id],
    );
    expect(saved!.tool_calls.map((call) => call.status)).toEqual(['finished']);
  });

  it('refuses the GET form with 405 use_post and creates nothing', async () => {
    const before = await server.query<{ count: string }>('SELECT COUNT(*) FROM chat_sessions');
    const response = await fetch(`${url()}?message=hi`, {
      headers: { Authorization: `Bearer ${await server.token()}` },
    });
    expect(response.status).toBe(405);
    expect((await response.json()).error.code).toBe('use_post');
    const after = await server.query<{ count: string }>('SELECT COUNT(*) FROM chat_sessions');
    expect(after[0]!.count).toBe(before[0]!.count);
  });

  it.each([
    ['an empty message', { message: '   ' }, 400, 'empty_message'],
    ['a message that is too long', { message: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }, 413, 'message_too_long'],
    ['no message', {}, 400, 'validation_error'],
    ['an unknown model', { message: 'hi', model_id: 'nope' }, 404, 'unknown_model'],
    ['a malformed model id', { message: 'hi', model_id: '../etc' }, 400, 'validation_error'],
  ])('answers %s with a JSON error and stores nothing', async (_name, body, status, code) => {
    const token = await server.token('validator');
    const { response, error } = await readStream(url(), { token, body });
    expect(response.status).toBe(status);
    expect(error?.error.code).toBe(code);
    expect(error?.error.message.length).toBeGreaterThan(0);
    const rows = await server.query<{ count: string }>(
      'SELECT COUNT(*) FROM chat_sessions WHERE user_id = $1',
      ['validator'],
    );
    expect(Number(rows[0]!.count)).toBe(0);
    expect(await emptySessions()).toBe(0);
  });

  it('requires a bearer token and refuses one in the URL', async () => {
    const missing = await readStream(url(), { body: { message: 'hi' } });
    expect(missing.response.status).toBe(401);
    expect(missing.error?.error.code).toBe('unauthorized');
    expect(missing.response.headers.get('www-authenticate')).toBe('Bearer');
    const forged = await readStream(url(), { token: 'a.b.c', body: { message: 'hi' } });
    expect(forged.response.status).toBe(401);
    const inUrl = await readStream(`${url()}?token=${await server.token()}`, { body: { message: 'hi' } });
    expect(inUrl.response.status).toBe(400);
    expect(inUrl.error?.error.code).toBe('token_in_url');
  });

  it('answers a repeated Idempotency-Key with the same session and no new rows', async () => {
    const token = await server.token('retrier');
    const headers = { 'Idempotency-Key': 'key-123' };
    const first = await readStream(url(), { token, headers, body: { message: 'same' } });
    const again = await readStream(url(), { token, headers, body: { message: 'same' } });
    const firstId = (first.events[0]!.data as { session_id: string }).session_id;
    expect((again.events[0]!.data as { session_id: string }).session_id).toBe(firstId);
    expect(again.events.at(-1)!.data.type).toBe('done');
    const text = (events: typeof first.events) =>
      events
        .filter((event) => event.data.type === 'token')
        .map((event) => event.data.content)
        .join('');
    expect(text(again.events)).toBe(text(first.events));
    const counts = await server.query<{ sessions: string; messages: string }>(
      'SELECT (SELECT COUNT(*) FROM chat_sessions WHERE user_id = $1) AS sessions, (SELECT COUNT(*) FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id WHERE s.user_id = $1) AS messages',
      ['retrier'],
    );
    expect(counts[0]).toEqual({ sessions: expect.anything(), messages: expect.anything() });
    expect(Number(counts[0]!.sessions)).toBe(1);
    expect(Number(counts[0]!.messages)).toBe(2);
    const conflict = await readStream(url(), { token, headers, body: { message: 'different' } });
    expect(conflict.response.status).toBe(422);
    expect(conflict.error?.error.code).toBe('idempotency_conflict');
  });

  it('joins a turn still streaming when the same key is retried', async () => {
    const slow = await startTestServer({ database: driver, demoDelayMs: 15 });
    try {
      const token = await slow.token('racer');
      const headers = { 'Idempotency-Key': 'in-flight' };
      const controller = new AbortController();
      const first = await openStream(`${slow.url}/api/chat/stream-new`, {
        token,
        headers,
        body: { message: 'tell me' },
        signal: controller.signal,
      });
      const created = await first.events.next();
      await first.events.next();
      controller.abort();
      const retry = await readStream(`${slow.url}/api/chat/stream-new`, {
        token,
        headers,
        body: { message: 'tell me' },
      });
      // The title may have been generated meanwhile: the replay carries the current one.
      expect(retry.events[0]!.data).toMatchObject({
        type: 'session_created',
        session_id: created.value!.data.session_id,
      });
      expect(retry.events.at(-1)!.data.type).toBe('done');
      const [saved] = await slow.query<{ content: string; status: string }>(
        "SELECT content, status FROM chat_messages WHERE role = 'assistant'",
      );
      const streamed = retry.events
        .filter((event) => event.data.type === 'token')
        .map((event) => event.data.content)
        .join('');
      expect(saved).toEqual({ content: streamed, status: 'complete' });
      expect(
        Number((await slow.query<{ count: string }>('SELECT COUNT(*) FROM chat_sessions'))[0]!.count),
      ).toBe(1);
    } finally {
      await slow.close();
    }
  });
  it('answers invalid JSON with 400 invalid_json and an oversize body with 413 (last: the server closes that socket)', async () => {
    const headers = { Authorization: `Bearer ${await server.token()}`, 'Content-Type': 'application/json' };
    const broken = await fetch(url(), { method: 'POST', headers, body: '{"message": ' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('invalid_json');
    const huge = await fetch(url(), {
      method: 'POST',
      headers,
      body: JSON.stringify({ message: 'x'.repeat(400_000) }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');
  });
});
