// Integration tests: the SDK against the real reference server, in process, over real HTTP.
import { startTestServer, type TestServer } from '@parley/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient, type ChatClientOptions } from './chat-client';
import type { Conversation } from './conversation';
import type { ConversationEventDetails } from './conversation-events';
import type { FetchFunction } from './http-client';
import { formatRoute } from './routes';

/** The seed's check: sessions without any message. Must be 0 at every instant. */
const EMPTY_SESSIONS_SQL =
  'SELECT COUNT(*) AS count FROM chat_sessions WHERE id NOT IN (SELECT DISTINCT session_id FROM chat_messages)';

let userCount = 0;

/** A client for a fresh user (or `userId`), with its own broadcast channel unless told otherwise. */
function clientFor(server: TestServer, options: Partial<ChatClientOptions> & { userId?: string } = {}) {
  const userId = options.userId ?? `user_${++userCount}_${Date.now()}`;
  const requests: { method: string; url: string; headers: Headers }[] = [];
  const recordingFetch: FetchFunction = (url, init) => {
    requests.push({ method: init.method ?? 'GET', url, headers: new Headers(init.headers) });
    return (options.fetch ?? fetch)(url, init);
  };
  const client = new ChatClient({
    baseUrl: server.url,
    getToken: () => server.token(userId),
    broadcastChannel: `test:${userId}`,
    ...options,
    fetch: recordingFetch,
  });
  return { client, userId, requests };
}

async function count(server: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await server.query<{ count: number | string | bigint }>(sql, params);
  return Number(row?.count);
}

function sessionsOf(server: TestServer, userId: string): Promise<number> {
  return count(server, 'SELECT COUNT(*) AS count FROM chat_sessions WHERE user_id = $1', [userId]);
}

/** Records every event of a conversation, in order, as `[name, detail]`. */
function record(conversation: Conversation) {
  const events: [keyof ConversationEventDetails, unknown][] = [];
  const names: (keyof ConversationEventDetails)[] = [
    'session-created',
    'conversation-created',
    'token',
    'tool',
    'title',
    'done',
    'error',
    'state-change',
    'messages-change',
  ];
  for (const name of names) conversation.on(name, (detail) => events.push([name, detail]));
  return {
    events,
    names: () => events.map(([name]) => name),
    statuses: () =>
      events.flatMap(([name, detail]) =>
        name === 'state-change' ? [(detail as ConversationEventDetails['state-change']).status] : [],
      ),
  };
}

function nextEvent<Name extends keyof ConversationEventDetails>(
  conversation: Conversation,
  name: Name,
  count = 1,
): Promise<ConversationEventDetails[Name]> {
  return new Promise((resolve) => {
    let seen = 0;
    const off = conversation.on(name, (detail) => {
      if (++seen < count) return;
      off();
      resolve(detail);
    });
  });
}

