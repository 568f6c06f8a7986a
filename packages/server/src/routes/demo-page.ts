import type { Context, Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { renderDemoPage } from '../demo-page/render-demo-page';

/**
 * The demo page of `npm start`: `<chat-app>` from the server's own `/embed.js`, at `/` and at
 * every client route (`/new`, `/c/…`, `/m/…`) so deep links and reloads work.
 */
export function mountDemoPage(app: Hono<AppEnv>): void {
  const html = renderDemoPage({ embedScriptUrl: '/embed.js', apiBaseUrl: '' });
  const page = (c: Context<AppEnv>) => c.html(html);
  app.get('/', page);
  app.get('/new', page);
  app.get('/c/*', page);
  app.get('/m/*', page);
}
