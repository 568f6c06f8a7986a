import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';
import { MemoryRateLimitStore } from './memory-store';
import { PostgresRateLimitStore } from './postgres-store';
import type { RateLimitStore } from './rate-limit-store';

const WINDOW = 60_000;
/** A minute boundary, where fixed windows used to admit twice the limit. */
const BOUNDARY = 29_000_000 * WINDOW;

/** A small seeded generator, so a failing sequence can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Arrival times: bursts, pauses and arrivals on both sides of minute boundaries. */
function arrivals(next: () => number, count: number): number[] {
  const times: number[] = [];
  let now = BOUNDARY - Math.floor(next() * 3 * WINDOW);
  for (let index = 0; index < count; index++) {
    const roll = next();
    if (roll < 0.4) now += 0;
    else if (roll < 0.7) now += Math.floor(next() * 2_000);
    else if (roll < 0.9) now += Math.floor(next() * WINDOW);
    else now += WINDOW - 1 + Math.floor(next() * 3);
    times.push(now);
  }
  return times;
}

/** The most admissions in any span [start, start + window): the worst span starts at an admission. */
function busiestSpan(admitted: readonly number[], window: number): number {
  let most = 0;
  for (const start of admitted) {
    const inside = admitted.filter((time) => time >= start && time < start + window).length;
    most = Math.max(most, inside);
  }
  return most;
}

interface StoreCase {
  name: string;
  store(): RateLimitStore;
}

const servers: TestServer[] = [];
const cases: StoreCase[] = [{ name: 'memory', store: () => new MemoryRateLimitStore() }];
for (const driver of testDrivers()) {
  let server: TestServer | undefined;
  cases.push({
    name: `postgres store on ${driver}`,
    store: () => new PostgresRateLimitStore(server!.database),
  });
  beforeAll(async () => {
    server = await startTestServer({ database: driver });
    servers.push(server);
  });
}
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe.each(cases)('sliding rate limits, $name', ({ name, store: makeStore }) => {
  let store: RateLimitStore;
  let keys = 0;
  const key = () => `${name}:key-${keys++}`;
  beforeAll(() => {
    store = makeStore();
  });

  it('admits the limit, refuses the next until the oldest leaves the window, and keeps keys apart', async () => {
    const a = key();
    const first = await store.take(a, 2, WINDOW, BOUNDARY - 100);
    expect(first).toEqual({ admitted: true, used: 1, resetAt: BOUNDARY - 100 + WINDOW });
    expect(await store.take(a, 2, WINDOW, BOUNDARY - 50)).toMatchObject({ admitted: true, used: 2 });
    // Past the minute boundary: a fixed window would start counting again here.
    expect(await store.take(a, 2, WINDOW, BOUNDARY + 100)).toEqual({
      admitted: false,
      used: 2,
      resetAt: BOUNDARY - 100 + WINDOW,
    });
    expect(await store.take(key(), 2, WINDOW, BOUNDARY + 100)).toMatchObject({ admitted: true, used: 1 });
    // A window is half-open: at exactly oldest + window the oldest no longer counts.
    expect(await store.take(a, 2, WINDOW, BOUNDARY - 101 + WINDOW)).toMatchObject({ admitted: false });
    expect(await store.take(a, 2, WINDOW, BOUNDARY - 100 + WINDOW)).toEqual({
      admitted: true,
      used: 2,
      resetAt: BOUNDARY - 50 + WINDOW,
    });
  });

  it('gives a refunded place back, once, even when two requests shared the millisecond', async () => {
    const a = key();
    await store.take(a, 2, WINDOW, BOUNDARY);
    await store.take(a, 2, WINDOW, BOUNDARY);
    expect((await store.take(a, 2, WINDOW, BOUNDARY + 1)).admitted).toBe(false);
    await store.refund(a, BOUNDARY);
    expect(await store.take(a, 2, WINDOW, BOUNDARY + 2)).toMatchObject({ admitted: true, used: 2 });
    expect((await store.take(a, 2, WINDOW, BOUNDARY + 3)).admitted).toBe(false);
    // A time that was never admitted gives nothing back.
    await store.refund(a, BOUNDARY + 3);
    expect((await store.take(a, 2, WINDOW, BOUNDARY + 4)).admitted).toBe(false);
  });

  it('never admits more than the limit in any 60-second span, and refuses only when full', async () => {
    // Many sequences in memory; fewer where each request is a statement.
    const sequences = name === 'memory' ? 300 : 12;
    for (let seed = 1; seed <= sequences; seed++) {
      const next = random(seed);
      const limit = 1 + Math.floor(next() * 6);
      const times = arrivals(next, 30);
      const k = key();
      const admitted: number[] = [];
      for (const time of times) {
        const decision = await store.take(k, limit, WINDOW, time);
        const inWindow = admitted.filter((at) => at > time - WINDOW).length;
        // Not too strict either: a refusal means the window really was full.
        expect({ seed, time, admitted: decision.admitted }).toEqual({
          seed,
          time,
          admitted: inWindow < limit,
        });
        if (decision.admitted) admitted.push(time);
      }
      expect(busiestSpan(admitted, WINDOW), `seed ${seed}`).toBeLessThanOrEqual(limit);
    }
  });

  it('admits exactly the limit out of concurrent requests', async () => {
    const a = key();
    const decisions = await Promise.all(Array.from({ length: 30 }, () => store.take(a, 7, WINDOW, BOUNDARY)));
    expect(decisions.filter((decision) => decision.admitted)).toHaveLength(7);
    expect(Math.max(...decisions.map((decision) => decision.used))).toBe(7);
  });
});
