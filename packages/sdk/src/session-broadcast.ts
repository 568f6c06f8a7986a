import { type Session, sessionSchema } from './protocol/resources';

/** A change to the session list, told to the other tabs of the same origin. */
export type SessionChange = { type: 'upsert'; session: Session } | { type: 'remove'; id: string };

/**
 * Tells other tabs (and workers) of the same origin about session changes through a
 * `BroadcastChannel`, when the platform has one; otherwise does nothing.
 */
export class SessionBroadcast {
  #channel: BroadcastChannel | null = null;

  constructor(name: string, onChange: (change: SessionChange) => void) {
    if (typeof BroadcastChannel !== 'function') return;
    this.#channel = new BroadcastChannel(name);
    // Node keeps the process alive while a channel is open; a sidebar feature must not.
    (this.#channel as { unref?: () => void }).unref?.();
    this.#channel.onmessage = ({ data }: MessageEvent) => {
      // Tabs may run different versions of the SDK during a deploy: check what arrives.
      const session = sessionSchema.safeParse(data?.session).data;
      if (data?.type === 'upsert' && session) onChange({ type: 'upsert', session });
      if (data?.type === 'remove' && typeof data.id === 'string') onChange({ type: 'remove', id: data.id });
    };
  }

  post(change: SessionChange): void {
    this.#channel?.postMessage(change);
  }

  /** Stops telling other tabs; conversations still streaming go on (posting becomes a no-op). */
  close(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}
