import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from './auth/hs256';
import { readOrCreateSecret, SECRET_FILE_NAME } from './auth/secret-file';
import { readStream } from './test-support/sse-client';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

interface RunningCli {
  url: string;
  stop(): Promise<void>;
}

// Hang guards, not measurements: each start runs the server from source, and on PGlite a loaded
// two-core machine takes a minute or more per start.
const startsTwice = 600_000;

const running = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

/**
 * A fresh Postgres database when DATABASE_URL is set, as the other server tests use: the CLI then
 * starts in a moment. Without it, the CLI runs on PGlite in the data folder (empty URL).
 */
async function databaseUrl(): Promise<string> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return '';
  const name = `parley_cli_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  cleanups.push(async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts the CLI from its sources, as `npm start` does, on port 0 and the given data folder. */
function startCli(env: Record<string, string>): Promise<RunningCli> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@parley/source', cli], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      AUTH_JWT_SECRET: '',
      PARLEY_DEMO_DELAY_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /Parley is running at (http:\/\/[^\s/]+)\//.exec(output);
      if (match) resolve({ url: match[1]!, stop: () => stop(child) });
    });
    child.once('exit', (code) => reject(new Error(`The CLI exited (${code}):\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function mintGuest(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/guest`, { method: 'POST' });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

async function listSessions(url: string, token: string) {
  const response = await fetch(`${url}/api/chat/sessions`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { sessions?: { id: string }[] } };
}

describe('the CLI without AUTH_JWT_SECRET', { timeout: startsTwice }, () => {
  let dataDir: string | undefined;
  afterEach(async () => {
    await Promise.all([...running].map(stop));
    for (const cleanup of cleanups.splice(0)) await cleanup();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps guests and their conversations across a restart, the secret in a 0600 file', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'parley-cli-'));
    const database = await databaseUrl();
    const first = await startCli({ PARLEY_DATA_DIR: dataDir, DATABASE_URL: database });
    const token = await mintGuest(first.url);
    const { events } = await readStream(`${first.url}/api/chat/stream-new`, {
      token,
      body: { message: 'Remember me' },
      headers: { 'Idempotency-Key': 'restart-1' },
    });
    const sessionId = events[0]?.data.session_id as string;
    expect(events.at(-1)?.event).toBe('done');
    await first.stop();

    const second = await startCli({ PARLEY_DATA_DIR: dataDir, DATABASE_URL: database });
    const { status, body } = await listSessions(second.url, token);
    expect(status).toBe(200);
    expect(body.sessions?.map((session) => session.id)).toContain(sessionId);
    const file = await stat(join(dataDir, SECRET_FILE_NAME));
    expect(file.mode & 0o777).toBe(0o600);
  });

  it('signs with AUTH_JWT_SECRET when it is given, not with the kept secret', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'parley-cli-'));
    const kept = readOrCreateSecret(dataDir);
    const given = 'a-given-secret-of-thirty-two-characters-or-more';
    const server = await startCli({
      PARLEY_DATA_DIR: dataDir,
      DATABASE_URL: await databaseUrl(),
      AUTH_JWT_SECRET: given,
    });
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'alice', iat: now, exp: now + 600 };
    expect((await listSessions(server.url, signToken(claims, kept))).status).toBe(401);
    expect((await listSessions(server.url, signToken(claims, given))).status).toBe(200);
  });
});
