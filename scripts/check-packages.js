// Usage: node scripts/check-packages.js [folder of tarballs]   (default: dist-pack/, from scripts/pack.js)
//
// Lints each packed tarball as a consumer would receive it: publint (package.json against the files
// that are really in it) and arethetypeswrong (every `exports` entry resolves to declarations and
// JavaScript under node16 and bundler resolution, and the declarations' own imports resolve too).
// The packages are ESM only, so CommonJS `require` and the pre-exports `node10` resolution are not
// asked for (attw's `esm-only` profile).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const ignoredResolutions = new Set(['node10', 'node16-cjs']);

/** @param {Uint8Array} tarball @returns {Promise<string[]>} */
async function lintPackage(tarball) {
  const { messages, pkg } = await publint({ pack: { tarball: tarball.slice().buffer }, strict: true });
  return messages.map(
    (message) => `publint ${message.type}: ${formatMessage(message, pkg, { color: false })}`,
  );
}

/** @param {Uint8Array} tarball @returns {Promise<string[]>} */
async function checkTypes(tarball) {
  const analysis = await checkPackage(createPackageFromTarballData(tarball));
  if (!analysis.types) return ['attw: the package has no type declarations.'];
  return analysis.problems
    .filter((problem) => !('resolutionKind' in problem && ignoredResolutions.has(problem.resolutionKind)))
    .map((problem) => {
      const where =
        'entrypoint' in problem
          ? ` "${problem.entrypoint}" under ${problem.resolutionKind}`
          : 'fileName' in problem
            ? ` in ${problem.fileName}${'moduleSpecifier' in problem ? ` ("${problem.moduleSpecifier}")` : ''}`
            : '';
      return `attw${where}: ${problemKindInfo[problem.kind].title}. ${problemKindInfo[problem.kind].docsUrl}`;
    });
}

const folder = resolve(process.argv[2] ?? join(root, 'dist-pack'));
const tarballs = readdirSync(folder).filter((file) => file.endsWith('.tgz'));
if (tarballs.length === 0) {
  console.error(`No tarballs in ${folder}: run \`npm run pack\` first.`);
  process.exit(1);
}
let failed = false;
for (const file of tarballs) {
  const tarball = new Uint8Array(readFileSync(join(folder, file)));
  const problems = [...(await lintPackage(tarball)), ...(await checkTypes(tarball))];
  console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${file}`);
  for (const problem of problems) console.log(`       ${problem}`);
  failed ||= problems.length > 0;
}
process.exitCode = failed ? 1 : 0;
