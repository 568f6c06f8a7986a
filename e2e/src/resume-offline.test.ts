import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeldModel, startHeldModel } from './harness/held-model';
import { launchBrowser, newPage } from './harness/launch-browser';
import { type RunningProduct, startProduct } from './harness/start-product';

/** The text of the conversation's last answer, as the page holds it and as it shows it. */
async function lastAnswer(page: Page): Promise<{ content: string; shown: string }> {
  const answer: Locator = page.locator('chat-message').last();
  return answer.evaluate((element) => ({
    content: (element as unknown as { message: { content: string } }).message.content,
    shown: (element.shadowRoot?.querySelector('[part="content"]') as HTMLElement | null)?.innerText ?? '',
  }));
}

// The demo page of `npm start` losing its network mid-answer: the answer goes on where it was cut,
// with no text lost and none repeated.
describe.skipIf(!process.env.DATABASE_URL)('an answer across going offline and back online', () => {
  let product: RunningProduct;
  let browser: Browser;
  let model: HeldModel;
  const firstHalf = ['An answer ', 'that the page ', 'starts to show, '];
  const secondHalf = ['goes on ', 'on the server ', 'while it is offline, ', 'and arrives whole.'];

  beforeAll(async () => {
    // The model holds the second half of its answer until the page is offline.
    model = await startHeldModel(firstHalf, secondHalf);
    product = await startProduct({ OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'test-key' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await model?.close();
  });

  it('going offline mid-answer and back online resumes', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    const context = page.context();
    await page.goto(`${product.url}/`);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Tell me about resuming answers');
    await composer.press('Enter');
    await page.waitForURL((url) => /^\/c\/[^/]+$/.test(url.pathname));
    const sessionId = new URL(page.url()).pathname.split('/')[2]!;
    const stop = page.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    await expect.poll(async () => (await lastAnswer(page)).content).toBe(firstHalf.join(''));

    await context.setOffline(true);
    // The cut is noticed: the conversation says it is reconnecting.
    await page.getByRole('status').filter({ hasText: 'Reconnecting…' }).waitFor();
    const before = (await lastAnswer(page)).content;
    expect(before).toBe(firstHalf.join(''));
    // Offline, the answer still runs on the server, to its end.
    model.release();
    await expect
      .poll(async () => {
        const [row] = await product.sql<{ status: string }>(
          `SELECT status FROM chat_messages WHERE session_id = $1 AND role = 'assistant'`,
          [sessionId],
        );
        return row?.status;
      })
      .toBe('complete');
    await context.setOffline(false);

    await stop.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Reconnecting…' }).waitFor({ state: 'hidden' });
    const [saved] = await product.sql<{ content: string; status: string }>(
      `SELECT content, status FROM chat_messages WHERE session_id = $1 AND role = 'assistant'`,
      [sessionId],
    );
    expect(saved?.status).toBe('complete');
    const resumed = await lastAnswer(page);
    expect(resumed.content).toBe([...firstHalf, ...secondHalf].join(''));
    expect(resumed.content).toBe(saved!.content);

    // What the resumed page shows is what a fresh load of the saved answer shows.
    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await expect.poll(async () => (await lastAnswer(fresh)).shown).toBe(resumed.shown);
    await context.close();
  });
});
