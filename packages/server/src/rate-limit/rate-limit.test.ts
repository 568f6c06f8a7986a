import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SESSIONS_SQL, readStream, testDrivers } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';
import { MemoryRateLimitStore } from './memory-store';
import { PostgresRateLimitStore } from './postgres-store';
import { RateLimiter } from './rate-limiter';

describe('MemoryRateLimitStore', () => {
  it('counts hits per key within a window and starts again in the next', async () => {
    const store = new MemoryRateLimitStore();
    const start = 1_000_000 * 60_000;
    expect((await store.hit('a', 60_000, start)).count).toBe(1);
    expect((await store.hit('a', 60_000, start + 10)).count).toBe(2);
    expect((await store.hit('b', 60_000, start + 10)).count).toBe(1);
    const next = await store.hit('a', 60_000, start + 60_000);
    expect(next).toEqual({ count: 1, resetAt: start + 120_000 });
  });
});

describe.each(testDrivers())('rate limits on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      database: driver,
      rateLimit: { store: 'postgres', newConversationsPerMinute: 2, messagesPerMinute: 1 },
    });
  });
  afterAll(() => server?.close());

  it('answers the third new conversation in a minute with 429, Retry-After and RateLimit headers', async () => {
    const token = await server.token('hasty');
    const url = `${server.url}/api/chat/stream-new`;
    const ok = await readStream(url, { token, body: { message: 'one' } });
    expect(ok.response.headers.get('ratelimit-policy')).toBe('"new-conversations";q=2;w=60');
    expect(ok.response.headers.get('ratelimit')).toMatch(/^"new-conversations";r=1;t=\d+$/);
    await readStream(url, { token, body: { message: 'two' } });
    const limited = await readStream(url, { token, body: { message: 'three' } });
    expect(limited.response.status).toBe(429);
    expect(limited.error?.error.code).toBe('rate_limited');
    const retryAfter = Number(limited.response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.response.headers.get('ratelimit')).toMatch(/r=0;/);
    const rows = await server.query<{ count: string }>(
      'SELECT COUNT(*) FROM chat_sessions WHERE user_id = $1',
      ['hasty'],
    );
    expect(Number(rows[0]!.count)).toBe(2);
    expect(Number((await server.query<{ count: string }>(EMPTY_SESSIONS_SQL))[0]!.count)).toBe(0);
    // A retry of a conversation that exists is answered, not limited: it creates nothing.
    const retried = await readStream(url, {
      token,
      headers: { 'Idempotency-Key': 'k-two' },
      body: { message: 'two' },
    });
    expect(retried.response.status).toBe(429);
    const existing = await server.query<{ id: string }>(
      'SELECT id FROM chat_sessions WHERE user_id = $1 ORDER BY created_at LIMIT 1',
      ['hasty'],
    );
    await server.query('UPDATE chat_sessions SET idempotency_key = $1 WHERE id = $2', [
      'k-one',
      existing[0]!.id,
    ]);
    const replay = await readStream(url, {
      token,
      headers: { 'Idempotency-Key': 'k-one' },
      body: { message: 'one' },
    });
    expect(replay.response.status).toBe(200);
    expect(replay.events[0]!.data.session_id).toBe(existing[0]!.id);
    // Another user has a budget of their own.
    const other = await readStream(url, { token: await server.token('patient'), body: { message: 'one' } });
    expect(other.response.status).toBe(200);
  });

  it('limits messages of persistent conversations separately', async () => {
    const token = await server.token('talker');
    const created = await readStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'start' },
    });
    const id = (created.events[0]!.data as { session_id: string }).session_id;
    const first = await readStream(`${server.url}/api/chat/sessions/${id}/stream`, {
      token,
      body: { message: 'a' },
    });
    expect(first.response.status).toBe(200);
    const second = await readStream(`${server.url}/api/chat/sessions/${id}/stream`, {
      token,
      body: { message: 'b' },
    });
    expect(second.response.status).toBe(429);
    const { messages } = await (
      await fetch(`${server.url}/api/chat/sessions/${id}`, { headers: { Authorization: `Bearer ${token}` } })
    ).json();
    expect(messages).toHaveLength(4);
  });

  it('counts atomically in Postgres under concurrent hits', async () => {
    const store = new PostgresRateLimitStore(server.database);
    const now = Date.now();
    const hits = await Promise.all(Array.from({ length: 40 }, () => store.hit('race', 60_000, now)));
    expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
    const limiter = new RateLimiter(store, { name: 'race-policy', limit: 3, windowMs: 60_000 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => limiter.check('k', now)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
  });
});