describe('ChatClient against the reference server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demoDelayMs: 2 });
  });

  afterAll(async () => {
    expect(await count(server, EMPTY_SESSIONS_SQL)).toBe(0);
    await server.close();
  });

  it('makes no request for an ephemeral conversation', async () => {
    const { client, requests } = clientFor(server);
    const conversation = client.conversation();
    expect(conversation).toMatchObject({
      status: 'ephemeral',
      sessionId: null,
      isEphemeral: true,
      messages: [],
    });
    expect(conversation.route).toEqual({ kind: 'new', modelId: null });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toEqual([]);
    client.close();
  });

  it('turns an ephemeral conversation into a persistent one on the first message', async () => {
    const { client, userId, requests } = clientFor(server);
    const list = client.sessions.list();
    await list.load();
    expect(list.sessions).toEqual([]);

    const conversation = client.conversation();
    const recorder = record(conversation);
    const order: string[] = [];
    client.sessions.subscribe(() => order.push('store'));
    let seenInListener: unknown;
    conversation.on('session-created', ({ sessionId }) => {
      order.push('session-created');
      // Same task as the event: the sidebar already has it, and the conversation its id.
      seenInListener = { listed: list.sessions[0]?.id === sessionId, id: conversation.sessionId };
    });

    const sending = conversation.send('  Hello AI  ');
    expect(conversation.status).toBe('creating');
    expect(conversation.messages).toMatchObject([
      { role: 'user', content: 'Hello AI', status: 'complete' },
      { role: 'assistant', content: '', status: 'streaming' },
    ]);
    await sending;

    const sessionId = conversation.sessionId!;
    expect(sessionId).toEqual(expect.any(String));
    expect(seenInListener).toEqual({ listed: true, id: sessionId });
    expect(order.indexOf('store')).toBeLessThan(order.indexOf('session-created'));
    expect(recorder.statuses()).toEqual(['creating', 'streaming', 'idle']);
    const names = recorder.names();
    expect(names.indexOf('session-created')).toBeLessThan(names.indexOf('conversation-created'));
    expect(names.indexOf('conversation-created')).toBeLessThan(names.indexOf('token'));
    expect(names.at(-1)).toBe('done');
    expect(recorder.events.find(([name]) => name === 'conversation-created')?.[1]).toEqual({
      sessionId,
      modelId: null,
    });

    expect(conversation).toMatchObject({ status: 'idle', isEphemeral: false, error: null });
    expect(conversation.route).toEqual({ kind: 'conversation', sessionId, modelId: null });
    expect(formatRoute(conversation.route)).toBe(`/c/${sessionId}`);
    const [question, answer] = conversation.messages;
    expect(question).toMatchObject({ role: 'user', content: 'Hello AI' });
    expect(answer).toMatchObject({ role: 'assistant', status: 'complete' });
    const tokens = recorder.events.filter(([name]) => name === 'token').map(([, detail]) => detail);
    expect(answer!.content).toBe(tokens.map((detail) => (detail as { content: string }).content).join(''));
    expect(answer!.content.length).toBeGreaterThan(0);

    // The server stored exactly this: one session, its two messages, the answer under the same id.
    expect(await sessionsOf(server, userId)).toBe(1);
    const stored = await server.query<{ id: string; role: string; content: string; status: string }>(
      'SELECT id, role, content, status FROM chat_messages WHERE session_id = $1 ORDER BY created_at, role DESC',
      [sessionId],
    );
    expect(stored).toHaveLength(2);
    expect(stored.find((row) => row.role === 'assistant')).toMatchObject({
      id: answer!.id,
      content: answer!.content,
      status: 'complete',
    });

    // One request, with a key, and the token only in the header.
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'GET /api/chat/sessions',
      'POST /api/chat/stream-new',
    ]);
    expect(requests[1]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f]{32}$/);
    expect(requests[1]?.headers.get('authorization')).toMatch(/^Bearer /);
    expect(requests.every((request) => !new URL(request.url).search.includes('token'))).toBe(true);
    client.close();
  });

  it('sends the next turns to the session', async () => {
    const { client, userId, requests } = clientFor(server);
    const conversation = client.conversation();
    await conversation.send('First question');
    const sessionId = conversation.sessionId!;
    const recorder = record(conversation);

    await conversation.send('Second question');

    expect(recorder.statuses()).toEqual(['streaming', 'idle']);
    expect(recorder.names()).not.toContain('session-created');
    expect(conversation.sessionId).toBe(sessionId);
    expect(conversation.messages.map((message) => [message.role, message.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(new URL(requests.at(-1)!.url).pathname).toBe(`/api/chat/sessions/${sessionId}/stream`);
    expect(await sessionsOf(server, userId)).toBe(1);
    expect(
      await count(server, 'SELECT COUNT(*) AS count FROM chat_messages WHERE session_id = $1', [sessionId]),
    ).toBe(4);

    // The same id gives the same live conversation; a fresh client loads the stored history.
    expect(client.conversation({ sessionId })).toBe(conversation);
    const other = clientFor(server, { userId }).client;
    const reopened = other.conversation({ sessionId });
    expect(reopened).toMatchObject({ status: 'idle', messages: [] });
    await reopened.load();
    expect(reopened.messages.map((message) => message.content)).toEqual(
      conversation.messages.map((message) => message.content),
    );
    expect(reopened.messages[1]?.id).toBe(conversation.messages[1]?.id);
    client.close();
    other.close();
  });

  it('runs a model-specific conversation, with its tool calls', async () => {
    const { client } = clientFor(server);
    const { models, default_model_id } = await client.models();
    expect(models.map((model) => model.id)).toContain('guide');
    expect(default_model_id).toEqual(expect.any(String));

    const conversation = client.conversation({ modelId: 'guide' });
    expect(conversation.route).toEqual({ kind: 'new', modelId: 'guide' });
    const tools: ConversationEventDetails['tool'][] = [];
    conversation.on('tool', (detail) => tools.push(detail));
    await conversation.send('What can you do?');

    expect(conversation.status).toBe('idle');
    expect(conversation.modelId).toBe('guide');
    expect(formatRoute(conversation.route)).toBe(`/m/guide/c/${conversation.sessionId}`);
    expect(tools.map((detail) => detail.toolCall.status)).toEqual(['started', 'finished']);
    const answer = conversation.messages[1]!;
    expect(answer.tool_calls).toEqual([
      expect.objectContaining({
        tool: 'get_model_info',
        status: 'finished',
        call_id: tools[0]!.toolCall.call_id,
      }),
    ]);
    expect(client.sessions.list({ modelId: 'guide' }).sessions.map((session) => session.id)).toEqual([
      conversation.sessionId,
    ]);
    client.close();
  });

  it('asks for a fresh token after a 401 and carries on', async () => {
    const userId = `user_refresh_${Date.now()}`;
    const asked: boolean[] = [];
    let token = 'not-a-valid-token';
    const { client } = clientFor(server, {
      userId,
      getToken: async ({ refresh }) => {
        asked.push(refresh);
        if (refresh) token = await server.token(userId);
        return token;
      },
    });
    const conversation = client.conversation();
    await conversation.send('Hello again');
    expect(conversation.status).toBe('idle');
    expect(asked).toEqual([false, true]);
    expect(await sessionsOf(server, userId)).toBe(1);
    client.close();
  });

  it('fails with invalid_token when the fresh token is refused too', async () => {
    const { client } = clientFor(server, { getToken: () => 'still-not-valid' });
    const conversation = client.conversation();
    await conversation.send('Hello');
    expect(conversation.status).toBe('error');
    expect(conversation.error).toMatchObject({ code: 'invalid_token', status: 401 });
    expect(conversation.sessionId).toBeNull();
    expect(conversation.messages.map((message) => message.status)).toEqual(['error', 'error']);
    client.close();
  });

  it('retries stream-new with the same key when the connection fails after the request was sent', async () => {
    const keys: string[] = [];
    let attempts = 0;
    const { client, userId } = clientFor(server, {
      retry: { baseDelayMs: 5 },
      fetch: async (url, init) => {
        if (!url.endsWith('/api/chat/stream-new')) return fetch(url, init);
        keys.push(new Headers(init.headers).get('idempotency-key')!);
        const response = await fetch(url, init);
        if (++attempts > 1) return response;
        // The server has the request (and commits the session); the client never hears back.
        await response.body?.cancel();
        throw new TypeError('fetch failed');
      },
    });
    const conversation = client.conversation();
    const recorder = record(conversation);
    await conversation.send('Are you there?');

    expect(conversation.status).toBe('idle');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await sessionsOf(server, userId)).toBe(1);
    const [row] = await server.query<{ id: string }>('SELECT id FROM chat_sessions WHERE user_id = $1', [
      userId,
    ]);
    expect(conversation.sessionId).toBe(row?.id);
    expect(recorder.names().filter((name) => name === 'session-created')).toHaveLength(1);
    expect(recorder.statuses()).toEqual(['creating', 'streaming', 'idle']);
    expect(conversation.messages).toHaveLength(2);
    expect(conversation.messages[1]).toMatchObject({ status: 'complete' });
    client.close();
  });

  it('retries stream-new when the stream breaks before session_created', async () => {
    let attempts = 0;
    const { client, userId } = clientFor(server, {
      retry: { baseDelayMs: 5 },
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (!url.endsWith('/api/chat/stream-new') || ++attempts > 1) return response;
        await response.body?.cancel();
        const broken = new ReadableStream<Uint8Array>({
          pull(controller) {
            controller.error(new TypeError('terminated'));
          },
        });
        return new Response(broken, { status: 200, headers: response.headers });
      },
    });
    const conversation = client.conversation();
    await conversation.send('Hello through a bad network');
    expect(attempts).toBe(2);
    expect(conversation.status).toBe('idle');
    expect(await sessionsOf(server, userId)).toBe(1);
    client.close();
  });

  it('gives up after the retries and can be sent again without a second session', async () => {
    let failing = true;
    const { client, userId } = clientFor(server, {
      retry: { retries: 2, baseDelayMs: 1 },
      fetch: async (url, init) => {
        if (!failing || !url.endsWith('/api/chat/stream-new')) return fetch(url, init);
        const response = await fetch(url, init);
        await response.body?.cancel();
        throw new TypeError('fetch failed');
      },
    });
    const conversation = client.conversation();
    await conversation.send('Anyone?');
    expect(conversation.status).toBe('error');
    expect(conversation.error).toMatchObject({ code: 'network_error', retryable: true });
    expect(conversation.isEphemeral).toBe(true);
    expect(conversation.messages.map((message) => [message.role, message.status])).toEqual([
      ['user', 'error'],
      ['assistant', 'error'],
    ]);

    failing = false;
    await conversation.send('Anyone?');
    expect(conversation.status).toBe('idle');
    // The failed attempt's messages were replaced, and the server answered with the same session.
    expect(conversation.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(await sessionsOf(server, userId)).toBe(1);
    client.close();
  });

  it('reports a conversation of another user as not found', async () => {
    const { client: alice } = clientFor(server);
    const owned = alice.conversation();
    await owned.send('Private');
    const { client: bob } = clientFor(server);
    const error = await bob
      .conversation({ sessionId: owned.sessionId! })
      .load()
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
    alice.close();
    bob.close();
  });

  it('fails a turn for an unknown model without creating anything', async () => {
    const { client, userId } = clientFor(server);
    const conversation = client.conversation({ modelId: 'no-such-model' });
    await conversation.send('Hello');
    expect(conversation.error).toMatchObject({ code: 'unknown_model', status: 404 });
    expect(await sessionsOf(server, userId)).toBe(0);
    client.close();
  });

  it('refuses an empty message, and a second send while answering', async () => {
    const { client } = clientFor(server);
    const conversation = client.conversation();
    await expect(conversation.send('   ')).rejects.toMatchObject({ code: 'empty_message' });
    const first = conversation.send('One');
    await expect(conversation.send('Two')).rejects.toMatchObject({ code: 'validation_error' });
    await first;
    expect(conversation.messages).toHaveLength(2);
    client.close();
  });
});

