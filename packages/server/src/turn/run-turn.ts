import type { ChatProvider, ProviderMessage, ProviderToolCall } from '../providers/types';
import type { ToolContext, ToolDefinition } from '../tools/types';
import { parseToolArguments, runToolCall } from './run-tool-call';
import { TurnAbortedError } from './turn-aborted-error';
import { TurnFailedError } from './turn-failed-error';
import type { ToolCallRecord } from './types';

/** What {@link runTurn} needs: the provider, the conversation, the tools and the callbacks. */
export interface RunTurnOptions {
  provider: ChatProvider;
  /** The provider's model name. */
  model: string;
  /** The conversation so far, system prompt first. Not modified. */
  messages: readonly ProviderMessage[];
  /** The tools the model may call. */
  tools?: readonly ToolDefinition[];
  /** Who and where the tools run for. The tools always get this turn's `signal`. */
  toolContext: Omit<ToolContext, 'signal'> & { signal?: AbortSignal };
  /** Aborting it stops the provider and the tools and rejects with {@link TurnAbortedError}. */
  signal: AbortSignal;
  /** Completions that may call tools; the one after them is offered no tools. Default 4. */
  maxToolRounds?: number;
  /** Upper bound on generated tokens per completion. */
  maxTokens?: number;
  /** Each text delta, in order (the hot path: keep it cheap). */
  onText?(text: string): void;
  /** Each tool call as it starts, then as it finishes or fails. */
  onTool?(event: ToolCallRecord): void;
  /** Errors of tools hidden from the model behind "The tool failed." (for logs). */
  onToolError?(error: unknown, call: ProviderToolCall): void;
}

/** A turn that ended normally. */
export interface RunTurnResult {
  /** The whole answer, across rounds. */
  text: string;
  toolCalls: ToolCallRecord[];
  /** The provider's last finish reason (`stop`, `length`, …), or `tool_limit`. */
  finishReason: string;
}

/** Put between the texts of two rounds so that they do not run together. */
const ROUND_SEPARATOR = '\n\n';

/**
 * Runs one assistant turn: streams a completion, runs the tools it asks for, feeds their results
 * back, and repeats until the model answers without tools (at most `maxToolRounds` tool rounds).
 *
 * Rejects with {@link TurnAbortedError} when `signal` aborts and with {@link TurnFailedError}
 * on any other failure; both carry `.partial` (the text and tool calls so far) to save.
 *
 * @example
 * ```ts
 * const result = await runTurn({
 *   provider, model: 'openai/gpt-4o-mini', messages, tools: [getModelInfo],
 *   toolContext: { userId, sessionId, modelId }, signal,
 *   onText: (text) => send('token', text),
 *   onTool: (event) => send('tool', event),
 * });
 * ```
 */
export async function runTurn(options: RunTurnOptions): Promise<RunTurnResult> {
  const { provider, model, signal, onText, maxTokens } = options;
  const tools = options.tools ?? [];
  const maxToolRounds = options.maxToolRounds ?? 4;
  const toolsByName = new Map(tools.map((tool) => [tool.name, tool]));
  const context: ToolContext = { ...options.toolContext, signal };
  const messages = [...options.messages];
  const toolCalls: ToolCallRecord[] = [];
  let text = '';

  try {
    for (let round = 0; ; round++) {
      const offerTools = tools.length > 0 && round < maxToolRounds;
      const calls: ProviderToolCall[] = [];
      let roundText = '';
      let finishReason = 'stop';
      const stream = provider.stream({
        model,
        messages,
        tools: offerTools ? tools : undefined,
        signal,
        maxTokens,
      });
      for await (const chunk of stream) {
        if (chunk.type === 'text') {
          if (roundText === '' && text !== '' && !text.endsWith('\n')) {
            text += ROUND_SEPARATOR;
            onText?.(ROUND_SEPARATOR);
          }
          roundText += chunk.text;
          text += chunk.text;
          onText?.(chunk.text);
        } else if (chunk.type === 'tool_call') {
          calls.push(chunk.call);
        } else {
          finishReason = chunk.reason;
        }
      }
      if (signal.aborted) throw signal.reason;
      if (calls.length === 0) return { text, toolCalls, finishReason };
      if (!offerTools) return { text, toolCalls, finishReason: 'tool_limit' };

      messages.push({ role: 'assistant', content: roundText, tool_calls: calls });
      const first = toolCalls.length;
      for (const call of calls) {
        const started: ToolCallRecord = {
          call_id: call.id,
          tool: call.name,
          status: 'started',
          input: parseToolArguments(call.arguments).value,
        };
        toolCalls.push(started);
        options.onTool?.(started);
      }
      // The calls of one round are independent: run them side by side.
      const outcomes = await Promise.all(
        calls.map(async (call, position) => {
          const outcome = await runToolCall(call, toolsByName.get(call.name), context, (error) =>
            options.onToolError?.(error, call),
          );
          // After an abort the turn is over: a tool that ignored the signal reports nothing.
          if (signal.aborted) return outcome;
          toolCalls[first + position] = outcome.record;
          options.onTool?.(outcome.record);
          return outcome;
        }),
      );
      if (signal.aborted) throw signal.reason;
      calls.forEach((call, position) => {
        messages.push({ role: 'tool', tool_call_id: call.id, content: outcomes[position]!.content });
      });
    }
  } catch (error) {
    if (signal.aborted) {
      throw new TurnAbortedError(
        { text, toolCalls: settleStarted(toolCalls, options.onTool) },
        signal.reason,
      );
    }
    throw new TurnFailedError(error, { text, toolCalls });
  }
}

/** Tool calls still running when the turn stopped are reported, and saved, as failed. */
function settleStarted(
  toolCalls: ToolCallRecord[],
  onTool: ((event: ToolCallRecord) => void) | undefined,
): ToolCallRecord[] {
  return toolCalls.map((record) => {
    if (record.status !== 'started') return record;
    const failed: ToolCallRecord = {
      ...record,
      status: 'failed',
      output: { error: 'The answer was stopped.' },
    };
    onTool?.(failed);
    return failed;
  });
}
