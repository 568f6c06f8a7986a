import type { ToolDefinition } from '../tools/types';

/** A message of the conversation as the provider sees it (OpenAI chat-completions shape). */
export type ProviderMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; tool_calls?: ProviderToolCall[] }
  | { role: 'tool'; content: string; tool_call_id: string };

/** A tool call the model asked for, fully assembled (arguments are a JSON string). */
export interface ProviderToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** What a provider yields while streaming one completion. */
export type ProviderChunk =
  | { type: 'text'; text: string }
  | { type: 'tool_call'; call: ProviderToolCall }
  | { type: 'finish'; reason: string };

export interface ProviderStreamRequest {
  /** The provider's own model name (e.g. `openai/gpt-4o-mini`). */
  model: string;
  messages: ProviderMessage[];
  tools?: readonly ToolDefinition[];
  signal: AbortSignal;
  /** Upper bound on generated tokens, where the provider supports it. */
  maxTokens?: number;
}

/**
 * A model provider. `stream` yields text deltas and assembled tool calls of ONE completion
 * (the tool loop above it runs the tools and calls again). Failures throw `ProviderError`.
 */
export interface ChatProvider {
  /** Shown in logs and `/api/models` descriptions, e.g. `openai-compatible` or `demo`. */
  readonly name: string;
  stream(request: ProviderStreamRequest): AsyncIterable<ProviderChunk>;
}
