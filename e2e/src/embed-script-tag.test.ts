import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './harness/launch-browser';
import { type ServedPage, servePage } from './harness/serve-page';
import { type RunningProduct, startProduct } from './harness/start-product';

// docs/embedding.md's tag: a page on another origin loads the built server's /embed.js with an
// integrity hash and `crossorigin`, and gets a working <chat-app> (its lazy chunks included).
describe('<script type="module" src=".../embed.js" integrity crossorigin>', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: ServedPage;
  let integrity = '';

  beforeAll(async () => {
    let serverUrl = '';
    page = await servePage(
      () => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A host page</title>
<link rel="icon" href="data:,">
<script type="module" src="${serverUrl}/embed.js" integrity="${integrity}" crossorigin></script>
</head>
<body>
<chat-app base-url="${serverUrl}" routing="memory" guest style="height: 700px"></chat-app>
</body>
</html>`,
    );
    product = await startProduct({ CORS_ORIGINS: new URL(page.url).origin });
    serverUrl = product.url;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await product?.stop();
  });

  it('renders a <chat-app> that answers, with every chunk loaded', async () => {
    // As docs/embedding.md says to compute it: sha384 of the file, base64.
    const script = new Uint8Array(await (await fetch(`${product.url}/embed.js`)).arrayBuffer());
    integrity = `sha384-${createHash('sha384').update(script).digest('base64')}`;
    expect(new URL(page.url).origin).not.toBe(new URL(product.url).origin);

    const tab = await newPage(browser);
    const scripts: { path: string; status: number }[] = [];
    tab.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === product.url && url.pathname.endsWith('.js')) {
        scripts.push({ path: url.pathname, status: response.status() });
      }
    });
    const errors: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    await tab.goto(page.url);
    const composer = tab.getByRole('textbox', { name: 'Message' });
    await composer.fill('Hello from a host page');
    await composer.press('Enter');
    // The answer is markdown: its table shows that the markdown chunk loaded and rendered it.
    await tab.locator('[part~="answer"] [part~="content"] table').waitFor();
    await tab.getByRole('button', { name: 'Stop' }).waitFor({ state: 'hidden' });
    expect(await tab.locator('[part~="answer"]').last().innerText()).toContain('Hello from a host page');

    expect(scripts[0]).toEqual({ path: '/embed.js', status: 200 });
    const chunks = scripts.filter((entry) => /^\/embed-[\w-]+\.js$/.test(entry.path));
    // The deferred parts (the guest token came through them) and markdown.
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(chunks.every((entry) => entry.status === 200)).toBe(true);
    expect(errors).toEqual([]);
    await tab.context().close();
  });

  it('loads nothing when the integrity does not match', async () => {
    integrity = `sha384-${createHash('sha384').update('another script').digest('base64')}`;
    const tab = await newPage(browser);
    const refused = tab.waitForEvent('console', {
      predicate: (message) => message.type() === 'error' && /integrity/i.test(message.text()),
    });
    await tab.goto(page.url);
    await refused;
    expect(await tab.evaluate(() => customElements.get('chat-app'))).toBeUndefined();
    await tab.context().close();
  });
});
