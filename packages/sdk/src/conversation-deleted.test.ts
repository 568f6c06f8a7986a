// A conversation deleted elsewhere (another tab, another device) says so, against an in-memory transport.
import { describe, expect, it } from 'vitest';
import { ChatClient } from './chat-client';
import { ManualClock } from './test-support/manual-clock';
import { MemoryTransport } from './test-support/memory-transport';

describe('Conversation deleted elsewhere', () => {
  it('is marked deleted, tells its listeners, and ends a running answer', async () => {
    const transport = new MemoryTransport([{ type: 'token', content: 'Hi' }]);
    transport.plans.push({ end: 'stall', after: 2 });
    let stalled: () => void = () => {};
    const streaming = new Promise<void>((resolve) => {
      stalled = resolve;
    });
    transport.onStall = () => stalled();
    const client = new ChatClient({ transport, broadcastChannel: false });
    const conversation = client.conversation();
    const deleted: string[] = [];
    conversation.on('deleted', ({ sessionId }) => deleted.push(sessionId));
    const sent = conversation.send('Hello');
    await streaming;
    // What the store does when another tab or the server's event feed reports the delete.
    client.sessions.remove('s1');
    await sent;
    expect(conversation.deleted).toBe(true);
    expect(deleted).toEqual(['s1']);
    expect(conversation.status).toBe('idle');
    client.close();
  });

  it('follows deletes made on another device through the session feed, resuming after a cut', async () => {
    const transport = new MemoryTransport([]);
    const clock = new ManualClock();
    const client = new ChatClient({ transport, broadcastChannel: false, reconnect: { timers: clock } });
    const conversation = client.conversation({ sessionId: 's1' });
    const other = client.conversation({ sessionId: 's2' });
    client.sessions.follow();
    await clock.runUntil(() => transport.pushSessionEvent({ type: 'remove', sessionId: 's2', id: 'e1' }));
    await clock.runUntil(() => other.deleted);
    expect(conversation.deleted).toBe(false);
    transport.pushSessionEvent('cut');
    await clock.runUntil(() => transport.feedRequests.length === 2);
    expect(transport.feedRequests).toEqual([null, 'e1']);
    await clock.runUntil(() => transport.pushSessionEvent({ type: 'remove', sessionId: 's1', id: 'e2' }));
    await clock.runUntil(() => conversation.deleted);
    client.close();
  });
});