describe('stopping an answer', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demoDelayMs: 20 });
  });

  afterAll(async () => {
    expect(await count(server, EMPTY_SESSIONS_SQL)).toBe(0);
    await server.close();
  });

  it('keeps the partial answer, goes back to idle and stops the server', async () => {
    const { client } = clientFor(server);
    const conversation = client.conversation();
    const recorder = record(conversation);
    const sending = conversation.send('Tell me a long story');
    await nextEvent(conversation, 'token', 3);
    const done = nextEvent(conversation, 'done');
    const stopping = conversation.stop();

    // At once: idle, not error, with the partial answer kept.
    expect(conversation.status).toBe('idle');
    expect(conversation.error).toBeNull();
    const partial = conversation.messages[1]!;
    expect(partial.status).toBe('partial');
    expect(partial.content.length).toBeGreaterThan(0);
    expect(await done).toMatchObject({ finishReason: 'stopped', message: partial });

    await stopping;
    await sending;
    expect(recorder.statuses()).toEqual(['creating', 'streaming', 'idle']);
    expect(recorder.names()).not.toContain('error');

    // The server stopped too: its saved answer is partial, and begins with what we showed.
    const [row] = await server.query<{ status: string; content: string }>(
      "SELECT status, content FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
      [conversation.sessionId],
    );
    expect(row?.status).toBe('partial');
    expect(row?.content.startsWith(partial.content)).toBe(true);

    // And the conversation goes on.
    await conversation.send('Shorter, please');
    expect(conversation.status).toBe('idle');
    expect(conversation.messages.map((message) => message.status)).toEqual([
      'complete',
      'partial',
      'complete',
      'complete',
    ]);
    client.close();
  });

  it('stops a first message right after its session is created', async () => {
    const { client, userId } = clientFor(server);
    const conversation = client.conversation();
    const sending = conversation.send('Stop me early');
    expect(conversation.status).toBe('creating');
    await conversation.stop();
    await sending;
    expect(conversation.status).toBe('idle');
    expect(conversation.isEphemeral).toBe(false);
    expect(conversation.messages[1]).toMatchObject({ status: 'partial' });
    expect(await sessionsOf(server, userId)).toBe(1);
    const [row] = await server.query<{ status: string }>(
      "SELECT status FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
      [conversation.sessionId],
    );
    expect(row?.status).toBe('partial');
    client.close();
  });

  it('stops while waiting to retry: back to ephemeral, nothing shown', async () => {
    const { client } = clientFor(server, {
      retry: { baseDelayMs: 10_000 },
      fetch: async (url, init) => {
        if (url.endsWith('/api/chat/stream-new')) throw new TypeError('fetch failed');
        return fetch(url, init);
      },
    });
    const conversation = client.conversation();
    const sending = conversation.send('Into the void');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await conversation.stop();
    await sending;
    expect(conversation).toMatchObject({ status: 'ephemeral', messages: [], error: null });
    client.close();
  });
});

