import type { TurnPartial } from './types';

/**
 * Thrown by `runTurn` when its signal is aborted (the stop endpoint). Carries what was generated,
 * so the caller saves it as a `partial` message. Its `name` is `AbortError`, like a DOM abort.
 */
export class TurnAbortedError extends Error {
  override readonly name = 'AbortError';
  readonly partial: TurnPartial;

  constructor(partial: TurnPartial, reason?: unknown) {
    super('The answer was stopped.', reason === undefined ? undefined : { cause: reason });
    this.partial = partial;
  }
}
