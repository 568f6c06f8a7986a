import { ProviderError, type ProviderErrorCode } from '../providers/provider-error';
import type { TurnPartial } from './types';

/**
 * Thrown by `runTurn` when the provider (or anything else) fails mid-turn. Carries what was
 * generated before the failure, so the caller saves it with status `error`. `message`, `code` and
 * `retryable` are safe for the wire's `error` event; the original failure is in `cause`.
 */
export class TurnFailedError extends Error {
  override readonly name = 'TurnFailedError';
  readonly partial: TurnPartial;
  /** The `ProviderError` code, or `internal_error` for any other failure. */
  readonly code: ProviderErrorCode | 'internal_error';
  readonly retryable: boolean;

  constructor(cause: unknown, partial: TurnPartial) {
    const provider = ProviderError.isInstance(cause) ? cause : undefined;
    super(provider ? provider.message : 'The answer could not be generated.', { cause });
    this.partial = partial;
    this.code = provider ? provider.code : 'internal_error';
    this.retryable = provider ? provider.retryable : false;
  }
}
