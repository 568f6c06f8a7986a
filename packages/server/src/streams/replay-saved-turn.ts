import type { Message, SessionCreatedEvent, StreamEvent } from '@parley/sdk/protocol';
import { sseFrame, tokenFrame } from './sse-frame';
import type { SseSink } from './sse-sink';

/** Answers a repeated stream-new whose turn has ended: the same events, rebuilt from the rows. */
export function replaySavedTurn(
  sink: SseSink,
  sessionCreated: SessionCreatedEvent,
  answer: Message | undefined,
): void {
  let id = 1;
  sink.write(sseFrame(id++, sessionCreated));
  if (answer) {
    if (answer.content) sink.write(tokenFrame(id++, answer.content));
    for (const call of answer.tool_calls) sink.write(sseFrame(id++, { type: 'tool', ...call }));
    sink.write(sseFrame(id++, lastEvent(answer)));
  }
  sink.end();
}

function lastEvent(answer: Message): StreamEvent {
  switch (answer.status) {
    case 'complete':
      return { type: 'done', message_id: answer.id, finish_reason: 'stop' };
    case 'partial':
      return { type: 'done', message_id: answer.id, finish_reason: 'stopped' };
    default:
      return {
        type: 'error',
        error: 'The answer could not be completed. Try again.',
        code: 'provider_error',
        retryable: true,
      };
  }
}
