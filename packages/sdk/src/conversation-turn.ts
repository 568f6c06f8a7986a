/** One send: its abort controller, its messages, and how far it got. */
export interface Turn {
  controller: AbortController;
  /** The message sent, trimmed: what `retry()` sends again if the turn fails. */
  text: string;
  userMessageId: string;
  answerId: string;
  /** `requesting` until the response headers arrive, `backoff` between retries. */
  phase: 'requesting' | 'backoff' | 'reading';
  /** `stop()` was called before `session_created`: stop as soon as the session exists. */
  stopRequested: boolean;
  finished: boolean;
  settled: Promise<void>;
  settle: () => void;
  stopRequest: Promise<void>;
}

/** How long `stop()` before `session_created` waits for it before giving up on the request. */
export const stopWaitMilliseconds = 3000;

/** A turn that has not sent anything yet. */
export function createTurn(text: string, userMessageId: string, answerId: string): Turn {
  const turn = {
    controller: new AbortController(),
    text,
    userMessageId,
    answerId,
    phase: 'requesting',
    stopRequested: false,
    finished: false,
    stopRequest: Promise.resolve(),
  } as Turn;
  turn.settled = new Promise((resolve) => {
    turn.settle = resolve;
  });
  return turn;
}

/** Marks a turn ended and wakes whoever waits for it (`stop()`). */
export function settleTurn(turn: Turn): void {
  turn.finished = true;
  turn.settle();
}
