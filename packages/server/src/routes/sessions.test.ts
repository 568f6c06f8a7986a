import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EMPTY_SESSIONS_SQL,
  openStream,
  readStream,
  testDrivers,
  type WireEvent,
} from '../test-support/sse-client';
import { waitFor } from '../test-support/wait-for';
import { startTestServer, type TestServer } from '../testing';

const textOf = (events: WireEvent[]) =>
  events
    .filter((event) => event.data.type === 'token')
    .map((event) => event.data.content)
    .join('');

describe.each(testDrivers())('session endpoints on %s', (driver) => {
  let server: TestServer;
  let alice: string;
  let bob: string;

  const api = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/chat${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
    });
  const create = async (token: string, message: string, modelId?: string) => {
    const { events } = await readStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message, model_id: modelId },
    });
    return (events[0]!.data as { session_id: string }).session_id;
  };

  beforeAll(async () => {
    server = await startTestServer({
      database: driver,
      rateLimit: { newConversationsPerMinute: 1000, messagesPerMinute: 1000 },
    });
    alice = await server.token('alice');
    bob = await server.token('bob');
  });
  afterAll(() => server?.close());

  it('reads a session with its messages in order, and hides it from another user', async () => {
    const id = await create(alice, 'What is Parley?');
    const read = await api(`/sessions/${id}`, alice);
    expect(read.status).toBe(200);
    const body = await read.json();
    expect(body.session).toMatchObject({ id, model_id: null, is_active: true });
    expect(body.messages.map((message: { role: string }) => message.role)).toEqual(['user', 'assistant']);
    expect(body.messages[1].status).toBe('complete');
    expect(body.messages[1].content.length).toBeGreaterThan(20);

    for (const [method, path, payload] of [
      ['GET', `/sessions/${id}`, undefined],
      ['PATCH', `/sessions/${id}`, { title: 'mine now' }],
      ['DELETE', `/sessions/${id}`, undefined],
      ['POST', `/sessions/${id}/stop`, undefined],
    ] as const) {
      const response = await api(path, bob, { method, body: payload && JSON.stringify(payload) });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
    const stream = await readStream(`${server.url}/api/chat/sessions/${id}/stream`, {
      token: bob,
      body: { message: 'hi' },
    });
    expect(stream.response.status).toBe(404);
    const list = await (await api('/sessions', bob)).json();
    expect(list.sessions.map((session: { id: string }) => session.id)).not.toContain(id);
    const [row] = await server.query<{ session_title: string }>(
      'SELECT session_title FROM chat_sessions WHERE id = $1',
      [id],
    );
    expect(row!.session_title).not.toBe('mine now');
  });

  it('lists sessions newest first, per model, with a working cursor', async () => {
    const token = await server.token('lister');
    const ids: string[] = [];
    for (let index = 0; index < 5; index++)
      ids.push(await create(token, `conversation ${index}`, index % 2 ? 'writer' : undefined));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/sessions?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await (await api(query, token)).json();
      expect(page.sessions.length).toBeLessThanOrEqual(2);
      seen.push(...page.sessions.map((session: { id: string }) => session.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const writer = await (await api('/sessions?model_id=writer', token)).json();
    expect(writer.sessions.map((session: { id: string }) => session.id)).toEqual([ids[3], ids[1]]);
    const bad = await api('/sessions?limit=0', token);
    expect(bad.status).toBe(400);
    const badCursor = await api('/sessions?cursor=nonsense', token);
    expect(badCursor.status).toBe(400);
  });

  it('stores a generated title and renames and deletes', async () => {
    const id = await create(alice, 'How do I embed the chat widget on my site?');
    const [row] = await server.query<{ session_title: string }>(
      'SELECT session_title FROM chat_sessions WHERE id = $1',
      [id],
    );
    expect(row!.session_title).not.toBe('New conversation');
    const renamed = await api(`/sessions/${id}`, alice, {
      method: 'PATCH',
      body: JSON.stringify({ title: '  Embedding  ' }),
    });
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).session.title).toBe('Embedding');
    const empty = await api(`/sessions/${id}`, alice, {
      method: 'PATCH',
      body: JSON.stringify({ title: ' ' }),
    });
    expect(empty.status).toBe(400);
    const deleted = await api(`/sessions/${id}`, alice, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await api(`/sessions/${id}`, alice)).status).toBe(404);
    const rows = await server.query('SELECT id FROM chat_messages WHERE session_id = $1', [id]);
    expect(rows).toEqual([]);
  });

  it('streams the next turn with the history sent to the model', async () => {
    const id = await create(alice, 'My name is Ada.');
    const next = await readStream(`${server.url}/api/chat/sessions/${id}/stream`, {
      token: alice,
      body: { message: 'What did I just say?' },
    });
    const types = next.events.map((event) => event.data.type);
    expect(types[0]).not.toBe('session_created');
    expect(types.at(-1)).toBe('done');
    const { messages } = await (await api(`/sessions/${id}`, alice)).json();
    expect(
      messages.map((message: { role: string; status: string }) => [message.role, message.status]),
    ).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(messages[2].content).toBe('What did I just say?');
    expect(messages[3].content).toBe(textOf(next.events));
  });

  it('answers the models list', async () => {
    const response = await fetch(`${server.url}/api/models`, {
      headers: { Authorization: `Bearer ${alice}` },
    });
    const body = await response.json();
    expect(body.models.map((model: { id: string }) => model.id)).toEqual(['guide', 'writer']);
    expect(typeof body.default_model_id).toBe('string');
    expect((await fetch(`${server.url}/api/models`)).status).toBe(401);
  });

  it('keeps the seed invariant: zero sessions without a message, every session 2+ messages', async () => {
    const empty = await server.query<{ count: string }>(EMPTY_SESSIONS_SQL);
    expect(Number(empty[0]!.count)).toBe(0);
    const counts = await server.query<{ message_count: string }>(
      `SELECT s.id, s.session_title, COUNT(m.id) as message_count FROM chat_sessions s
       LEFT JOIN chat_messages m ON m.session_id = s.id GROUP BY s.id, s.session_title ORDER BY s.created_at DESC LIMIT 20`,
    );
    expect(counts.length).toBeGreaterThan(0);
    for (const row of counts) expect(Number(row.message_count)).toBeGreaterThanOrEqual(2);
  });
});

