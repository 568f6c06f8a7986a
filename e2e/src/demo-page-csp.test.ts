import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './harness/launch-browser';
import { type RunningProduct, startProduct } from './harness/start-product';

// The demo page of `npm start` under its own Content-Security-Policy: the chat loads, streams and
// renders an answer, and the browser reports no violation.
describe.skipIf(!process.env.DATABASE_URL)('the demo page under its Content-Security-Policy', () => {
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

  it('chats with no CSP violation and no console error', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Init scripts run outside the page's policy: they can watch it.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(`${product.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Hello AI');
    await composer.press('Enter');
    await page.waitForURL((url) => /^\/c\/[^/]+$/.test(url.pathname), { timeout: 15_000 });
    await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'hidden', timeout: 30_000 });
    await expect.poll(() => page.locator('chat-message').count()).toBeGreaterThanOrEqual(2);
    // The answer was rendered as Markdown (the demo model writes a heading and a list).
    await expect.poll(() => page.locator('chat-message li').count()).toBeGreaterThan(0);
    const favicon = await page.request.get(`${product.url}/favicon.ico`);
    expect(favicon.status()).toBe(200);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
