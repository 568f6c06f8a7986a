import { describe, expect, it } from 'vitest';
import { ProviderError } from './provider-error';
import { parseRetryAfter, providerErrorFromStatus } from './provider-error-from-status';

describe('providerErrorFromStatus', () => {
  it.each([
    [401, 'provider_auth', false],
    [403, 'provider_auth', false],
    [429, 'provider_rate_limited', true],
    [500, 'provider_error', true],
    [503, 'provider_error', true],
    [400, 'provider_error', false],
    [404, 'provider_error', false],
  ] as const)('maps %i to %s (retryable: %s)', (status, code, retryable) => {
    const error = providerErrorFromStatus(status, null);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code, retryable, status });
    expect(error.message).toContain(String(status === 429 ? 'busy' : status));
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(2);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });
});

describe('ProviderError.isInstance', () => {
  it('recognises provider errors and nothing else', () => {
    expect(ProviderError.isInstance(new ProviderError('provider_error', 'x', { retryable: true }))).toBe(
      true,
    );
    expect(ProviderError.isInstance(new Error('x'))).toBe(false);
    expect(ProviderError.isInstance({ code: 'provider_error' })).toBe(false);
    expect(ProviderError.isInstance(null)).toBe(false);
  });
});
