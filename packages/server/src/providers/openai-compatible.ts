import { EventSourceParserStream } from 'eventsource-parser/stream';
import { abortReason } from './abort-reason';
import { openAIChunkSchema } from './openai-chunk-schema';
import { ProviderError } from './provider-error';
import { providerErrorFromStatus } from './provider-error-from-status';
import { ToolCallAssembler } from './tool-call-assembler';
import { toOpenAITool } from './tool-json-schema';
import type { ChatProvider, ProviderChunk, ProviderMessage, ProviderStreamRequest } from './types';

/** Options of {@link createOpenAICompatibleProvider}. */
export interface OpenAICompatibleProviderOptions {
  /** The API root, without `/chat/completions`: `https://api.openai.com/v1`, `https://openrouter.ai/api/v1`, `http://localhost:11434/v1`… */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. Local servers (Ollama, llama.cpp) need none. */
  apiKey?: string;
  /** Extra request headers, e.g. OpenRouter's `HTTP-Referer` and `X-Title`. Sent only if given. */
  headers?: Record<string, string>;
  /** Replaces the global `fetch` (tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /**
   * Longest wait, in milliseconds, for the response headers and then between two pieces of the
   * body; after it the request fails with `provider_timeout`. 0 disables it. Default 120 000.
   */
  timeoutMs?: number;
  /**
   * The request field that carries `maxTokens`. OpenAI's reasoning models only accept
   * `max_completion_tokens`; most other servers only know `max_tokens` (the default).
   */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
}

/** Most of an upstream error body kept for logs (the rest is cut). */
const ERROR_DETAIL_LIMIT = 2_000;

/**
 * A provider for any server that speaks OpenAI's streaming chat-completions API: OpenAI,
 * OpenRouter, Ollama, vLLM, the llama.cpp server… Failures throw {@link ProviderError}.
 *
 * @example
 * ```ts
 * const provider = createOpenAICompatibleProvider({
 *   baseUrl: 'https://openrouter.ai/api/v1',
 *   apiKey: process.env.OPENROUTER_API_KEY,
 *   headers: { 'HTTP-Referer': 'https://example.com', 'X-Title': 'Example' },
 * });
 * for await (const chunk of provider.stream({ model: 'openai/gpt-4o-mini', messages, signal })) …
 * ```
 */
export function createOpenAICompatibleProvider(options: OpenAICompatibleProviderOptions): ChatProvider {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'text/event-stream',
    ...options.headers,
  };
  if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
  const config: StreamConfig = {
    endpoint,
    headers,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 120_000,
    maxTokensField: options.maxTokensField ?? 'max_tokens',
    secret: options.apiKey,
  };
  return {
    name: 'openai-compatible',
    stream: (request) => streamCompletion(config, request),
  };
}

interface StreamConfig {
  endpoint: string;
  headers: Record<string, string>;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  secret: string | undefined;
}

