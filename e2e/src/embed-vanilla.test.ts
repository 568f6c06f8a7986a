import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the example is plain JavaScript, as a third-party site would write it.
import { startEmbedExample } from '@parley/example-embed-vanilla';
import { launchBrowser, newPage } from './harness/launch-browser';
import { type RunningProduct, startProduct } from './harness/start-product';

interface ExamplePage {
  url: string;
  close(): Promise<void>;
}

// examples/embed-vanilla: a page on another origin embeds <chat-app> from the server's bundle, with
// a guest token, allowed by CORS_ORIGINS — and a page on an origin not in the list is refused.
describe.skipIf(!process.env.DATABASE_URL)('a third-party page embedding <chat-app>', () => {
  let product: RunningProduct;
  let browser: Browser;
  let allowed: ExamplePage;
  let foreign: ExamplePage;

  beforeAll(async () => {
    let apiUrl = '';
    allowed = await startEmbedExample({ port: 0, parleyUrl: () => apiUrl });
    foreign = await startEmbedExample({ port: 0, parleyUrl: () => apiUrl });
    product = await startProduct({ CORS_ORIGINS: new URL(allowed.url).origin });
    apiUrl = product.url;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await allowed?.close();
    await foreign?.close();
    await product?.stop();
  });

  it('chats from another origin: hash routing, the host sees chat-conversation-created, the database has it', async () => {
    expect(new URL(allowed.url).origin).not.toBe(new URL(product.url).origin);
    const page = await newPage(browser);
    await page.goto(allowed.url);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Hello AI');
    await composer.press('Enter');
    await page.waitForURL((url) => /^#\/c\/[^/]+$/.test(url.hash));
    const id = new URL(page.url()).hash.slice('#/c/'.length);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator(`[data-event="chat-conversation-created"][data-session-id="${id}"]`).waitFor();
    await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'hidden' });
    const messages = await product.sql<{ role: string }>(
      'SELECT role FROM chat_messages WHERE session_id = $1 ORDER BY created_at, id',
      [id],
    );
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    await page.close();
  });

  it('refuses a page whose origin is not in CORS_ORIGINS', async () => {
    const [before] = await product.sql<{ count: string }>('SELECT COUNT(*) FROM chat_sessions');
    const page = await newPage(browser);
    const blocked: string[] = [];
    page.on('requestfailed', (request) => blocked.push(request.url()));
    await page.goto(foreign.url);
    await expect.poll(() => blocked.some((url) => url.startsWith(product.url))).toBe(true);
    const composer = page.getByRole('textbox', { name: 'Message' });
    if (await composer.isEnabled().catch(() => false)) {
      await composer.fill('Hello from nowhere');
      await composer.press('Enter');
      await page.waitForTimeout(1_000);
    }
    const [after] = await product.sql<{ count: string }>('SELECT COUNT(*) FROM chat_sessions');
    expect(after!.count).toBe(before!.count);
    await page.close();
  });
});
