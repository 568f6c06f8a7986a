import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer } from '../test-support/child-server';
import { openStream, readStream } from '../test-support/sse-client';
import { type ClusterInstance, startTestCluster, type TestCluster } from '../test-support/test-cluster';

const postgresOnly = process.env.DATABASE_URL ? describe : describe.skip;
const LEASE_MS = Number(process.env.PARLEY_TEST_LEASE_MS ?? 2_000);
const ANSWERS = 20;

postgresOnly('an owner killed with -9', () => {
  let cluster: TestCluster;
  let survivor: ClusterInstance;

  beforeAll(async () => {
    cluster = await startTestCluster();
    survivor = await cluster.start({ turnLog: { leaseMs: LEASE_MS } });
  });
  afterAll(() => cluster?.close());

  it(`has its ${ANSWERS} running answers interrupted by another instance, each keeping a prefix of what its client saw`, async () => {
    const owner = await startChildServer({
      databaseUrl: cluster.databaseUrl,
      secret: cluster.secret,
      leaseMs: LEASE_MS,
      delayMs: 40,
    });
    const token = await cluster.token('killed');
    const streams = await Promise.all(
      Array.from({ length: ANSWERS }, () =>
        openStream(`${owner.url}/api/chat/stream-new`, { token, body: { message: 'Tell me a long story' } }),
      ),
    );
    const seen = streams.map(() => ({ sessionId: '', text: '', lastId: '' }));
    let started = 0;
    let resolveStarted!: () => void;
    const allStarted = new Promise<void>((resolve) => {
      resolveStarted = resolve;
    });
    const reading = streams.map(async (stream, index) => {
      let tokens = 0;
      try {
        for await (const event of stream.events) {
          if (event.event === 'session_created') seen[index]!.sessionId = event.data.session_id;
          if (event.event === 'token') {
            seen[index]!.text += event.data.content;
            if (++tokens === 5 && ++started === ANSWERS) resolveStarted();
          }
          seen[index]!.lastId = event.id ?? seen[index]!.lastId;
        }
      } catch {
        // The connection dies with the process.
      }
    });
    await allStarted;
    // Killed once every answer has a batch in the log, so there is text to keep.
    for (;;) {
      const [written] = await cluster.query<{ count: string }>(
        `SELECT count(*) FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
         WHERE s.user_id = 'killed' AND m.role = 'assistant' AND m.content <> ''`,
      );
      if (Number(written!.count) === ANSWERS) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const killedAt = Date.now();
    await owner.kill();
    await Promise.all(reading);

    let rows: { session_id: string; status: string; content: string }[] = [];
    for (;;) {
      rows = await cluster.query(
        `SELECT m.session_id, m.status, m.content FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
         WHERE s.user_id = 'killed' AND m.role = 'assistant'`,
      );
      if (rows.every((row) => row.status !== 'streaming')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const tookMs = Date.now() - killedAt;
    console.info(`kill -9 → ${ANSWERS} answers interrupted after ${tookMs} ms (lease ${LEASE_MS} ms)`);
    expect(rows).toHaveLength(ANSWERS);
    for (const client of seen) {
      const row = rows.find((candidate) => candidate.session_id === client.sessionId)!;
      expect(row.status).toBe('interrupted');
      expect(client.text.startsWith(row.content)).toBe(true);
      expect(row.content.length).toBeGreaterThan(0);
    }

    // A client that comes back learns what happened, from the survivor.
    const client = seen[0]!;
    const resumed = await readStream(`${survivor.url}/api/chat/sessions/${client.sessionId}/stream`, {
      method: 'GET',
      token,
      headers: { 'Last-Event-ID': client.lastId },
    });
    expect(resumed.events.at(-1)!.data).toMatchObject({
      type: 'error',
      code: 'interrupted',
      retryable: true,
    });
  });
});
