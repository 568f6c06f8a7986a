import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { DEFAULT_FRAME_ANCESTORS, demoPageHeaders } from '../demo-page/demo-page-policy';
import { FAVICON_SVG } from '../demo-page/favicon';
import { DEMO_PAGE_STYLE, renderDemoPage } from '../demo-page/render-demo-page';

export interface DemoPageMountOptions {
  /**
   * The pages allowed to show the demo page in a frame, as CSP `frame-ancestors` sources
   * (`PARLEY_FRAME_ANCESTORS`): its own origin by default, `["'none'"]` for none.
   */
  frameAncestors?: readonly string[];
}

/** A BCP 47 language tag, loosely: `de`, `pt-BR`, `zh-Hant-HK`. */
const languageTag = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/);

/**
 * The demo page of `npm start`: `<chat-app>` from the server's own `/embed.js`, at `/` and at
 * every client route (`/new`, `/c/…`, `/m/…`) so deep links and reloads work, under a strict
 * Content-Security-Policy; and its icon at `/favicon.ico`. `?lang=` sets the chat's language.
 */
export function mountDemoPage(app: Hono<AppEnv>, options: DemoPageMountOptions = {}): void {
  const page = { embedScriptUrl: '/embed.js', apiBaseUrl: '' };
  const html = renderDemoPage(page);
  const headers = demoPageHeaders({
    style: DEMO_PAGE_STYLE,
    scriptUrl: page.embedScriptUrl,
    apiBaseUrl: page.apiBaseUrl,
    frameAncestors: options.frameAncestors ?? DEFAULT_FRAME_ANCESTORS,
  });
  // `?lang=de` tries the chat in a language; anything that is not a language tag is ignored.
  const serve = (c: Context<AppEnv>) => {
    const lang = languageTag.safeParse(c.req.query('lang'));
    return c.html(lang.success ? renderDemoPage({ ...page, lang: lang.data }) : html, 200, headers);
  };
  app.get('/', serve);
  app.get('/new', serve);
  app.get('/c/*', serve);
  app.get('/m/*', serve);
  app.get('/favicon.ico', (c) =>
    c.body(FAVICON_SVG, 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
    }),
  );
}
