import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { type EmbedFile, EmbedFiles, installedEmbedDirectory } from '../embed/embed-files';
import { ApiError } from '../errors/api-error';

/** `embed.js` keeps its URL across versions: a cache asks again each time (a 304 when unchanged). */
const entryCacheControl = 'public, no-cache';
/** A chunk's name carries a hash of its contents: the same URL is always the same bytes. */
const chunkCacheControl = 'public, max-age=31536000, immutable';

/**
 * The embed for `<script type="module" src="https://chat.example.com/embed.js">`: `/embed.js` and
 * the chunks it imports (`/embed-*.js`), readable from any origin (module scripts are fetched with
 * CORS), from `directory` (default: the installed `@parley/elements`'s; `null` for none). A 404
 * with a JSON error says so when there is no embed.
 */
export function embedRoutes(directory: string | null = installedEmbedDirectory() ?? null) {
  const files = new EmbedFiles(directory ?? undefined);
  return new Hono<AppEnv>().get('/:name{embed[\\w-]*\\.js}', async (c) => {
    const name = c.req.param('name');
    const file = await files.get(name);
    if (!file) {
      if (name === 'embed.js' || !files.directory) throw notInstalled(files.directory);
      throw new ApiError(404, 'not_found', `There is no ${name} in this version of the embed.`);
    }
    return send(c, file, name === 'embed.js' ? entryCacheControl : chunkCacheControl);
  });
}

function send(c: Context<AppEnv>, file: EmbedFile, cacheControl: string): Response {
  // `gzip;q=0` is a refusal (RFC 9110, 12.5.3).
  const gzip = /\bgzip\b(?!\s*;\s*q=0(?:\.0*)?(?![.\d]))/.test(c.req.header('Accept-Encoding') ?? '');
  const etag = gzip ? `${file.etag.slice(0, -1)}-gzip"` : file.etag;
  const headers: Record<string, string> = {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': cacheControl,
    ETag: etag,
    Vary: 'Accept-Encoding',
    // Any page may load the script (`crossorigin` is anonymous: no cookies, so `*` is safe).
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'X-Content-Type-Options': 'nosniff',
  };
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  if (gzip) headers['Content-Encoding'] = 'gzip';
  return c.body(gzip ? file.gzip : file.body, 200, headers);
}

/** `If-None-Match` compares weakly (RFC 9110, 13.1.2): `W/"x"` matches `"x"`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function notInstalled(directory: string | undefined): ApiError {
  return new ApiError(
    404,
    'not_found',
    directory
      ? 'The embed bundle is not built on this server: build @parley/elements (npm run build), then reload.'
      : 'This server has no embed bundle: install @parley/elements beside @parley/server, then restart.',
  );
}
