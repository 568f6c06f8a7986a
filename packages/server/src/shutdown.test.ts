import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_MODEL } from './models/demo-models';
import { EMPTY_SESSIONS_SQL, openStream, readStream, testDrivers } from './test-support/sse-client';
import { startTestServer, type TestServer } from './testing';
import { defineTool } from './tools/define-tool';

/** A tool that ignores its abort signal: it answers only when the test lets it. */
function stubbornTool() {
  let started!: () => void;
  let finish!: () => void;
  const state = {
    started: new Promise<void>((resolve) => {
      started = resolve;
    }),
    settled: false,
    finish: () => finish(),
  };
  const answer = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const tool = defineTool({
    name: 'slow_lookup',
    description: 'Looks something up, slowly.',
    input: z.object({}).passthrough(),
    run: async () => {
      started();
      await answer;
      state.settled = true;
      return { found: 'it' };
    },
  });
  return { tool, state };
}

describe.each(testDrivers())('shutdown on %s', (driver) => {
  let server: TestServer;
  let stubborn: ReturnType<typeof stubbornTool>;
  beforeAll(async () => {
    stubborn = stubbornTool();
    server = await startTestServer({
      database: driver,
      defaultModel: { ...DEFAULT_MODEL, tools: [stubborn.tool] },
      rateLimit: { newConversationsPerMinute: 1000 },
    });
  });
  afterEach(() => stubborn.state.finish());
  afterAll(() => server?.close());

  it('stops an answer whose tool ignores the abort: the tool call is saved failed, the message partial', async () => {
    const token = await server.token('stopper');
    const { events } = await openStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'look it up' },
    });
    const sessionId = (await events.next()).value!.data.session_id as string;
    await stubborn.state.started;
    const stop = await fetch(`${server.url}/api/chat/sessions/${sessionId}/stop`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await stop.json()).toEqual({ stopped: true });
    // The stop is complete while the tool has still not answered.
    expect(stubborn.state.settled).toBe(false);
    const [assistant] = await server.query<{ status: string; tool_calls: { status: string }[] }>(
      "SELECT status, tool_calls FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
      [sessionId],
    );
    expect(assistant!.status).toBe('partial');
    expect(assistant!.tool_calls.map((call) => call.status)).toEqual(['failed']);
    const rest = [];
    for await (const event of events) rest.push(event.data);
    expect(rest.filter((event) => event.type === 'tool').map((event) => event.status)).toEqual([
      'started',
      'failed',
    ]);
    expect(rest.at(-1)).toMatchObject({ type: 'done', finish_reason: 'stopped' });
  });
});

describe.each(testDrivers())('draining on %s', (driver) => {
  it('refuses a request that arrives while the server drains, with 503 shutting_down, and writes nothing', async () => {
    const stubborn = stubbornTool();
    const server = await startTestServer({
      database: driver,
      defaultModel: { ...DEFAULT_MODEL, tools: [stubborn.tool] },
    });
    try {
      const token = await server.token('early');
      const running = await readStreamUntilTool(server, token, stubborn.state.started);
      const drained = server.app.shutdown();
      let drainedYet = false;
      void drained.then(() => {
        drainedYet = true;
      });

      const late = await readStream(`${server.url}/api/chat/stream-new`, {
        token: await server.token('late'),
        body: { message: 'am I too late?' },
      });
      expect(late.response.status).toBe(503);
      expect(late.error?.error.code).toBe('shutting_down');
      expect(late.response.headers.get('connection')).toBe('close');
      const list = await fetch(`${server.url}/api/chat/sessions`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(list.status).toBe(503);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(await sessionsOfUser(server, 'late')).toBe(0);

      // The answer that was running is finished and saved before the drain ends.
      expect(drainedYet).toBe(false);
      stubborn.state.finish();
      await drained;
      const rest = [];
      for await (const event of running) rest.push(event.data);
      expect(rest.at(-1)).toMatchObject({ type: 'done', finish_reason: 'stop' });
      const statuses = await server.query<{ status: string }>(
        "SELECT m.status FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id WHERE s.user_id = 'early' AND m.role = 'assistant'",
      );
      expect(statuses.map((row) => row.status)).toEqual(['complete']);
      expect(Number((await server.query<{ count: string }>(EMPTY_SESSIONS_SQL))[0]!.count)).toBe(0);
    } finally {
      stubborn.state.finish();
      await server.close();
    }
  });
});

async function readStreamUntilTool(server: TestServer, token: string, toolStarted: Promise<void>) {
  const { events } = await openStream(`${server.url}/api/chat/stream-new`, {
    token,
    body: { message: 'look it up' },
  });
  await events.next();
  await toolStarted;
  return events;
}

async function sessionsOfUser(server: TestServer, userId: string): Promise<number> {
  const rows = await server.query<{ count: string }>(
    'SELECT COUNT(*) FROM chat_sessions WHERE user_id = $1',
    [userId],
  );
  return Number(rows[0]!.count);
}
