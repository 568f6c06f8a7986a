/** How `stream-new` is retried after a network failure before `session_created`. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3; 0 turns retrying off. */
  retries?: number;
  /** Delay before the first retry, doubled each time. Default 300 ms. */
  baseDelayMs?: number;
  /** Longest delay between two attempts. Default 5000 ms. */
  maxDelayMs?: number;
}

export const defaultRetryOptions: Required<RetryOptions> = { retries: 3, baseDelayMs: 300, maxDelayMs: 5000 };

/** Exponential backoff with jitter, so that many clients cut off together do not return together. */
export function retryDelay(attempt: number, options: Required<RetryOptions>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * Waits `milliseconds`; rejects with `signal.reason` as soon as `signal` aborts (callers map it to
 * an `aborted` `ChatError`). Only called with a signal that has not aborted yet.
 */
export function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, milliseconds);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
