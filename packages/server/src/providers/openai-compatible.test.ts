import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type FakeOpenAIServer,
  startFakeOpenAIServer,
  textResponse,
  toolCallChunks,
  toolCallResponse,
} from '../test-support/fake-openai-server';
import { defineTool } from '../tools/define-tool';
import { createOpenAICompatibleProvider, type OpenAICompatibleProviderOptions } from './openai-compatible';
import { ProviderError } from './provider-error';
import type { ProviderChunk, ProviderMessage, ProviderStreamRequest } from './types';

const KEY = 'sk-test-5f2c9a1e7b';
const messages: ProviderMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Say hello.' },
];

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(...script: Parameters<typeof startFakeOpenAIServer>) {
  server = await startFakeOpenAIServer(...script);
  return server;
}

function providerFor(target: FakeOpenAIServer, options: Partial<OpenAICompatibleProviderOptions> = {}) {
  return createOpenAICompatibleProvider({ baseUrl: target.baseUrl, apiKey: KEY, ...options });
}

async function collect(
  iterable: AsyncIterable<ProviderChunk>,
): Promise<{ chunks: ProviderChunk[]; error: unknown; text: string }> {
  const chunks: ProviderChunk[] = [];
  let error: unknown;
  try {
    for await (const chunk of iterable) chunks.push(chunk);
  } catch (caught) {
    error = caught;
  }
  const text = chunks.map((chunk) => (chunk.type === 'text' ? chunk.text : '')).join('');
  return { chunks, error, text };
}

function request(overrides: Partial<ProviderStreamRequest> = {}): ProviderStreamRequest {
  return { model: 'test/model', messages, signal: new AbortController().signal, ...overrides };
}

const lookup = defineTool({
  name: 'lookup',
  description: 'Looks a word up.',
  input: z.object({ word: z.string(), limit: z.number().int().optional() }),
  run: ({ word }) => word,
});

