#!/usr/bin/env node
// Bundles the app with esbuild (its own JSX support, no plugin): app/main.tsx → dist/assets/app.js
// and app.css, and copies index.html to dist/. esbuild only strips the types: `npm run typecheck`
// checks them.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, 'dist');

// The app imports @parley/elements and @parley/sdk as published: their dist/ folders.
for (const name of ['@parley/sdk', '@parley/elements/define']) {
  if (!existsSync(fileURLToPath(import.meta.resolve(name)))) {
    console.error(`${name} is not built. Run \`npm run build\` at the root of the repository first.`);
    process.exit(1);
  }
}

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({
  entryPoints: { app: join(here, 'app/main.tsx') },
  outdir: join(outdir, 'assets'),
  bundle: true,
  format: 'esm',
  // The elements load their markdown renderer when the first answer arrives: keep it a chunk of its own.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  sourcemap: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'info',
});
await copyFile(join(here, 'index.html'), join(outdir, 'index.html'));
