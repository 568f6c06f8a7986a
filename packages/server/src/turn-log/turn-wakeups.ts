/**
 * Wakes the readers of an answer's log when it grows: from this instance's writers directly,
 * and from other instances through NOTIFY. Only a hint: readers poll as well, so a lost
 * notification or a dropped LISTEN connection delays them by one poll at most.
 */
export class TurnWakeups {
  private readonly byMessage = new Map<string, Set<() => void>>();

  subscribe(messageId: string, wake: () => void): () => void {
    let set = this.byMessage.get(messageId);
    if (!set) {
      set = new Set();
      this.byMessage.set(messageId, set);
    }
    set.add(wake);
    return () => {
      set.delete(wake);
      if (set.size === 0 && this.byMessage.get(messageId) === set) this.byMessage.delete(messageId);
    };
  }

  notify(messageId: string): void {
    const set = this.byMessage.get(messageId);
    if (set) for (const wake of [...set]) wake();
  }

  get size(): number {
    return this.byMessage.size;
  }
}
