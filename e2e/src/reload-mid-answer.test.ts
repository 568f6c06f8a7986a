import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeldModel, startHeldModel } from './harness/held-model';
import { launchBrowser, newPage } from './harness/launch-browser';
import { type RunningProduct, startProduct } from './harness/start-product';

interface AnswerState {
  status: string;
  content: string;
  messageStatus: string;
}

/** The open conversation's state, as the SDK holds it in the page. */
function answerState(page: Page): Promise<AnswerState | null> {
  return page.evaluate(() => {
    const app = document.querySelector('chat-app');
    const conversation = (
      app?.shadowRoot?.querySelector('chat-conversation') as unknown as {
        conversation?: {
          status: string;
          messages: readonly { role: string; content: string; status: string }[];
        };
      } | null
    )?.conversation;
    const answer = conversation?.messages.findLast((message) => message.role === 'assistant');
    return conversation && answer
      ? { status: conversation.status, content: answer.content, messageStatus: answer.status }
      : null;
  });
}

// The reload mid-answer of issue 9: the page used to show "Thinking…" until a second reload.
describe.skipIf(!process.env.DATABASE_URL)('a reload while the answer is being written', () => {
  let product: RunningProduct;
  let browser: Browser;
  let model: HeldModel;
  const firstHalf = ['Parley keeps ', 'every answer ', 'in Postgres, ', 'as a log of its events, '];
  const secondHalf = ['so a reload ', 'picks it up ', 'exactly where ', 'it was.'];

  beforeAll(async () => {
    // The model holds the second half of its answer until the test has reloaded the page.
    model = await startHeldModel(firstHalf, secondHalf);
    product = await startProduct({ OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'test-key' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await model?.close();
  });

  it('shows the text so far, streams the rest in, and ends with the saved answer', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${product.url}/`);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Tell me about Parley');
    await composer.press('Enter');
    await page.waitForURL((url) => /^\/c\/[^/]+$/.test(url.pathname));
    const sessionId = new URL(page.url()).pathname.slice('/c/'.length);
    const saved = async () =>
      (
        await product.sql<{ content: string; status: string }>(
          "SELECT content, status FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
          [sessionId],
        )
      )[0]!;
    await expect.poll(async () => (await saved()).content).toBe(firstHalf.join(''));

    await page.reload();
    // After the reload, the page shows the text so far while the answer is still being written.
    await expect
      .poll(async () => {
        const state = await answerState(page);
        return state?.messageStatus === 'streaming' && state.content === firstHalf.join('');
      })
      .toBe(true);
    expect((await saved()).status).toBe('streaming');
    model.release();

    // It keeps growing live, and ends exactly as saved.
    await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'hidden' });
    const final = (await answerState(page))!;
    const row = await saved();
    expect(row.status).toBe('complete');
    expect(final).toMatchObject({ status: 'idle', messageStatus: 'complete' });
    expect(final.content).toBe([...firstHalf, ...secondHalf].join(''));
    expect(row.content).toBe(final.content);
    await page.close();
  });
});
