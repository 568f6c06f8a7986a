import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeOpenAIServer,
  textChunks,
  type FakeOpenAIServer,
  type FakeResponse,
} from '../test-support/fake-openai-server';
import { TITLE_SYSTEM_PROMPT } from '../title/title-prompt';
import { EMPTY_SESSIONS_SQL, readStream, testDrivers } from '../test-support/sse-client';
import { waitFor } from '../test-support/wait-for';
import { startTestServer, type TestServer } from '../testing';

// The server's real OpenAI-compatible path, against a local server that speaks that format.
describe.each(testDrivers())('an upstream provider that fails, on %s', (driver) => {
  let upstream: FakeOpenAIServer;
  const answers: FakeResponse[] = [];
  const titles: FakeResponse[] = [];
  const push = (answer: FakeResponse, title: FakeResponse) => {
    answers.push(answer);
    titles.push(title);
  };
  let server: TestServer;
  beforeAll(async () => {
    // Titles ask the provider too, concurrently: answer them from their own queue.
    upstream = await startFakeOpenAIServer((request) => {
      const isTitle = request.body?.messages?.[0]?.content === TITLE_SYSTEM_PROMPT;
      return (isTitle ? titles : answers).shift() ?? { kind: 'status', status: 500 };
    });
    server = await startTestServer({
      database: driver,
      providerBaseUrl: upstream.baseUrl,
      titleTimeoutMs: 300,
    });
  });
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
  });
  afterEach(async () => {
    expect(Number((await server.query<{ count: string }>(EMPTY_SESSIONS_SQL))[0]!.count)).toBe(0);
  });

  const assistantRow = async (sessionId: string) =>
    (
      await server.query<{ content: string; status: string }>(
        "SELECT content, status FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
        [sessionId],
      )
    )[0]!;

  it('streams a real answer through the provider', async () => {
    push(
      { kind: 'stream', chunks: [...textChunks('Hello from upstream.'), { finish: 'stop' }] },
      { kind: 'stream', chunks: ['Greeting', { finish: 'stop' }] },
    );
    const { events } = await readStream(`${server.url}/api/chat/stream-new`, {
      token: await server.token(),
      body: { message: 'hi' },
    });
    const text = events
      .filter((event) => event.data.type === 'token')
      .map((event) => event.data.content)
      .join('');
    expect(text).toBe('Hello from upstream.');
    expect(events.at(-1)!.data).toMatchObject({ type: 'done', finish_reason: 'stop' });
    const sent = upstream.requests.find((request) =>
      request.body.messages.some((message: { content: string }) => message.content === 'hi'),
    );
    expect(sent!.headers.authorization).toBe('Bearer test-key');
    expect(sent!.body.model).toBe('test-model');
    expect(sent!.body.stream).toBe(true);
  });

  it('ends with a retryable provider_error, keeps the partial answer as error and the session intact', async () => {
    push(
      { kind: 'stream', chunks: textChunks('Half an ans'), errorAfter: 3 },
      { kind: 'status', status: 500 },
    );
    const { events } = await readStream(`${server.url}/api/chat/stream-new`, {
      token: await server.token(),
      body: { message: 'break please' },
    });
    expect(events[0]!.data.type).toBe('session_created');
    const last = events.at(-1)!.data;
    expect(last).toMatchObject({ type: 'error', code: 'provider_error', retryable: true });
    expect(String(last.error)).not.toContain('Upstream model crashed');
    const sessionId = (events[0]!.data as { session_id: string }).session_id;
    const streamed = events
      .filter((event) => event.data.type === 'token')
      .map((event) => event.data.content)
      .join('');
    expect(streamed.length).toBeGreaterThan(0);
    expect(await assistantRow(sessionId)).toEqual({ content: streamed, status: 'error' });
    const [user] = await server.query<{ content: string }>(
      "SELECT content FROM chat_messages WHERE session_id = $1 AND role = 'user'",
      [sessionId],
    );
    expect(user!.content).toBe('break please');
  });

  it.each([
    [429, true],
    [500, true],
    [401, false],
  ])('maps an upstream %i to an error event (retryable: %s)', async (status, retryable) => {
    push(
      { kind: 'status', status, headers: status === 429 ? { 'Retry-After': '7' } : {} },
      { kind: 'status', status: 500 },
    );
    const { events } = await readStream(`${server.url}/api/chat/stream-new`, {
      token: await server.token(),
      body: { message: `upstream ${status}` },
    });
    expect(events[0]!.data.type).toBe('session_created');
    expect(events.at(-1)!.data).toMatchObject({ type: 'error', code: 'provider_error', retryable });
    expect(JSON.stringify(events)).not.toContain('test-key');
    const sessionId = (events[0]!.data as { session_id: string }).session_id;
    expect((await assistantRow(sessionId)).status).toBe('error');
  });

  it('falls back to a title from the message when the provider cannot give one', async () => {
    push({ kind: 'stream', chunks: ['ok', { finish: 'stop' }] }, { kind: 'status', status: 500 });
    const { events } = await readStream(`${server.url}/api/chat/stream-new`, {
      token: await server.token(),
      body: { message: 'Plan a trip to Lisbon in spring' },
    });
    const sessionId = (events[0]!.data as { session_id: string }).session_id;
    let title = 'New conversation';
    await waitFor(async () => {
      [{ session_title: title }] = (await server.query<{ session_title: string }>(
        'SELECT session_title FROM chat_sessions WHERE id = $1',
        [sessionId],
      )) as [{ session_title: string }];
      return title !== 'New conversation';
    });
    expect(title).toBe('Plan a trip to Lisbon in spring');
  });
});