describe('createOpenAICompatibleProvider', () => {
  it('streams text deltas and the finish reason, sending a chat-completions request', async () => {
    const target = await start([
      {
        kind: 'stream',
        chunks: [{ comment: 'OPENROUTER PROCESSING' }, 'Hello', ' there,', ' world!', { finish: 'stop' }],
      },
    ]);
    const { chunks, error } = await collect(providerFor(target).stream(request({ maxTokens: 50 })));

    expect(error).toBeUndefined();
    expect(await target.requests[0]!.closed).toBe('finished');
    expect(chunks).toEqual([
      { type: 'text', text: 'Hello' },
      { type: 'text', text: ' there,' },
      { type: 'text', text: ' world!' },
      { type: 'finish', reason: 'stop' },
    ]);
    const received = target.requests[0]!;
    expect(received.method).toBe('POST');
    expect(received.path).toBe('/v1/chat/completions');
    expect(received.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['http-referer']).toBeUndefined();
    expect(received.headers['x-title']).toBeUndefined();
    expect(received.body).toEqual({ model: 'test/model', messages, stream: true, max_tokens: 50 });
  });

  it('sends extra headers, and no Authorization without a key', async () => {
    const target = await start([textResponse('Hi.')]);
    const provider = createOpenAICompatibleProvider({
      baseUrl: `${target.baseUrl}/`,
      headers: { 'HTTP-Referer': 'https://example.com', 'X-Title': 'Example' },
    });
    const { text } = await collect(provider.stream(request()));

    expect(text).toBe('Hi.');
    expect(target.requests[0]!.path).toBe('/v1/chat/completions');
    expect(target.requests[0]!.headers.authorization).toBeUndefined();
    expect(target.requests[0]!.headers['http-referer']).toBe('https://example.com');
    expect(target.requests[0]!.headers['x-title']).toBe('Example');
  });

  it('describes tools with the JSON schema of their zod input', async () => {
    const target = await start([textResponse('ok')]);
    await collect(providerFor(target).stream(request({ tools: [lookup] })));

    const [tool] = target.requests[0]!.body.tools;
    expect(tool.type).toBe('function');
    expect(tool.function.name).toBe('lookup');
    expect(tool.function.description).toBe('Looks a word up.');
    expect(tool.function.parameters).toMatchObject({
      type: 'object',
      properties: { word: { type: 'string' }, limit: { type: 'integer' } },
      required: ['word'],
    });
    expect(tool.function.parameters.$schema).toBeUndefined();
  });

  it('assembles a tool call whose arguments are split across many chunks', async () => {
    const argumentsText = '{"word":"parley","limit":3}';
    const target = await start([
      {
        kind: 'stream',
        chunks: [
          ...toolCallChunks({ id: 'call_a', name: 'lookup', arguments: argumentsText, pieces: 9 }),
          { finish: 'tool_calls' },
        ],
      },
    ]);
    const { chunks, error } = await collect(providerFor(target).stream(request({ tools: [lookup] })));

    expect(error).toBeUndefined();
    expect(chunks).toEqual([
      { type: 'tool_call', call: { id: 'call_a', name: 'lookup', arguments: argumentsText } },
      { type: 'finish', reason: 'tool_calls' },
    ]);
  });

  it('assembles two parallel tool calls told apart by index', async () => {
    const target = await start([
      toolCallResponse(
        [
          { id: 'call_1', name: 'lookup', arguments: '{"word":"first"}' },
          { id: 'call_2', name: 'lookup', arguments: '{"word":"second","limit":2}' },
        ],
        { text: 'Looking both up.' },
      ),
    ]);
    const { chunks, text } = await collect(providerFor(target).stream(request({ tools: [lookup] })));

    expect(text).toBe('Looking both up.');
    expect(chunks.filter((chunk) => chunk.type !== 'text')).toEqual([
      { type: 'tool_call', call: { id: 'call_1', name: 'lookup', arguments: '{"word":"first"}' } },
      { type: 'tool_call', call: { id: 'call_2', name: 'lookup', arguments: '{"word":"second","limit":2}' } },
      { type: 'finish', reason: 'tool_calls' },
    ]);
  });

  it('sends earlier tool calls and results in the OpenAI shape', async () => {
    const target = await start([textResponse('Done.')]);
    await collect(
      providerFor(target).stream(
        request({
          messages: [
            { role: 'user', content: 'Look it up.' },
            {
              role: 'assistant',
              content: '',
              tool_calls: [{ id: 'call_1', name: 'lookup', arguments: '{}' }],
            },
            { role: 'tool', tool_call_id: 'call_1', content: '"found"' },
          ],
        }),
      ),
    );

    expect(target.requests[0]!.body.messages).toEqual([
      { role: 'user', content: 'Look it up.' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '"found"' },
    ]);
  });

  it('stops at [DONE] and ignores anything after it', async () => {
    const target = await start([
      { kind: 'stream', chunks: ['Before', { finish: 'stop' }, { data: '[DONE]' }, 'After'], noDone: true },
    ]);
    const { chunks, error } = await collect(providerFor(target).stream(request()));

    expect(error).toBeUndefined();
    expect(chunks).toEqual([
      { type: 'text', text: 'Before' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('finishes with "stop" when a server sends [DONE] without a finish reason', async () => {
    const target = await start([{ kind: 'stream', chunks: ['Only', ' text'] }]);
    const { chunks, error } = await collect(providerFor(target).stream(request()));

    expect(error).toBeUndefined();
    expect(chunks.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('accepts a stream that finished but closed without [DONE]', async () => {
    const target = await start([
      { kind: 'stream', chunks: ['Complete.', { finish: 'length' }], noDone: true },
    ]);
    const { chunks, error } = await collect(providerFor(target).stream(request()));

    expect(error).toBeUndefined();
    expect(chunks).toEqual([
      { type: 'text', text: 'Complete.' },
      { type: 'finish', reason: 'length' },
    ]);
  });

  it('fails retryably when the stream ends without [DONE] or a finish reason', async () => {
    const target = await start([{ kind: 'stream', chunks: ['Half an'], noDone: true }]);
    const { text, error } = await collect(providerFor(target).stream(request()));

    expect(text).toBe('Half an');
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_error', retryable: true });
  });

  it('fails retryably on an error object inside the stream, without repeating it', async () => {
    const target = await start([
      {
        kind: 'stream',
        chunks: ['One', ' two', ' three'],
        errorAfter: 2,
        error: { message: 'Internal upstream detail 7731', code: 502 },
      },
    ]);
    const { text, error } = await collect(providerFor(target).stream(request()));

    expect(text).toBe('One two');
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'provider_error', retryable: true });
    expect((error as Error).message).not.toContain('7731');
    expect(String((error as Error).cause)).toContain('7731');
  });

  it('fails retryably when the connection drops mid-stream', async () => {
    const target = await start([
      { kind: 'stream', chunks: ['A', ' B', ' C', ' D', { finish: 'stop' }], dropAfter: 3 },
    ]);
    const { text, chunks, error } = await collect(providerFor(target).stream(request()));

    expect(text).toBe('A B C');
    expect(chunks.some((chunk) => chunk.type === 'finish')).toBe(false);
    expect(error).toMatchObject({ code: 'provider_error', retryable: true });
  });

  it('maps 429 to a retryable provider_rate_limited with Retry-After', async () => {
    const target = await start([{ kind: 'status', status: 429, headers: { 'Retry-After': '7' } }]);
    const { chunks, error } = await collect(providerFor(target).stream(request()));

    expect(chunks).toEqual([]);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      code: 'provider_rate_limited',
      status: 429,
      retryable: true,
      retryAfterSeconds: 7,
    });
    expect((error as Error).message).toContain('7 s');
  });

  it('maps 500 to a retryable provider_error that hides the body', async () => {
    const target = await start([
      { kind: 'status', status: 500, body: { error: { message: 'stack trace at db-17.internal' } } },
    ]);
    const { error } = await collect(providerFor(target).stream(request()));

    expect(error).toMatchObject({ code: 'provider_error', status: 500, retryable: true });
    expect((error as Error).message).not.toContain('db-17');
  });

  it('maps other 4xx to a provider_error that is not retryable', async () => {
    const target = await start([{ kind: 'status', status: 400, body: 'model not found' }]);
    const { error } = await collect(providerFor(target).stream(request()));

    expect(error).toMatchObject({ code: 'provider_error', status: 400, retryable: false });
  });

  it('maps 401 to provider_auth and never shows the key, even when the body echoes it', async () => {
    const target = await start([
      { kind: 'status', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } },
    ]);
    const { error } = await collect(providerFor(target).stream(request()));

    expect(target.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(error).toMatchObject({ code: 'provider_auth', status: 401, retryable: false });
    const cause = (error as Error).cause;
    expect(String(cause)).toContain('Incorrect API key');
    for (const text of [(error as Error).message, String(error), JSON.stringify(error), String(cause)]) {
      expect(text).not.toContain(KEY);
    }
  });

  it('maps 403 to provider_auth', async () => {
    const target = await start([{ kind: 'status', status: 403 }]);
    const { error } = await collect(providerFor(target).stream(request()));

    expect(error).toMatchObject({ code: 'provider_auth', status: 403, retryable: false });
  });

  it('fails retryably when the server cannot be reached', async () => {
    const target = await start();
    const baseUrl = target.baseUrl;
    await target.close();
    server = undefined;
    const provider = createOpenAICompatibleProvider({ baseUrl, apiKey: KEY });
    const { error } = await collect(provider.stream(request()));

    expect(error).toMatchObject({ code: 'provider_error', retryable: true });
    expect(String(error)).not.toContain(KEY);
  });

  it('refuses a chunk that is not JSON', async () => {
    const target = await start([{ kind: 'stream', chunks: ['Fine', { data: '{"choices": [' }] }]);
    const { text, error } = await collect(providerFor(target).stream(request()));

    expect(text).toBe('Fine');
    expect(error).toMatchObject({ code: 'provider_error', retryable: false });
  });

  it('refuses a chunk of the wrong shape', async () => {
    const target = await start([
      { kind: 'stream', chunks: [{ data: '{"choices": [{"delta": {"content": 42}}]}' }] },
    ]);
    const { error } = await collect(providerFor(target).stream(request()));

    expect(error).toMatchObject({ code: 'provider_error' });
  });

  it('stops promptly when aborted mid-stream and closes the upstream connection', async () => {
    const target = await start([
      {
        kind: 'stream',
        chunks: ['First', ' second', ' third', ' fourth', { finish: 'stop' }],
        stallAfter: 2,
      },
    ]);
    const controller = new AbortController();
    const received: string[] = [];
    let error: unknown;
    try {
      for await (const chunk of providerFor(target).stream(request({ signal: controller.signal }))) {
        if (chunk.type === 'text') received.push(chunk.text);
        if (received.length === 2) {
          // The server now stalls: only the abort can end the iteration.
          setTimeout(() => controller.abort(), 20);
        }
      }
    } catch (caught) {
      error = caught;
    }

    expect(await target.requests[0]!.closed).toBe('cut');
    expect(received).toEqual(['First', ' second']);
    expect((error as Error).name).toBe('AbortError');
    expect(ProviderError.isInstance(error)).toBe(false);
  });

  it('stops when the consumer leaves early', async () => {
    const target = await start([{ kind: 'stream', chunks: ['a', ' b', ' c', ' d', ' e'], delayMs: 20 }]);
    const received: string[] = [];
    for await (const chunk of providerFor(target).stream(request())) {
      if (chunk.type === 'text') received.push(chunk.text);
      if (received.length === 2) break;
    }
    expect(received).toEqual(['a', ' b']);
    expect(await target.requests[0]!.closed).toBe('cut');
  });

  it('does not send a request when the signal is already aborted', async () => {
    const target = await start([textResponse('never')]);
    const controller = new AbortController();
    controller.abort();
    const { chunks, error } = await collect(
      providerFor(target).stream(request({ signal: controller.signal })),
    );

    expect(chunks).toEqual([]);
    expect((error as Error).name).toBe('AbortError');
    expect(target.requests).toHaveLength(0);
  });

  it('times out with provider_timeout when the stream goes quiet', async () => {
    const target = await start([{ kind: 'stream', chunks: ['Starting', ' …'], stallAfter: 1 }]);
    const { text, error } = await collect(providerFor(target, { timeoutMs: 200 }).stream(request()));

    expect(text).toBe('Starting');
    expect(error).toMatchObject({ code: 'provider_timeout', retryable: true });
  });
});
