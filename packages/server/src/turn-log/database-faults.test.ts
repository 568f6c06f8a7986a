import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SESSIONS_SQL, openStream, type WireEvent } from '../test-support/sse-client';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../test-support/throwaway-postgres';
import { type ClusterInstance, startTestCluster, type TestCluster } from '../test-support/test-cluster';

// Its own Postgres cluster, never the shared one: it is paused and killed here.
const withPostgres = process.env.DATABASE_URL ? describe : describe.skip;
const ANSWERS = 5;

withPostgres('a database that hangs or dies mid-answer', () => {
  let postgres: ThrowawayPostgres;
  let cluster: TestCluster;
  let server: ClusterInstance;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    cluster = await startTestCluster(postgres.url);
    server = await cluster.start({
      demoDelayMs: 30,
      maxConcurrentStreamsPerUser: 100,
      turnLog: { flushMs: 50 },
    });
  }, 120_000);
  afterAll(async () => {
    await cluster?.close().catch(() => {});
    await postgres?.destroy();
  });

  for (const fault of ['paused with SIGSTOP', 'killed and restarted'] as const) {
    it(`ends the streams with a truthful error when ${fault}, then completes the answers from memory`, async () => {
      const user = fault.startsWith('paused') ? 'paused' : 'killed';
      const token = await cluster.token(user);
      const streams = await Promise.all(
        Array.from({ length: ANSWERS }, () =>
          openStream(`${server.url}/api/chat/stream-new`, {
            token,
            body: { message: 'Tell me a long story' },
          }),
        ),
      );
      const seen: WireEvent[][] = streams.map(() => []);
      let started = 0;
      let resolveStarted!: () => void;
      const allStarted = new Promise<void>((resolve) => {
        resolveStarted = resolve;
      });
      const reading = streams.map(async (stream, index) => {
        let tokens = 0;
        for await (const event of stream.events) {
          seen[index]!.push(event);
          if (event.event === 'token' && ++tokens === 10 && ++started === ANSWERS) resolveStarted();
        }
      });
      await allStarted;
      const faultAt = Date.now();
      if (fault.startsWith('paused')) postgres.pause();
      else await postgres.kill();
      await Promise.all(reading);
      const endedMs = Date.now() - faultAt;
      console.info(`database ${fault}: ${ANSWERS} streams ended after ${endedMs} ms`);
      for (const events of seen) {
        const last = events.at(-1)!;
        expect(last.data).toMatchObject({ type: 'error', code: 'database_unavailable', retryable: true });
        expect(last.data.error).toContain('saved up to a moment ago');
      }

      if (fault.startsWith('paused')) postgres.resume();
      else await postgres.start();
      let rows: { session_id: string; status: string; content: string }[] = [];
      for (;;) {
        rows = await cluster
          .query<{ session_id: string; status: string; content: string }>(
            `SELECT m.session_id, m.status, m.content FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
             WHERE s.user_id = $1 AND m.role = 'assistant'`,
            [user],
          )
          .catch(() => []);
        if (rows.length === ANSWERS && rows.every((row) => row.status !== 'streaming')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const events of seen) {
        const sessionId = events[0]!.data.session_id;
        const row = rows.find((candidate) => candidate.session_id === sessionId)!;
        const text = events
          .filter((event) => event.event === 'token')
          .map((event) => event.data.content)
          .join('');
        // The owner held the tail in memory: the whole answer is saved.
        expect(row.status).toBe('complete');
        expect(row.content.startsWith(text)).toBe(true);
        expect(row.content.length).toBeGreaterThan(text.length);
      }
      expect(Number((await cluster.query<{ count: string }>(EMPTY_SESSIONS_SQL))[0]!.count)).toBe(0);
    }, 120_000);
  }
});
