import { Conversation, type ConversationContext, type ConversationOptions } from './conversation';
import type { FetchFunction, TokenProvider } from './http-client';
import type { ModelList, Session } from './protocol/resources';
import { defaultReconnectOptions, type ReconnectOptions } from './reconnect-options';
import { defaultRetryOptions, type RetryOptions } from './retry-delay';
import { SessionStore } from './sessions';
import type { ChatTransport } from './transport/chat-transport';
import { HttpTransport } from './transport/http-transport';

/** How to reach the chat server. */
export interface ChatClientOptions {
  /**
   * How requests travel; default an {@link HttpTransport} built from `baseUrl`, `getToken` and
   * `fetch`. Give one to talk to another backend, or to test with no server.
   */
  transport?: ChatTransport;
  /**
   * The server's origin, with a path prefix if it has one (`https://chat.example.com`). Leave out in
   * a browser page served by the chat server itself; Node needs an absolute URL.
   */
  baseUrl?: string;
  /**
   * Returns the Bearer token, called before every request (it may be async and may change).
   * After a 401 it is called once with `{ refresh: true }` and the request is repeated.
   * Required unless a `transport` is given.
   */
  getToken?: TokenProvider;
  /** A `fetch` to use instead of the global one (to add headers, log, or test). */
  fetch?: FetchFunction;
  /**
   * The `BroadcastChannel` name shared with other tabs for sidebar updates, or `false` for none.
   * Default `parley-sessions:` + the base URL; give tabs of different users different names.
   */
  broadcastChannel?: string | false;
  /** Sessions per page in {@link SessionStore.list}: 1 to 100, default 30. */
  sessionPageSize?: number;
  /** Retrying `stream-new` after a network failure before `session_created`. */
  retry?: RetryOptions;
  /** Resuming an answer after its connection drops or stalls (backoff, heartbeat interval). */
  reconnect?: ReconnectOptions;
}

/** Options of a one-off request. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * The entry point of the SDK: talks to a Parley chat server, owns the sidebar's
 * {@link SessionStore}, and makes {@link Conversation}s. Framework-agnostic; runs in browsers
 * and in Node ≥ 20.
 *
 * @example
 * ```ts
 * import { ChatClient } from '@parley/sdk';
 *
 * const client = new ChatClient({
 *   baseUrl: 'https://chat.example.com',
 *   getToken: async ({ refresh }) => (refresh ? await renewToken() : currentToken()),
 * });
 * const conversation = client.conversation();          // ephemeral: nothing is sent yet
 * conversation.on('token', ({ content }) => process.stdout.write(content));
 * await conversation.send('Hello!');                  // creates the session, streams the answer
 * console.log(conversation.sessionId, client.sessions.list().sessions.length);
 * ```
 */
export class ChatClient {
  /** The sidebar's store: every known conversation, with paginated lists per model. */
  readonly sessions: SessionStore;
  /** How this client's requests travel. */
  readonly transport: ChatTransport;
  readonly #context: ConversationContext;
  /** Stored conversations by id, so that a route opens the same live conversation again. */
  readonly #conversations = new Map<string, Conversation>();

  constructor(options: ChatClientOptions) {
    const baseUrl = options.baseUrl ?? '';
    const { getToken } = options;
    if (!options.transport && !getToken) throw new TypeError('ChatClient needs getToken, or a transport.');
    this.transport =
      options.transport ?? new HttpTransport({ baseUrl, getToken: getToken!, fetch: options.fetch });
    const reconnect = { ...defaultReconnectOptions, ...options.reconnect };
    this.sessions = new SessionStore({
      transport: this.transport,
      reconnect,
      pageSize: options.sessionPageSize ?? 30,
      channelName: options.broadcastChannel ?? `parley-sessions:${baseUrl}`,
    });
    this.#context = {
      transport: this.transport,
      sessions: this.sessions,
      retry: { ...defaultRetryOptions, ...options.retry },
      reconnect,
      created: (conversation) => this.#conversations.set(conversation.sessionId!, conversation),
    };
  }

  /**
   * A new, ephemeral conversation (`{}` or `{ modelId }`): nothing is stored and no request is made
   * until its first `send`. Or a stored one (`{ sessionId }`), whose history {@link Conversation.load}
   * fetches. The same session id always gives the same `Conversation` while this client lives, so
   * navigating back to a conversation finds its running answer. A parsed route can be passed as is.
   *
   * @example
   * ```ts
   * const route = parseRoute(location.pathname) ?? { kind: 'new', modelId: null };
   * const conversation = client.conversation(route);
   * if (!conversation.isEphemeral) await conversation.load();
   * ```
   */
  conversation(options: ConversationOptions = {}): Conversation {
    const sessionId = options.sessionId ?? null;
    if (sessionId === null) return new Conversation(this.#context, { modelId: options.modelId ?? null });
    let conversation = this.#conversations.get(sessionId);
    if (!conversation) {
      const known = this.sessions.get(sessionId);
      conversation = new Conversation(this.#context, {
        sessionId,
        modelId: options.modelId ?? known?.model_id ?? null,
        title: options.title ?? known?.title ?? null,
      });
      this.#conversations.set(sessionId, conversation);
    }
    return conversation;
  }

  /** The models the user can chat with, and the one the general chat uses. */
  models(options: RequestOptions = {}): Promise<ModelList> {
    return this.transport.listModels(options);
  }

  /** Renames a conversation; the sidebar, the open conversation and the other tabs follow. */
  async rename(sessionId: string, title: string, options: RequestOptions = {}): Promise<Session> {
    const session = await this.transport.renameSession(sessionId, title, options);
    this.sessions.upsert(session);
    return session;
  }

  /** Deletes a conversation and its messages; it leaves the sidebar here and in the other tabs. */
  async delete(sessionId: string, options: RequestOptions = {}): Promise<void> {
    await this.transport.deleteSession(sessionId, options);
    this.sessions.remove(sessionId);
    this.#conversations.delete(sessionId);
  }

  /** Stops listening to other tabs. Conversations keep working; call it when the client is no longer used. */
  close(): void {
    this.sessions.close();
  }
}
