import { afterEach, describe, expect, it } from 'vitest';
import { defaultReconnectOptions } from './reconnect-options';
import { HttpTransport } from './transport/http-transport';
import type { Session } from './protocol/resources';
import { SessionStore } from './sessions';
import { fakeFetch } from './test-support/fake-fetch';

function session(id: string, minute: number, modelId: string | null = null): Session {
  const time = new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();
  return {
    id,
    model_id: modelId,
    title: `Title ${id}`,
    is_active: false,
    created_at: time,
    updated_at: time,
  };
}

/** Twelve sessions, newest first: s11 … s0; every third is for the model `support`. */
const serverSessions = Array.from({ length: 12 }, (_, index) =>
  session(`s${index}`, index, index % 3 === 0 ? 'support' : null),
).reverse();

/** A fake of the list endpoint: filter by model, pages of `limit`, the cursor is the next offset. */
function listServer() {
  return fakeFetch((request) => {
    const query = new URL(request.url, 'http://x').searchParams;
    const modelId = query.get('model_id');
    const matching = serverSessions.filter((item) => modelId === null || item.model_id === modelId);
    const offset = Number(query.get('cursor') ?? 0);
    const limit = Number(query.get('limit'));
    const next = offset + limit < matching.length ? String(offset + limit) : null;
    return Response.json({ sessions: matching.slice(offset, offset + limit), next_cursor: next });
  });
}

