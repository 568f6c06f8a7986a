import type { Message, SessionCreatedEvent, StreamEvent } from '@parley/sdk/protocol';
import { sseFrame, tokenFrame } from './sse-frame';
import type { SseSink } from './sse-sink';

/** Answers a repeated stream-new whose turn has ended: the same events, rebuilt from the rows. */
export function replaySavedTurn(
  sink: SseSink,
  sessionCreated: SessionCreatedEvent,
  answer: Message | undefined,
): void {
  // The log is gone (retention): no ids, they would not be positions in it.
  sink.write(sseFrame(undefined, sessionCreated));
  if (answer) {
    if (answer.content) sink.write(tokenFrame(undefined, answer.content));
    for (const call of answer.tool_calls) sink.write(sseFrame(undefined, { type: 'tool', ...call }));
    sink.write(sseFrame(undefined, lastEvent(answer)));
  }
  sink.end();
}

function lastEvent(answer: Message): StreamEvent {
  switch (answer.status) {
    case 'complete':
      return { type: 'done', message_id: answer.id, finish_reason: 'stop' };
    case 'partial':
      return { type: 'done', message_id: answer.id, finish_reason: 'stopped' };
    case 'interrupted':
      return {
        type: 'error',
        error:
          'The server writing this answer stopped. The text so far is kept; retry to get a whole answer.',
        code: 'interrupted',
        retryable: true,
      };
    default:
      return {
        type: 'error',
        error: 'The answer could not be completed. Try again.',
        code: 'provider_error',
        retryable: true,
      };
  }
}
