import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env';
import { mountDemoPage } from './demo-page';

function demoApp() {
  const app = new Hono<AppEnv>();
  mountDemoPage(app);
  return app;
}

const chatApp = (page: string) => page.match(/<chat-app[^>]*>/)?.[0];

describe('the demo page in a language', () => {
  it('passes ?lang= to <chat-app> as its lang, on every client route', async () => {
    const app = demoApp();
    for (const path of ['/?lang=de', '/new?lang=pt-BR', '/c/abc?lang=zh-Hant-HK']) {
      const page = await (await app.request(path)).text();
      const lang = new URL(path, 'http://x').searchParams.get('lang');
      expect(chatApp(page), path).toContain(` lang="${lang}"`);
    }
  });

  it('has no lang on <chat-app> without ?lang=, or with one that is not a language tag', async () => {
    const app = demoApp();
    for (const path of ['/', '/?lang=', '/?lang=%22%3E%3Cscript%3E', '/?lang=de_DE!']) {
      const page = await (await app.request(path)).text();
      expect(chatApp(page), path).not.toContain('lang=');
      expect(page).not.toContain('<script>');
    }
  });
});
