import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStream, readStream, type WireEvent, EMPTY_SESSIONS_SQL } from '../test-support/sse-client';
import { startTcpProxy } from '../test-support/tcp-proxy';
import { type ClusterInstance, startTestCluster, type TestCluster } from '../test-support/test-cluster';

const postgresOnly = process.env.DATABASE_URL ? describe : describe.skip;

/** Where a connection is cut: after this many events (0: before session_created arrives). */
type Cut = { name: string; after: (events: WireEvent[]) => boolean };

const cuts: Cut[] = [
  { name: 'before session_created', after: () => true },
  { name: 'right after session_created', after: (events) => events.length >= 1 },
  { name: 'mid-token', after: (events) => events.filter((event) => event.event === 'token').length >= 7 },
  { name: 'mid-tool', after: (events) => events.some((event) => event.event === 'tool') },
  {
    name: 'after the tool ended',
    after: (events) => events.some((event) => event.event === 'tool' && event.data.status !== 'started'),
  },
];

postgresOnly('the turn log, on two instances of one Postgres', () => {
  let cluster: TestCluster;
  let a: ClusterInstance;
  let b: ClusterInstance;

  beforeAll(async () => {
    cluster = await startTestCluster();
    a = await cluster.start({ demoDelayMs: 3, maxConcurrentStreamsPerUser: 100, turnLog: { flushMs: 20 } });
    b = await cluster.start({ demoDelayMs: 3, maxConcurrentStreamsPerUser: 100, turnLog: { flushMs: 20 } });
  });
  afterAll(() => cluster?.close());

  const textOf = (events: WireEvent[]) =>
    events
      .filter((event) => event.event === 'token')
      .map((event) => event.data.content)
      .join('');

  for (const [index, cut] of cuts.entries()) {
    for (const target of ['same', 'other'] as const) {
      it(`resumes exactly after a cut ${cut.name}, on the ${target} instance`, async () => {
        const token = await cluster.token(`cut-${index}-${target}`);
        const proxy = await startTcpProxy(a.url);
        const key = `key-${index}-${target}`;
        const seen: WireEvent[] = [];
        try {
          const { events } = await openStream(`${proxy.url}/api/chat/stream-new`, {
            token,
            body: { message: 'Tell me about tools', model_id: 'guide' },
            headers: { 'Idempotency-Key': key },
          });
          if (cut.name !== 'before session_created') {
            for await (const event of events) {
              seen.push(event);
              if (cut.after(seen)) break;
            }
          }
          proxy.cut();
        } catch {
          // The cut may land while the response is still being read.
        } finally {
          await proxy.close();
        }
        const resumeOn = target === 'same' ? a : b;
        if (seen.length === 0) {
          // Nothing arrived: the retried request joins the same answer.
          const retried = await openStream(`${resumeOn.url}/api/chat/stream-new`, {
            token,
            body: { message: 'Tell me about tools', model_id: 'guide' },
            headers: { 'Idempotency-Key': key },
          });
          let read = 0;
          for await (const event of retried.events) {
            seen.push(event);
            if (++read === 3) break;
          }
        }
        const sessionId = seen[0]!.data.session_id as string;
        const resumed = await readStream(`${resumeOn.url}/api/chat/sessions/${sessionId}/stream`, {
          method: 'GET',
          token,
          headers: { 'Last-Event-ID': seen.at(-1)!.id! },
        });
        expect(resumed.response.status).toBe(200);
        const all = [...seen, ...resumed.events];
        const ids = all.map((event) => event.id);
        expect(new Set(ids).size).toBe(ids.length);
        const seqs = ids.map((id) => Number(id!.split(':').at(-1)));
        expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
        expect(all.at(-1)!.event).toBe('done');
        const [saved] = await cluster.query<{ content: string; status: string }>(
          "SELECT content, status FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
          [sessionId],
        );
        expect(saved!.status).toBe('complete');
        expect(textOf(all)).toBe(saved!.content);
        expect(all.filter((event) => event.event === 'tool').length).toBeGreaterThan(0);
      });
    }
  }

  it('resumes just before done, on either instance, with only the last event', async () => {
    const token = await cluster.token('before-done');
    const { events } = await readStream(`${a.url}/api/chat/stream-new`, { token, body: { message: 'Hi' } });
    const sessionId = events[0]!.data.session_id as string;
    for (const instance of [a, b]) {
      const resumed = await readStream(`${instance.url}/api/chat/sessions/${sessionId}/stream`, {
        method: 'GET',
        token,
        headers: { 'Last-Event-ID': events.at(-2)!.id! },
      });
      expect(resumed.events).toEqual([events.at(-1)]);
    }
  });

  it('sends the answer in progress from its start without Last-Event-ID, 204 when none, 404 to others', async () => {
    const token = await cluster.token('progress');
    const slow = await cluster.start({ demoDelayMs: 40, turnLog: { flushMs: 20 } });
    const { events } = await openStream(`${slow.url}/api/chat/stream-new`, {
      token,
      body: { message: 'Hi' },
    });
    const first = (await events.next()).value!;
    const sessionId = first.data.session_id as string;
    const stranger = await readStream(`${b.url}/api/chat/sessions/${sessionId}/stream`, {
      method: 'GET',
      token: await cluster.token('stranger'),
    });
    expect(stranger.response.status).toBe(404);
    const fromStart = await readStream(`${b.url}/api/chat/sessions/${sessionId}/stream`, {
      method: 'GET',
      token,
    });
    const original: WireEvent[] = [first];
    for await (const event of events) original.push(event);
    // The same events (tokens may be joined into fewer frames), ending on the same id.
    expect(textOf(fromStart.events)).toBe(textOf(original));
    expect(fromStart.events.at(-1)).toEqual(original.at(-1));
    const none = await fetch(`${b.url}/api/chat/sessions/${sessionId}/stream`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(none.status).toBe(204);
  });

  it('holds the per-user cap and one answer per session across both instances', async () => {
    const token = await cluster.token('capped');
    const capA = await cluster.start({ demoDelayMs: 50, maxConcurrentStreamsPerUser: 3 });
    const capB = await cluster.start({ demoDelayMs: 50, maxConcurrentStreamsPerUser: 3 });
    const starts = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        openStream(`${(index % 2 ? capA : capB).url}/api/chat/stream-new`, {
          token,
          body: { message: 'Hi' },
        }),
      ),
    );
    expect(starts.filter((start) => start.response.status === 200)).toHaveLength(3);
    expect(starts.filter((start) => start.response.status === 429)).toHaveLength(7);
    const [running] = await cluster.query<{ count: string }>(
      "SELECT count(*) FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id WHERE s.user_id = 'capped' AND m.status = 'streaming'",
    );
    expect(Number(running!.count)).toBe(3);
    const open = starts.filter((start) => start.response.status === 200);
    const sessions = await Promise.all(
      open.map(async (start) => (await start.events.next()).value!.data.session_id),
    );
    for (const start of open) for await (const _ of start.events);

    const followUps = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        openStream(`${(index % 2 ? capA : capB).url}/api/chat/sessions/${sessions[0]}/stream`, {
          token,
          body: { message: 'And then?' },
        }),
      ),
    );
    expect(followUps.filter((start) => start.response.status === 200)).toHaveLength(1);
    const refused = followUps.filter((start) => start.response.status === 409);
    expect(refused).toHaveLength(5);
    for (const start of followUps) for await (const _ of start.events);
    expect(Number((await cluster.query<{ count: string }>(EMPTY_SESSIONS_SQL))[0]!.count)).toBe(0);
  });

  it('stops an answer from the other instance and keeps what was written', async () => {
    const token = await cluster.token('stopper');
    const slow = await cluster.start({ demoDelayMs: 40 });
    const { events } = await openStream(`${slow.url}/api/chat/stream-new`, {
      token,
      body: { message: 'Hi' },
    });
    const seen: WireEvent[] = [];
    for await (const event of events) {
      seen.push(event);
      if (seen.length === 4) break;
    }
    const sessionId = seen[0]!.data.session_id as string;
    const stop = await fetch(`${b.url}/api/chat/sessions/${sessionId}/stop`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await stop.json()).toEqual({ stopped: true });
    const [saved] = await cluster.query<{ status: string }>(
      "SELECT status FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
      [sessionId],
    );
    expect(saved!.status).toBe('partial');
  });

  it("deletes a finished answer's log after the retention time; a late resume then gets 204", async () => {
    const token = await cluster.token('retention');
    const short = await cluster.start({ turnLog: { retentionMs: 0, leaseMs: 400 } });
    const { events } = await readStream(`${short.url}/api/chat/stream-new`, {
      token,
      body: { message: 'Hi' },
    });
    const messageId = events.at(-1)!.data.message_id as string;
    for (;;) {
      const [left] = await cluster.query<{ count: string }>(
        'SELECT count(*) FROM chat_turn_events WHERE message_id = $1',
        [messageId],
      );
      if (Number(left!.count) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const late = await fetch(`${short.url}/api/chat/sessions/${events[0]!.data.session_id}/stream`, {
      headers: { Authorization: `Bearer ${token}`, 'Last-Event-ID': events[3]!.id! },
    });
    expect(late.status).toBe(204);
    const [saved] = await cluster.query<{ status: string }>(
      'SELECT status FROM chat_messages WHERE id = $1',
      [messageId],
    );
    expect(saved!.status).toBe('complete');
  });

  it('sends the sidebar changes made on one instance to a client of the other, resumable', async () => {
    const token = await cluster.token('sidebar');
    const changes = await openStream(`${b.url}/api/chat/events`, { method: 'GET', token });
    expect(changes.response.status).toBe(200);
    const { events } = await readStream(`${a.url}/api/chat/stream-new`, { token, body: { message: 'Hi' } });
    const sessionId = events[0]!.data.session_id as string;
    const api = (method: string, body?: unknown) =>
      fetch(`${a.url}/api/chat/sessions/${sessionId}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    await api('PATCH', { title: 'Renamed' });
    await api('DELETE');
    const seen: WireEvent[] = [];
    for await (const event of changes.events) {
      seen.push(event);
      if (event.event === 'session_deleted') break;
    }
    const types = seen.map((event) => event.event);
    expect(types).toContain('session_created');
    expect(types).toContain('answer_status');
    expect(types).toContain('session_renamed');
    expect(seen.every((event) => event.data.session_id === sessionId)).toBe(true);

    const again = await openStream(`${a.url}/api/chat/events`, {
      method: 'GET',
      token,
      headers: { 'Last-Event-ID': seen[0]!.id! },
    });
    const rest: WireEvent[] = [];
    for await (const event of again.events) {
      rest.push(event);
      if (event.event === 'session_deleted') break;
    }
    expect(rest.map((event) => event.id)).toEqual(seen.slice(1).map((event) => event.id));
  });
});
