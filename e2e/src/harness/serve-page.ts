import { createServer } from 'node:http';

export interface ServedPage {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves one HTML page at `/` on 127.0.0.1 and a free port: a third-party site's origin. `html`
 * is called for each load, so the page can name a server started after it.
 */
export async function servePage(html: () => string): Promise<ServedPage> {
  const server = createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
