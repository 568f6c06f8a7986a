import { afterEach, describe, expect, it } from 'vitest';
import { createDemoProvider } from '../providers/demo';
import { createOpenAICompatibleProvider } from '../providers/openai-compatible';
import type { ChatProvider } from '../providers/types';
import {
  type FakeOpenAIServer,
  type FakeResponse,
  startFakeOpenAIServer,
  textResponse,
} from '../test-support/fake-openai-server';
import { generateTitle } from './generate-title';
import { TITLE_SYSTEM_PROMPT } from './title-prompt';

const userMessage = 'How do I sort an array of objects by a date field in TypeScript without mutating it?';
const expectedFallback = 'How do I sort an array of objects by a date field…';

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function titleFrom(response: FakeResponse, timeoutMs?: number) {
  server = await startFakeOpenAIServer([response]);
  const provider = createOpenAICompatibleProvider({ baseUrl: server.baseUrl, apiKey: 'test-key' });
  return generateTitle({
    provider,
    model: 'test/model',
    userMessage,
    assistantText: 'Use toSorted.',
    timeoutMs,
  });
}

describe('generateTitle', () => {
  it("uses the provider's title, asking with the title prompt and no tools", async () => {
    const title = await titleFrom(textResponse('Sorting objects by date in TypeScript'));

    expect(title).toBe('Sorting objects by date in TypeScript');
    const body = server!.requests[0]!.body;
    expect(body.tools).toBeUndefined();
    expect(body.messages[0]).toEqual({ role: 'system', content: TITLE_SYSTEM_PROMPT });
    expect(body.messages[1].role).toBe('user');
    expect(body.messages[1].content).toContain(userMessage);
    expect(body.messages[1].content).toContain('Use toSorted.');
  });

  it('cleans quotes, labels, markdown, extra lines and end punctuation', async () => {
    const title = await titleFrom(textResponse('Title: "**Sorting by Date**."\nThis title fits because…'));

    expect(title).toBe('Sorting by Date');
  });

  it('drops a reasoning block before the title', async () => {
    const title = await titleFrom(
      textResponse('<think>\nThe user wants\nto sort.\n</think>\n\nDate sorting'),
    );

    expect(title).toBe('Date sorting');
  });

  it('cuts a long title at a word boundary, at most 60 characters', async () => {
    const long = 'A very long title about sorting arrays of objects by their date fields in TypeScript code';
    const title = await titleFrom(textResponse(long));

    expect(title.length).toBeLessThanOrEqual(60);
    expect(title.endsWith('…')).toBe(true);
    const kept = title.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(long[kept.length]).toBe(' ');
  });

  it('falls back to the user message when the provider answers 500', async () => {
    const title = await titleFrom({ kind: 'status', status: 500 });

    expect(server!.requests).toHaveLength(1);
    expect(title).toBe(expectedFallback);
  });

  it('falls back when the reply is empty', async () => {
    expect(await titleFrom(textResponse(' \n "" '))).toBe(expectedFallback);
  });

  it('falls back on timeout and stops the request', async () => {
    const title = await titleFrom({ kind: 'stream', chunks: ['Sorting'], stallAfter: 1 }, 200);

    expect(title).toBe(expectedFallback);
    expect(await server!.requests[0]!.closed).toBe('cut');
  });

  it('falls back on timeout even when the provider ignores its signal', async () => {
    const stuck: ChatProvider = {
      name: 'stuck',
      stream: () => ({
        [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => {}) }),
      }),
    };
    const title = await generateTitle({
      provider: stuck,
      model: 'x',
      userMessage: 'Plan a trip to Lisbon',
      assistantText: '',
      timeoutMs: 50,
    });

    expect(title).toBe('Plan a trip to Lisbon');
  });

  it('falls back at once when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const title = await generateTitle({
      provider: createDemoProvider({ delayMs: 0 }),
      model: 'demo',
      userMessage: 'Plan a trip to Lisbon',
      assistantText: '',
      signal: controller.signal,
    });

    expect(title).toBe('Plan a trip to Lisbon');
  });

  it('gets a title from the demo model built from the user message', async () => {
    const title = await generateTitle({
      provider: createDemoProvider({ delayMs: 0 }),
      model: 'demo',
      userMessage: 'Hello, "explain" recursion with a short example please',
      assistantText: 'Recursion is…',
    });

    expect(title).toBe('Explain recursion with a short example');
  });
});
