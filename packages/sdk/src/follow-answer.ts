import { ChatError, toChatError } from './errors';
import type { ReconnectOptions } from './reconnect-options';
import { retryDelay } from './retry-delay';
import type { StreamCallOptions, TransportEvent } from './transport/chat-transport';

type Events = AsyncIterable<TransportEvent>;

/** What {@link followAnswer} needs from the conversation. */
export interface FollowOptions {
  /** Opens the first connection (rejects when the backend did not take the turn); leave out to resume at once. */
  open?(options: StreamCallOptions): Promise<Events>;
  /** The first connection is open: the backend has the turn. */
  opened?(): void;
  /** Opens a resumed connection after `lastEventId` (`null`: from the start); `null` when none is running. */
  resume(lastEventId: string | null, options: StreamCallOptions): Promise<Events | null>;
  /** Whether a cut can be resumed yet (a first message has no session until `session_created`). */
  canResume(): boolean;
  /** Applies one event; returns `true` once the answer has ended. */
  apply(event: TransportEvent): boolean;
  /** A resumed connection replays the answer from its start: drop what was applied. */
  restart(): void;
  /** Called with `true` when the connection is lost, `false` once a new one is open. */
  reconnecting(active: boolean): void;
  signal: AbortSignal;
  options: Required<ReconnectOptions>;
}

/** `ended` when the answer had ended while no connection was open: nothing was running to resume. */
export type FollowResult = 'finished' | 'ended';

/**
 * Reads an answer to its last event across dropped and stalled connections: each cut is resumed
 * after the last event applied (`Last-Event-ID`), with exponential backoff and jitter, so no event
 * is applied twice and none is missed. A connection with no activity (not even a heartbeat) for
 * two heartbeat intervals counts as cut. Where the platform has `online`/`offline` events (browsers),
 * going offline cuts the connection at once and coming back online reconnects without waiting.
 */
export async function followAnswer(follow: FollowOptions): Promise<FollowResult> {
  const { signal, options } = follow;
  const network = watchNetwork(options);
  let lastEventId: string | null = null;
  let attempt = 0;
  let first = true;
  let lost = false;
  try {
    for (;;) {
      if (!first) {
        if (!lost) {
          lost = true;
          follow.reconnecting(true);
        }
        if (attempt >= options.retries) {
          throw new ChatError({
            code: 'network_error',
            message: 'The connection to the chat server was lost.',
            retryable: true,
          });
        }
        await network.wait(retryDelay(attempt++, options), signal);
      }
      const connection = new AbortController();
      const cut = () => connection.abort();
      signal.addEventListener('abort', cut);
      network.onOffline = cut;
      const watchdog = stallWatchdog(options, cut);
      const callOptions = { signal: connection.signal, onActivity: watchdog.touch };
      let opening = true;
      try {
        const resuming = !first || !follow.open;
        const events: Events | null = resuming
          ? await follow.resume(lastEventId, callOptions)
          : await follow.open!(callOptions);
        if (!events) return 'ended';
        opening = false;
        if (resuming && lastEventId === null) follow.restart();
        if (lost) {
          lost = false;
          follow.reconnecting(false);
        }
        if (first) follow.opened?.();
        for await (const item of events) {
          watchdog.touch();
          attempt = 0;
          if (item.id !== undefined) lastEventId = item.id;
          if (follow.apply(item)) return 'finished';
        }
        throw toChatError(new Error('The stream ended before its last event.'));
      } catch (error) {
        if (signal.aborted) throw toChatError(error, signal);
        // A cut of our own (a stall, going offline) is a network failure, whatever the reader threw.
        const failure = connection.signal.aborted
          ? new ChatError({ code: 'network_error', message: 'The connection stalled.', retryable: true })
          : toChatError(error);
        const resumable = failure.code === 'network_error' && follow.canResume();
        // The first request failing means the backend may not have the turn: the caller decides.
        if (first && opening && follow.open) throw error;
        if (!resumable) throw failure;
      } finally {
        watchdog.stop();
        network.onOffline = null;
        signal.removeEventListener('abort', cut);
        connection.abort();
      }
      first = false;
    }
  } finally {
    network.close();
  }
}

/** Calls `cut` when `touch` has not been called for two heartbeat intervals. */
function stallWatchdog(options: Required<ReconnectOptions>, cut: () => void) {
  const { timers } = options;
  let handle: unknown = null;
  const stop = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  const touch = () => {
    stop();
    handle = timers.setTimeout(cut, 2 * options.heartbeatMs);
  };
  touch();
  return { touch, stop };
}

interface EventHost {
  addEventListener?(type: string, listener: () => void): void;
  removeEventListener?(type: string, listener: () => void): void;
}

/** The platform's `online`/`offline` events, where it has them (browsers; never Node). */
function watchNetwork(options: Required<ReconnectOptions>) {
  const host = globalThis as EventHost;
  let wake: (() => void) | null = null;
  const watcher = {
    onOffline: null as (() => void) | null,
    /** Waits `milliseconds`, less if the network comes back; rejects when `signal` aborts. */
    wait(milliseconds: number, signal: AbortSignal): Promise<void> {
      return new Promise((resolve, reject) => {
        const settle = (error?: unknown) => {
          options.timers.clearTimeout(handle);
          signal.removeEventListener('abort', abort);
          wake = null;
          if (error === undefined) resolve();
          else reject(error);
        };
        const abort = () => settle(toChatError(signal.reason, signal));
        const handle = options.timers.setTimeout(() => settle(), milliseconds);
        wake = () => settle();
        if (signal.aborted) abort();
        else signal.addEventListener('abort', abort);
      });
    },
    close() {
      host.removeEventListener?.('online', online);
      host.removeEventListener?.('offline', offline);
    },
  };
  const online = () => wake?.();
  const offline = () => watcher.onOffline?.();
  host.addEventListener?.('online', online);
  host.addEventListener?.('offline', offline);
  return watcher;
}
