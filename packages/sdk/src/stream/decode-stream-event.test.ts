import { describe, expect, it } from 'vitest';
import { ChatError } from '../errors';
import { decodeStreamEvent } from './decode-stream-event';

function protocolErrorOf(run: () => unknown): ChatError | undefined {
  try {
    run();
  } catch (error) {
    if (ChatError.isInstance(error) && error.code === 'protocol_error') return error;
    throw error;
  }
  return undefined;
}

describe('decodeStreamEvent', () => {
  it('validates a known event and drops unknown fields', () => {
    expect(decodeStreamEvent({ event: 'token', data: '{"type":"token","content":"hi","later":1}' })).toEqual({
      type: 'token',
      content: 'hi',
    });
  });

  it('ignores event types this version does not know', () => {
    expect(decodeStreamEvent({ event: 'reaction', data: '{"type":"reaction"}' })).toBeUndefined();
    expect(decodeStreamEvent({ event: 'reaction', data: 'not json' })).toBeUndefined();
    expect(decodeStreamEvent({ data: '{"type":"reaction"}' })).toBeUndefined();
    expect(decodeStreamEvent({ data: 'plain text' })).toBeUndefined();
  });

  it('uses the JSON type when the SSE message has no event name', () => {
    expect(decodeStreamEvent({ data: '{"type":"done","message_id":"m","finish_reason":"stop"}' })).toEqual({
      type: 'done',
      message_id: 'm',
      finish_reason: 'stop',
    });
  });

  it('refuses a known event with missing or wrong fields', () => {
    expect(
      protocolErrorOf(() => decodeStreamEvent({ event: 'token', data: '{"type":"token"}' })),
    ).toBeDefined();
    expect(
      protocolErrorOf(() =>
        decodeStreamEvent({
          event: 'tool',
          data: '{"type":"tool","tool":"t","call_id":"c","status":"paused"}',
        }),
      ),
    ).toBeDefined();
    expect(
      protocolErrorOf(() =>
        decodeStreamEvent({
          event: 'error',
          data: '{"type":"error","error":"x","code":"y","retryable":"no"}',
        }),
      ),
    ).toBeDefined();
  });

  it('refuses a known event whose data is not JSON', () => {
    expect(
      protocolErrorOf(() => decodeStreamEvent({ event: 'done', data: '{"type":"done",' })),
    ).toBeDefined();
  });

  it('refuses an event whose name and JSON type disagree', () => {
    const error = protocolErrorOf(() =>
      decodeStreamEvent({ event: 'token', data: '{"type":"done","message_id":"m","finish_reason":"stop"}' }),
    );
    expect(error?.message).toContain('"token"');
  });
});