async function* streamCompletion(
  config: StreamConfig,
  request: ProviderStreamRequest,
): AsyncGenerator<ProviderChunk, void, undefined> {
  const outer = request.signal;
  if (outer.aborted) throw abortReason(outer);
  // One controller for the caller's abort and the idle deadline, so fetch and body stop together.
  const controller = new AbortController();
  const onAbort = () => controller.abort(outer.reason);
  outer.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer =
    config.timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, config.timeoutMs)
      : undefined;
  const refreshDeadline = () => timer?.refresh();

  // Turns whatever an await threw into what the caller should see.
  const classify = (error: unknown, phase: 'connect' | 'read'): Error => {
    if (outer.aborted) return abortReason(outer);
    if (timedOut) {
      return new ProviderError('provider_timeout', 'The model provider did not answer in time. Try again.', {
        retryable: true,
        cause: error,
      });
    }
    if (ProviderError.isInstance(error)) return error;
    return phase === 'connect'
      ? new ProviderError('provider_error', 'Could not reach the model provider. Try again.', {
          retryable: true,
          cause: error,
        })
      : new ProviderError('provider_error', "The model provider's answer broke off. Try again.", {
          retryable: true,
          cause: error,
        });
  };

  let reader: ReadableStreamDefaultReader<{ data: string }> | undefined;
  try {
    let response: Response;
    try {
      response = await config.fetch(config.endpoint, {
        method: 'POST',
        headers: config.headers,
        body: JSON.stringify(requestBody(config, request)),
        signal: controller.signal,
      });
    } catch (error) {
      throw classify(error, 'connect');
    }
    if (!response.ok) {
      const detail = await readErrorDetail(response, config.secret);
      throw providerErrorFromStatus(
        response.status,
        response.headers.get('retry-after'),
        new Error(`HTTP ${response.status} from ${config.endpoint}: ${detail}`),
      );
    }
    if (!response.body) {
      throw new ProviderError('provider_error', 'The model provider sent an empty answer. Try again.', {
        status: response.status,
        retryable: true,
      });
    }
    refreshDeadline();
    reader = response.body
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(new EventSourceParserStream({ onComment: refreshDeadline }))
      .getReader();

    const calls = new ToolCallAssembler();
    let finished = false;
    for (;;) {
      let result: ReadableStreamReadResult<{ data: string }>;
      try {
        result = await reader.read();
      } catch (error) {
        throw classify(error, 'read');
      }
      if (result.done) {
        if (finished) return;
        throw new ProviderError('provider_error', "The model provider's answer broke off. Try again.", {
          retryable: true,
        });
      }
      refreshDeadline();
      const data = result.value.data;
      if (data === '[DONE]') {
        if (!finished) {
          // A few servers end with [DONE] and no finish_reason.
          const pending = calls.take();
          for (const call of pending) yield { type: 'tool_call', call };
          yield { type: 'finish', reason: pending.length > 0 ? 'tool_calls' : 'stop' };
        }
        return;
      }
      if (data === '') continue;
      const chunk = parseChunk(data);
      if (chunk.error !== undefined && chunk.error !== null) {
        throw new ProviderError('provider_error', 'The model provider failed while answering. Try again.', {
          retryable: true,
          cause: new Error(`Error inside the stream from ${config.endpoint}: ${redact(data, config.secret)}`),
        });
      }
      if (finished || !chunk.choices) continue;
      for (const choice of chunk.choices) {
        // Only one completion is requested; ignore any other choice a server might add.
        if (choice.index && choice.index > 0) continue;
        const delta = choice.delta;
        if (delta) {
          if (delta.content) yield { type: 'text', text: delta.content };
          if (delta.tool_calls) for (const toolCall of delta.tool_calls) calls.add(toolCall);
        }
        if (choice.finish_reason) {
          for (const call of calls.take()) yield { type: 'tool_call', call };
          yield { type: 'finish', reason: choice.finish_reason };
          // Keep reading to [DONE]: usage chunks and errors may still follow.
          finished = true;
        }
      }
    }
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', onAbort);
    if (reader) {
      // Stops the upstream generation when the caller left early.
      reader.cancel().catch(() => {});
    } else if (!controller.signal.aborted) {
      controller.abort();
    }
  }
}

function requestBody(config: StreamConfig, request: ProviderStreamRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: request.model,
    messages: request.messages.map(toOpenAIMessage),
    stream: true,
  };
  if (request.tools && request.tools.length > 0) body.tools = request.tools.map(toOpenAITool);
  if (request.maxTokens !== undefined) body[config.maxTokensField] = request.maxTokens;
  return body;
}

function toOpenAIMessage(message: ProviderMessage): Record<string, unknown> {
  if (message.role !== 'assistant' || !message.tool_calls || message.tool_calls.length === 0) return message;
  return {
    role: 'assistant',
    // OpenAI wants null rather than "" next to tool calls.
    content: message.content === '' ? null : message.content,
    tool_calls: message.tool_calls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    })),
  };
}

function parseChunk(data: string) {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (error) {
    throw unreadable(error);
  }
  const parsed = openAIChunkSchema.safeParse(json);
  if (!parsed.success) throw unreadable(parsed.error);
  return parsed.data;
}

function unreadable(cause: unknown): ProviderError {
  return new ProviderError('provider_error', 'The model provider sent an answer Parley could not read.', {
    retryable: false,
    cause,
  });
}

/** The start of an error body, for logs only, with the key taken out in case it is echoed. */
async function readErrorDetail(response: Response, secret: string | undefined): Promise<string> {
  try {
    const text = await response.text();
    return redact(text.slice(0, ERROR_DETAIL_LIMIT), secret);
  } catch {
    return '(unreadable body)';
  }
}

function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}
