import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { renderDemoPage } from '../demo-page/render-demo-page';

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/**
 * The demo page of `npm start`: `<chat-app>` from the elements' embed bundle, at `/` and at
 * every client route (`/new`, `/c/…`, `/m/…`) so deep links and reloads work.
 */
export function mountDemoPage(app: Hono<AppEnv>): void {
  const assets = elementsDist();
  const html = renderDemoPage({ embedScriptUrl: '/assets/embed.js', apiBaseUrl: '' });
  const page = (c: Context<AppEnv>) => c.html(html);
  app.get('/', page);
  app.get('/new', page);
  app.get('/c/*', page);
  app.get('/m/*', page);
  app.get('/assets/*', async (c) => {
    const relative = normalize(c.req.path.slice('/assets/'.length));
    if (!assets || relative.startsWith('..') || relative.includes('\0')) return c.notFound();
    try {
      const body = await readFile(join(assets, relative));
      const type = TYPES[relative.slice(relative.lastIndexOf('.'))] ?? 'application/octet-stream';
      // Module scripts loaded by pages on other origins (the embed) need CORS.
      return c.body(body, 200, {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'Access-Control-Allow-Origin': '*',
      });
    } catch {
      return c.notFound();
    }
  });
}

/** The elements' built files, when the package is installed beside the server. */
function elementsDist(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.resolve('@parley/elements/embed')));
  } catch {
    return undefined;
  }
}
