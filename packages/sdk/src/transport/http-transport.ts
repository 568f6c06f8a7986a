import { ChatError } from '../errors';
import { discard, type FetchFunction, HttpClient, sessionPath, type TokenProvider } from '../http-client';
import {
  modelListSchema,
  sessionDetailSchema,
  sessionListSchema,
  sessionSchema,
} from '../protocol/resources';
import { readSessionEvents } from '../stream/read-session-events';
import { readIdentifiedEvents } from '../stream/read-stream-events';
import * as z from 'zod/mini';
import type {
  CallOptions,
  ChatTransport,
  SessionEvent,
  SessionPageQuery,
  StreamCallOptions,
  TransportEvent,
} from './chat-transport';

export interface HttpTransportOptions {
  /** The server's origin, with a path prefix if it has one; `''` for the page's own origin. */
  baseUrl: string;
  getToken: TokenProvider;
  fetch?: FetchFunction | undefined;
}

/** `PATCH /api/chat/sessions/{id}` answers `{session}`. */
const sessionAnswerSchema = z.object({ session: sessionSchema });

/**
 * Parley's HTTP protocol (docs/protocol.md): turns are `POST`s answered with an event stream,
 * `GET /api/chat/sessions/{id}/stream` resumes one after `Last-Event-ID`, and sessions are REST
 * resources. The default transport of a {@link ChatClient}.
 */
export class HttpTransport implements ChatTransport {
  readonly #http: HttpClient;

  constructor(options: HttpTransportOptions) {
    this.#http = new HttpClient(options);
  }

  startTurn(
    request: { message: string; modelId: string | null; idempotencyKey: string },
    options: StreamCallOptions,
  ): Promise<AsyncIterable<TransportEvent>> {
    const body = { message: request.message, model_id: request.modelId };
    return this.#post('/api/chat/stream-new', body, request.idempotencyKey, options);
  }

  continueTurn(
    request: { sessionId: string; message: string; idempotencyKey: string },
    options: StreamCallOptions,
  ): Promise<AsyncIterable<TransportEvent>> {
    const path = `${sessionPath(request.sessionId)}/stream`;
    return this.#post(path, { message: request.message }, request.idempotencyKey, options);
  }

  async resumeTurn(
    request: { sessionId: string; lastEventId: string | null },
    options: StreamCallOptions,
  ): Promise<AsyncIterable<TransportEvent> | null> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (request.lastEventId !== null) headers['Last-Event-ID'] = request.lastEventId;
    const response = await this.#http.send({
      method: 'GET',
      path: `${sessionPath(request.sessionId)}/stream`,
      headers,
      signal: options.signal,
    });
    if (response.status === 204) {
      await discard(response);
      return null;
    }
    return events(response, options);
  }

  async stopTurn(sessionId: string): Promise<void> {
    await discard(await this.#http.send({ method: 'POST', path: `${sessionPath(sessionId)}/stop` }));
  }

  listSessions(query: SessionPageQuery, options: CallOptions = {}) {
    const search = new URLSearchParams({ limit: String(query.limit) });
    if (query.modelId !== undefined) search.set('model_id', query.modelId);
    if (query.cursor !== undefined) search.set('cursor', query.cursor);
    return this.#http.json(
      { method: 'GET', path: `/api/chat/sessions?${search}`, signal: options.signal },
      sessionListSchema,
    );
  }

  loadSession(sessionId: string, options: CallOptions = {}) {
    return this.#http.json(
      { method: 'GET', path: sessionPath(sessionId), signal: options.signal },
      sessionDetailSchema,
    );
  }

  async renameSession(sessionId: string, title: string, options: CallOptions = {}) {
    const { session } = await this.#http.json(
      { method: 'PATCH', path: sessionPath(sessionId), body: { title }, signal: options.signal },
      sessionAnswerSchema,
    );
    return session;
  }

  async deleteSession(sessionId: string, options: CallOptions = {}): Promise<void> {
    await discard(
      await this.#http.send({ method: 'DELETE', path: sessionPath(sessionId), signal: options.signal }),
    );
  }

  listModels(options: CallOptions = {}) {
    return this.#http.json({ method: 'GET', path: '/api/models', signal: options.signal }, modelListSchema);
  }

  async sessionEvents(
    request: { lastEventId: string | null },
    options: StreamCallOptions,
  ): Promise<AsyncIterable<SessionEvent> | null> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (request.lastEventId !== null) headers['Last-Event-ID'] = request.lastEventId;
    let response: Response;
    try {
      response = await this.#http.send({
        method: 'GET',
        path: '/api/chat/events',
        headers,
        signal: options.signal,
      });
    } catch (error) {
      // A server without the feed: the sidebar still follows this browser's tabs.
      if (ChatError.isInstance(error) && error.status === 404) return null;
      throw error;
    }
    if (!response.body || !response.headers.get('Content-Type')?.includes('text/event-stream')) {
      await discard(response);
      return null;
    }
    return readSessionEvents(response.body, options.signal);
  }

  async #post(
    path: string,
    body: object,
    idempotencyKey: string,
    options: StreamCallOptions,
  ): Promise<AsyncIterable<TransportEvent>> {
    const response = await this.#http.send({
      method: 'POST',
      path,
      body,
      headers: { Accept: 'text/event-stream', 'Idempotency-Key': idempotencyKey },
      signal: options.signal,
    });
    return events(response, options);
  }
}

/** The events of an event-stream response; any other answer is a `protocol_error` on first read. */
async function* events(response: Response, options: StreamCallOptions): AsyncGenerator<TransportEvent> {
  if (!response.body || !response.headers.get('Content-Type')?.includes('text/event-stream')) {
    await discard(response);
    throw new ChatError({
      code: 'protocol_error',
      message: 'Expected an event stream: check the base URL of the chat server.',
      status: response.status,
    });
  }
  yield* readIdentifiedEvents(response.body, options.signal, options.onActivity);
}
