import type { StreamEvent } from '../protocol/events';
import type { ModelList, Session, SessionDetail, SessionList } from '../protocol/resources';

/** One event of an answer, with its SSE id: its position in the answer's log, when the server gives one. */
export interface TransportEvent {
  event: StreamEvent;
  /** Resuming with this id as `lastEventId` gives exactly the events after this one. */
  id?: string | undefined;
}

/** Options of a call that reads an answer. */
export interface StreamCallOptions {
  signal: AbortSignal;
  /** Called for every chunk received, heartbeats included: the conversation's stall watchdog listens. */
  onActivity?: (() => void) | undefined;
}

/** Options of a one-off call. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
}

/** A page of `listSessions`. */
export interface SessionPageQuery {
  limit: number;
  modelId?: string | undefined;
  cursor?: string | undefined;
}

/** One change of the user's sidebar, from `GET /api/chat/events`. */
export type SessionEvent =
  | { type: 'upsert'; session: Session; id?: string | undefined }
  | { type: 'update'; sessionId: string; changes: Partial<Omit<Session, 'id'>>; id?: string | undefined }
  | { type: 'remove'; sessionId: string; id?: string | undefined };

/**
 * How a {@link ChatClient} reaches a chat backend; the conversation's state machine sits on top and
 * never sees bytes. Modelled on the AI SDK's `ChatTransport` (`sendMessages` and
 * `reconnectToStream`), plus the session list that Parley's sidebar needs. The default is
 * {@link HttpTransport}, Parley's HTTP protocol.
 *
 * A stream method resolves once the backend has accepted the turn (for HTTP: the response headers
 * arrived) and rejects with a {@link ChatError} when it did not. The events end with `done` or
 * `error`; an iterable that ends before either was cut off, and the conversation resumes it.
 * Leaving the iteration early must release the connection.
 */
export interface ChatTransport {
  /** Starts a conversation with its first message (`stream-new`); the first event is `session_created`. */
  startTurn(
    request: { message: string; modelId: string | null; idempotencyKey: string },
    options: StreamCallOptions,
  ): Promise<AsyncIterable<TransportEvent>>;
  /** Sends a follow-up message to a stored conversation. */
  continueTurn(
    request: { sessionId: string; message: string; idempotencyKey: string },
    options: StreamCallOptions,
  ): Promise<AsyncIterable<TransportEvent>>;
  /**
   * Follows the answer being written: the events after `lastEventId`, or all of them from its start
   * when it is `null`. Resolves `null` when no answer is running (nothing after `lastEventId`).
   */
  resumeTurn(
    request: { sessionId: string; lastEventId: string | null },
    options: StreamCallOptions,
  ): Promise<AsyncIterable<TransportEvent> | null>;
  /** Asks the backend to stop the answer being written. */
  stopTurn(sessionId: string): Promise<void>;
  listSessions(query: SessionPageQuery, options?: CallOptions): Promise<SessionList>;
  loadSession(sessionId: string, options?: CallOptions): Promise<SessionDetail>;
  renameSession(sessionId: string, title: string, options?: CallOptions): Promise<Session>;
  deleteSession(sessionId: string, options?: CallOptions): Promise<void>;
  listModels(options?: CallOptions): Promise<ModelList>;
  /**
   * Optional: the user's sidebar changes made anywhere (other tabs, other devices), after the
   * change `lastEventId`. Resolves `null` when the backend has no such feed.
   */
  sessionEvents?(
    request: { lastEventId: string | null },
    options: StreamCallOptions,
  ): Promise<AsyncIterable<SessionEvent> | null>;
}
