// The conversation's state machine against an in-memory transport: reconnects, stalls, resume.
import { describe, expect, it } from 'vitest';
import { ChatClient } from './chat-client';
import type { ConversationStatus } from './conversation-events';
import type { StreamEvent } from './protocol/events';
import type { Message } from './protocol/resources';
import { ManualClock } from './test-support/manual-clock';
import { MemoryTransport } from './test-support/memory-transport';

const tokens = ['Hel', 'lo, ', 'wor', 'ld', '! ', 'é🙂'];
const answer: StreamEvent[] = [
  ...tokens.slice(0, 3).map((content): StreamEvent => ({ type: 'token', content })),
  { type: 'tool', tool: 'clock', call_id: 'c1', status: 'started', input: {} },
  { type: 'tool', tool: 'clock', call_id: 'c1', status: 'finished', output: 'noon' },
  ...tokens.slice(3).map((content): StreamEvent => ({ type: 'token', content })),
  { type: 'done', message_id: 'a1', finish_reason: 'stop' },
];

function setUp(transport: MemoryTransport) {
  const clock = new ManualClock();
  const client = new ChatClient({
    transport,
    broadcastChannel: false,
    retry: { baseDelayMs: 0 },
    reconnect: { timers: clock },
  });
  const conversation = client.conversation();
  const statuses: ConversationStatus[] = [];
  const applied: string[] = [];
  conversation.on('state-change', ({ status }) => statuses.push(status));
  conversation.on('token', ({ content }) => applied.push(content));
  return { client, clock, conversation, statuses, applied };
}

