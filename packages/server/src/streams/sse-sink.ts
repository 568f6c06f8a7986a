import type { ServerResponse } from 'node:http';

/**
 * Where a stream's frames go. On Node the frames are written straight to the socket's
 * response (the per-token hot path skips web streams); elsewhere a `ReadableStream` carries them.
 */
export interface SseSink {
  readonly closed: boolean;
  write(frame: string): void;
  end(): void;
  /** Called once when the client goes away or the stream ends. */
  onClose(listener: () => void): void;
}

export const SSE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  // Not compressed: a compressing proxy or middleware would buffer the tokens.
  'Content-Encoding': 'identity',
};

class NodeSink implements SseSink {
  closed = false;
  private listeners: (() => void)[] = [];
  /** Frames held back until the end of this turn of the event loop. */
  private pending = '';
  private batching = false;
  private readonly flush = () => {
    this.batching = false;
    if (this.pending && !this.closed) this.response.write(this.pending);
    this.pending = '';
  };

  constructor(private readonly response: ServerResponse) {
    response.once('close', () => this.markClosed());
  }

  write(frame: string): void {
    if (this.closed) return;
    // The first frame leaves at once; the rest of a burst (many tokens in one turn of the event
    // loop, a replay) is joined into one chunk: one syscall and one chunk header, not one each.
    if (this.batching) {
      this.pending += frame;
      return;
    }
    this.batching = true;
    setImmediate(this.flush);
    this.response.write(frame);
  }

  end(): void {
    if (!this.closed) {
      this.response.end(this.pending || undefined);
      this.pending = '';
    }
    this.markClosed();
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.listeners.push(listener);
  }

  private markClosed(): void {
    if (this.closed && this.listeners.length === 0) return;
    this.closed = true;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }
}

/** Starts an SSE answer on a Node response; the caller returns Hono's RESPONSE_ALREADY_SENT. */
export function openNodeSink(response: ServerResponse, headers: Record<string, string>): SseSink {
  // No flushHeaders(): the first frame follows at once and leaves with the headers, in one packet.
  response.writeHead(200, { ...headers, ...SSE_HEADERS });
  return new NodeSink(response);
}

const encoder = new TextEncoder();

/** Starts an SSE answer as a web `Response` (for `app.request()` and non-Node runtimes). */
export function openWebSink(headers: Record<string, string>): { sink: SseSink; response: Response } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const listeners: (() => void)[] = [];
  const close = () => {
    if (closed) return;
    closed = true;
    for (const listener of listeners.splice(0)) listener();
  };
  const body = new ReadableStream<Uint8Array>({
    start: (streamController) => {
      controller = streamController;
    },
    cancel: close,
  });
  const sink: SseSink = {
    get closed() {
      return closed;
    },
    write(frame) {
      if (!closed) controller.enqueue(encoder.encode(frame));
    },
    end() {
      if (!closed) controller.close();
      close();
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
  return { sink, response: new Response(body, { status: 200, headers: { ...headers, ...SSE_HEADERS } }) };
}
