import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedEmbedDirectory } from '../embed/embed-files';
import { startTestServer, type TestServer } from '../testing';

const entry = 'import"./embed-parts-Ab_1-x9Z.js";import("./embed-markdown-Qw2_Ee3R.js");customElements;';
const chunk = 'export const parts=1;';

/** `fetch` without the automatic decompression, to see the bytes and headers as sent. */
async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers: { 'Accept-Encoding': 'identity', ...headers } });
  return { response, body: new Uint8Array(await response.arrayBuffer()) };
}

describe('the embed at /embed.js', () => {
  let server: TestServer;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'parley-embed-'));
    await writeFile(join(directory, 'embed.js'), entry);
    await writeFile(join(directory, 'embed-parts-Ab_1-x9Z.js'), chunk);
    await writeFile(join(directory, 'index.js'), 'not the embed');
    server = await startTestServer({ embedDirectory: directory });
  });

  afterAll(async () => {
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('serves embed.js to any origin, revalidated with its ETag', async () => {
    const { response, body } = await get(`${server.url}/embed.js`, { Origin: 'https://shop.example' });
    expect(response.status).toBe(200);
    expect(new TextDecoder().decode(body)).toBe(entry);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, no-cache',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
      vary: 'Accept-Encoding',
    });
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const revalidated = await get(`${server.url}/embed.js`, { 'If-None-Match': etag });
    expect(revalidated.response.status).toBe(304);
    expect(revalidated.body).toHaveLength(0);
    expect(revalidated.response.headers.get('etag')).toBe(etag);
    expect(revalidated.response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await get(`${server.url}/embed.js`, { 'If-None-Match': `W/${etag}` })).response.status).toBe(304);
    expect((await get(`${server.url}/embed.js`, { 'If-None-Match': '"other"' })).response.status).toBe(200);
  });

  it('serves a new embed.js, with a new ETag, after a rebuild', async () => {
    const before = (await get(`${server.url}/embed.js`)).response.headers.get('etag');
    const rebuilt = `${entry}// rebuilt`;
    await writeFile(join(directory, 'embed.js'), rebuilt);
    const { response, body } = await get(`${server.url}/embed.js`, { 'If-None-Match': before! });
    expect(response.status).toBe(200);
    expect(new TextDecoder().decode(body)).toBe(rebuilt);
    expect(response.headers.get('etag')).not.toBe(before);
    await writeFile(join(directory, 'embed.js'), entry);
  });

  it('serves the content-hashed chunks beside it with a year-long immutable cache', async () => {
    const { response, body } = await get(`${server.url}/embed-parts-Ab_1-x9Z.js`);
    expect(response.status).toBe(200);
    expect(new TextDecoder().decode(body)).toBe(chunk);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends gzip to clients that take it, with its own ETag', async () => {
    const plain = await get(`${server.url}/embed.js`);
    const { response, body } = await get(`${server.url}/embed.js`, { 'Accept-Encoding': 'gzip, br' });
    // fetch undoes the gzip itself, and would fail on anything else.
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(new TextDecoder().decode(body)).toBe(entry);
    expect(response.headers.get('etag')).not.toBe(plain.response.headers.get('etag'));
    const refused = await get(`${server.url}/embed.js`, { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(refused.response.headers.get('content-encoding')).toBeNull();
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetch(`${server.url}/embed.js`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('serves nothing else from the folder: a missing chunk or another file is a JSON 404', async () => {
    for (const path of [
      '/embed-markdown-Qw2_Ee3R.js',
      '/index.js',
      '/embed-..%2Findex.js',
      '/embed.js.map',
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
      expect(response.headers.get('cache-control'), path).toBeNull();
    }
  });
});

describe('a server without @parley/elements', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ embedDirectory: null });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('answers /embed.js with a JSON 404 that says what to install, and still serves the API', async () => {
    const response = await fetch(`${server.url}/embed.js`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        code: 'not_found',
        message:
          'This server has no embed bundle: install @parley/elements beside @parley/server, then restart.',
      },
    });
    const models = await fetch(`${server.url}/api/models`, {
      headers: { Authorization: `Bearer ${await server.token()}` },
    });
    expect(models.status).toBe(200);
  });
});

describe('the default embed folder', () => {
  it('is the installed @parley/elements package', () => {
    const elements = resolve(fileURLToPath(new URL('../../../elements', import.meta.url)));
    expect(installedEmbedDirectory()).toBe(join(elements, 'dist'));
  });

  it('makes integrity values that a browser checks the same way', async () => {
    const { EmbedFiles } = await import('../embed/embed-files');
    const directory = await mkdtemp(join(tmpdir(), 'parley-embed-'));
    await writeFile(join(directory, 'embed.js'), entry);
    const file = await new EmbedFiles(directory).get('embed.js');
    expect(file?.integrity).toBe(`sha384-${createHash('sha384').update(entry).digest('base64')}`);
    await rm(directory, { recursive: true, force: true });
  });
});
