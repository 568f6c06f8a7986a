import type { Timers } from '../reconnect-options';

/**
 * Virtual time for the reconnect logic: timers run only when the test advances the clock, so
 * backoff and stall detection are tested without waiting and without wall-clock windows.
 */
export class ManualClock implements Timers {
  now = 0;
  /** Every delay asked for, in order. */
  readonly delays: number[] = [];
  readonly #pending = new Map<number, { at: number; callback: () => void }>();
  #next = 1;

  setTimeout(callback: () => void, milliseconds: number): unknown {
    const handle = this.#next++;
    this.delays.push(milliseconds);
    this.#pending.set(handle, { at: this.now + milliseconds, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }

  /** Runs the earliest pending timer; returns false when there is none. */
  fireNext(): boolean {
    let earliest: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of this.#pending) if (!earliest || entry[1].at < earliest[1].at) earliest = entry;
    if (!earliest) return false;
    this.#pending.delete(earliest[0]);
    this.now = Math.max(this.now, earliest[1].at);
    earliest[1].callback();
    return true;
  }

  /**
   * Lets every pending promise settle, then advances to the next timer, until `done()` holds. The
   * in-memory transport never waits on real time, so whatever is left after a macrotask waits on a
   * timer.
   */
  async runUntil(done: () => boolean, limit = 1000): Promise<void> {
    for (let step = 0; step < limit; step++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done()) return;
      if (!this.fireNext()) await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('runUntil: the condition never held');
  }
}
