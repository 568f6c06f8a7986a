import type { z } from 'zod/mini';
import { ChatError, toChatError } from './errors';
import { parseJson } from './parse-json';
import { type ErrorCode, errorBodySchema } from './protocol/errors';
import { parseHttpDate, parseRetryAfter } from './retry-after';

/**
 * Returns the Bearer token for the next request; called before every request, so it may read a
 * token that changes. `refresh: true` after a 401: return a new token (or the same to give up).
 * Return `null` to send no `Authorization` header.
 */
export type TokenProvider = (options: { refresh: boolean }) => string | null | Promise<string | null>;

/** The subset of `fetch` the SDK uses: inject one to add headers, log, or test. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpClientOptions {
  baseUrl: string;
  getToken: TokenProvider;
  fetch?: FetchFunction | undefined;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: object;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** The code of an answer whose body does not say, such as one from a proxy. */
const codeByStatus: Record<number, ErrorCode> = {
  400: 'validation_error',
  401: 'unauthorized',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
};

/**
 * Sends authorised requests to the chat server: the token only ever goes in the `Authorization`
 * header, a 401 asks for a fresh token once, and every failure becomes a {@link ChatError}.
 */
export class HttpClient {
  readonly #baseUrl: string;
  readonly #getToken: TokenProvider;
  readonly #fetch: FetchFunction;

  constructor(options: HttpClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#getToken = options.getToken;
    // Looked up at call time and called unbound: a stored `window.fetch` throws "Illegal invocation".
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Sends a request and returns the successful response; its body is left for the caller to read. */
  async send(request: HttpRequest): Promise<Response> {
    const { method, signal } = request;
    const body = request.body && JSON.stringify(request.body);
    for (let refresh = false; ; refresh = true) {
      const headers: Record<string, string> = { ...request.headers };
      if (body) headers['Content-Type'] = 'application/json';
      let token: string | null;
      try {
        token = await this.#getToken({ refresh });
      } catch (cause) {
        throw ChatError.isInstance(cause)
          ? cause
          : new ChatError({
              code: 'unauthorized',
              message: 'Could not get an access token: sign in again.',
              cause,
            });
      }
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await this.#fetch(this.#baseUrl + request.path, { method, headers, body, signal });
      } catch (error) {
        throw toChatError(error, signal);
      }
      // Nothing has been read yet, so a 401 can be retried once with a refreshed token.
      if (response.status === 401 && !refresh) {
        await discard(response);
        continue;
      }
      if (!response.ok) throw await errorFromResponse(response);
      return response;
    }
  }

  /** Sends a request and validates its JSON answer against `schema`. */
  async json<Schema extends z.ZodMiniType>(request: HttpRequest, schema: Schema): Promise<z.infer<Schema>> {
    const response = await this.send({ ...request, headers: { Accept: 'application/json' } });
    const text = await response.text().catch((error: unknown) => {
      throw toChatError(error, request.signal);
    });
    const value = parseJson(text, schema);
    if (value === undefined) {
      throw new ChatError({
        code: 'protocol_error',
        message: `Unexpected answer to ${request.method} ${request.path}: check that the server and SDK versions match.`,
        status: response.status,
      });
    }
    return value;
  }
}

/** The path of a stored conversation in the HTTP API. */
export function sessionPath(sessionId: string): string {
  return `/api/chat/sessions/${encodeURIComponent(sessionId)}`;
}

/** Frees the connection of a response whose body is not needed. */
export async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already closed or errored: nothing to free.
  }
}

/**
 * Builds the {@link ChatError} for an unsuccessful answer from its `{"error": {code, message}}` body.
 * A `Retry-After` date is measured against the answer's `Date` when it can be read (both are the
 * server's clock, so a wrong local clock does not matter), else against `now`.
 */
export async function errorFromResponse(response: Response, now = Date.now()): Promise<ChatError> {
  const { status, headers } = response;
  const body = parseJson(await response.text().catch(() => ''), errorBodySchema)?.error;
  return new ChatError({
    code: (body?.code as ErrorCode | undefined) ?? codeByStatus[status] ?? 'internal_error',
    message: body?.message ?? `The chat server answered ${status}.`,
    status,
    // Overload and gateway answers are worth retrying whatever the code; otherwise the code decides.
    retryable: status === 429 || status > 501 || undefined,
    retryAfter: parseRetryAfter(
      headers.get('Retry-After'),
      parseHttpDate(headers.get('Date') ?? '', now) ?? now,
    ),
  });
}
