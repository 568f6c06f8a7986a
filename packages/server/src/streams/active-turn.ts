import type { DoneEvent, ErrorEvent, SessionCreatedEvent, ToolCall, ToolEvent } from '@parley/sdk/protocol';
import { sseFrame, tokenFrame } from './sse-frame';
import type { SseSink } from './sse-sink';

interface Subscriber {
  sink: SseSink;
  nextId: number;
}

/**
 * One answer being generated. It belongs to the server, not to a connection: clients attach
 * and detach (a reload, a retried request) while it runs, and it is saved whoever listens.
 */
export class ActiveTurn {
  readonly controller = new AbortController();
  /** The answer so far: replayed to a client that attaches late. */
  text = '';
  readonly toolCalls = new Map<string, ToolCall>();
  title: string | undefined;
  final: DoneEvent | ErrorEvent | undefined;
  readonly finished: Promise<void>;
  private resolveFinished!: () => void;
  private readonly subscribers = new Set<Subscriber>();

  constructor(
    readonly sessionId: string,
    readonly userId: string,
    readonly assistantMessageId: string,
  ) {
    this.finished = new Promise((resolve) => {
      this.resolveFinished = resolve;
    });
  }

  /** Sends what happened so far (after `sessionCreated`, when given), then follows live. */
  attach(sink: SseSink, sessionCreated?: SessionCreatedEvent): void {
    const subscriber: Subscriber = { sink, nextId: 1 };
    if (sessionCreated) sink.write(sseFrame(subscriber.nextId++, sessionCreated));
    if (this.text) sink.write(tokenFrame(subscriber.nextId++, this.text));
    for (const call of this.toolCalls.values()) {
      sink.write(sseFrame(subscriber.nextId++, { type: 'tool', ...call }));
    }
    if (this.title && sessionCreated) {
      sink.write(
        sseFrame(subscriber.nextId++, { type: 'title', session_id: this.sessionId, title: this.title }),
      );
    }
    if (this.final) {
      sink.write(sseFrame(subscriber.nextId++, this.final));
      sink.end();
      return;
    }
    this.subscribers.add(subscriber);
    sink.onClose(() => this.subscribers.delete(subscriber));
  }

  get listeners(): number {
    return this.subscribers.size;
  }

  pushText(text: string): void {
    this.text += text;
    for (const subscriber of this.subscribers) subscriber.sink.write(tokenFrame(subscriber.nextId++, text));
  }

  pushTool(event: Omit<ToolEvent, 'type'>): void {
    const call: ToolCall = { call_id: event.call_id, tool: event.tool, status: event.status };
    if (event.input !== undefined) call.input = event.input;
    if (event.output !== undefined) call.output = event.output;
    const previous = this.toolCalls.get(event.call_id);
    this.toolCalls.set(
      event.call_id,
      previous?.input !== undefined && call.input === undefined ? { ...call, input: previous.input } : call,
    );
    this.broadcast({ type: 'tool', ...event });
  }

  pushTitle(title: string): void {
    this.title = title;
    if (!this.final) this.broadcast({ type: 'title', session_id: this.sessionId, title });
  }

  /** Writes the last event, ends every attached stream and releases waiters. */
  finish(event: DoneEvent | ErrorEvent): void {
    if (this.final) return;
    this.final = event;
    for (const subscriber of this.subscribers) {
      subscriber.sink.write(sseFrame(subscriber.nextId++, event));
      subscriber.sink.end();
    }
    this.subscribers.clear();
    this.resolveFinished();
  }

  private broadcast(event: Parameters<typeof sseFrame>[1]): void {
    for (const subscriber of this.subscribers) subscriber.sink.write(sseFrame(subscriber.nextId++, event));
  }
}
