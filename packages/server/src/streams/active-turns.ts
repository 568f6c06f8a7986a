import type { ActiveTurn } from './active-turn';

/** The answers this server instance is generating, by session and counted per user. */
export class ActiveTurns {
  private readonly bySession = new Map<string, ActiveTurn>();
  private readonly perUser = new Map<string, number>();

  get(sessionId: string): ActiveTurn | undefined {
    return this.bySession.get(sessionId);
  }

  countForUser(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  get size(): number {
    return this.bySession.size;
  }

  add(turn: ActiveTurn): void {
    this.bySession.set(turn.sessionId, turn);
    this.perUser.set(turn.userId, this.countForUser(turn.userId) + 1);
    void turn.finished.then(() => {
      if (this.bySession.get(turn.sessionId) === turn) this.bySession.delete(turn.sessionId);
      const count = this.countForUser(turn.userId) - 1;
      if (count > 0) this.perUser.set(turn.userId, count);
      else this.perUser.delete(turn.userId);
    });
  }

  /** Waits for every running answer to be saved (graceful shutdown). */
  async drain(): Promise<void> {
    await Promise.all([...this.bySession.values()].map((turn) => turn.finished));
  }

  abortAll(reason: string): void {
    for (const turn of this.bySession.values()) turn.controller.abort(reason);
  }
}
