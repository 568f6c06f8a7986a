import { type ChatError, toChatError } from './errors';
import type { Session } from './protocol/resources';
import type { ReconnectOptions } from './reconnect-options';
import { retryDelay } from './retry-delay';
import { SessionBroadcast, type SessionChange } from './session-broadcast';
import type { ChatTransport } from './transport/chat-transport';

/** Which conversations a {@link SessionList} shows. */
export interface SessionListOptions {
  /** Only this model's conversations; leave out for all of them. */
  modelId?: string | undefined;
}

/**
 * A paginated, live list of conversations, newest first (by `updated_at`): all of them, or one
 * model's. Get one from {@link SessionStore.list}.
 *
 * `sessions` holds the pages loaded so far plus every session created or changed since, by this
 * client or by another tab, so a new conversation appears without a refetch.
 *
 * @example
 * ```ts
 * const list = client.sessions.list({ modelId: 'support' });
 * list.subscribe(() => render(list.sessions, list.loading, list.error));
 * await list.load();
 * if (list.hasMore) await list.loadMore();
 * ```
 */
export interface SessionList {
  /** The model this list is filtered to; `undefined` lists every conversation. */
  readonly modelId: string | undefined;
  /** The sessions, newest first. The same array is returned until something changes. */
  readonly sessions: readonly Session[];
  /** Whether the first page has been loaded. */
  readonly loaded: boolean;
  /** Whether a page is being loaded. */
  readonly loading: boolean;
  /** Whether the server has older sessions for {@link SessionList.loadMore}. */
  readonly hasMore: boolean;
  /** Why the last load failed, until the next one succeeds. */
  readonly error: ChatError | null;
  /** Loads (or reloads) the first page. Never rejects: a failure is in `error`. Concurrent calls share one request. */
  load(): Promise<void>;
  /** Loads the next, older page, if there is one. Never rejects: a failure is in `error`. */
  loadMore(): Promise<void>;
  /** Calls `listener` after every change of the store; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface SessionStoreOptions {
  transport: ChatTransport;
  /** Sessions per page. */
  pageSize: number;
  /** The `BroadcastChannel` shared with other tabs, or `false` for none. */
  channelName: string | false;
  /** Backoff of {@link SessionStore.follow}'s reconnects. */
  reconnect: Required<ReconnectOptions>;
}

/**
 * The sidebar's store: every conversation this client knows (wire `Session` objects), and
 * paginated lists of them, one per model filter ({@link SessionStore.list}).
 *
 * It is kept current without refetching: a conversation appears in the same task that handles its
 * `session_created` event (before the conversation's own listeners run), a `title` event updates
 * it, {@link ChatClient.rename} and {@link ChatClient.delete} are reflected, and all of these
 * reach the other tabs of the same origin through a `BroadcastChannel` where there is one.
 *
 * @example
 * ```ts
 * const all = client.sessions.list();
 * const support = client.sessions.list({ modelId: 'support' });
 * client.sessions.subscribe(() => renderSidebar(all.sessions, support.sessions));
 * await Promise.all([all.load(), support.load()]);
 * ```
 */
export class SessionStore {
  readonly #transport: ChatTransport;
  readonly #pageSize: number;
  readonly #sessions = new Map<string, Session>();
  /** Sessions created or changed while this client runs: they belong in every list they match. */
  readonly #live = new Set<string>();
  /** Deleted sessions: a page requested before the delete must not bring them back. */
  readonly #removed = new Set<string>();
  readonly #lists = new Map<string | undefined, SessionList>();
  readonly #listeners = new Set<() => void>();
  readonly #broadcast: SessionBroadcast | null;
  readonly #reconnect: Required<ReconnectOptions>;
  #following: AbortController | null = null;
  #version = 0;

