import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One file of the embed, read once and kept (with its gzip form) until it changes on disk. */
export interface EmbedFile {
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  /** A strong validator of `body`; the gzip form's is the same with `-gzip` before the closing quote. */
  etag: string;
  /** The Subresource Integrity value of `body` (`sha384-…`), for a `<script integrity>`. */
  integrity: string;
}

/** `embed.js` and its content-hashed chunks (`embed-deferred-parts-1a2B_c3D.js`); nothing else. */
export const embedFileName = /^embed(?:-[\w-]+)?\.js$/;

/**
 * The built embed of `@parley/elements` (`embed.js` and the chunks beside it), from a folder.
 * Files are read when first asked for and read again when their size or time on disk changes, so a
 * rebuild is served without a restart.
 */
export class EmbedFiles {
  readonly directory: string | undefined;
  readonly #cache = new Map<string, { version: string; file: EmbedFile }>();

  constructor(directory: string | undefined) {
    this.directory = directory;
  }

  /** The file called `name`, or `undefined` when it is not part of the embed or does not exist. */
  async get(name: string): Promise<EmbedFile | undefined> {
    if (!this.directory || !embedFileName.test(name)) return undefined;
    const path = join(this.directory, name);
    let version: string;
    try {
      const stats = await stat(path);
      if (!stats.isFile()) return undefined;
      version = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      return undefined;
    }
    const cached = this.#cache.get(name);
    if (cached?.version === version) return cached.file;
    const body = Uint8Array.from(await readFile(path).catch(() => new Uint8Array()));
    if (body.length === 0) return undefined;
    const sha384 = createHash('sha384').update(body).digest('base64');
    const file: EmbedFile = {
      body,
      gzip: Uint8Array.from(gzipSync(body, { level: 9 })),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
      integrity: `sha384-${sha384}`,
    };
    this.#cache.set(name, { version, file });
    return file;
  }
}

/** Where the installed `@parley/elements` keeps its built embed, or `undefined` without it. */
export function installedEmbedDirectory(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.resolve('@parley/elements/embed')));
  } catch {
    return undefined;
  }
}
