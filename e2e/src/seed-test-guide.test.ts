import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './harness/launch-browser';
import { type RunningProduct, startProduct } from './harness/start-product';
import { type PageWatch, watchPage } from './harness/watch-page';

// The original design note's "Manual Test: Ephemeral Flow" and "Test model-specific", in a real
// browser against the built server on a real Postgres, plus its after-deployment checks.
describe.skipIf(!process.env.DATABASE_URL)('the seed test guide, automated', () => {
  let product: RunningProduct;
  let browser: Browser;
  const watches: PageWatch[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function openApp(path = '/'): Promise<{ page: Page; watch: PageWatch }> {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, product.url);
    watches.push(watch);
    await page.goto(`${product.url}${path}`);
    await page.getByRole('button', { name: 'New chat', exact: true }).waitFor();
    // Loaded: the new guest's (empty) list is in. Not "network idle": the page keeps the user's
    // session feed open, so its network is never idle.
    await page.getByText('No conversations yet.').waitFor();
    return { page, watch };
  }

  const pathOf = (page: Page) => new URL(page.url()).pathname;

  async function sendFirstMessage(page: Page, message: string, pattern: RegExp) {
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill(message);
    await composer.press('Enter');
    await page.waitForURL((url) => pattern.test(url.pathname));
    // The URL changed while the answer was still being written: the Stop button is still there.
    const streamingWhenUrlChanged = await page.getByRole('button', { name: 'Stop' }).isVisible();
    const id = pattern.exec(pathOf(page))![1]!;
    const listedWhileStreaming = await page
      .locator(`chat-sidebar a[data-session="${id}"]`)
      .first()
      .isVisible();
    // The answer is done (the server saves it before it sends `done`). Not a network event: the
    // client may close the stream itself once `done` arrives, which ends as a failed request.
    await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'hidden' });
    return { id, streamingWhenUrlChanged, listedWhileStreaming };
  }

  it('New chat goes to /new with no request and no page load; Hello AI becomes /c/{id} while streaming', async () => {
    const { page, watch } = await openApp('/');
    await page.evaluate(() => {
      (window as unknown as { parleyMarker: string }).parleyMarker = 'still here';
    });
    const requestsBefore = watch.apiRequests.length;
    const loadsBefore = watch.loads;
    const historyBefore = await page.evaluate(() => history.length);

    await page.getByRole('button', { name: 'New chat', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/new');
    await page.waitForTimeout(300);
    expect(watch.apiRequests.length, 'no request to the server for /new').toBe(requestsBefore);
    expect(watch.loads, 'no page load').toBe(loadsBefore);
    expect(await page.evaluate(() => (window as unknown as { parleyMarker?: string }).parleyMarker)).toBe(
      'still here',
    );
    expect(await page.evaluate(() => history.length)).toBeGreaterThanOrEqual(historyBefore);

    const { id, streamingWhenUrlChanged, listedWhileStreaming } = await sendFirstMessage(
      page,
      'Hello AI',
      /^\/c\/([^/]+)$/,
    );
    expect(streamingWhenUrlChanged, 'the URL changes during streaming').toBe(true);
    expect(listedWhileStreaming, 'the sidebar lists the conversation while it streams').toBe(true);
    expect(watch.loads, 'still no page load').toBe(loadsBefore);
    expect(await page.evaluate(() => (window as unknown as { parleyMarker?: string }).parleyMarker)).toBe(
      'still here',
    );

    const messages = await product.sql<{ role: string; content: string; status: string }>(
      'SELECT role, content, status FROM chat_messages WHERE session_id = $1 ORDER BY created_at, id',
      [id],
    );
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(messages[0]!.content).toBe('Hello AI');
    expect(messages[1]!.status).toBe('complete');
    await expect.poll(() => page.locator('chat-message').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByText('Hello AI', { exact: true }).first().isVisible()).toBe(true);

    // Reload on /c/{id}: the history is there.
    await page.reload();
    await page.getByText('Hello AI', { exact: true }).first().waitFor();
    await expect.poll(() => page.locator('chat-message').count()).toBeGreaterThanOrEqual(2);
    expect(pathOf(page)).toBe(`/c/${id}`);

    // Another user (a fresh browser context, a new guest) cannot see it.
    const stranger = await openApp(`/c/${id}`);
    await stranger.page.waitForTimeout(500);
    expect(await stranger.page.getByText('Hello AI', { exact: true }).count()).toBe(0);
    expect(await stranger.page.locator(`chat-sidebar a[data-session="${id}"]`).count()).toBe(0);
    const strangerToken = [...stranger.watch.tokens][0]!;
    const response = await fetch(`${product.url}/api/chat/sessions/${id}`, {
      headers: { Authorization: `Bearer ${strangerToken}` },
    });
    expect(response.status).toBe(404);
  });

  it('does the same under a model: /m/{modelId}/new becomes /m/{modelId}/c/{id}, listed under the model', async () => {
    const { page, watch } = await openApp('/');
    const toggle = page.getByRole('button', { name: 'Parley Guide', exact: true });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const requestsBefore = watch.apiRequests.filter(
      (request) => !request.url().includes('/api/chat/sessions'),
    ).length;
    await page.getByRole('button', { name: 'New chat with Parley Guide' }).click();
    await page.waitForURL((url) => url.pathname === '/m/guide/new');
    expect(watch.apiRequests.filter((request) => !request.url().includes('/api/chat/sessions')).length).toBe(
      requestsBefore,
    );

    const { id, streamingWhenUrlChanged } = await sendFirstMessage(
      page,
      'Hello AI',
      /^\/m\/guide\/c\/([^/]+)$/,
    );
    expect(streamingWhenUrlChanged).toBe(true);
    const underModel = page.locator('chat-sidebar .model-sessions').locator(`a[data-session="${id}"]`);
    await underModel.first().waitFor();
    const [session] = await product.sql<{ model_id: string }>(
      'SELECT model_id FROM chat_sessions WHERE id = $1',
      [id],
    );
    expect(session!.model_id).toBe('guide');
    await page
      .getByText(/get_model_info/)
      .first()
      .waitFor();
  });

  it("passes the seed's database verification: no empty session, every session has 2+ messages", async () => {
    const [empty] = await product.sql<{ count: string }>(
      'SELECT COUNT(*) FROM chat_sessions WHERE id NOT IN (SELECT DISTINCT session_id FROM chat_messages)',
    );
    expect(Number(empty!.count)).toBe(0);
    const counts = await product.sql<{ message_count: string }>(
      `SELECT s.id, s.session_title, COUNT(m.id) as message_count
       FROM chat_sessions s LEFT JOIN chat_messages m ON m.session_id = s.id
       GROUP BY s.id, s.session_title ORDER BY s.created_at DESC LIMIT 20`,
    );
    expect(counts.length).toBeGreaterThanOrEqual(2);
    for (const row of counts) expect(Number(row.message_count)).toBeGreaterThanOrEqual(2);
  });

  it("keeps every token out of the server's log", () => {
    const tokens = new Set(watches.flatMap((watch) => [...watch.tokens]));
    expect(tokens.size).toBeGreaterThan(0);
    const log = product.log();
    expect(log).toContain('/api/chat/stream-new');
    for (const token of tokens) {
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.split('.')[2]!);
    }
    expect(log.toLowerCase()).not.toContain('bearer');
  });
});
