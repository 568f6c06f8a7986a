import type { ErrorCode } from './protocol/errors';

/** Marks `ChatError` instances so that two copies of the SDK on one page recognise each other's errors. */
const chatErrorBrand = Symbol.for('@parley/sdk.ChatError');

/** What a {@link ChatError} is made of. */
export interface ChatErrorOptions {
  /** What went wrong, for programs. */
  code: ErrorCode;
  /** What went wrong and what to do about it, for people. */
  message: string;
  /** The HTTP status of the answer, when the error came from one. */
  status?: number;
  /** Whether the same request may succeed later. Default `false`. */
  retryable?: boolean;
  /** Seconds to wait before retrying, from the `Retry-After` header of a 429 or 503 (seconds or a date). */
  retryAfter?: number;
  /** The underlying error (a `TypeError` from `fetch`, a parse failure, …). */
  cause?: unknown;
}

/**
 * The one error type of the SDK: every failed request, stream or turn is a `ChatError`.
 *
 * Use {@link ChatError.isInstance} rather than `instanceof`: it also recognises errors made by
 * another copy of the SDK loaded on the same page.
 *
 * @example
 * ```ts
 * try {
 *   await client.rename(sessionId, 'Trip to Lisbon');
 * } catch (error) {
 *   if (ChatError.isInstance(error) && error.code === 'rate_limited') {
 *     console.log(`Try again in ${error.retryAfter ?? 60} seconds.`);
 *   }
 * }
 * ```
 */
export class ChatError extends Error {
  /**
   * What went wrong, for programs. The set is open: a newer server may send a code this version
   * does not list; treat it like `internal_error`.
   */
  readonly code: ErrorCode;
  /** The HTTP status of the answer, when the error came from one. */
  readonly status: number | undefined;
  /** Whether the same request may succeed later. */
  readonly retryable: boolean;
  /**
   * Seconds to wait before retrying, when the server said so (`Retry-After`): its delay-seconds
   * as sent, or the time until its HTTP-date, rounded up.
   */
  readonly retryAfter: number | undefined;

  constructor(options: ChatErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = 'ChatError';
    this.code = options.code;
    this.status = options.status;
    this.retryable = options.retryable ?? false;
    this.retryAfter = options.retryAfter;
    (this as Record<symbol, unknown>)[chatErrorBrand] = true;
  }

  /** Whether `value` is a `ChatError`, from this or any other copy of the SDK. */
  static isInstance(value: unknown): value is ChatError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[chatErrorBrand] === true
    );
  }
}

/**
 * Wraps anything thrown by `fetch`, a stream reader or a timer into a {@link ChatError}.
 * An error after `signal` was aborted is `aborted`; a `TypeError` from `fetch` is a network failure.
 */
export function toChatError(error: unknown, signal?: AbortSignal): ChatError {
  if (ChatError.isInstance(error)) return error;
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
    return new ChatError({ code: 'aborted', message: 'The request was cancelled.', cause: error });
  }
  return new ChatError({
    code: 'network_error',
    message: 'Lost the connection to the chat server: check it and try again.',
    retryable: true,
    cause: error,
  });
}
