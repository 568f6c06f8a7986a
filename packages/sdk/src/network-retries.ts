import { toChatError } from './errors';
import { type RetryOptions, retryDelay, sleep } from './retry-delay';

export interface NetworkRetryOptions {
  retry: Required<RetryOptions>;
  signal: AbortSignal;
  /** Whether a network failure may be tried again now (besides the retries left). */
  mayRetry(): boolean;
  /** Called before each wait between two attempts. */
  backoff(): void;
}

/**
 * Runs `attempt` again after each network failure, with backoff, while retries are left and
 * `mayRetry()` says so; any other failure, or the last one, is thrown as a ChatError.
 */
export async function withNetworkRetries(
  attempt: () => Promise<void>,
  options: NetworkRetryOptions,
): Promise<void> {
  const { retry, signal } = options;
  for (let count = 0; ; count++) {
    try {
      await attempt();
      return;
    } catch (error) {
      const failure = toChatError(error, signal);
      if (failure.code !== 'network_error' || !options.mayRetry() || count >= retry.retries) throw failure;
      options.backoff();
      await sleep(retryDelay(count, retry), signal);
    }
  }
}