const stores: SessionStore[] = [];
function createStore(options: { channelName?: string | false; pageSize?: number } = {}) {
  const server = listServer();
  const http = new HttpTransport({ baseUrl: 'http://chat.test', getToken: () => 't', fetch: server.fetch });
  const store = new SessionStore({
    transport: http,
    reconnect: defaultReconnectOptions,
    pageSize: options.pageSize ?? 5,
    channelName: options.channelName ?? false,
  });
  stores.push(store);
  return { store, requests: server.requests };
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const ids = (sessions: readonly Session[]) => sessions.map((item) => item.id);

describe('SessionStore lists', () => {
  it('loads pages newest first until there are no more', async () => {
    const { store, requests } = createStore();
    const list = store.list();
    expect(list).toMatchObject({ loaded: false, loading: false, hasMore: true, sessions: [] });
    const loading = list.load();
    expect(list.loading).toBe(true);
    await loading;
    expect(ids(list.sessions)).toEqual(['s11', 's10', 's9', 's8', 's7']);
    expect(list).toMatchObject({ loaded: true, loading: false, hasMore: true, error: null });
    await list.loadMore();
    await list.loadMore();
    expect(ids(list.sessions)).toEqual(ids(serverSessions));
    expect(list.hasMore).toBe(false);
    await list.loadMore();
    expect(requests).toHaveLength(3);
    expect(requests[0]?.url).toBe('http://chat.test/api/chat/sessions?limit=5');
  });

  it('keeps one list per model filter', async () => {
    const { store, requests } = createStore();
    expect(store.list({ modelId: 'support' })).toBe(store.list({ modelId: 'support' }));
    expect(store.list()).toBe(store.list({}));
    const support = store.list({ modelId: 'support' });
    await support.load();
    expect(ids(support.sessions)).toEqual(['s9', 's6', 's3', 's0']);
    expect(support.hasMore).toBe(false);
    expect(requests[0]?.url).toContain('model_id=support');
    // The general list has loaded nothing, so it shows nothing of what the model list loaded.
    expect(store.list().sessions).toEqual([]);
  });

  it('shares one request between concurrent loads', async () => {
    const { store, requests } = createStore();
    const list = store.list();
    await Promise.all([list.load(), list.load(), list.loadMore()]);
    expect(requests).toHaveLength(1);
  });

  it('returns the same array until something changes', async () => {
    const { store } = createStore();
    const list = store.list();
    await list.load();
    const first = list.sessions;
    expect(list.sessions).toBe(first);
    store.upsert(session('new', 60));
    expect(list.sessions).not.toBe(first);
  });

  it('records a failed load in error and never rejects', async () => {
    const http = new HttpTransport({
      baseUrl: 'http://chat.test',
      getToken: () => 't',
      fetch: async () =>
        Response.json({ error: { code: 'database_unavailable', message: 'Down.' } }, { status: 503 }),
    });
    const store = new SessionStore({
      transport: http,
      reconnect: defaultReconnectOptions,
      pageSize: 5,
      channelName: false,
    });
    const list = store.list();
    await list.load();
    expect(list.error).toMatchObject({ code: 'database_unavailable', retryable: true });
    expect(list.loaded).toBe(false);
  });
});

describe('SessionStore changes', () => {
  it('shows a new session at the top of every list it matches, synchronously', async () => {
    const { store } = createStore();
    const all = store.list();
    const support = store.list({ modelId: 'support' });
    const other = store.list({ modelId: 'other' });
    await Promise.all([all.load(), support.load(), other.load()]);
    let notified = 0;
    store.subscribe(() => notified++);
    store.upsert(session('fresh', 100, 'support'));
    expect(notified).toBe(1);
    expect(all.sessions[0]?.id).toBe('fresh');
    expect(support.sessions[0]?.id).toBe('fresh');
    expect(other.sessions).toEqual([]);
  });

  it('updates titles and order, and removes deleted sessions', async () => {
    const { store } = createStore();
    const list = store.list();
    await list.load();
    store.update('s8', { title: 'Renamed', updated_at: new Date(Date.UTC(2026, 0, 1)).toISOString() });
    expect(list.sessions[0]).toMatchObject({ id: 's8', title: 'Renamed' });
    store.remove('s10');
    expect(ids(list.sessions)).toEqual(['s8', 's11', 's9', 's7']);
    store.update('unknown', { title: 'x' });
    expect(store.get('unknown')).toBeUndefined();
  });

  it('does not bring back a session deleted while a page was on its way', async () => {
    let answer: ((response: Response) => void) | undefined;
    const slowFetch = () =>
      new Promise<Response>((resolve) => {
        answer = resolve;
      });
    const http = new HttpTransport({ baseUrl: 'http://chat.test', getToken: () => 't', fetch: slowFetch });
    const store = new SessionStore({
      transport: http,
      reconnect: defaultReconnectOptions,
      pageSize: 5,
      channelName: false,
    });
    stores.push(store);
    const list = store.list();
    const loading = list.load();
    while (!answer) await new Promise((resolve) => setTimeout(resolve, 1));
    store.remove('s11');
    answer(Response.json({ sessions: serverSessions.slice(0, 5), next_cursor: null }));
    await loading;
    expect(list.sessions.map((item) => item.id)).toEqual(['s10', 's9', 's8', 's7']);
  });

  it('keeps working locally after close(), without telling other tabs', () => {
    const { store } = createStore({ channelName: 'parley-test-close' });
    store.close();
    expect(() => store.upsert(session('late', 59))).not.toThrow();
    expect(store.get('late')?.id).toBe('late');
  });

  it('keeps notifying the other subscribers when one throws', () => {
    const { store } = createStore();
    const thrown: unknown[] = [];
    const onError = (error: unknown) => thrown.push(error);
    process.on('uncaughtException', onError);
    let reached = false;
    store.subscribe(() => {
      throw new Error('broken subscriber');
    });
    store.subscribe(() => {
      reached = true;
    });
    store.upsert(session('a', 1));
    expect(reached).toBe(true);
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        process.off('uncaughtException', onError);
        expect(thrown).toHaveLength(1);
        resolve();
      }, 10),
    );
  });

  it('tells the other tabs, which check what they receive', async () => {
    const channelName = `sessions-test-${Math.random()}`;
    const { store: here } = createStore({ channelName });
    const { store: there } = createStore({ channelName });
    const changed = () => new Promise<void>((resolve) => there.subscribe(resolve));

    let arrived = changed();
    here.upsert(session('shared', 5, 'support'));
    await arrived;
    expect(there.get('shared')).toEqual(session('shared', 5, 'support'));
    expect(there.list({ modelId: 'support' }).sessions.map((item) => item.id)).toEqual(['shared']);

    arrived = changed();
    here.remove('shared');
    await arrived;
    expect(there.get('shared')).toBeUndefined();

    // Another version's message that does not fit is ignored.
    const stranger = new BroadcastChannel(channelName);
    stranger.postMessage({ type: 'upsert', session: { id: 42 } });
    stranger.postMessage({ type: 'remove' });
    arrived = changed();
    here.upsert(session('after', 6));
    await arrived;
    stranger.close();
    expect(there.get('42')).toBeUndefined();
    expect(there.get('after')).toBeDefined();
  });
});
