/** The clock a conversation's reconnects run on: the platform's, or a test's. */
export interface Timers {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How a conversation resumes an answer after its connection drops or stalls. */
export interface ReconnectOptions {
  /** Attempts in a row that may fail before the turn fails with the last error. Default 8; 0 turns reconnecting off. */
  retries?: number;
  /** Delay before the first attempt, doubled each time (with jitter). Default 500 ms. */
  baseDelayMs?: number;
  /** Longest delay between two attempts. Default 10 000 ms. */
  maxDelayMs?: number;
  /**
   * The server's heartbeat interval: a stream with no byte (not even a `: ping`) for two of them
   * is taken as dead and resumed. Default 15 000 ms, the longest gap Parley's server leaves.
   */
  heartbeatMs?: number;
  /** The clock, for tests: default the global `setTimeout` and `clearTimeout`. */
  timers?: Timers;
}

export const defaultReconnectOptions: Required<ReconnectOptions> = {
  retries: 8,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  heartbeatMs: 15_000,
  timers: {
    setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
};
