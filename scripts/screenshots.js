#!/usr/bin/env node
// Takes screenshots of the demo page (`npm start`) in a real browser: a desktop in light mode with
// a conversation, and a phone in dark mode, with the sidebar closed and open as a drawer; then the
// same in Arabic and Hebrew (right to left).
// Writes docs/screenshots/*.png. Run `npm run build` first. Uses a running server when
// PARLEY_URL is set; otherwise starts one on a free port with a fresh, temporary database.
//
//   node scripts/screenshots.js
//   CHROMIUM_PATH=/path/to/chrome PARLEY_URL=http://127.0.0.1:3000 node scripts/screenshots.js
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'docs/screenshots');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the built server with its demo model on a temporary PGlite database. */
async function startServer() {
  const port = await freePort();
  const dataDirectory = mkdtempSync(join(tmpdir(), 'parley-screenshots-'));
  const child = spawn(process.execPath, [join(root, 'packages/server/dist/cli.js')], {
    env: { ...process.env, PORT: String(port), PARLEY_DATA_DIR: dataDirectory, PARLEY_DEMO_DELAY_MS: '5' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}.`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop() {
      child.kill();
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

/** Types a message into `<chat-app>`'s composer, sends it, and waits for the whole answer. */
async function chat(page, message) {
  const composer = page.locator('chat-app').locator('chat-composer textarea');
  await composer.fill(message);
  await composer.press('Enter');
  await page.waitForFunction(() => {
    const app = document.querySelector('chat-app');
    const conversation = app?.shadowRoot?.querySelector('chat-conversation')?.conversation;
    return conversation && conversation.status === 'idle' && conversation.messages.length > 0;
  });
  // Let the markdown chunk render and the title arrive.
  await page.waitForTimeout(600);
}

/** Clicks the "New chat" of the first model in the sidebar (a model with tools). */
async function newModelChat(page) {
  await page.locator('chat-app').locator('chat-sidebar [part="model-new-chat-button"]').first().click();
}

/** The "forest" theme shown in docs/theming.md. */
const forestTheme = `
  chat-app.forest {
    --parley-color-background: #fbfaf5;
    --parley-color-surface: #f0eee4;
    --parley-color-surface-raised: #e3ecdf;
    --parley-color-text: #1e2a22;
    --parley-color-text-muted: #5c6b60;
    --parley-color-border: #d6d9cb;
    --parley-color-accent: #2f6b3f;
    --parley-color-accent-text: #ffffff;
    --parley-color-hover: rgb(47 107 63 / 8%);
    --parley-color-selected: rgb(47 107 63 / 16%);
    --parley-color-focus: #2f6b3f;
    --parley-color-code-background: #ecefe6;
    --parley-font-family: Georgia, 'Times New Roman', serif;
    --parley-font-size: 16px;
    --parley-radius: 4px;
    --parley-sidebar-width: 220px;
  }
  chat-app.forest::part(header) {
    background: #2f6b3f;
    color: #ffffff;
  }`;

const server = process.env.PARLEY_URL ? { url: process.env.PARLEY_URL, stop() {} } : await startServer();
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking'],
});
try {
  mkdirSync(output, { recursive: true });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    // The custom theme is a style tag, which the demo page's CSP rightly refuses.
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${server.url}/`);
  await page.locator('chat-app').locator('chat-composer textarea').waitFor();

  await chat(page, 'Plan a weekend in Lisbon');
  await newModelChat(page);
  await chat(page, 'What can you do? Show me some markdown and use a tool.');
  await page.mouse.move(900, 20);
  await page.screenshot({ path: join(output, 'desktop-light.png') });

  // The custom theme of docs/theming.md: tokens, then a part.
  await page.addStyleTag({ content: forestTheme });
  await page.locator('chat-app').evaluate((app) => app.classList.add('forest'));
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(output, 'desktop-custom.png') });
  await page.locator('chat-app').evaluate((app) => app.classList.remove('forest'));

  // The same guest (same browser context), on a phone in dark mode.
  const conversationPath = new URL(page.url()).pathname;
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 360, height: 740 });
  await phone.emulateMedia({ colorScheme: 'dark' });
  await phone.goto(`${server.url}${conversationPath}`);
  await phone.waitForFunction(() => {
    const conversation = document
      .querySelector('chat-app')
      ?.shadowRoot?.querySelector('chat-conversation')?.conversation;
    return conversation && conversation.messages.length > 0;
  });
  await phone.waitForTimeout(600);
  await phone.screenshot({ path: join(output, 'mobile-dark.png') });
  await phone.locator('chat-app').locator('.menu').click();
  await phone.waitForTimeout(400);
  await phone.screenshot({ path: join(output, 'mobile-dark-drawer.png') });
  // Right to left: Arabic and Hebrew (`?lang=`), on a desktop and on a phone.
  const rtlMessages = { ar: 'خطط لعطلة نهاية أسبوع في لشبونة', he: 'תכנן לי סוף שבוע בליסבון' };
  for (const [lang, message] of Object.entries(rtlMessages)) {
    const rtl = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
      // The custom theme is a style tag, which the demo page's CSP rightly refuses.
      bypassCSP: true,
    });
    const desktop = await rtl.newPage();
    desktop.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await desktop.goto(`${server.url}/?lang=${lang}`);
    await desktop.locator('chat-app').locator('chat-composer textarea').waitFor();
    await chat(desktop, message);
    await newModelChat(desktop);
    await chat(desktop, 'What can you do? Show me some markdown and use a tool.');
    await desktop.mouse.move(400, 20);
    await desktop.screenshot({ path: join(output, `desktop-rtl-${lang}.png`) });
    const mobile = await rtl.newPage();
    await mobile.setViewportSize({ width: 360, height: 740 });
    await mobile.goto(`${server.url}${new URL(desktop.url()).pathname}?lang=${lang}`);
    await mobile.waitForFunction(() => {
      const conversation = document
        .querySelector('chat-app')
        ?.shadowRoot?.querySelector('chat-conversation')?.conversation;
      return conversation && conversation.messages.length > 0;
    });
    await mobile.waitForTimeout(600);
    await mobile.screenshot({ path: join(output, `mobile-rtl-${lang}.png`) });
    await mobile.locator('chat-app').locator('.menu').click();
    await mobile.waitForTimeout(400);
    await mobile.screenshot({ path: join(output, `mobile-rtl-${lang}-drawer.png`) });
    await rtl.close();
  }
  console.log(`Screenshots written to ${output}`);
} finally {
  await browser.close();
  server.stop();
}
