import type { ProviderToolCall } from '../providers/types';
import { ToolError } from '../tools/tool-error';
import type { ToolContext, ToolDefinition } from '../tools/types';
import type { ToolCallRecord } from './types';

/** The outcome of one tool call: its final record and the tool message content for the model. */
export interface ToolCallOutcome {
  record: ToolCallRecord;
  content: string;
}

/** Longest error text handed back to the model. */
const ERROR_LIMIT = 300;

/**
 * How long a stopped turn waits for a tool to honour its abort signal. A tool that ignores it
 * is abandoned after this (its promise is left to settle unheard), and its call saved `failed`.
 */
export const TOOL_ABORT_GRACE_MS = 250;

/** The model's arguments, parsed: `{}` when empty, the raw string when not JSON. */
export function parseToolArguments(
  text: string,
): { ok: true; value: unknown } | { ok: false; value: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: text };
  }
}

/**
 * Validates and runs one tool call. Never throws for a tool's own failure: an unknown tool,
 * invalid arguments or a throwing tool give a `failed` record whose output the model reads.
 * `onError` receives the errors hidden behind a generic message (for logs).
 */
export async function runToolCall(
  call: ProviderToolCall,
  tool: ToolDefinition | undefined,
  context: ToolContext,
  onError?: (error: unknown) => void,
): Promise<ToolCallOutcome> {
  const base = { call_id: call.id, tool: call.name };
  const parsed = parseToolArguments(call.arguments);
  const fail = (message: string): ToolCallOutcome => {
    const output = {
      error: message.length > ERROR_LIMIT ? `${message.slice(0, ERROR_LIMIT - 1)}…` : message,
    };
    return {
      record: { ...base, status: 'failed', input: parsed.value, output },
      content: JSON.stringify(output),
    };
  };

  if (!tool) return fail(`There is no tool named "${call.name}".`);
  if (!parsed.ok) return fail('The arguments are not valid JSON.');
  const validated = tool.input.safeParse(parsed.value);
  if (!validated.success) {
    const problems = validated.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`)
      .join('; ');
    return fail(`Invalid arguments. ${problems}`);
  }

  let output: unknown;
  try {
    output = await abandonOnAbort(Promise.resolve(tool.run(validated.data, context)), context.signal);
  } catch (error) {
    if (context.signal.aborted) throw error;
    if (error instanceof ToolError) return fail(error.message);
    onError?.(error);
    return fail('The tool failed.');
  }

  let content: string | undefined;
  try {
    content = typeof output === 'string' ? output : JSON.stringify(output);
  } catch (error) {
    onError?.(error);
    return fail('The tool returned a value that is not JSON.');
  }
  const record: ToolCallRecord = { ...base, status: 'finished', input: parsed.value };
  if (output !== undefined) record.output = output;
  return { record, content: content ?? 'null' };
}

/** `work`, or its signal's reason once the signal has been aborted for {@link TOOL_ABORT_GRACE_MS}. */
function abandonOnAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let grace: NodeJS.Timeout | undefined;
    const onAbort = () => {
      grace = setTimeout(() => reject(signal.reason), TOOL_ABORT_GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(grace);
      signal.removeEventListener('abort', onAbort);
    });
  });
}