describe('the sessions store', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demoDelayMs: 5 });
  });

  afterAll(async () => {
    expect(await count(server, EMPTY_SESSIONS_SQL)).toBe(0);
    await server.close();
  });

  it('follows create, title, rename and delete, here and in another tab', async () => {
    const userId = `user_store_${Date.now()}`;
    const channel = `store-test:${userId}`;
    const { client } = clientFor(server, { userId, broadcastChannel: channel });
    const { client: otherTab } = clientFor(server, { userId, broadcastChannel: channel });
    const list = client.sessions.list();
    const otherList = otherTab.sessions.list();
    await Promise.all([list.load(), otherList.load()]);

    // Create: in the list at once, in the other tab soon after.
    const conversation = client.conversation();
    const titles: string[] = [];
    conversation.on('title', ({ title }) => titles.push(title));
    const otherTabSaw = new Promise<void>((resolve) => {
      const off = otherTab.sessions.subscribe(() => {
        if (otherList.sessions.length > 0) {
          off();
          resolve();
        }
      });
    });
    await conversation.send('Plan a trip to Lisbon in spring');
    const sessionId = conversation.sessionId!;
    expect(list.sessions.map((session) => session.id)).toEqual([sessionId]);
    await otherTabSaw;
    expect(otherList.sessions[0]?.id).toBe(sessionId);

    // Title: from the stream if it came in time, else from the stored session.
    if (conversation.title === 'New conversation') await conversation.load();
    const [stored] = await server.query<{ session_title: string }>(
      'SELECT session_title FROM chat_sessions WHERE id = $1',
      [sessionId],
    );
    expect(stored?.session_title).not.toBe('New conversation');
    expect(conversation.title).toBe(stored?.session_title);
    expect(titles.at(-1)).toBe(stored?.session_title);
    expect(list.sessions[0]?.title).toBe(stored?.session_title);

    // Rename: the store, the open conversation and the other tab.
    const renamed = new Promise<void>((resolve) => {
      const off = otherTab.sessions.subscribe(() => {
        if (otherTab.sessions.get(sessionId)?.title === 'Lisbon 2026') {
          off();
          resolve();
        }
      });
    });
    const session = await client.rename(sessionId, 'Lisbon 2026');
    expect(session).toMatchObject({ id: sessionId, title: 'Lisbon 2026' });
    expect(list.sessions[0]?.title).toBe('Lisbon 2026');
    expect(conversation.title).toBe('Lisbon 2026');
    expect(titles.at(-1)).toBe('Lisbon 2026');
    await renamed;

    // A reload from the server agrees.
    await list.load();
    expect(list.sessions.map((item) => [item.id, item.title])).toEqual([[sessionId, 'Lisbon 2026']]);

    // Delete: gone here, in the other tab and on the server.
    const deleted = new Promise<void>((resolve) => {
      const off = otherTab.sessions.subscribe(() => {
        if (!otherTab.sessions.get(sessionId)) {
          off();
          resolve();
        }
      });
    });
    await client.delete(sessionId);
    expect(list.sessions).toEqual([]);
    await deleted;
    expect(otherList.sessions).toEqual([]);
    expect(await sessionsOf(server, userId)).toBe(0);
    client.close();
    otherTab.close();
  });

  it('lists per model, newest first, page by page', async () => {
    const { client, userId } = clientFor(server, { sessionPageSize: 2 });
    for (const [modelId, text] of [
      [null, 'one'],
      ['guide', 'two'],
      [null, 'three'],
      ['guide', 'four'],
      [null, 'five'],
    ] as const) {
      await client.conversation({ modelId }).send(text);
    }
    // A fresh client of the same user sees the stored lists.
    const { client: fresh } = clientFor(server, { userId, sessionPageSize: 2 });
    const all = fresh.sessions.list();
    await all.load();
    expect(all.sessions).toHaveLength(2);
    while (all.hasMore) await all.loadMore();
    expect(all.sessions).toHaveLength(5);
    const byTime = [...all.sessions].sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at));
    expect(all.sessions).toEqual(byTime);

    const guide = fresh.sessions.list({ modelId: 'guide' });
    await guide.load();
    await guide.loadMore();
    expect(guide.sessions.map((session) => session.model_id)).toEqual(['guide', 'guide']);
    expect(guide.hasMore).toBe(false);

    // A new conversation of that model goes to the top of both lists, with no request.
    const conversation = fresh.conversation({ modelId: 'guide' });
    const created = nextEvent(conversation, 'session-created');
    const sending = conversation.send('six');
    const { sessionId } = await created;
    expect(all.sessions[0]?.id).toBe(sessionId);
    expect(guide.sessions[0]?.id).toBe(sessionId);
    await sending;
    client.close();
    fresh.close();
  });
});

describe('rate limits', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ rateLimit: { newConversationsPerMinute: 1 } });
  });

  afterAll(async () => {
    expect(await count(server, EMPTY_SESSIONS_SQL)).toBe(0);
    await server.close();
  });

  it('surfaces a 429 with retryAfter and creates nothing', async () => {
    const { client, userId } = clientFor(server);
    await client.conversation().send('First');
    const second = client.conversation();
    const failed = nextEvent(second, 'error');
    await second.send('Second');
    const { error } = await failed;
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryable: true });
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(second.status).toBe('error');
    expect(second.error).toBe(error);
    expect(second.isEphemeral).toBe(true);
    expect(await sessionsOf(server, userId)).toBe(1);
    client.close();
  });
});
