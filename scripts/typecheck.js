// Usage: node scripts/typecheck.js   (`npm run typecheck`)
//
// Type-checks the monorepo's sources (tsconfig.json) and then every example with its own
// tsconfig.json: the examples import the packages as users do, so they are checked against the
// built declarations (dist/) and need `npm run build` first. An example without a tsconfig.json
// fails the check. One `tsc -p` each, two at a time: `tsc -b` would skip a project as up to date
// when only the packages' declarations changed.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const examples = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join('examples', entry.name));
const projects = ['.', ...examples];

/** @param {string} project @returns {Promise<boolean>} whether it type-checks */
function check(project) {
  const name = project === '.' ? 'the packages (tsconfig.json)' : project;
  if (!existsSync(join(root, project, 'tsconfig.json'))) {
    console.error(`${project} has no tsconfig.json: every example is type-checked.`);
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsc, '-p', join(project, 'tsconfig.json')],
      { cwd: root },
      (error, stdout, stderr) => {
        process.stdout.write(stdout + stderr);
        console.log(`${error ? 'Type errors in' : 'Type-checked'} ${name}.`);
        resolve(!error);
      },
    );
  });
}

const queue = [...projects];
const results = await Promise.all(
  Array.from({ length: Math.min(2, availableParallelism()) }, async () => {
    let passed = true;
    for (let project = queue.shift(); project !== undefined; project = queue.shift()) {
      passed = (await check(project)) && passed;
    }
    return passed;
  }),
);
process.exitCode = results.every(Boolean) ? 0 : 1;