  constructor(options: SessionStoreOptions) {
    this.#transport = options.transport;
    this.#pageSize = options.pageSize;
    this.#reconnect = options.reconnect;
    this.#broadcast =
      options.channelName === false
        ? null
        : new SessionBroadcast(options.channelName, (change) => this.#apply(change));
  }

  /**
   * The list of all conversations, or of one model's (`{ modelId }`). Lists are made on first use
   * and kept: everyone asking for the same filter shares one list and its pages.
   */
  list(options: SessionListOptions = {}): SessionList {
    const { modelId } = options;
    const existing = this.#lists.get(modelId);
    if (existing) return existing;
    const store = this;
    /** Ids the server returned for this list. */
    let ids = new Set<string>();
    let cursor: string | null = null;
    let loaded = false;
    let loading: { firstPage: boolean; promise: Promise<void> } | null = null;
    let error: ChatError | null = null;
    /** Bumped by `load()` so that an older page arriving late is dropped. */
    let generation = 0;
    let cache: { version: number; sessions: Session[] } | null = null;

    const fetchPage = (after: string | null): Promise<void> => {
      const current = after === null ? ++generation : generation;
      const request = this.#transport
        .listSessions({ limit: this.#pageSize, modelId, cursor: after ?? undefined })
        .then(
          (page) => {
            if (current !== generation) return;
            if (after === null) ids = new Set();
            for (const session of page.sessions) {
              if (this.#removed.has(session.id)) continue;
              ids.add(session.id);
              this.#sessions.set(session.id, session);
            }
            cursor = page.next_cursor;
            loaded = true;
            error = null;
          },
          (failure: unknown) => {
            if (current === generation) error = toChatError(failure);
          },
        );
      const pending = {
        firstPage: after === null,
        promise: request.finally(() => {
          if (loading === pending) loading = null;
          this.#changed();
        }),
      };
      loading = pending;
      this.#changed();
      return pending.promise;
    };

    const list: SessionList = {
      modelId,
      get sessions() {
        if (cache?.version !== store.#version) {
          const sessions: Session[] = [];
          for (const session of store.#sessions.values()) {
            const matches = modelId === undefined || session.model_id === modelId;
            const included =
              (loaded && cursor === null) || ids.has(session.id) || store.#live.has(session.id);
            if (matches && included) sessions.push(session);
          }
          cache = { version: store.#version, sessions: sessions.sort(newestFirst) };
        }
        return cache.sessions;
      },
      get loaded() {
        return loaded;
      },
      get loading() {
        return loading !== null;
      },
      get hasMore() {
        return !loaded || cursor !== null;
      },
      get error() {
        return error;
      },
      load: () => (loading?.firstPage ? loading.promise : fetchPage(null)),
      loadMore: () =>
        loading?.promise ??
        (loaded ? (cursor === null ? Promise.resolve() : fetchPage(cursor)) : fetchPage(null)),
      subscribe: (listener) => this.subscribe(listener),
    };
    this.#lists.set(modelId, list);
    return list;
  }

  /** The session with this id, if this client has seen it. */
  get(id: string): Session | undefined {
    return this.#sessions.get(id);
  }

  /** Whether the session with this id was deleted while this client runs. */
  wasRemoved(id: string): boolean {
    return this.#removed.has(id);
  }

  /** Calls `listener` after every change (a session, or a list's loading state); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Adds or replaces a session made or changed by this client, shows it in every list it matches,
   * and tells the other tabs. Changes the local store only: the SDK calls it for you on
   * `session_created`, `title`, and {@link ChatClient.rename}.
   */
  upsert(session: Session): void {
    this.#apply({ type: 'upsert', session });
    this.#broadcast?.post({ type: 'upsert', session });
  }

  /** Changes some fields of a known session (see {@link SessionStore.upsert}); unknown ids are ignored. */
  update(id: string, changes: Partial<Omit<Session, 'id'>>): void {
    const session = this.#sessions.get(id);
    if (session) this.upsert({ ...session, ...changes });
  }

  /** Removes a session from every list and tells the other tabs. Local only, like {@link SessionStore.upsert}. */
  remove(id: string): void {
    this.#apply({ type: 'remove', id });
    this.#broadcast?.post({ type: 'remove', id });
  }

  /**
   * Follows the user's changes made anywhere (other devices too) through the transport's session
   * feed (`GET /api/chat/events`), resuming after the last change seen and reconnecting with
   * backoff, until {@link close}. Does nothing more when the backend has no such feed. The
   * elements' `<chat-app>` calls it; a Node script rarely needs it.
   */
  follow(): void {
    if (this.#following || !this.#transport.sessionEvents) return;
    const controller = new AbortController();
    this.#following = controller;
    void this.#follow(controller.signal);
  }

  async #follow(signal: AbortSignal): Promise<void> {
    let lastEventId: string | null = null;
    for (let attempt = 0; !signal.aborted; ) {
      try {
        const events = await this.#transport.sessionEvents!({ lastEventId }, { signal });
        if (!events) return;
        for await (const event of events) {
          attempt = 0;
          if (event.id !== undefined) lastEventId = event.id;
          if (event.type === 'upsert') this.#apply(event);
          else if (event.type === 'remove') this.#apply({ type: 'remove', id: event.sessionId });
          else {
            // Only sessions this client knows: the others arrive with their list's next page.
            const session = this.#sessions.get(event.sessionId);
            if (session) this.#apply({ type: 'upsert', session: { ...session, ...event.changes } });
          }
        }
      } catch {
        // Dropped or refused: try again after a while, like an answer's stream.
      }
      if (signal.aborted) return;
      const delay = retryDelay(Math.min(attempt++, 10), this.#reconnect);
      await new Promise<void>((resolve) => {
        const handle = this.#reconnect.timers.setTimeout(resolve, delay);
        signal.addEventListener('abort', () => {
          this.#reconnect.timers.clearTimeout(handle);
          resolve();
        });
      });
    }
  }

  /** Stops listening to other tabs and to the session feed. */
  close(): void {
    this.#broadcast?.close();
    this.#following?.abort();
    this.#following = null;
  }

  #apply(change: SessionChange): void {
    if (change.type === 'upsert') {
      this.#sessions.set(change.session.id, change.session);
      this.#live.add(change.session.id);
    } else {
      const known = this.#sessions.delete(change.id);
      // A conversation open by its URL may not be in any list: it still has to hear of it once.
      if (!known && this.#removed.has(change.id)) return;
      this.#removed.add(change.id);
    }
    this.#changed();
  }

  #changed(): void {
    this.#version++;
    for (const listener of this.#listeners) {
      try {
        listener();
      } catch (error) {
        // One broken subscriber must not stop the others, nor the stream that caused the change.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/** Milliseconds since the epoch; an unreadable date sorts last. */
function timeOf(timestamp: string): number {
  return Date.parse(timestamp) || 0;
}

function newestFirst(a: Session, b: Session): number {
  return timeOf(b.updated_at) - timeOf(a.updated_at);
}
