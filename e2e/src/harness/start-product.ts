import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const cli = fileURLToPath(new URL('../../../packages/server/dist/cli.js', import.meta.url));

export interface RunningProduct {
  url: string;
  /** Everything the server process wrote, stdout and stderr. */
  log(): string;
  /** SQL on the product's database. */
  sql<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  readonly jwtSecret: string;
  stop(): Promise<void>;
}

/**
 * Runs the product as a user runs it: the built CLI (`npm start`'s server) in its own process,
 * on a fresh Postgres database when DATABASE_URL is set (PGlite in a temporary folder otherwise).
 */
export async function startProduct(env: Record<string, string> = {}): Promise<RunningProduct> {
  const adminUrl = process.env.DATABASE_URL;
  const jwtSecret = randomBytes(32).toString('base64url');
  let databaseUrl: string | undefined;
  let cleanup = async () => {};
  let connection: postgres.Sql | undefined;
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-e2e-'));
  if (adminUrl) {
    const name = `parley_e2e_${randomBytes(5).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    connection = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    cleanup = async () => {
      await connection?.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const child = spawn(process.execPath, [cli], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PARLEY_DATA_DIR: dataDir,
      PARLEY_DEMO_DELAY_MS: '15',
      AUTH_JWT_SECRET: jwtSecret,
      PARLEY_GUESTS: 'true',
      RATE_LIMIT_NEW_PER_MINUTE: '100',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  // No deadline of its own: the hook's timeout is the hang guard, and a slow start is not a failure.
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /Parley is running at (http:\/\/[^\s/]+)\//.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`The server exited (${code}):\n${output}`)));
  });
  return {
    url,
    jwtSecret,
    log: () => output,
    sql: async (text, params = []) => {
      if (!connection) throw new Error('SQL checks need DATABASE_URL (a real Postgres).');
      return (await connection.unsafe(text, params as never[])) as never;
    },
    stop: async () => {
      await stopProcess(child);
      await cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
