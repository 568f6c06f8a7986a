#!/usr/bin/env node
// Serves index.html, a page that stands for a third-party site: it runs on its own origin
// (http://127.0.0.1:8080 by default) and embeds <chat-app> from a Parley server on another one.
//
//   PARLEY_URL=http://127.0.0.1:3000 PORT=8080 node serve.js
import { once } from 'node:events';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const indexFile = fileURLToPath(new URL('./index.html', import.meta.url));

/**
 * @typedef {object} EmbedExampleOptions
 * @property {number} [port] Port to listen on; 0 picks a free one. Default 8080.
 * @property {string} [host] Address to listen on. Default 127.0.0.1.
 * @property {string | (() => string)} [parleyUrl] The Parley server, such as `http://127.0.0.1:3000`.
 *   A function is called for every page load, so a test can start this page first and the server
 *   (whose CORS allowlist needs this page's origin) second. Default http://127.0.0.1:3000.
 */

/**
 * Starts the example page. Resolves once it listens, with its URL and a `close` function.
 *
 * @param {EmbedExampleOptions} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 *
 * @example
 * const page = await startEmbedExample({ port: 0, parleyUrl: 'http://127.0.0.1:3000' });
 * // open page.url in a browser; the Parley server needs CORS_ORIGINS=<page.url's origin>
 * await page.close();
 */
export async function startEmbedExample(options = {}) {
  const { port = 8080, host = '127.0.0.1', parleyUrl = 'http://127.0.0.1:3000' } = options;
  const template = await readFile(indexFile, 'utf8');
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // One page: the chat keeps its route in the fragment (#/c/{id}), which never reaches a server.
    if (path !== '/' && path !== '/index.html') {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    let page;
    try {
      page = template.replaceAll('{{PARLEY_URL}}', escapeHtml(normaliseUrl(resolve(parleyUrl))));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${message}\n`);
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : page);
  });
  server.listen(port, host);
  await once(server, 'listening'); // rejects with the 'error' event, such as EADDRINUSE
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** @param {NonNullable<EmbedExampleOptions['parleyUrl']>} parleyUrl */
function resolve(parleyUrl) {
  return typeof parleyUrl === 'function' ? parleyUrl() : parleyUrl;
}

/**
 * `http://host:3000/` → `http://host:3000`; anything but an http(s) URL is refused.
 * @param {string} value
 */
function normaliseUrl(value) {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PARLEY_URL must be an http:// or https:// URL, not ${value}.`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Asks the Parley server, as a browser would, whether this page's origin may call its API, and
 * says what to do when it may not. Only a hint: the page works as soon as the server is set up.
 * @param {string} parleyUrl
 * @param {string} pageOrigin
 */
async function checkParley(parleyUrl, pageOrigin) {
  let response;
  try {
    response = await fetch(`${parleyUrl}/api/auth/guest`, {
      method: 'OPTIONS',
      headers: { Origin: pageOrigin, 'Access-Control-Request-Method': 'POST' },
      signal: AbortSignal.timeout(3000),
    });
  } catch {
    console.warn(`No Parley server answers at ${parleyUrl} yet. Start it in another terminal:`);
    console.warn(`  CORS_ORIGINS=${pageOrigin} npm start`);
    return;
  }
  const allowed = response.headers.get('access-control-allow-origin');
  if (allowed !== pageOrigin && allowed !== '*') {
    console.warn(`The Parley server at ${parleyUrl} does not allow this page's origin, ${pageOrigin}.`);
    console.warn(`Restart it with CORS_ORIGINS=${pageOrigin} (comma-separate several origins).`);
  }
}

const runDirectly =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (runDirectly) {
  const parleyUrl = normaliseUrl(process.env.PARLEY_URL || 'http://127.0.0.1:3000');
  const port = Number(process.env.PORT || 8080);
  const page = await startEmbedExample({ port, host: process.env.HOST || '127.0.0.1', parleyUrl });
  console.log(`The embedding page is at ${page.url} (Parley server: ${parleyUrl}).`);
  await checkParley(parleyUrl, new URL(page.url).origin);
  const stop = () => page.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
