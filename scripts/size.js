#!/usr/bin/env node
// Measures what a host page pays, gzip: the `<chat-app>` embed bundle (all of it, and what loads
// before the first answer renders) and `@parley/sdk` bundled with its dependencies for a browser.
// Exits non-zero above the budgets in DESIGN.md. Run `npm run build` first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const embedDirectory = join(root, 'packages/elements/dist');
const embedEntry = 'embed.js';

const kilobyte = 1024;
const budgets = {
  embedTotal: 50 * kilobyte,
  embedFirstAnswer: 25 * kilobyte,
  sdk: 12 * kilobyte,
};

const gzipSize = (contents) => gzipSync(contents, { level: 9 }).length;
const format = (bytes) => `${(bytes / kilobyte).toFixed(1)} KB`;

/** The chunks a module pulls in with static imports (`import"./x.js"`, `from"./x.js"`), itself included. */
function staticClosure(fileName, seen = new Set()) {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  const source = readFileSync(join(embedDirectory, fileName), 'utf8');
  for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) {
    staticClosure(match[1], seen);
  }
  return seen;
}

function measureEmbed() {
  if (!existsSync(join(embedDirectory, embedEntry))) {
    console.error(`No ${join('packages/elements/dist', embedEntry)}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const files = readdirSync(embedDirectory).filter((name) => /^embed.*\.js$/.test(name));
  const sizes = new Map(files.map((name) => [name, gzipSize(readFileSync(join(embedDirectory, name)))]));
  const beforeFirstAnswer = staticClosure(embedEntry);
  const firstAnswer = [...beforeFirstAnswer].reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0);
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  return { files: sizes, beforeFirstAnswer, firstAnswer, total };
}

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

const embed = measureEmbed();
const sdk = await measureSdk();

const rows = [
  ['embed, in all', embed.total, budgets.embedTotal],
  ['embed, before the first answer', embed.firstAnswer, budgets.embedFirstAnswer],
  ['@parley/sdk with its dependencies', sdk, budgets.sdk],
];

console.log('gzip sizes');
for (const [name, size] of embed.files) {
  const note = embed.beforeFirstAnswer.has(name) ? '  before the first answer' : '';
  console.log(`  ${name.padEnd(40)} ${format(size).padStart(9)}${note}`);
}
let failed = false;
for (const [label, size, budget] of rows) {
  const over = size > budget;
  failed ||= over;
  console.log(
    `${over ? '✗' : '✓'} ${label.padEnd(40)} ${format(size).padStart(9)}  (budget ${format(budget)})`,
  );
}
if (failed) {
  console.error('Over budget: see DESIGN.md, "Targets".');
  process.exit(1);
}
