import { ProviderError } from './provider-error';

/**
 * Maps an upstream HTTP error status to a {@link ProviderError}: 401/403 → `provider_auth`,
 * 429 → `provider_rate_limited`, 5xx → retryable `provider_error`, other 4xx → non-retryable
 * `provider_error`.
 */
export function providerErrorFromStatus(
  status: number,
  retryAfter: string | null,
  cause?: unknown,
): ProviderError {
  if (status === 401 || status === 403) {
    return new ProviderError(
      'provider_auth',
      `The model provider refused the server's credentials (HTTP ${status}). Check the provider API key.`,
      { status, retryable: false, cause },
    );
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(retryAfter);
    const wait = retryAfterSeconds === undefined ? 'in a moment' : `in ${retryAfterSeconds} s`;
    return new ProviderError('provider_rate_limited', `The model provider is busy. Try again ${wait}.`, {
      status,
      retryable: true,
      retryAfterSeconds,
      cause,
    });
  }
  if (status >= 500) {
    return new ProviderError('provider_error', `The model provider failed (HTTP ${status}). Try again.`, {
      status,
      retryable: true,
      retryAfterSeconds: parseRetryAfter(retryAfter),
      cause,
    });
  }
  return new ProviderError(
    'provider_error',
    `The model provider refused the request (HTTP ${status}). Check the server's model configuration.`,
    { status, retryable: false, cause },
  );
}

/** Reads a `Retry-After` header (delay in seconds or an HTTP date) as whole seconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  // An HTTP date names its day and month; this also keeps Date.parse from reading "-3" as a year.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
