import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatTitleRequest, TITLE_SYSTEM_PROMPT } from '../title/title-prompt';
import { defineTool } from '../tools/define-tool';
import { createDemoProvider } from './demo';
import type { ProviderChunk, ProviderMessage, ProviderStreamRequest } from './types';

const getModelInfo = defineTool({
  name: 'get_model_info',
  description: 'Model info.',
  input: z.object({ model_id: z.string().optional() }),
  run: () => ({ id: 'm1', name: 'Model One', description: 'The first model.' }),
});
const search = defineTool({
  name: 'search',
  description: 'Searches.',
  input: z.object({ query: z.string().optional() }),
  run: () => [],
});

function request(messages: ProviderMessage[], overrides: Partial<ProviderStreamRequest> = {}) {
  return { model: 'demo', messages, signal: new AbortController().signal, ...overrides };
}

async function collect(iterable: AsyncIterable<ProviderChunk>) {
  const chunks: ProviderChunk[] = [];
  for await (const chunk of iterable) chunks.push(chunk);
  const texts = chunks.flatMap((chunk) => (chunk.type === 'text' ? [chunk.text] : []));
  return { chunks, texts, text: texts.join('') };
}

describe('createDemoProvider', () => {
  it('streams a labelled markdown answer, word by word, that quotes the user', async () => {
    const provider = createDemoProvider({ delayMs: 0 });
    const userMessage = 'How do closures work in JavaScript?';
    const { chunks, texts, text } = await collect(
      provider.stream(
        request([
          { role: 'system', content: 'You are helpful.' },
          { role: 'user', content: 'An earlier question' },
          { role: 'assistant', content: 'An earlier answer' },
          { role: 'user', content: userMessage },
        ]),
      ),
    );

    expect(provider.name).toBe('demo');
    expect(text).toContain("Parley's built-in demo model");
    expect(text).toContain(`> ${userMessage}`);
    expect(text).not.toContain('An earlier question');
    expect(text).toMatch(/^### /m);
    expect(text).toMatch(/\*\*[^*]+\*\*/);
    expect(text).toMatch(/^- /m);
    expect(text).toMatch(/^\| Words \| 6 \|$/m);
    expect(text).toContain('```js\n');
    expect(text).toContain(JSON.stringify(userMessage));
    // Word-sized tokens: many of them, none with two words.
    expect(texts.length).toBeGreaterThan(50);
    for (const token of texts) expect(token.trim()).not.toMatch(/\s/);
    expect(chunks.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(chunks.some((chunk) => chunk.type === 'tool_call')).toBe(false);
  });

  it('calls get_model_info first when tools are offered, then answers with its result', async () => {
    const provider = createDemoProvider({ delayMs: 0 });
    const user: ProviderMessage = { role: 'user', content: 'Which model is this?' };
    const first = await collect(provider.stream(request([user], { tools: [search, getModelInfo] })));

    const call = first.chunks.find((chunk) => chunk.type === 'tool_call');
    expect(call).toMatchObject({ type: 'tool_call', call: { name: 'get_model_info', arguments: '{}' } });
    expect(first.chunks.at(-1)).toEqual({ type: 'finish', reason: 'tool_calls' });
    expect(first.text).toContain('get_model_info');
    expect(first.text).not.toContain('Model One');

    const id = call?.type === 'tool_call' ? call.call.id : '';
    const second = await collect(
      provider.stream(
        request(
          [
            user,
            {
              role: 'assistant',
              content: first.text,
              tool_calls: [{ id, name: 'get_model_info', arguments: '{}' }],
            },
            {
              role: 'tool',
              tool_call_id: id,
              content: JSON.stringify({ id: 'm1', name: 'Model One', description: 'The first model.' }),
            },
          ],
          { tools: [search, getModelInfo] },
        ),
      ),
    );

    expect(second.chunks.some((chunk) => chunk.type === 'tool_call')).toBe(false);
    expect(second.chunks.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(second.text).toContain('### From `get_model_info`');
    expect(second.text).toContain('| name | Model One |');
    expect(second.text).toContain('| description | The first model. |');
    expect(second.text).toContain('> Which model is this?');
  });

  it('calls the first tool when get_model_info is not offered, with a new id each time', async () => {
    const provider = createDemoProvider({ delayMs: 0 });
    const ids: string[] = [];
    for (let round = 0; round < 2; round++) {
      const { chunks } = await collect(
        provider.stream(request([{ role: 'user', content: 'Hi' }], { tools: [search] })),
      );
      const call = chunks.find((chunk) => chunk.type === 'tool_call');
      expect(call).toMatchObject({ call: { name: 'search' } });
      if (call?.type === 'tool_call') ids.push(call.call.id);
    }
    expect(new Set(ids).size).toBe(2);
  });

  it('answers a title request with a title from the user message', async () => {
    const provider = createDemoProvider({ delayMs: 0 });
    const { text, chunks } = await collect(
      provider.stream(
        request([
          { role: 'system', content: TITLE_SYSTEM_PROMPT },
          {
            role: 'user',
            content: formatTitleRequest('Hi! Can you explain closures in JavaScript to me?', 'Sure…'),
          },
        ]),
      ),
    );

    expect(text).toBe('Can you explain closures in JavaScript');
    expect(chunks.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('stops at once when aborted between words', async () => {
    const provider = createDemoProvider({ delayMs: 10_000 });
    const controller = new AbortController();
    const received: string[] = [];
    let error: unknown;
    try {
      for await (const chunk of provider.stream(
        request([{ role: 'user', content: 'Tell me a story' }], { signal: controller.signal }),
      )) {
        if (chunk.type === 'text') received.push(chunk.text);
        setTimeout(() => controller.abort(), 10);
      }
    } catch (caught) {
      error = caught;
    }

    expect(received).toHaveLength(1);
    expect((error as Error).name).toBe('AbortError');
  });

  it('stops when aborted while streaming at full speed', async () => {
    const provider = createDemoProvider({ delayMs: 0 });
    const controller = new AbortController();
    let count = 0;
    await expect(
      (async () => {
        for await (const _chunk of provider.stream(
          request([{ role: 'user', content: 'Go' }], { signal: controller.signal }),
        )) {
          count++;
          if (count === 5) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(count).toBe(5);
  });

  it('with no delay finishes fast and still lets the event loop run', async () => {
    const provider = createDemoProvider({ delayMs: 0 });
    let finished = false;
    let ticks = 0;
    const tick = () => {
      ticks++;
      if (!finished) setImmediate(tick);
    };
    setImmediate(tick);
    const { texts } = await collect(provider.stream(request([{ role: 'user', content: 'Quick one' }])));
    finished = true;

    expect(texts.length).toBeGreaterThan(64);
    expect(ticks).toBeGreaterThanOrEqual(2);
  });

  it('waits delayMs between words', async () => {
    const provider = createDemoProvider({ delayMs: 3 });
    const started = performance.now();
    const { texts } = await collect(provider.stream(request([{ role: 'user', content: 'Slowly' }])));

    expect(performance.now() - started).toBeGreaterThanOrEqual((texts.length - 1) * 3 * 0.9);
  });
});
