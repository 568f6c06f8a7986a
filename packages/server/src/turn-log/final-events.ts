import type { ErrorEvent } from '@parley/sdk/protocol';

/** The last event of an answer whose server died, appended by the instance that takes it over. */
export const INTERRUPTED_EVENT: ErrorEvent = {
  type: 'error',
  error: 'The server writing this answer stopped. The text so far is kept; retry to get a whole answer.',
  code: 'interrupted',
  retryable: true,
};

/** Sent while the database does not answer mid-answer: what is true about the text. */
export const DATABASE_UNREACHABLE_EVENT: ErrorEvent = {
  type: 'error',
  error:
    'The database is not answering. The answer is saved up to a moment ago and will be completed if the database comes back soon; reload later.',
  code: 'database_unavailable',
  retryable: true,
};
