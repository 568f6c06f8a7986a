import { STOP_CHANNEL, TURN_CHANNEL, type TurnLogRepository } from '../db/turn-log-repository';
import type { ChatDatabase } from '../db/open-database';
import { errorLogFields } from '../errors/error-log-fields';
import type { Logger } from '../logger';
import { USER_CHANNEL, type UserEventsRepository } from '../db/user-events-repository';
import type { ActiveTurns } from '../streams/active-turns';
import { INTERRUPTED_EVENT } from './final-events';
import type { TurnWakeups } from './turn-wakeups';

export interface TurnLeaseOptions {
  database: ChatDatabase;
  repository: TurnLogRepository;
  userEvents: UserEventsRepository;
  turns: ActiveTurns;
  wakeups: TurnWakeups;
  logger: Logger;
  /** This instance's id in the lease rows. */
  owner: string;
  /** How long a lease lasts unrenewed: a dead owner's answers are taken over after about this. */
  leaseMs: number;
  /** How long a finished answer's log is kept. */
  retentionMs: number;
  /** Logs deleted per statement (bounded work per tick). */
  retentionBatch?: number;
}

/** How long sidebar changes are kept for clients that resume `GET /api/chat/events`. */
const USER_EVENTS_RETENTION_MS = 60 * 60_000;

/**
 * Keeps this instance's leases alive, takes over the answers of instances that died (every
 * instance sweeps; SKIP LOCKED lets one take each), hears stops asked for on any instance,
 * and deletes old logs in bounded batches.
 */
export class TurnLeases {
  private timers: NodeJS.Timeout[] = [];
  private listening: { unlisten(): Promise<void> }[] = [];
  private sweeping = false;

  constructor(private readonly options: TurnLeaseOptions) {}

  async start(): Promise<void> {
    const { leaseMs, database, wakeups, turns, logger } = this.options;
    this.every(Math.max(50, Math.floor(leaseMs / 3)), () => this.renew());
    this.every(Math.max(50, Math.floor(leaseMs / 4)), () => this.sweep());
    void this.sweep();
    try {
      this.listening.push(
        await database.listen(TURN_CHANNEL, (messageId) => wakeups.notify(messageId)),
        await database.listen(STOP_CHANNEL, (messageId) =>
          turns.byMessage(messageId)?.controller.abort('stopped'),
        ),
        await database.listen(USER_CHANNEL, (userId) => wakeups.notify(`user:${userId}`)),
      );
    } catch (error) {
      // Readers and stops still work by polling, only later.
      logger.warn('LISTEN unavailable, polling only', errorLogFields(error));
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await Promise.all(this.listening.splice(0).map((listening) => listening.unlisten().catch(() => {})));
  }

  /** Renews the leases; a stop asked for while a notification was lost is seen here. */
  async renew(): Promise<void> {
    const { repository, owner, leaseMs, turns } = this.options;
    if (turns.size === 0) return;
    try {
      for (const row of await repository.renew(owner, leaseMs, turns.heldIds())) {
        if (row.stopRequested) turns.byMessage(row.messageId)?.controller.abort('stopped');
      }
    } catch (error) {
      this.options.logger.warn('lease renewal failed', errorLogFields(error));
    }
  }

  /** Interrupts answers whose owner stopped renewing, and deletes old logs. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    const { repository, owner, wakeups, logger, retentionMs, turns } = this.options;
    try {
      let taken = 0;
      for (;;) {
        const rows = await repository.sweep(owner, 100, INTERRUPTED_EVENT, turns.heldIds());
        for (const row of rows) {
          wakeups.notify(row.messageId);
          await this.options.userEvents.record(row.userId, {
            type: 'answer_status',
            session_id: row.sessionId,
            message_id: row.messageId,
            status: 'interrupted',
          });
        }
        taken += rows.length;
        if (rows.length < 100) break;
      }
      if (taken > 0) logger.warn('interrupted answers of a stopped server', { count: taken });
      await repository.deleteOldLogs(retentionMs, this.options.retentionBatch ?? 200);
      await this.options.userEvents.deleteOld(USER_EVENTS_RETENTION_MS, 1_000);
      return taken;
    } catch (error) {
      logger.warn('turn sweep failed', errorLogFields(error));
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  private every(ms: number, run: () => Promise<unknown>): void {
    const timer = setInterval(() => void run(), ms);
    timer.unref();
    this.timers.push(timer);
  }
}
