import { PING_FRAME } from './sse-frame';
import type { SseSink } from './sse-sink';

/**
 * One timer for every open stream (not one per stream: ten thousand timers cost memory and
 * wake-ups). Each sink gets a `: ping` comment at least every `intervalMs`, which keeps proxies
 * from closing an idle connection while the model thinks.
 */
export class Heartbeat {
  private readonly sinks = new Set<SseSink>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly intervalMs = 15_000) {}

  add(sink: SseSink): void {
    this.sinks.add(sink);
    sink.onClose(() => this.sinks.delete(sink));
    if (!this.timer) {
      this.timer = setInterval(() => this.beat(), this.intervalMs);
      this.timer.unref();
    }
  }

  get size(): number {
    return this.sinks.size;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private beat(): void {
    if (this.sinks.size === 0) {
      this.stop();
      return;
    }
    for (const sink of this.sinks) sink.write(PING_FRAME);
  }
}
