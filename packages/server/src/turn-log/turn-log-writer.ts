import type { ToolCall } from '@parley/sdk/protocol';
import type { LogBatch, LogEntry, TurnLogRepository } from '../db/turn-log-repository';

/** How the log of a running answer is batched. */
export interface BatchingOptions {
  /** A batch is written at most this long after its first event. */
  flushMs: number;
  /** …or as soon as its text reaches this many UTF-16 code units. */
  flushChars: number;
}

/** What the owner needs to write an answer's log. */
export interface TurnLogContext {
  repository: TurnLogRepository;
  owner: string;
  leaseMs: number;
  batching: BatchingOptions;
  /** Called after each batch is committed (wakes this instance's readers at once). */
  onWritten(messageId: string): void;
  /** Called when the answer turns out to be owned by another instance (the sweeper took it). */
  onLost(messageId: string): void;
  /**
   * Called once when a batch has not been committed `unreachableMs` after its first attempt:
   * the database is down or hung. Writing goes on; the clients are told.
   */
  onUnreachable?(messageId: string): void;
  unreachableMs?: number;
}

/** How a final write ended: written, taken over by a sweeper, or the database did not answer. */
export type FinalWrite = 'written' | 'lost' | 'failed';

/**
 * Appends one answer's events to its turn log in batches: a timer of `flushMs` from the first
 * pending event or `flushChars` of text, whichever comes first. Consecutive tokens become one
 * row. One batch is written at a time; a failed batch stays at the head and is retried, so the
 * log and the message's `content` never skip text.
 */
export class TurnLogWriter {
  private pending: LogEntry[] = [];
  private text = '';
  private toolCalls: readonly ToolCall[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private lost = false;
  private finishing = false;
  private watchdog: NodeJS.Timeout | undefined;
  /** The clients were told the database does not answer. */
  unreachable = false;
  /** A batch whose write failed: written (or found committed) before anything newer. */
  private retry: PendingBatch | undefined;
  /** The last event number known to be in the log. */
  written = 0;

  constructor(
    private readonly messageId: string,
    private readonly context: TurnLogContext,
  ) {}

  /** A text delta (the hot path: no allocation beyond the part itself, no write). */
  token(seq: number, text: string): void {
    const last = this.pending.at(-1);
    if (last?.type === 'token' && last.seq === seq - 1) {
      (last.payload as string[]).push(text);
      last.seq = seq;
    } else {
      this.pending.push({ firstSeq: seq, seq, type: 'token', payload: [text] });
    }
    this.text += text;
    if (this.text.length >= this.context.batching.flushChars) this.flushSoon(0);
    else this.flushSoon(this.context.batching.flushMs);
  }

  /** Any other event; `toolCalls` when the message's tool calls changed. */
  event(seq: number, event: { type: string }, toolCalls?: readonly ToolCall[]): void {
    this.pending.push({ firstSeq: seq, seq, type: event.type, payload: event });
    if (toolCalls) this.toolCalls = toolCalls;
    this.flushSoon(this.context.batching.flushMs);
  }

  /**
   * Writes the last event with the message's status, after everything pending. Retries while
   * `giveUpAt` (a `Date.now()` value) is ahead; the text stays in memory until then.
   */
  async finish(
    seq: number,
    event: { type: string },
    status: NonNullable<LogBatch['status']>,
    toolCalls: readonly ToolCall[],
    giveUpAt: number,
  ): Promise<FinalWrite> {
    if (!this.finishing) {
      this.finishing = true;
      clearTimeout(this.timer);
      this.timer = undefined;
      this.pending.push({ firstSeq: seq, seq, type: event.type, payload: event });
      this.toolCalls = toolCalls;
    }
    for (let attempt = 0; ; attempt++) {
      await this.writing?.catch(() => {});
      if (this.lost) return 'lost';
      if (this.written >= seq) return 'written';
      try {
        await this.write(status);
      } catch {
        if (Date.now() >= giveUpAt) return 'failed';
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 1_000)));
      }
    }
  }

  /** Stops writing: the answer ended elsewhere. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops the watchdog (the answer's tail is given up). */
  release(): void {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }

  private flushSoon(ms: number): void {
    if (this.writing || this.lost || this.finishing) return; // written when the batch in flight ends
    if (ms === 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.flushQuietly();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flushQuietly();
      }, ms);
    }
  }

  private async flushQuietly(): Promise<void> {
    try {
      await this.write(undefined);
    } catch {
      // Kept at the head of the next batch; the next event or the final write retries it.
      if (!this.lost) this.flushSoon(Math.max(this.context.batching.flushMs, 250));
    }
  }

  /** Writes everything pending as one batch (one statement), after a batch that failed. */
  private write(status: LogBatch['status']): Promise<void> {
    if (this.writing) return this.writing;
    if ((this.pending.length === 0 && !this.retry) || this.lost) return Promise.resolve();
    this.writing = this.writeNext(status).finally(() => {
      this.writing = undefined;
      if (this.pending.length > 0 && !this.lost && !this.timer) {
        this.flushSoon(
          this.text.length >= this.context.batching.flushChars ? 0 : this.context.batching.flushMs,
        );
      }
    });
    return this.writing;
  }

  private async writeNext(status: LogBatch['status']): Promise<void> {
    const { repository, owner } = this.context;
    if (this.retry) {
      // Its statement may have committed with its reply lost: the turn row says.
      const state = await repository.state(this.messageId);
      if (state && state.owner === owner && state.lastSeq >= this.retry.last) {
        this.committed(this.retry.last);
      } else if (!state || state.owner !== owner || state.finished) {
        this.markLost();
        return;
      } else {
        await this.writeBatch(this.retry, this.pending.length === 0 ? status : undefined);
      }
      this.retry = undefined;
    }
    if (this.pending.length === 0 || this.lost) return;
    const batch: PendingBatch = {
      entries: this.pending,
      text: this.text,
      toolCalls: this.toolCalls,
      last: this.pending.at(-1)!.seq,
    };
    this.pending = [];
    this.text = '';
    this.toolCalls = undefined;
    try {
      await this.writeBatch(batch, status);
    } catch (error) {
      this.retry = batch;
      throw error;
    }
  }

  private async writeBatch(batch: PendingBatch, status: LogBatch['status']): Promise<void> {
    const { repository, owner, leaseMs } = this.context;
    this.watch();
    const owned = await repository.write({
      messageId: this.messageId,
      owner,
      leaseMs,
      entries: batch.entries,
      text: batch.text,
      toolCalls: batch.toolCalls,
      status,
    });
    if (owned) this.committed(batch.last);
    else this.markLost();
  }

  /** Starts the unreachable-database watchdog of the oldest batch not yet committed. */
  private watch(): void {
    const { onUnreachable, unreachableMs = 3_000 } = this.context;
    if (!onUnreachable || this.watchdog || this.unreachable) return;
    this.watchdog = setTimeout(() => {
      this.unreachable = true;
      onUnreachable(this.messageId);
    }, unreachableMs);
    this.watchdog.unref();
  }

  private committed(seq: number): void {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.written = seq;
    this.context.onWritten(this.messageId);
  }

  private markLost(): void {
    this.release();
    this.lost = true;
    this.pending = [];
    this.retry = undefined;
    this.context.onLost(this.messageId);
  }
}

interface PendingBatch {
  entries: LogEntry[];
  text: string;
  toolCalls: readonly ToolCall[] | undefined;
  last: number;
}
