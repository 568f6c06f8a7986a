// Usage: node scripts/pack.js [destination]   (default: dist-pack/)
//
// Packs each published package, as built, into a tarball that installs anywhere with
// `npm install ./parley-sdk-0.1.0.tgz …` — the way to use Parley outside this repository until
// the packages are on the npm registry. `npm run pack` builds first; this script does not.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The published packages, each after the ones it depends on. */
export const publishedPackages = ['sdk', 'elements', 'server'];

/**
 * Packs every published package into `destination`, replacing the tarballs packed there before.
 * @param {string} destination
 * @returns {string[]} the tarballs' paths, in the order of `publishedPackages`
 */
export function packPackages(destination) {
  for (const name of publishedPackages) {
    if (!existsSync(join(root, 'packages', name, 'dist', 'index.js'))) {
      throw new Error(`packages/${name}/dist is missing: run \`npm run build\` first (or \`npm run pack\`).`);
    }
  }
  mkdirSync(destination, { recursive: true });
  for (const file of readdirSync(destination)) {
    if (file.endsWith('.tgz')) rmSync(join(destination, file));
  }
  const output = execFileSync(
    'npm',
    [
      'pack',
      ...publishedPackages.flatMap((name) => ['--workspace', `packages/${name}`]),
      '--pack-destination',
      destination,
      '--json',
      '--silent',
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  /** @type {{ filename: string }[]} */
  const packed = JSON.parse(output);
  return packed.map(({ filename }) => join(destination, filename));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const destination = resolve(process.argv[2] ?? join(root, 'dist-pack'));
  const tarballs = packPackages(destination);
  console.log(`Packed into ${relative(process.cwd(), destination) || '.'}:`);
  for (const tarball of tarballs) console.log(`  ${relative(process.cwd(), tarball)}`);
}
