// Automatic resume against the real server (its turn log), in process, over real HTTP: the first
// stream's body is cut mid-answer and the SDK resumes it with Last-Event-ID.
import { startTestServer, type TestServer } from '@parley/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient } from './chat-client';
import type { FetchFunction } from './http-client';

/** A body that passes `body` on until `tokens` token events have gone through, then breaks like a dropped connection. */
function cutAfterTokens(body: ReadableStream<Uint8Array>, tokens: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let seen = 0;
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      seen += decoder.decode(value, { stream: true }).split('event: token').length - 1;
      controller.enqueue(value);
      if (seen >= tokens) {
        await reader.cancel();
        controller.error(new TypeError('network connection lost'));
      }
    },
    cancel: () => reader.cancel(),
  });
}

describe('Conversation resume against the real server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demoDelayMs: 2 });
  });

  afterAll(async () => {
    await server.close();
  });

  for (const tokens of [1, 4, 9]) {
    it(`reassembles the answer byte for byte after a cut after ${tokens} token(s)`, async () => {
      const userId = `resume_${tokens}_${Date.now()}`;
      const resumes: (string | null)[] = [];
      let cuts = 1;
      const cuttingFetch: FetchFunction = async (url, init) => {
        const response = await fetch(url, init);
        if (init.method === 'GET' && url.endsWith('/stream')) {
          resumes.push(new Headers(init.headers).get('Last-Event-ID'));
        }
        if (init.method !== 'POST' || !url.endsWith('/stream-new') || cuts-- <= 0 || !response.body) {
          return response;
        }
        return new Response(cutAfterTokens(response.body, tokens), {
          status: response.status,
          headers: response.headers,
        });
      };
      const client = new ChatClient({
        baseUrl: server.url,
        getToken: () => server.token(userId),
        fetch: cuttingFetch,
        broadcastChannel: false,
        reconnect: { baseDelayMs: 5, maxDelayMs: 20 },
      });
      const conversation = client.conversation();
      const statuses: string[] = [];
      conversation.on('state-change', ({ status }) => statuses.push(status));
      await conversation.send('Tell me a story about resuming streams.');
      expect(conversation.error, JSON.stringify(resumes)).toBeNull();
      expect(conversation.status).toBe('idle');
      expect(statuses).toContain('reconnecting');
      expect(resumes).toHaveLength(1);
      expect(resumes[0]).toMatch(/:\d+$/);
      const [saved] = await server.query<{ content: string; status: string }>(
        "SELECT content, status FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
        [conversation.sessionId],
      );
      expect(saved!.status).toBe('complete');
      expect(conversation.messages.at(-1)!.content).toBe(saved!.content);
      client.close();
    });
  }

  it('hears of a rename and a delete made on another device through GET /api/chat/events', async () => {
    const userId = `feed_${Date.now()}`;
    let feedOpen: () => void = () => {};
    const opened = new Promise<void>((resolve) => {
      feedOpen = resolve;
    });
    const watchingFetch: FetchFunction = async (url, init) => {
      const response = await fetch(url, init);
      if (url.endsWith('/api/chat/events')) feedOpen();
      return response;
    };
    // Different channel names: nothing reaches the first client but the server's feed.
    const first = new ChatClient({
      baseUrl: server.url,
      getToken: () => server.token(userId),
      fetch: watchingFetch,
      broadcastChannel: `feed-a-${userId}`,
    });
    const second = new ChatClient({
      baseUrl: server.url,
      getToken: () => server.token(userId),
      broadcastChannel: `feed-b-${userId}`,
    });
    const conversation = first.conversation();
    await conversation.send('Rename and delete me from elsewhere');
    const sessionId = conversation.sessionId!;
    const renamed = new Promise<void>((resolve) =>
      conversation.on('title', ({ title }) => title === 'Renamed elsewhere' && resolve()),
    );
    const deleted = new Promise<string>((resolve) =>
      conversation.on('deleted', (detail) => resolve(detail.sessionId)),
    );
    first.sessions.follow();
    await opened;
    await second.rename(sessionId, 'Renamed elsewhere');
    await renamed;
    await second.delete(sessionId);
    expect(await deleted).toBe(sessionId);
    expect(conversation.deleted).toBe(true);
    expect(first.sessions.get(sessionId)).toBeUndefined();
    first.close();
    second.close();
  });
});
