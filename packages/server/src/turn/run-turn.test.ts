import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { ModelConfig } from '../models/types';
import { createOpenAICompatibleProvider } from '../providers/openai-compatible';
import { ProviderError } from '../providers/provider-error';
import type { ChatProvider, ProviderChunk, ProviderMessage, ProviderStreamRequest } from '../providers/types';
import {
  type FakeOpenAIServer,
  type FakeResponse,
  startFakeOpenAIServer,
  textResponse,
  toolCallResponse,
} from '../test-support/fake-openai-server';
import { defineTool } from '../tools/define-tool';
import { createGetModelInfoTool } from '../tools/get-model-info';
import { ToolError } from '../tools/tool-error';
import { type RunTurnOptions, runTurn } from './run-turn';
import { TurnAbortedError } from './turn-aborted-error';
import { TurnFailedError } from './turn-failed-error';
import type { ToolCallRecord } from './types';

const modelOne: ModelConfig = { id: 'm1', name: 'Model One', description: 'The first model.' };
const getModelInfo = createGetModelInfoTool((id) => (id === 'm1' ? modelOne : undefined));
const userMessages: ProviderMessage[] = [
  { role: 'system', content: 'You are Model One.' },
  { role: 'user', content: 'Which model are you?' },
];

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function fakeProvider(script: FakeResponse[] | ((body: { tools?: unknown }) => FakeResponse)) {
  server = await startFakeOpenAIServer(Array.isArray(script) ? script : (request) => script(request.body));
  return {
    server,
    provider: createOpenAICompatibleProvider({ baseUrl: server.baseUrl, apiKey: 'test-key' }),
  };
}

/** Runs a turn, recording what the callbacks received. */
async function run(options: Partial<RunTurnOptions> & Pick<RunTurnOptions, 'provider'>) {
  const deltas: string[] = [];
  const events: ToolCallRecord[] = [];
  const promise = runTurn({
    model: 'test/model',
    messages: userMessages,
    toolContext: { userId: 'u1', sessionId: 's1', modelId: 'm1' },
    signal: new AbortController().signal,
    onText: (text) => deltas.push(text),
    onTool: (event) => events.push(event),
    ...options,
  });
  const outcome = await promise.then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
  return { ...outcome, deltas, events };
}

/** An in-memory provider that answers each completion with the next script entry. */
function scriptedProvider(rounds: ((request: ProviderStreamRequest) => ProviderChunk[])[]) {
  const requests: ProviderStreamRequest[] = [];
  const provider: ChatProvider = {
    name: 'scripted',
    async *stream(request) {
      requests.push({ ...request, messages: [...request.messages] });
      const round = rounds[Math.min(requests.length - 1, rounds.length - 1)]!;
      for (const chunk of round(request)) yield chunk;
    },
  };
  return { provider, requests };
}

