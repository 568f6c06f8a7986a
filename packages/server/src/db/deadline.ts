import { ApiError } from '../errors/api-error';

/** Default deadline of one database call. */
export const DATABASE_DEADLINE_MS = 5_000;

/**
 * Rejects with a retryable `database_unavailable` when `work` takes longer than `ms`, so a
 * database that is down or stuck ends a request cleanly instead of hanging it.
 */
export function withDeadline<T>(work: Promise<T>, ms = DATABASE_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(databaseUnavailable()), ms);
  });
  return Promise.race([work, deadline]).then(
    (value) => {
      clearTimeout(timer);
      return value;
    },
    (error: unknown) => {
      clearTimeout(timer);
      throw ApiError.isInstance(error) ? error : databaseUnavailable(error);
    },
  );
}

function databaseUnavailable(cause?: unknown): ApiError {
  return new ApiError(503, 'database_unavailable', 'The database is not answering. Try again shortly.', {
    cause,
    retryable: true,
  });
}
