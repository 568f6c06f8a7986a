import type { ErrorCode } from '@parley/sdk/protocol';

/** Codes the server answers with: the protocol's. */
export type ServerErrorCode = ErrorCode;

export interface ApiErrorOptions {
  cause?: unknown;
  retryable?: boolean;
  headers?: Record<string, string>;
}

/** An expected failure with a stable `code`, answered as `{"error": {"code", "message"}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ServerErrorCode;
  readonly retryable: boolean;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ServerErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryable = options.retryable ?? status >= 500;
    this.headers = options.headers ?? {};
  }

  static isInstance(value: unknown): value is ApiError {
    return value instanceof ApiError;
  }
}