describe('runTurn', () => {
  it('runs the full tool loop over HTTP: the model calls get_model_info, then answers', async () => {
    const { provider, server } = await fakeProvider([
      toolCallResponse([{ id: 'call_1', name: 'get_model_info', arguments: '{}' }], {
        text: 'Let me check.',
      }),
      textResponse('I am **Model One**.'),
    ]);
    const messages = [...userMessages];
    const { result, error, deltas, events } = await run({ provider, messages, tools: [getModelInfo] });

    expect(error).toBeUndefined();
    expect(result!.text).toBe('Let me check.\n\nI am **Model One**.');
    expect(deltas.join('')).toBe(result!.text);
    expect(result!.finishReason).toBe('stop');
    const finished = {
      call_id: 'call_1',
      tool: 'get_model_info',
      status: 'finished',
      input: {},
      output: { id: 'm1', name: 'Model One', description: 'The first model.' },
    };
    expect(events).toEqual([
      { call_id: 'call_1', tool: 'get_model_info', status: 'started', input: {} },
      finished,
    ]);
    expect(result!.toolCalls).toEqual([finished]);

    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.body.tools[0].function.name).toBe('get_model_info');
    expect(server.requests[1]!.body.messages).toEqual([
      ...userMessages,
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_model_info', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: JSON.stringify(finished.output) },
    ]);
    // The caller's array is left alone.
    expect(messages).toEqual(userMessages);
  });

  it('runs parallel tool calls and returns their results in call order', async () => {
    const { provider, server } = await fakeProvider([
      toolCallResponse([
        { id: 'call_a', name: 'get_model_info', arguments: '{"model_id":"m1"}' },
        { id: 'call_b', name: 'get_model_info', arguments: '{"model_id":"nope"}' },
      ]),
      textResponse('Done.'),
    ]);
    const { result } = await run({ provider, tools: [getModelInfo] });

    expect(result!.toolCalls.map((call) => [call.call_id, call.status])).toEqual([
      ['call_a', 'finished'],
      ['call_b', 'failed'],
    ]);
    expect(result!.toolCalls[1]!.output).toEqual({ error: 'There is no model "nope".' });
    const toolMessages = server.requests[1]!.body.messages.filter(
      (message: ProviderMessage) => message.role === 'tool',
    );
    expect(toolMessages.map((message: { tool_call_id: string }) => message.tool_call_id)).toEqual([
      'call_a',
      'call_b',
    ]);
  });

  it('feeds invalid tool input back as a failed call without running the tool', async () => {
    const runSpy = vi.fn(() => 'ran');
    const echo = defineTool({
      name: 'echo',
      description: 'Echoes.',
      input: z.object({ text: z.string() }),
      run: runSpy,
    });
    const { provider, server } = await fakeProvider([
      toolCallResponse([{ id: 'call_1', name: 'echo', arguments: '{"text": 42}' }]),
      toolCallResponse([{ id: 'call_2', name: 'echo', arguments: '{"text": ' }]),
      textResponse('Sorry.'),
    ]);
    const { result, events } = await run({ provider, tools: [echo] });

    expect(runSpy).not.toHaveBeenCalled();
    expect(events.map((event) => event.status)).toEqual(['started', 'failed', 'started', 'failed']);
    const [invalid, malformed] = result!.toolCalls;
    expect(invalid).toMatchObject({ status: 'failed', input: { text: 42 } });
    expect((invalid!.output as { error: string }).error).toMatch(/^Invalid arguments\. text: /);
    expect(malformed).toMatchObject({ status: 'failed', input: '{"text": ' });
    expect(malformed!.output).toEqual({ error: 'The arguments are not valid JSON.' });
    const fedBack = server.requests[1]!.body.messages.at(-1);
    expect(fedBack.role).toBe('tool');
    expect(JSON.parse(fedBack.content).error).toMatch(/^Invalid arguments/);
    expect(result!.text).toBe('Sorry.');
  });

  it('reports a throwing tool as failed, hiding its error unless it is a ToolError', async () => {
    const secretFailure = new Error('connection to db-7 with password hunter2 refused');
    const broken = defineTool({
      name: 'broken',
      description: 'Fails.',
      input: z.object({}),
      run: () => {
        throw secretFailure;
      },
    });
    const picky = defineTool({
      name: 'picky',
      description: 'Refuses.',
      input: z.object({}),
      run: async () => {
        throw new ToolError('Nothing to pick.');
      },
    });
    const onToolError = vi.fn();
    const { provider, server } = await fakeProvider([
      toolCallResponse([
        { id: 'call_1', name: 'broken', arguments: '{}' },
        { id: 'call_2', name: 'picky', arguments: '' },
      ]),
      textResponse('Both failed.'),
    ]);
    const { result } = await run({ provider, tools: [broken, picky], onToolError });

    expect(result!.toolCalls).toEqual([
      {
        call_id: 'call_1',
        tool: 'broken',
        status: 'failed',
        input: {},
        output: { error: 'The tool failed.' },
      },
      {
        call_id: 'call_2',
        tool: 'picky',
        status: 'failed',
        input: {},
        output: { error: 'Nothing to pick.' },
      },
    ]);
    expect(onToolError).toHaveBeenCalledTimes(1);
    expect(onToolError.mock.calls[0]![0]).toBe(secretFailure);
    expect(server.requests[1]!.rawBody).not.toContain('hunter2');
    expect(result!.text).toBe('Both failed.');
  });

  it('reports an unknown tool as failed and lets the model go on', async () => {
    const { provider, server } = await fakeProvider([
      toolCallResponse([{ id: 'call_1', name: 'delete_everything', arguments: '{}' }]),
      textResponse('I cannot do that.'),
    ]);
    const { result, events } = await run({ provider, tools: [getModelInfo] });

    expect(events.at(-1)).toEqual({
      call_id: 'call_1',
      tool: 'delete_everything',
      status: 'failed',
      input: {},
      output: { error: 'There is no tool named "delete_everything".' },
    });
    expect(server.requests[1]!.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: '{"error":"There is no tool named \\"delete_everything\\"."}',
    });
    expect(result!.text).toBe('I cannot do that.');
  });

  it('stops offering tools after maxToolRounds and asks for a final answer', async () => {
    let count = 0;
    const { provider, server } = await fakeProvider((body) =>
      body.tools
        ? toolCallResponse([{ id: `call_${++count}`, name: 'get_model_info', arguments: '{}' }])
        : textResponse('Final answer.'),
    );
    const { result } = await run({ provider, tools: [getModelInfo], maxToolRounds: 2 });

    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((request) => request.body.tools === undefined)).toEqual([false, false, true]);
    expect(result!.toolCalls.map((call) => call.call_id)).toEqual(['call_1', 'call_2']);
    expect(result!.text).toBe('Final answer.');
    expect(result!.finishReason).toBe('stop');
  });

  it('ends with finish_reason tool_limit when the model still calls tools after the limit', async () => {
    const { provider, requests } = scriptedProvider([
      () => [
        { type: 'tool_call', call: { id: `call_${Math.random()}`, name: 'get_model_info', arguments: '{}' } },
        { type: 'finish', reason: 'tool_calls' },
      ],
    ]);
    const { result } = await run({ provider, tools: [getModelInfo], maxToolRounds: 1 });

    expect(requests).toHaveLength(2);
    expect(requests[1]!.tools).toBeUndefined();
    expect(result!.finishReason).toBe('tool_limit');
    expect(result!.toolCalls).toHaveLength(1);
  });

  it('on abort, rejects with TurnAbortedError carrying the text streamed so far', async () => {
    const words = Array.from({ length: 40 }, (_, index) => ` word${index}`);
    const { provider, server } = await fakeProvider([{ kind: 'stream', chunks: words, delayMs: 15 }]);
    const controller = new AbortController();
    const deltas: string[] = [];
    const { error } = await run({
      provider,
      signal: controller.signal,
      onText: (text) => {
        deltas.push(text);
        if (deltas.length === 3) controller.abort();
      },
    });

    expect(error).toBeInstanceOf(TurnAbortedError);
    const partial = (error as TurnAbortedError).partial;
    expect(partial.text).toBe(' word0 word1 word2');
    expect(partial.text).toBe(deltas.join(''));
    expect((error as Error).name).toBe('AbortError');
    expect(await server.requests[0]!.closed).toBe('cut');
  });

  it('on abort during a tool, reports the running call as failed', async () => {
    const controller = new AbortController();
    const slow = defineTool({
      name: 'slow',
      description: 'Waits for its signal.',
      input: z.object({}),
      run: (_input, { signal }) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    });
    const { provider } = await fakeProvider([
      toolCallResponse([{ id: 'call_1', name: 'slow', arguments: '{}' }], { text: 'Working.' }),
    ]);
    const events: ToolCallRecord[] = [];
    const { error } = await run({
      provider,
      tools: [slow],
      signal: controller.signal,
      onTool: (event) => {
        events.push(event);
        if (event.status === 'started') setTimeout(() => controller.abort(), 10);
      },
    });

    expect(error).toBeInstanceOf(TurnAbortedError);
    const partial = (error as TurnAbortedError).partial;
    expect(partial.text).toBe('Working.');
    expect(partial.toolCalls).toEqual([
      {
        call_id: 'call_1',
        tool: 'slow',
        status: 'failed',
        input: {},
        output: { error: 'The answer was stopped.' },
      },
    ]);
    expect(events.map((event) => event.status)).toEqual(['started', 'failed']);
  });

  it('on a provider failure mid-answer, rejects with TurnFailedError carrying the partial text', async () => {
    const { provider } = await fakeProvider([
      toolCallResponse([{ id: 'call_1', name: 'get_model_info', arguments: '{}' }]),
      { kind: 'stream', chunks: ['I', ' am', ' Model', ' One', { finish: 'stop' }], dropAfter: 3 },
    ]);
    const { error, deltas } = await run({ provider, tools: [getModelInfo] });

    expect(error).toBeInstanceOf(TurnFailedError);
    const failure = error as TurnFailedError;
    expect(failure.partial.text).toBe('I am Model');
    expect(deltas.join('')).toBe('I am Model');
    expect(failure.partial.toolCalls).toMatchObject([{ call_id: 'call_1', status: 'finished' }]);
    expect(ProviderError.isInstance(failure.cause)).toBe(true);
    expect(failure.code).toBe('provider_error');
    expect(failure.retryable).toBe(true);
    expect(failure.message).toBe((failure.cause as Error).message);
  });

  it('wraps a failure that is not the provider as internal_error, with a generic message', async () => {
    const { provider } = scriptedProvider([
      () => {
        throw new TypeError('undefined is not a function at secret.ts:12');
      },
    ]);
    const { error } = await run({ provider });

    expect(error).toBeInstanceOf(TurnFailedError);
    expect(error).toMatchObject({ code: 'internal_error', retryable: false });
    expect((error as Error).message).not.toContain('secret');
    expect((error as TurnFailedError).partial).toEqual({ text: '', toolCalls: [] });
  });

  it('offers no tools when there are none and passes maxTokens through', async () => {
    const { provider, requests } = scriptedProvider([
      () => [
        { type: 'text', text: 'Plain' },
        { type: 'text', text: ' answer.' },
        { type: 'finish', reason: 'length' },
      ],
    ]);
    const { result, deltas } = await run({ provider, maxTokens: 99 });

    expect(requests[0]!.tools).toBeUndefined();
    expect(requests[0]!.maxTokens).toBe(99);
    expect(deltas).toEqual(['Plain', ' answer.']);
    expect(result).toEqual({ text: 'Plain answer.', toolCalls: [], finishReason: 'length' });
  });
});
