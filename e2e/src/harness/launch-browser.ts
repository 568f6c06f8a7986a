import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** The system Chromium (Debian's), headless; browser downloads are not possible here. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * A page in a fresh context whose waits end on what they wait for, not on a short clock: a loaded
 * machine is slow, never wrong. The bound is a hang guard, below the test's own timeout so that a
 * hang fails with what it was waiting for.
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(hangGuardMs);
  context.setDefaultNavigationTimeout(hangGuardMs);
  return context.newPage();
}

const hangGuardMs = 240_000;
