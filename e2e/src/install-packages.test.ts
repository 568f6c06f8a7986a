import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectEnvironment, runCommand } from './harness/run-command';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/** The lines of `file` that end in `// expected error`, 1-based as tsc counts them. */
async function expectedErrorLines(file: string): Promise<number[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  return lines.flatMap((line, index) => (line.endsWith('// expected error') ? [index + 1] : []));
}

/** The line of each error tsc reported in `file`. */
function reportedErrorLines(output: string, file: string): number[] {
  const pattern = new RegExp(`^${file.replace('.', '\\.')}\\((\\d+),\\d+\\): error`, 'gm');
  return [...output.matchAll(pattern)].map((match) => Number(match[1]));
}

/** `parley-server` from the project's node_modules, on PGlite in `dataDir`, on a free port. */
async function startInstalledServer(project: string, dataDir: string) {
  const child = spawn(process.execPath, [join(project, 'node_modules/@parley/server/dist/cli.js')], {
    cwd: project,
    env: projectEnvironment({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      PARLEY_DATA_DIR: dataDir,
      PARLEY_DEMO_DELAY_MS: '0',
      PARLEY_GUESTS: 'true',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /Parley is running at (http:\/\/[^\s/]+)\//.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`The installed server exited (${code}):\n${output}`)));
  });
  return { url, child, log: () => output };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// What `npm run pack` produces, installed as someone outside this repository installs it: into an
// empty project in the temporary folder, where nothing resolves to the monorepo's sources.
describe('the packed packages, installed in an empty project', () => {
  let project: string;
  let installed: Awaited<ReturnType<typeof runCommand>>;

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'parley-install-'));
    const tarballs = join(project, 'tarballs');
    const packed = await runCommand(process.execPath, [join(root, 'scripts/pack.js'), tarballs], {
      cwd: root,
    });
    expect(packed.code, packed.output).toBe(0);
    await cp(join(root, 'e2e/consumer'), project, { recursive: true });
    const files = (await readdir(tarballs)).map((file) => join(tarballs, file));
    expect(files).toHaveLength(3);
    installed = await runCommand(
      'npm',
      ['install', ...files, 'zod@^4', '@types/node@^20', '--prefer-offline', '--no-audit', '--no-fund'],
      { cwd: project },
    );
  }, 300_000);

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('installs from the tarballs alone, with only third-party packages from the registry', async () => {
    expect(installed.code, installed.output).toBe(0);
    const manifest = JSON.parse(await readFile(join(project, 'package.json'), 'utf8'));
    for (const name of ['@parley/sdk', '@parley/elements', '@parley/server']) {
      expect(manifest.dependencies[name]).toMatch(/^file:tarballs\/parley-.*\.tgz$/);
    }
  });

  // nodenext is where the declarations failed silently; node16 and bundler resolution of every entry
  // point are checked by arethetypeswrong (scripts/check-packages.js).
  it('type-checks a consumer under "moduleResolution": "nodenext": the correct file passes, the wrong one fails where it is wrong', async () => {
    const result = await runCommand(process.execPath, [tsc, '-p', 'tsconfig.json', '--listFiles'], {
      cwd: project,
    });
    const errors = result.output
      .split('\n')
      .filter((line) => line.includes(': error TS'))
      .join('\n');
    expect(reportedErrorLines(result.output, 'types-correct.ts'), errors).toEqual([]);
    expect(reportedErrorLines(result.output, 'types-wrong.ts'), errors).toEqual(
      await expectedErrorLines(join(project, 'types-wrong.ts')),
    );
    expect(result.code).not.toBe(0);
    // The declarations tsc read are the installed ones, not the repository's.
    const parleyFiles = result.output.split('\n').filter((line) => line.includes('/@parley/'));
    expect(parleyFiles.length).toBeGreaterThan(10);
    for (const file of parleyFiles) expect(file.startsWith(project)).toBe(true);
  }, 300_000);

  it('runs the installed SDK against the installed server: a new conversation and its streamed answer', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-install-data-'));
    const server = await startInstalledServer(project, dataDir);
    try {
      const result = await runCommand(process.execPath, ['chat.js', server.url, 'Hello from outside'], {
        cwd: project,
      });
      expect(result.code, `${result.output}\n${server.log()}`).toBe(0);
      const chat = JSON.parse(result.output.trim().split('\n').at(-1)!);
      expect(chat.error).toBeNull();
      expect(chat.status).toBe('idle');
      expect(chat.firstEvent).toBe(`created ${chat.sessionId}`);
      expect(chat.tokens).toBeGreaterThan(1);
      expect(chat.streamed).toContain('Hello from outside');
      expect(chat.answer).toEqual({ role: 'assistant', status: 'complete', content: chat.streamed });
      // The installed server finds the installed elements' embed beside it.
      const embed = await fetch(`${server.url}/embed.js`);
      expect(embed.status).toBe(200);
      expect(embed.headers.get('content-type')).toMatch(/javascript/);
    } finally {
      await stop(server.child);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
