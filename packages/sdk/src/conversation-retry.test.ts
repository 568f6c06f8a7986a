// `Conversation.retry()` against the real reference server, in process, over real HTTP.
import { startTestServer, type TestServer } from '@parley/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient, type ChatClientOptions } from './chat-client';
import type { FetchFunction } from './http-client';

let userCount = 0;

interface SentRequest {
  method: string;
  path: string;
  key: string | null;
  body: unknown;
}

/** A client for a fresh user whose requests are recorded; `fetch` may fail some of them. */
function clientFor(server: TestServer, options: Partial<ChatClientOptions> = {}) {
  const userId = `retry_user_${++userCount}_${Date.now()}`;
  const requests: SentRequest[] = [];
  const recordingFetch: FetchFunction = (url, init) => {
    requests.push({
      method: init.method ?? 'GET',
      path: new URL(url).pathname,
      key: new Headers(init.headers).get('Idempotency-Key'),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return (options.fetch ?? fetch)(url, init);
  };
  const client = new ChatClient({
    baseUrl: server.url,
    getToken: () => server.token(userId),
    broadcastChannel: false,
    ...options,
    fetch: recordingFetch,
  });
  return { client, userId, requests };
}

async function sessionIdsOf(server: TestServer, userId: string): Promise<string[]> {
  const rows = await server.query<{ id: string }>('SELECT id FROM chat_sessions WHERE user_id = $1', [
    userId,
  ]);
  return rows.map((row) => row.id);
}

async function storedMessages(server: TestServer, sessionId: string) {
  return server.query<{ role: string; content: string }>(
    'SELECT role, content FROM chat_messages WHERE session_id = $1 ORDER BY created_at, id',
    [sessionId],
  );
}

describe('Conversation.retry', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demoDelayMs: 2 });
  });

  afterAll(async () => {
    await server.close();
  });

  it('sends a failed first message again with the same Idempotency-Key: one conversation, shown once', async () => {
    let cutOff = 1;
    const { client, userId, requests } = clientFor(server, {
      retry: { retries: 0 },
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (!url.endsWith('/api/chat/stream-new') || cutOff-- <= 0) return response;
        // The server has the message (and commits the session); the client never hears back.
        await response.body?.cancel();
        throw new TypeError('fetch failed');
      },
    });
    const conversation = client.conversation();
    await conversation.send('Are you there?');
    expect(conversation.status).toBe('error');
    expect(conversation.error).toMatchObject({ code: 'network_error', retryable: true });
    expect(conversation.isEphemeral).toBe(true);

    await conversation.retry();

    expect(conversation.status).toBe('idle');
    const creations = requests.filter((request) => request.path === '/api/chat/stream-new');
    expect(creations.map((request) => request.body)).toEqual([
      { message: 'Are you there?', model_id: null },
      { message: 'Are you there?', model_id: null },
    ]);
    expect(creations[1]!.key).toBe(creations[0]!.key);
    expect(await sessionIdsOf(server, userId)).toEqual([conversation.sessionId]);
    expect(conversation.messages.map((message) => [message.role, message.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(conversation.messages[0]!.content).toBe('Are you there?');
    client.close();
  });

  it('sends a failed follow-up again to its conversation', async () => {
    let refuse = false;
    const { client, requests } = clientFor(server, {
      fetch: (url, init) => {
        if (refuse && url.endsWith('/stream') && init.method === 'POST') {
          refuse = false;
          const body = { error: { code: 'database_unavailable', message: 'The database is busy.' } };
          return Promise.resolve(Response.json(body, { status: 503, headers: { 'Retry-After': '1' } }));
        }
        return fetch(url, init);
      },
    });
    const conversation = client.conversation();
    await conversation.send('First question');
    const sessionId = conversation.sessionId!;
    refuse = true;
    await conversation.send('Second question');
    expect(conversation.status).toBe('error');
    expect(conversation.error).toMatchObject({
      code: 'database_unavailable',
      retryable: true,
      retryAfter: 1,
    });

    await conversation.retry();

    expect(conversation.status).toBe('idle');
    const turns = requests.filter((request) => request.path === `/api/chat/sessions/${sessionId}/stream`);
    expect(turns.map((request) => request.body)).toEqual([
      { message: 'Second question' },
      { message: 'Second question' },
    ]);
    expect(conversation.messages.map((message) => [message.role, message.content.length > 0])).toEqual([
      ['user', true],
      ['assistant', true],
      ['user', true],
      ['assistant', true],
    ]);
    expect(conversation.messages[2]!.content).toBe('Second question');
    expect((await storedMessages(server, sessionId)).map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    client.close();
  });

  it('does nothing when the last turn did not fail', async () => {
    const { client, requests } = clientFor(server);
    const conversation = client.conversation();
    await conversation.retry();
    expect(requests).toEqual([]);

    const first = conversation.send('Hello');
    await conversation.retry();
    await first;
    await conversation.retry();
    expect(conversation.status).toBe('idle');
    expect(requests.map((request) => request.path)).toEqual(['/api/chat/stream-new']);
    expect(conversation.messages).toHaveLength(2);
    client.close();
  });
});
