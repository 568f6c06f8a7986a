import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './harness/launch-browser';
import { type RunningProduct, startProduct } from './harness/start-product';
import { watchPage } from './harness/watch-page';

/** Starts a conversation from the demo page's composer and waits for its answer; returns its id. */
async function startConversation(page: Page, text: string): Promise<string> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await page.waitForURL((url) => /^\/c\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
  await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'hidden' });
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
}

/** The conversation's link in the page's sidebar. */
function sidebarLink(page: Page, sessionId: string) {
  return page.locator(`chat-sidebar a[data-session="${sessionId}"]`);
}

// A conversation deleted in another tab, or on another device, leaves no stale view open here.
describe.skipIf(!process.env.DATABASE_URL)('a conversation deleted elsewhere', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('a delete in a second tab updates the first', async () => {
    // Two tabs of one browser: the same guest.
    const first = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await first.goto(`${product.url}/`);
    const sessionId = await startConversation(first, 'Hello from the first tab');
    await sidebarLink(first, sessionId).waitFor();

    const second = await first.context().newPage();
    await second.goto(first.url());
    await expect.poll(() => second.locator('chat-message').count()).toBeGreaterThanOrEqual(2);
    await sidebarLink(second, sessionId).waitFor();
    const title = (await sidebarLink(second, sessionId).getAttribute('title'))!;
    await second.getByRole('button', { name: `Delete “${title}”`, exact: true }).click();
    await second
      .getByRole('group', { name: `Delete “${title}”?`, exact: true })
      .getByRole('button', { name: 'Delete', exact: true })
      .click();
    await sidebarLink(second, sessionId).waitFor({ state: 'detached' });

    await sidebarLink(first, sessionId).waitFor({ state: 'detached' });
    await first.getByRole('status').filter({ hasText: 'This conversation was deleted.' }).waitFor();
    expect(await product.sql(`SELECT id FROM chat_sessions WHERE id = $1`, [sessionId])).toEqual([]);
    await first.context().close();
  });

  it('a delete on another device updates an open view', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, product.url);
    await page.goto(`${product.url}/`);
    const sessionId = await startConversation(page, 'Hello from this device');
    await sidebarLink(page, sessionId).waitFor();
    // Another device of the same user: the API with this user's token, from outside the browser.
    expect(watch.tokens.size).toBe(1);
    const [token] = [...watch.tokens];
    const response = await fetch(`${product.url}/api/chat/sessions/${encodeURIComponent(sessionId)}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(204);

    await sidebarLink(page, sessionId).waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'This conversation was deleted.' }).waitFor();
    await page.context().close();
  });
});
