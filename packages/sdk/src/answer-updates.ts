import type { ChatMessage } from './chat-message';
import { ChatError } from './errors';
import type { ErrorCode } from './protocol/errors';
import type { ToolEvent } from './protocol/events';
import type { ToolCall } from './protocol/resources';

/** The answer with a streamed token appended. */
export function withToken(answer: ChatMessage, content: string): ChatMessage {
  return { ...answer, content: answer.content + content };
}

/** The answer with a tool event applied, and the tool call as it now stands. */
export function withToolEvent(
  answer: ChatMessage,
  event: ToolEvent,
): { answer: ChatMessage; toolCall: ToolCall } {
  const { type: _type, ...update } = event;
  const index = answer.tool_calls.findIndex((call) => call.call_id === update.call_id);
  if (index === -1)
    return { answer: { ...answer, tool_calls: [...answer.tool_calls, update] }, toolCall: update };
  // `finished` may leave out the input that `started` carried: keep it.
  const toolCall = { ...answer.tool_calls[index]!, ...update };
  return { answer: { ...answer, tool_calls: answer.tool_calls.with(index, toolCall) }, toolCall };
}

/** The error an `error` stream event reports. */
export function streamError(event: { code: string; error: string; retryable: boolean }): ChatError {
  return new ChatError({ code: event.code as ErrorCode, message: event.error, retryable: event.retryable });
}

/** Why a saved answer that is neither complete nor stopped failed. */
export function savedAnswerError(status: ChatMessage['status']): ChatError {
  return status === 'interrupted'
    ? interruptedError()
    : new ChatError({ code: 'internal_error', message: 'The answer failed.', retryable: true });
}

/** An answer whose server stopped while writing it; its text so far is kept. */
export function interruptedError(): ChatError {
  return new ChatError({
    code: 'interrupted',
    message: 'The answer was interrupted. The text so far is kept; retry to get a whole answer.',
    retryable: true,
  });
}

export function now(): string {
  return new Date().toISOString();
}
