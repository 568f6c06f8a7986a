#!/usr/bin/env node
// Serves the built app (dist/) and passes /api/* on to the Parley server, so the app and the API
// share one origin, as they would behind one reverse proxy: no CORS settings are needed.
//
//   PARLEY_URL=http://127.0.0.1:3000 PORT=5173 node serve.js
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};
/** Where the chat lives in the app: `<chat-app base-path="/chat">`. */
const chatPath = '/chat';

/**
 * Starts the example: the app's files, the app's page for every `/chat/…` route (so deep links and
 * reloads work), and `/api/*` passed on to Parley.
 *
 * @param {{ port?: number, host?: string, parleyUrl?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startReactExample(options = {}) {
  const { port = 5173, host = '127.0.0.1', parleyUrl = 'http://127.0.0.1:3000' } = options;
  const upstream = new URL(parleyUrl);
  const page = await readFile(join(dist, 'index.html')).catch(() => {
    throw new Error(
      'dist/index.html is missing: run `npm run build -w examples/react` (or `npm start`) first.',
    );
  });

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) {
      proxy(request, response, upstream);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/') {
      response.writeHead(302, { Location: `${chatPath}/` }).end();
      return;
    }
    if (path === chatPath || path.startsWith(`${chatPath}/`)) {
      send(response, request, 200, types['.html'], page);
      return;
    }
    const file = normalize(path).replace(/^([/\\])+/, '');
    if (!file.startsWith('assets') || file.includes('..')) {
      send(response, request, 404, 'text/plain; charset=utf-8', 'Not found\n');
      return;
    }
    try {
      const body = await readFile(join(dist, file));
      send(response, request, 200, types[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      send(response, request, 404, 'text/plain; charset=utf-8', 'Not found\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}${chatPath}/`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function send(response, request, status, type, body) {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Passes a request to Parley and streams the answer back as it comes (SSE included). */
function proxy(request, response, upstream) {
  const target = new URL(request.url ?? '/', upstream);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing = send(
    target,
    { method: request.method, headers: { ...request.headers, host: target.host } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  outgoing.on('error', () => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.writeHead(502, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        error: {
          code: 'bad_gateway',
          message: `No Parley server answers at ${upstream.origin}: start it with npm start.`,
        },
      }),
    );
  });
  // The browser went away: stop reading. The server still finishes and saves the answer.
  response.on('close', () => outgoing.destroy());
  request.pipe(outgoing);
}

const runDirectly =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (runDirectly) {
  const parleyUrl = process.env.PARLEY_URL || 'http://127.0.0.1:3000';
  const app = await startReactExample({
    port: Number(process.env.PORT || 5173),
    host: process.env.HOST || '127.0.0.1',
    parleyUrl,
  });
  console.log(`The React example is at ${app.url} (API passed on to ${parleyUrl}).`);
  const stop = () => app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
