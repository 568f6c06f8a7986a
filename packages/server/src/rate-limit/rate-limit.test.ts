import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SESSIONS_SQL, readStream, testDrivers } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';

const MINUTE = 60_000;
/** A minute boundary on the server's clock, which the tests move by hand. */
const BOUNDARY = 29_000_000 * MINUTE;

const setups = [
  ...testDrivers().map((driver) => ({ driver, store: 'postgres' as const })),
  { driver: 'pglite' as const, store: 'memory' as const },
];

describe.each(setups)('rate limits on $driver, $store store', ({ driver, store }) => {
  let server: TestServer;
  let now = BOUNDARY;
  const url = () => `${server.url}/api/chat/stream-new`;
  const sessionsOf = async (userId: string) =>
    Number(
      (
        await server.query<{ count: string }>('SELECT COUNT(*) FROM chat_sessions WHERE user_id = $1', [
          userId,
        ])
      )[0]!.count,
    );

  beforeAll(async () => {
    server = await startTestServer({
      database: driver,
      rateLimit: { store, newConversationsPerMinute: 2, messagesPerMinute: 1 },
      maxConcurrentStreamsPerUser: 1,
      clock: () => now,
    });
  });
  afterAll(() => server?.close());

  it('answers the third new conversation in a minute with 429, Retry-After and RateLimit headers', async () => {
    now = BOUNDARY + 5 * MINUTE;
    const token = await server.token('hasty');
    const ok = await readStream(url(), { token, body: { message: 'one' } });
    expect(ok.response.status).toBe(200);
    expect(ok.response.headers.get('ratelimit-policy')).toBe('"new-conversations";q=2;w=60');
    expect(ok.response.headers.get('ratelimit')).toBe('"new-conversations";r=1;t=60');
    now += 1_000;
    expect((await readStream(url(), { token, body: { message: 'two' } })).response.status).toBe(200);
    now += 1_000;
    const limited = await readStream(url(), { token, body: { message: 'three' } });
    expect(limited.response.status).toBe(429);
    expect(limited.error?.error.code).toBe('rate_limited');
    // The first one leaves the window 58 s from now.
    expect(limited.response.headers.get('retry-after')).toBe('58');
    expect(limited.response.headers.get('ratelimit')).toBe('"new-conversations";r=0;t=58');
    expect(await sessionsOf('hasty')).toBe(2);
    expect(Number((await server.query<{ count: string }>(EMPTY_SESSIONS_SQL))[0]!.count)).toBe(0);
    // Retry-After is enough: then one place is free, and only one.
    now += 58_000;
    expect((await readStream(url(), { token, body: { message: 'three' } })).response.status).toBe(200);
    const again = await readStream(url(), { token, body: { message: 'four' } });
    expect(again.response.status).toBe(429);
    expect(again.response.headers.get('retry-after')).toBe('1');
    // Another user has a budget of their own.
    const other = await readStream(url(), { token: await server.token('patient'), body: { message: 'one' } });
    expect(other.response.status).toBe(200);
  });

  it('admits no more than the limit in a minute that straddles a clock minute', async () => {
    const token = await server.token('straddler');
    now = BOUNDARY + 10 * MINUTE - 100;
    for (const message of ['a', 'b']) {
      expect((await readStream(url(), { token, body: { message } })).response.status).toBe(200);
    }
    now += 200;
    const limited = await readStream(url(), { token, body: { message: 'c' } });
    expect(limited.response.status).toBe(429);
    expect(await sessionsOf('straddler')).toBe(2);
  });

  it('does not spend the budget on a retry with the same Idempotency-Key', async () => {
    now = BOUNDARY + 20 * MINUTE;
    const token = await server.token('retrier');
    const send = (key: string, message: string) =>
      readStream(url(), { token, headers: { 'Idempotency-Key': key }, body: { message } });
    const first = await send('k-one', 'one');
    expect(first.response.status).toBe(200);
    for (let retry = 0; retry < 3; retry++) {
      const replay = await send('k-one', 'one');
      expect(replay.response.status).toBe(200);
      expect(replay.events[0]!.data.session_id).toBe(first.events[0]!.data.session_id);
    }
    // The same key with another message creates nothing either.
    expect((await send('k-one', 'not one')).error?.error.code).toBe('idempotency_conflict');
    expect((await send('k-two', 'two')).response.status).toBe(200);
    // The budget is spent now, and a retry of a conversation that exists is still answered.
    expect((await send('k-three', 'three')).response.status).toBe(429);
    const replay = await send('k-two', 'two');
    expect(replay.response.status).toBe(200);
    expect(await sessionsOf('retrier')).toBe(2);
  });

  it('does not spend the budget on a too_many_streams refusal or a validation error', async () => {
    // A conversation from long before this test's minute, whose answer then counts as still
    // running (its turn unfinished, its lease far ahead): the cap of one is reached.
    now = BOUNDARY + 28 * MINUTE;
    const token = await server.token('busy');
    expect((await readStream(url(), { token, body: { message: 'earlier' } })).response.status).toBe(200);
    now = BOUNDARY + 30 * MINUTE;
    await server.query(
      "UPDATE chat_turns SET finished_at = NULL, expires_at = now() + interval '1 hour' WHERE user_id = 'busy'",
    );
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = await readStream(url(), { token, body: { message: 'hello' } });
      expect(refused.error?.error.code).toBe('too_many_streams');
    }
    await server.query("UPDATE chat_turns SET finished_at = now() WHERE user_id = 'busy'");
    const invalid = [
      { body: { message: '   ' }, code: 'empty_message' },
      { body: { message: 'hi', model_id: 'no-such-model' }, code: 'unknown_model' },
      { body: { message: 7 }, code: 'validation_error' },
    ];
    for (const { body, code } of invalid) {
      expect((await readStream(url(), { token, body })).error?.error.code).toBe(code);
    }
    for (const message of ['one', 'two']) {
      expect((await readStream(url(), { token, body: { message } })).response.status).toBe(200);
    }
    expect((await readStream(url(), { token, body: { message: 'three' } })).response.status).toBe(429);
  });

  it('limits messages of persistent conversations separately, and only turns that start', async () => {
    now = BOUNDARY + 40 * MINUTE;
    const token = await server.token('talker');
    const created = await readStream(url(), { token, body: { message: 'start' } });
    const id = (created.events[0]!.data as { session_id: string }).session_id;
    const stream = (sessionId: string, message: string) =>
      readStream(`${server.url}/api/chat/sessions/${sessionId}/stream`, { token, body: { message } });
    // Someone else's or no conversation: a 404 spends nothing.
    expect((await stream('no-such-session', 'a')).response.status).toBe(404);
    expect((await stream(id, 'a')).response.status).toBe(200);
    const second = await stream(id, 'b');
    expect(second.response.status).toBe(429);
    expect(second.response.headers.get('ratelimit-policy')).toBe('"messages";q=1;w=60');
    const { messages } = await (
      await fetch(`${server.url}/api/chat/sessions/${id}`, { headers: { Authorization: `Bearer ${token}` } })
    ).json();
    expect(messages).toHaveLength(4);
  });
});