const message = (fields: Partial<Message>): Message => ({
  id: 'm',
  session_id: 's1',
  role: 'assistant',
  content: '',
  tool_calls: [],
  status: 'complete',
  created_at: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('Conversation reconnect', () => {
  it('resumes after a cut at every event index, with no text duplicated or missing', async () => {
    const length = new MemoryTransport(answer).log.length;
    for (let cut = 0; cut < length; cut++) {
      const transport = new MemoryTransport(answer);
      transport.plans.push({ end: 'cut', after: cut });
      const { clock, conversation, statuses } = setUp(transport);
      const sent = conversation.send('Hi');
      await clock.runUntil(() => conversation.status === 'idle');
      await sent;
      const last = conversation.messages.at(-1)!;
      expect(last.content, `cut after ${cut}`).toBe(transport.text);
      expect(last.tool_calls).toEqual([
        { tool: 'clock', call_id: 'c1', status: 'finished', input: {}, output: 'noon' },
      ]);
      expect(last).toMatchObject({ id: 'a1', status: 'complete' });
      // Before session_created there is no session: stream-new is sent again with its key instead.
      const resumes = transport.requests.filter((request) => request.kind === 'resume');
      if (cut === 0) {
        expect(resumes).toEqual([]);
        expect(transport.requests.filter((request) => request.kind === 'start')).toHaveLength(2);
      } else {
        expect(resumes).toEqual([{ kind: 'resume', lastEventId: `a1:${cut - 1}` }]);
        expect(statuses).toContain('reconnecting');
      }
    }
  });

  it('resumes a follow-up cut before its first event from the start, replacing the partial text', async () => {
    for (let cut = 0; cut < answer.length; cut++) {
      const transport = new MemoryTransport(answer, { withSessionCreated: false });
      transport.log.forEach((item, index) => {
        // A follow-up whose ids the server left out: resuming can only start over.
        if (cut === 0 || index >= cut) return;
        item.id = undefined;
      });
      const { client, clock } = setUp(transport);
      const conversation = client.conversation({ sessionId: 's1' });
      const applied: string[] = [];
      conversation.on('token', ({ content }) => applied.push(content));
      transport.plans.push({ end: 'cut', after: cut });
      const sent = conversation.send('Again');
      await clock.runUntil(() => conversation.status === 'idle');
      await sent;
      expect(conversation.messages.at(-1)!.content, `cut after ${cut}`).toBe(transport.text);
      expect(transport.requests.at(-1)).toEqual({ kind: 'resume', lastEventId: null });
    }
  });

  it('backs off with jitter between failed resumes, shows reconnecting, and then streams again', async () => {
    const transport = new MemoryTransport(answer);
    transport.plans.push({ end: 'cut', after: 2 });
    transport.failingResumes = 3;
    const { clock, conversation, statuses } = setUp(transport);
    const sent = conversation.send('Hi');
    await clock.runUntil(() => conversation.status === 'idle');
    await sent;
    expect(conversation.messages.at(-1)!.content).toBe(transport.text);
    const backoffs = clock.delays.filter((delay) => delay !== 30_000);
    expect(backoffs).toHaveLength(4);
    backoffs.forEach((delay, attempt) => {
      const ceiling = 500 * 2 ** attempt;
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    });
    expect(transport.requests.filter((request) => request.kind === 'resume')).toHaveLength(4);
    expect(statuses).toEqual(['creating', 'streaming', 'reconnecting', 'streaming', 'idle']);
  });

  it('fails the turn once the attempts run out', async () => {
    const transport = new MemoryTransport(answer);
    transport.plans.push({ end: 'cut', after: 2 });
    transport.failingResumes = 100;
    const { clock, conversation } = setUp(transport);
    const sent = conversation.send('Hi');
    await clock.runUntil(() => conversation.status === 'error');
    await sent;
    expect(conversation.error).toMatchObject({ code: 'network_error', retryable: true });
    expect(transport.requests.filter((request) => request.kind === 'resume')).toHaveLength(8);
  });

  it('takes a stream silent for two heartbeat intervals as cut, and resumes it', async () => {
    const transport = new MemoryTransport(answer);
    transport.plans.push({ end: 'stall', after: 4 });
    let stalled = false;
    transport.onStall = () => {
      stalled = true;
    };
    const { clock, conversation } = setUp(transport);
    const sent = conversation.send('Hi');
    await clock.runUntil(() => stalled);
    expect(conversation.status).toBe('streaming');
    const before = clock.now;
    await clock.runUntil(() => conversation.status === 'idle');
    await sent;
    expect(clock.now - before).toBeGreaterThanOrEqual(30_000);
    expect(transport.requests.filter((request) => request.kind === 'resume')).toEqual([
      { kind: 'resume', lastEventId: 'a1:3' },
    ]);
    expect(conversation.messages.at(-1)!.content).toBe(transport.text);
  });

  it('loads the saved answer when the resume finds nothing running (204)', async () => {
    const transport = new MemoryTransport(answer);
    transport.plans.push({ end: 'cut', after: 3 });
    transport.ended = true;
    const saved = message({ id: 'a1', content: transport.text, status: 'complete' });
    transport.saved.messages = [message({ id: 'u1', role: 'user', content: 'Hi' }), saved];
    const { clock, conversation } = setUp(transport);
    const done: string[] = [];
    conversation.on('done', ({ messageId }) => done.push(messageId));
    const sent = conversation.send('Hi');
    await clock.runUntil(() => conversation.status === 'idle');
    await sent;
    expect(conversation.messages.at(-1)).toEqual(saved);
    expect(done).toEqual(['a1']);
  });

  it('says when an answer was interrupted, keeps its text, and retries it', async () => {
    const transport = new MemoryTransport([
      { type: 'token', content: 'Half an ' },
      { type: 'error', error: 'The server stopped.', code: 'interrupted', retryable: true },
    ]);
    const { clock, conversation } = setUp(transport);
    const sent = conversation.send('Hi');
    await clock.runUntil(() => conversation.status === 'error');
    await sent;
    expect(conversation.error).toMatchObject({ code: 'interrupted', retryable: true });
    expect(conversation.messages.at(-1)).toMatchObject({ content: 'Half an ', status: 'interrupted' });
    await conversation.retry();
    expect(transport.requests.at(-1)).toEqual({ kind: 'continue', message: 'Hi' });
  });
});

describe('Conversation.load of a running answer', () => {
  it('shows the text so far, then follows the answer live to its end', async () => {
    const transport = new MemoryTransport(answer);
    transport.saved.messages = [
      message({ id: 'u1', role: 'user', content: 'Hi' }),
      message({ id: 'a1', content: 'Hel', status: 'streaming' }),
    ];
    const { client, clock } = setUp(transport);
    const conversation = client.conversation({ sessionId: 's1' });
    const shown: string[] = [];
    conversation.on('messages-change', ({ messages }) => shown.push(messages.at(-1)!.content));
    await conversation.load();
    expect(shown[0]).toBe('Hel');
    expect(conversation.status).toBe('streaming');
    await clock.runUntil(() => conversation.status === 'idle');
    expect(conversation.messages.at(-1)).toMatchObject({
      id: 'a1',
      content: transport.text,
      status: 'complete',
    });
    expect(transport.requests).toEqual([{ kind: 'load' }, { kind: 'resume', lastEventId: null }]);
  });

  it('offers retry for an interrupted answer', async () => {
    const transport = new MemoryTransport(answer, { withSessionCreated: false });
    transport.saved.messages = [
      message({ id: 'u1', role: 'user', content: 'Hi' }),
      message({ id: 'a1', content: 'Hel', status: 'interrupted' }),
    ];
    const { client, clock } = setUp(transport);
    const conversation = client.conversation({ sessionId: 's1' });
    await conversation.load();
    expect(conversation.status).toBe('error');
    expect(conversation.error).toMatchObject({ code: 'interrupted', retryable: true });
    const retried = conversation.retry();
    await clock.runUntil(() => conversation.status === 'idle');
    await retried;
    expect(transport.requests.at(-1)).toEqual({ kind: 'continue', message: 'Hi' });
    expect(conversation.messages.map((each) => each.content)).toEqual(['Hi', 'Hel', 'Hi', transport.text]);
  });
});
