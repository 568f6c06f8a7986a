import type { StreamEvent } from '../protocol/events';
import type { Message, Session, SessionDetail } from '../protocol/resources';
import type {
  ChatTransport,
  SessionEvent,
  StreamCallOptions,
  TransportEvent,
} from '../transport/chat-transport';

/** How one connection ends: after `after` events it is cut (an error), stalls (goes silent), or runs to the end. */
export interface ConnectionPlan {
  end: 'cut' | 'stall' | 'complete';
  after?: number;
}

/** One request the transport received. */
export type MemoryRequest =
  | { kind: 'start' | 'continue'; message: string }
  | { kind: 'resume'; lastEventId: string | null }
  | { kind: 'stop' | 'load' };

const session: Session = {
  id: 's1',
  model_id: null,
  title: 'A conversation',
  is_active: true,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

/**
 * An in-memory backend for the conversation's state machine: one answer, a log of events with ids
 * (`a1:0`, `a1:1`, …), and a plan per connection saying where it is cut or stalls. Resumes replay
 * the log exactly after `Last-Event-ID`, as Parley's server does.
 */
export class MemoryTransport implements ChatTransport {
  readonly requests: MemoryRequest[] = [];
  /** The plans of the next connections, in order; a connection with no plan runs to the end. */
  readonly plans: ConnectionPlan[] = [];
  /** `resumeTurn` answers `null` (HTTP 204): the answer has ended. */
  ended = false;
  /** Resumes that fail before answering (a network error), before the plans are used. */
  failingResumes = 0;
  /** The conversation as `loadSession` returns it. */
  saved: SessionDetail;
  /** Called when a connection goes silent (a `stall` plan). */
  onStall: () => void = () => {};
  readonly log: TransportEvent[];

  constructor(answer: StreamEvent[], options: { withSessionCreated?: boolean; saved?: Message[] } = {}) {
    const events: StreamEvent[] =
      options.withSessionCreated === false
        ? answer
        : [
            { type: 'session_created', session_id: session.id, model_id: null, title: session.title },
            ...answer,
          ];
    this.log = events.map((event, index) => ({ event, id: `a1:${index}` }));
    this.saved = { session, messages: options.saved ?? [] };
  }

  /** The text the log's tokens spell. */
  get text(): string {
    return this.log.map(({ event }) => (event.type === 'token' ? event.content : '')).join('');
  }

  async startTurn(request: { message: string }, options: StreamCallOptions) {
    this.requests.push({ kind: 'start', message: request.message });
    return this.#connection(0, options);
  }

  async continueTurn(request: { message: string }, options: StreamCallOptions) {
    this.requests.push({ kind: 'continue', message: request.message });
    return this.#connection(0, options);
  }

  async resumeTurn(request: { lastEventId: string | null }, options: StreamCallOptions) {
    this.requests.push({ kind: 'resume', lastEventId: request.lastEventId });
    if (this.failingResumes > 0) {
      this.failingResumes--;
      throw new TypeError('fetch failed');
    }
    if (this.ended) return null;
    const from =
      request.lastEventId === null ? 0 : this.log.findIndex(({ id }) => id === request.lastEventId) + 1;
    return this.#connection(from, options);
  }

  async stopTurn() {
    this.requests.push({ kind: 'stop' });
  }

  async listSessions() {
    return { sessions: [session], next_cursor: null };
  }

  async loadSession() {
    this.requests.push({ kind: 'load' });
    return this.saved;
  }

  async renameSession(_id: string, title: string) {
    return { ...session, title };
  }

  async deleteSession() {}

  async listModels() {
    return { models: [], default_model_id: 'demo' };
  }

  /** The session feed's requests (their `lastEventId`), and a way to push changes into it. */
  readonly feedRequests: (string | null)[] = [];
  #feed: ((event: SessionEvent | 'cut') => void) | null = null;

  /** Sends a change down the open session feed (or `'cut'` to drop it); false when none is open. */
  pushSessionEvent(event: SessionEvent | 'cut'): boolean {
    if (!this.#feed) return false;
    this.#feed(event);
    return true;
  }

  async sessionEvents(request: { lastEventId: string | null }, options: StreamCallOptions) {
    this.feedRequests.push(request.lastEventId);
    const queue: (SessionEvent | 'cut')[] = [];
    let wake: () => void = () => {};
    this.#feed = (event) => {
      queue.push(event);
      wake();
    };
    const feed = this;
    return (async function* () {
      for (;;) {
        while (queue.length === 0) {
          if (options.signal.aborted) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
            options.signal.addEventListener('abort', () => resolve(), { once: true });
          });
        }
        const next = queue.shift()!;
        if (next === 'cut') {
          feed.#feed = null;
          throw new TypeError('network connection lost');
        }
        yield next;
      }
    })();
  }

  async *#connection(from: number, options: StreamCallOptions): AsyncGenerator<TransportEvent> {
    const plan = this.plans.shift() ?? { end: 'complete' };
    let sent = 0;
    for (const item of this.log.slice(from)) {
      if (plan.end !== 'complete' && sent === plan.after) break;
      options.onActivity?.();
      yield item;
      sent++;
    }
    if (plan.end === 'cut' && sent === plan.after) throw new TypeError('network connection lost');
    if (plan.end === 'stall' && sent === plan.after) {
      this.onStall();
      await new Promise((_resolve, reject) => {
        const abort = () => reject(options.signal.reason);
        if (options.signal.aborted) abort();
        else options.signal.addEventListener('abort', abort, { once: true });
      });
    }
  }
}
