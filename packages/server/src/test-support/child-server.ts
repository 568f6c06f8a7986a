import { type ChildProcess, fork } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outDirectory = fileURLToPath(new URL('../../node_modules/.parley-test/', import.meta.url));
let bundled: Promise<string> | undefined;

/** Bundles the child server once per test run (Node 20 cannot run TypeScript by itself). */
function bundle(): Promise<string> {
  bundled ??= (async () => {
    await mkdir(outDirectory, { recursive: true });
    const outfile = `${outDirectory}owner-process.mjs`;
    await build({
      entryPoints: [fileURLToPath(new URL('./owner-process.ts', import.meta.url))],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@parley/source'],
      external: ['@electric-sql/pglite', 'postgres', 'drizzle-orm', 'hono', '@hono/node-server'],
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundled;
}

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** SIGKILL: no shutdown, no last write. Resolves once the process is gone. */
  kill(): Promise<void>;
}

/** A Parley server in a child process on `databaseUrl`, listening on a free port. */
export async function startChildServer(env: {
  databaseUrl: string;
  secret: string;
  leaseMs: number;
  delayMs: number;
}): Promise<ChildServer> {
  const file = await bundle();
  const child = fork(file, [], {
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      PARLEY_TEST_SECRET: env.secret,
      PARLEY_TEST_LEASE_MS: String(env.leaseMs),
      PARLEY_TEST_DELAY_MS: String(env.delayMs),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`The child server exited (${code}).`)));
  });
  return {
    url,
    process: child,
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
