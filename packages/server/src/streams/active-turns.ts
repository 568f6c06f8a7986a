import type { ActiveTurn } from './active-turn';

/** The answers this server instance is generating, by session and by message. */
export class ActiveTurns {
  private readonly bySession = new Map<string, ActiveTurn>();
  private readonly byMessageId = new Map<string, ActiveTurn>();

  get(sessionId: string): ActiveTurn | undefined {
    return this.bySession.get(sessionId);
  }

  byMessage(messageId: string): ActiveTurn | undefined {
    return this.byMessageId.get(messageId);
  }

  get size(): number {
    return this.byMessageId.size;
  }

  add(turn: ActiveTurn): void {
    this.bySession.set(turn.sessionId, turn);
    this.byMessageId.set(turn.assistantMessageId, turn);
    // Held until its log is settled (written, or given up): the lease is renewed meanwhile.
    void turn.settled.then(() => {
      if (this.bySession.get(turn.sessionId) === turn) this.bySession.delete(turn.sessionId);
      this.byMessageId.delete(turn.assistantMessageId);
    });
  }

  /** The message ids of the answers held here (their leases are renewed). */
  heldIds(): string[] {
    return [...this.byMessageId.keys()];
  }

  /**
   * Waits for every running answer to end and be saved (graceful shutdown); an answer whose
   * tail waits for a database that does not answer is given `tailMs` more.
   */
  async drain(tailMs = 5_000): Promise<void> {
    const turns = [...this.byMessageId.values()];
    await Promise.all(turns.map((turn) => turn.finished));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(turns.map((turn) => turn.settled)),
      new Promise((resolve) => {
        timer = setTimeout(resolve, tailMs);
      }),
    ]);
    clearTimeout(timer);
  }

  abortAll(reason: string): void {
    for (const turn of this.byMessageId.values()) turn.controller.abort(reason);
  }
}
