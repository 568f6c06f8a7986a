/** What went wrong with the model provider, for programs. */
export type ProviderErrorCode =
  | 'provider_error'
  | 'provider_rate_limited'
  | 'provider_timeout'
  | 'provider_auth';

/** The details of a {@link ProviderError} besides its code and message. */
export interface ProviderErrorOptions {
  /** The upstream HTTP status, when the provider answered with one. */
  status?: number;
  /** Whether the same request may succeed if sent again later. */
  retryable: boolean;
  /** How long the provider asked to wait before retrying (from `Retry-After`). */
  retryAfterSeconds?: number;
  /** The underlying failure, for logs. Never shown to users. */
  cause?: unknown;
}

const marker = Symbol.for('parley.provider-error');

/**
 * A failure of the model provider. The `message` is safe to show to users: it never contains
 * the upstream body or a key (details for operators are in `cause`).
 *
 * @example
 * ```ts
 * try { for await (const chunk of provider.stream(request)) … }
 * catch (error) {
 *   if (ProviderError.isInstance(error) && error.retryable) scheduleRetry(error.retryAfterSeconds);
 * }
 * ```
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: ProviderErrorCode;
  readonly status?: number;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;

  constructor(code: ProviderErrorCode, message: string, options: ProviderErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryable = options.retryable;
    this.retryAfterSeconds = options.retryAfterSeconds;
    Object.defineProperty(this, marker, { value: true });
  }

  /** `instanceof` that also recognises errors from another copy of this package. */
  static isInstance(value: unknown): value is ProviderError {
    return typeof value === 'object' && value !== null && (value as { [marker]?: boolean })[marker] === true;
  }
}