describe.each(testDrivers())('answers that outlive their connection on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database: driver, demoDelayMs: 10 });
  });
  afterAll(() => server?.close());

  it('completes and saves the answer when the client goes away', async () => {
    const token = await server.token('leaver');
    const controller = new AbortController();
    const { events } = await openStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'long answer please' },
      signal: controller.signal,
    });
    const created = (await events.next()).value!.data as { session_id: string };
    await events.next();
    controller.abort();
    await waitFor(async () => {
      const [row] = await server.query<{ status: string }>(
        "SELECT status FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
        [created.session_id],
      );
      return row?.status === 'complete';
    });
    const [row] = await server.query<{ content: string }>(
      "SELECT content FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
      [created.session_id],
    );
    expect(row!.content.length).toBeGreaterThan(50);
    expect(Number((await server.query<{ count: string }>(EMPTY_SESSIONS_SQL))[0]!.count)).toBe(0);
  });

  it('sends the generated title while the stream is open, before done, and stores it', async () => {
    const token = await server.token('titled');
    const { events } = await readStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'Suggest names for a bakery' },
    });
    const types = events.map((event) => event.data.type);
    const title = events.find((event) => event.data.type === 'title')?.data as {
      session_id: string;
      title: string;
    };
    expect(title).toBeDefined();
    expect(types.indexOf('title')).toBeLessThan(types.indexOf('done'));
    expect(title.title).not.toBe('New conversation');
    expect(title.session_id).toBe((events[0]!.data as { session_id: string }).session_id);
    const [row] = await server.query<{ session_title: string }>(
      'SELECT session_title FROM chat_sessions WHERE id = $1',
      [title.session_id],
    );
    expect(row!.session_title).toBe(title.title);
  });

  it.runIf(driver === 'postgres')(
    'saves the answer when every database connection is cut mid-stream',
    async () => {
      const token = await server.token('restarted');
      const { events } = await openStream(`${server.url}/api/chat/stream-new`, {
        token,
        body: { message: 'survive' },
      });
      const created = (await events.next()).value!.data as { session_id: string };
      await events.next();
      const [{ name }] = (await server.query<{ name: string }>('SELECT current_database() AS name')) as [
        { name: string },
      ];
      const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name} AND pid <> pg_backend_pid()`;
      await admin.end();
      const rest: WireEvent[] = [];
      for await (const event of events) rest.push(event);
      expect(rest.at(-1)!.data.type).toBe('done');
      const [row] = await server.query<{ status: string; content: string }>(
        "SELECT status, content FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
        [created.session_id],
      );
      expect(row!.status).toBe('complete');
      expect(row!.content.length).toBeGreaterThan(50);
    },
  );

  it('stops an answer and keeps what was written as partial', async () => {
    const token = await server.token('stopper');
    const { events } = await openStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'go on' },
    });
    const created = (await events.next()).value!.data as { session_id: string };
    const received: WireEvent[] = [];
    for await (const event of events) {
      received.push(event);
      if (received.filter((item) => item.data.type === 'token').length === 3) break;
    }
    const stop = await fetch(`${server.url}/api/chat/sessions/${created.session_id}/stop`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await stop.json()).toEqual({ stopped: true });
    const [row] = await server.query<{ content: string; status: string }>(
      "SELECT content, status FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
      [created.session_id],
    );
    expect(row!.status).toBe('partial');
    expect(row!.content.startsWith(textOf(received))).toBe(true);
    const again = await fetch(`${server.url}/api/chat/sessions/${created.session_id}/stop`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await again.json()).toEqual({ stopped: false });
  });

  it('sends the stopped stream a done with finish_reason stopped', async () => {
    const token = await server.token('watcher');
    const { events } = await openStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'go' },
    });
    const created = (await events.next()).value!.data as { session_id: string };
    await events.next();
    await fetch(`${server.url}/api/chat/sessions/${created.session_id}/stop`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    const rest: WireEvent[] = [];
    for await (const event of events) rest.push(event);
    expect(rest.at(-1)!.data).toMatchObject({ type: 'done', finish_reason: 'stopped' });
  });

  it('refuses a second turn while one streams, and streams beyond the per-user cap', async () => {
    const token = await server.token('busy');
    const { events } = await openStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'one' },
    });
    const created = (await events.next()).value!.data as { session_id: string };
    const second = await readStream(`${server.url}/api/chat/sessions/${created.session_id}/stream`, {
      token,
      body: { message: 'two' },
    });
    expect(second.response.status).toBe(409);
    expect(second.error?.error.code).toBe('turn_in_progress');
    const others = await Promise.all(
      [1, 2].map(() => openStream(`${server.url}/api/chat/stream-new`, { token, body: { message: 'more' } })),
    );
    const capped = await readStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'too many' },
    });
    expect(capped.response.status).toBe(429);
    expect(capped.error?.error.code).toBe('too_many_streams');
    expect(capped.response.headers.get('retry-after')).toBeTruthy();
    for (const other of [{ events }, ...others]) for await (const _ of other.events);
    expect(Number((await server.query<{ count: string }>(EMPTY_SESSIONS_SQL))[0]!.count)).toBe(0);
  });
});
