import { parseTitleRequest, TITLE_SYSTEM_PROMPT } from '../title/title-prompt';
import { abortReason } from './abort-reason';
import { type DemoToolResult, writeDemoAnswer, writeDemoTitle, writeDemoToolPreface } from './demo-answer';
import type { ChatProvider, ProviderChunk, ProviderMessage, ProviderStreamRequest } from './types';

/** Options of {@link createDemoProvider}. */
export interface DemoProviderOptions {
  /** Pause between two streamed words, in milliseconds. 0 streams as fast as possible. Default 25. */
  delayMs?: number;
}

/** At full speed, hand the event loop back after this many words so other streams keep flowing. */
const WORDS_PER_BREATH = 32;

/** The tool the demo model prefers when it is offered. */
const PREFERRED_TOOL = 'get_model_info';

/**
 * Parley's built-in demo model: offline, no network, no key. It streams a real markdown answer
 * built from the user's last message, word by word. When tools are offered it first calls one
 * (`get_model_info` if present) and answers with its result on the next round. It also answers
 * title requests with a title taken from the user's message.
 *
 * @example
 * ```ts
 * const provider = createDemoProvider({ delayMs: Number(process.env.PARLEY_DEMO_DELAY_MS ?? 25) });
 * ```
 */
export function createDemoProvider(options: DemoProviderOptions = {}): ChatProvider {
  const delayMs = Math.max(0, options.delayMs ?? 25);
  let callCount = 0;
  return {
    name: 'demo',
    stream(request: ProviderStreamRequest): AsyncIterable<ProviderChunk> {
      const plan = planAnswer(request, () => `demo_call_${++callCount}`);
      return streamPlan(plan, delayMs, request.signal);
    },
  };
}

interface AnswerPlan {
  text: string;
  toolCall?: { id: string; name: string };
}

function planAnswer(request: ProviderStreamRequest, nextCallId: () => string): AnswerPlan {
  const { messages } = request;
  const titleRequest = findTitleRequest(messages);
  if (titleRequest !== undefined) return { text: writeDemoTitle(titleRequest) };

  const lastUser = findLastIndex(messages, (message) => message.role === 'user');
  const userMessage = lastUser >= 0 ? messages[lastUser]!.content : '';
  const toolResults = collectToolResults(messages, lastUser + 1);
  const tools = request.tools ?? [];
  if (toolResults.length === 0 && tools.length > 0) {
    const tool = tools.find((candidate) => candidate.name === PREFERRED_TOOL) ?? tools[0]!;
    return { text: writeDemoToolPreface(tool.name), toolCall: { id: nextCallId(), name: tool.name } };
  }
  return { text: writeDemoAnswer(userMessage, toolResults) };
}

async function* streamPlan(
  plan: AnswerPlan,
  delayMs: number,
  signal: AbortSignal,
): AsyncGenerator<ProviderChunk, void, undefined> {
  if (signal.aborted) throw abortReason(signal);
  // Word-sized tokens that keep their trailing whitespace, so they join back into the text. Cut
  // one at a time: thousands of open streams must not each hold their answer as an array of words.
  const word = /\s*\S+\s*/g;
  for (let index = 0, match = word.exec(plan.text); match; index++, match = word.exec(plan.text)) {
    if (index > 0) {
      if (delayMs > 0) await sleep(delayMs, signal);
      else if (index % WORDS_PER_BREATH === 0) await breathe(signal);
    }
    yield { type: 'text', text: match[0] };
    if (signal.aborted) throw abortReason(signal);
  }
  if (plan.toolCall) {
    yield { type: 'tool_call', call: { ...plan.toolCall, arguments: '{}' } };
    yield { type: 'finish', reason: 'tool_calls' };
  } else {
    yield { type: 'finish', reason: 'stop' };
  }
}

function findTitleRequest(messages: readonly ProviderMessage[]): string | undefined {
  if (!messages.some((message) => message.role === 'system' && message.content === TITLE_SYSTEM_PROMPT)) {
    return undefined;
  }
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.role === 'user') return parseTitleRequest(message.content) ?? message.content;
  }
  return '';
}

/** The tool results after the last user message, named after the calls that asked for them. */
function collectToolResults(messages: readonly ProviderMessage[], from: number): DemoToolResult[] {
  const names = new Map<string, string>();
  const results: DemoToolResult[] = [];
  for (let index = from; index < messages.length; index++) {
    const message = messages[index]!;
    if (message.role === 'assistant') {
      for (const call of message.tool_calls ?? []) names.set(call.id, call.name);
    } else if (message.role === 'tool') {
      results.push({ tool: names.get(message.tool_call_id) ?? 'a tool', content: message.content });
    }
  }
  return results;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (predicate(items[index]!)) return index;
  return -1;
}

function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function breathe(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    setImmediate(() => (signal.aborted ? reject(abortReason(signal)) : resolve()));
  });
}
