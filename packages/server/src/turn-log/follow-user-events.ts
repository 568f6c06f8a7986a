import type { UserEventsRepository } from '../db/user-events-repository';
import { rawFrame } from '../streams/sse-frame';
import type { SseSink } from '../streams/sse-sink';
import type { TurnWakeups } from './turn-wakeups';

/**
 * Sends a user's sidebar changes after `afterId` (or from now), then follows them until the
 * client goes away. Woken by NOTIFY on the user's id; polls as well.
 */
export async function followUserEvents(
  sink: SseSink,
  options: {
    repository: UserEventsRepository;
    wakeups: TurnWakeups;
    userId: string;
    afterId: string | undefined;
    pollMs: number;
  },
): Promise<void> {
  const { repository, wakeups, userId, pollMs } = options;
  let wake: (() => void) | undefined;
  const unsubscribe = wakeups.subscribe(`user:${userId}`, () => wake?.());
  sink.onClose(() => wake?.());
  try {
    let cursor = options.afterId ?? (await repository.lastId(userId));
    while (!sink.closed) {
      const rows = await repository.read(userId, cursor).catch(() => []);
      for (const row of rows) {
        sink.write(rawFrame(row.id, row.type, JSON.stringify(row.payload)));
        cursor = row.id;
      }
      if (rows.length > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        };
      });
    }
  } finally {
    unsubscribe();
    sink.end();
  }
}
