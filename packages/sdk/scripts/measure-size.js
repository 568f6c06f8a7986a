// Bundles the SDK's public entry point with its dependencies, minified for browsers, and checks
// its gzip size against the budget in DESIGN.md. Run with `npm run size -w packages/sdk`.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const budgetBytes = 12 * 1024;
const entry = new URL('../src/index.ts', import.meta.url).pathname;

const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['@parley/source'],
  write: false,
  metafile: true,
});
const code = result.outputFiles[0].contents;
const gzipBytes = gzipSync(code, { level: 9 }).length;

const inputs = Object.entries(result.metafile.outputs)[0][1].inputs;
const byPackage = new Map();
for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
  const name = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? '@parley/sdk';
  byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
}
for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${name.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(6)} KB minified`);
}
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
console.log(
  `@parley/sdk: ${kilobytes(code.length)} minified, ${kilobytes(gzipBytes)} gzip (budget ${kilobytes(budgetBytes)})`,
);
if (gzipBytes > budgetBytes) {
  console.error('Over budget: the SDK with its dependencies must stay within 12 KB gzip.');
  process.exitCode = 1;
}
