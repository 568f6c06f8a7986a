import type { Page, Request } from 'playwright-core';

/** What a page did: its API requests, the bearer tokens it sent, and its full page loads. */
export interface PageWatch {
  apiRequests: Request[];
  tokens: Set<string>;
  loads: number;
}

export function watchPage(page: Page, apiOrigin: string): PageWatch {
  const watch: PageWatch = { apiRequests: [], tokens: new Set(), loads: 0 };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== apiOrigin || !url.pathname.startsWith('/api/')) return;
    watch.apiRequests.push(request);
    const authorization = request.headers().authorization;
    if (authorization?.startsWith('Bearer ')) watch.tokens.add(authorization.slice(7));
  });
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/auth/guest')) return;
    const body = await response.json().catch(() => undefined);
    if (body?.token) watch.tokens.add(body.token);
  });
  page.on('load', () => {
    watch.loads += 1;
  });
  return watch;
}
