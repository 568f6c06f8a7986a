import type { StreamEvent } from '@parley/sdk/protocol';
import type { LogRow, TurnLogRepository } from '../db/turn-log-repository';
import { rawFrame, sseFrame, tokenFrame } from '../streams/sse-frame';
import type { SseSink } from '../streams/sse-sink';
import { eventId } from './event-id';
import type { TurnWakeups } from './turn-wakeups';

export interface FollowLogOptions {
  repository: TurnLogRepository;
  wakeups: TurnWakeups;
  messageId: string;
  /** Events after this number are sent (0: the whole answer). */
  afterSeq: number;
  /** The longest a reader waits without a wake-up before it looks again. */
  pollMs: number;
  /** A reader whose database stays unreachable this long ends its stream with an error. */
  giveUpMs?: number;
}

/**
 * Sends an answer's events from its turn log, the ones after `afterSeq`, then follows the log
 * until its last event (`done` or `error`). Each event keeps its id; consecutive tokens of one
 * row are sent as one frame with the id of the last, so a resume lands on a whole event.
 */
export async function followLog(sink: SseSink, options: FollowLogOptions): Promise<void> {
  const { repository, wakeups, messageId, pollMs } = options;
  const giveUpMs = options.giveUpMs ?? 5_000;
  let cursor = options.afterSeq;
  let woken = false;
  let wake: (() => void) | undefined;
  const unsubscribe = wakeups.subscribe(messageId, () => {
    woken = true;
    wake?.();
  });
  sink.onClose(() => wake?.());
  let failingSince: number | undefined;
  try {
    while (!sink.closed) {
      woken = false;
      let rows: LogRow[];
      try {
        rows = await repository.read(messageId, cursor);
        failingSince = undefined;
      } catch {
        failingSince ??= Date.now();
        if (Date.now() - failingSince >= giveUpMs) {
          sink.write(sseFrame(undefined, unreachable()));
          break;
        }
        await waitFor(pollMs);
        continue;
      }
      for (const row of rows) {
        const frame = frameOf(messageId, row, cursor);
        if (frame) sink.write(frame);
        cursor = row.seq;
        if (row.type === 'done' || row.type === 'error') return;
      }
      if (rows.length > 0) continue;
      if (!woken && (await timedOut())) {
        // No wake-up for a whole poll: the log may be gone (retention) or ended without us.
        const state = await repository.state(messageId).catch(() => null);
        if (state === undefined || (state?.finished && state.lastSeq <= cursor)) break;
      }
    }
  } finally {
    unsubscribe();
    sink.end();
  }

  async function timedOut(): Promise<boolean> {
    if (woken || sink.closed) return false;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        wake = undefined;
        resolve(true);
      }, pollMs);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve(false);
      };
    });
  }

  function waitFor(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        if (!sink.closed) return;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function frameOf(messageId: string, row: LogRow, after: number): string | undefined {
  const id = eventId(messageId, row.seq);
  if (row.type === 'token') {
    const parts = row.payload as string[];
    const skip = Math.max(0, after - row.first_seq + 1);
    const text = skip === 0 ? parts.join('') : parts.slice(skip).join('');
    return text ? tokenFrame(id, text) : undefined;
  }
  return typeof row.payload === 'string'
    ? rawFrame(id, row.type, row.payload)
    : sseFrame(id, row.payload as StreamEvent);
}

function unreachable(): StreamEvent {
  return {
    type: 'error',
    error: 'The database is not answering, so the rest of this answer cannot be read now. Resume later.',
    code: 'database_unavailable',
    retryable: true,
  };
}
