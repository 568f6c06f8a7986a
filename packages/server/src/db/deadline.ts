import { ApiError } from '../errors/api-error';

/** Default deadline of one database call. */
export const DATABASE_DEADLINE_MS = 5_000;

/**
 * How long a statement cancelled at its deadline may take to report how it ended. Past it the
 * database is not answering at all, and the request ends without knowing.
 */
export const CANCEL_GRACE_MS = 2_000;

/**
 * Work for {@link withDeadline}: a promise (raced against the deadline; it may still complete
 * afterwards, so use it for reads), or a function given a signal that aborts at the deadline
 * and cancels the statement (`ChatDatabase.query`'s `signal`), for writes.
 */
export type DatabaseWork<T> = Promise<T> | ((signal: AbortSignal) => Promise<T>);

/**
 * Rejects with a retryable `database_unavailable` when `work` takes longer than `ms`, so a
 * database that is down or stuck ends a request cleanly instead of hanging it.
 *
 * Cancellable work is cancelled at the deadline and then settles as the statement really
 * ended: a 503 means nothing was written, and a statement that committed just before the
 * cancel arrived answers with its result, late.
 */
export function withDeadline<T>(work: DatabaseWork<T>, ms = DATABASE_DEADLINE_MS): Promise<T> {
  if (typeof work !== 'function') return race(work, ms);
  const controller = new AbortController();
  let running: Promise<T>;
  try {
    running = work(controller.signal);
  } catch (error) {
    return Promise.reject(databaseUnavailable(error));
  }
  return new Promise<T>((resolve, reject) => {
    let grace: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => {
      controller.abort(databaseUnavailable());
      grace = setTimeout(() => reject(databaseUnavailable()), CANCEL_GRACE_MS);
    }, ms);
    running.then(
      (value) => {
        clearTimeout(deadline);
        clearTimeout(grace);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        clearTimeout(grace);
        reject(ApiError.isInstance(error) ? error : databaseUnavailable(error));
      },
    );
  });
}

function race<T>(work: Promise<T>, ms: number): Promise<T> {
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
