import type { ToolCall } from '@parley/sdk/protocol';

/**
 * One tool call of an assistant message, in the wire's shape: the `tool_calls` jsonb of
 * `chat_messages`, and (with `type: 'tool'`) the `tool` stream event.
 */
export type ToolCallRecord = ToolCall;

/** What a turn had produced when it stopped: enough to save a partial answer. */
export interface TurnPartial {
  /** The answer's text so far, across all rounds (exactly what `onText` delivered). */
  text: string;
  /** The tool calls so far, each in its last state. */
  toolCalls: ToolCallRecord[];
}
