#!/usr/bin/env node
// Measures what a host page pays, gzip: the `<chat-app>` embed bundle (all of it, and what loads
// before the first answer renders, in English and in the language with the largest pack) and
// `@parley/sdk` bundled with its dependencies for a browser.
// Exits non-zero above the budgets of docs/decisions/0005-size-budgets.md. Run `npm run build` first.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  budgets,
  checkBudgets,
  formatSize,
  gzipSize,
  isHighlightingGrammar,
  isLocalePack,
  measureEmbed,
} from './size-budgets.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const embedDirectory = join(root, 'packages/elements/dist');

async function measureSdk() {
  const result = await build({
    entryPoints: [join(root, 'packages/sdk/src/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@parley/source'],
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return gzipSize(result.outputFiles[0].contents);
}

if (!existsSync(join(embedDirectory, 'embed.js'))) {
  console.error('No packages/elements/dist/embed.js: run `npm run build` first.');
  process.exit(1);
}
const embed = measureEmbed(embedDirectory);
const sdk = await measureSdk();

console.log('gzip sizes');
for (const [name, size] of embed.files) {
  const note = embed.beforeFirstAnswer.has(name)
    ? '  before the first answer'
    : isHighlightingGrammar(name)
      ? '  grammar, not in the total'
      : isLocalePack(name)
        ? name === embed.largestPack
          ? '  language pack, the largest: in the total'
          : '  language pack'
        : '';
  console.log(`  ${name.padEnd(40)} ${formatSize(size).padStart(9)}${note}`);
}
const { failed, lines } = checkBudgets([
  ['embed, in all (no grammars, one language)', embed.total, budgets.embedTotal],
  ['embed, before the first answer', embed.firstAnswer, budgets.embedFirstAnswer],
  ['@parley/sdk with its dependencies', sdk, budgets.sdk],
]);
for (const line of lines) console.log(line);
// Reported, not gated, until the first render stops waiting for the pack
// (docs/decisions/0007-language-packs.md): a budget must not take a language away.
const inLargest = embed.firstAnswerInLargestLanguage;
console.log(
  `${inLargest > budgets.embedFirstAnswer ? '!' : '✓'} ${'the same, in the largest language'.padEnd(40)} ${formatSize(inLargest).padStart(9)}  (budget ${formatSize(budgets.embedFirstAnswer)}, reported only)`,
);
if (failed) {
  console.error('Over budget: see docs/decisions/0005-size-budgets.md.');
  process.exit(1);
}
