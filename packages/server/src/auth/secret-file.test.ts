import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { serverOptionsFromConfig } from '../server-options-from-config';
import { readOrCreateSecret, SECRET_FILE_NAME } from './secret-file';

const module = fileURLToPath(new URL('./secret-file.ts', import.meta.url));

/** Reads the secret in a process of its own, as a second server starting at the same time would. */
function secretFromAnotherProcess(dataDir: string): Promise<string> {
  const script = `const { readOrCreateSecret } = await import(${JSON.stringify(module)});
process.stdout.write(readOrCreateSecret(${JSON.stringify(dataDir)}));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`exit ${code}`))));
  });
}

describe('readOrCreateSecret', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'parley-secret-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('makes the secret once, in a file only its owner can read', async () => {
    const folder = join(dataDir, 'not-yet-made');
    const secret = readOrCreateSecret(folder);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readOrCreateSecret(folder)).toBe(secret);
    expect((await stat(join(folder, SECRET_FILE_NAME))).mode & 0o777).toBe(0o600);
    expect(await readdir(folder)).toEqual([SECRET_FILE_NAME]);
  });

  it('gives processes that start together one secret', async () => {
    const secrets = await Promise.all(Array.from({ length: 4 }, () => secretFromAnotherProcess(dataDir)));
    expect(new Set(secrets).size).toBe(1);
    expect(readOrCreateSecret(dataDir)).toBe(secrets[0]);
    expect(await readdir(dataDir)).toEqual([SECRET_FILE_NAME]);
  }, 300_000);

  it('closes a kept file that others could read', async () => {
    const path = join(dataDir, SECRET_FILE_NAME);
    await writeFile(path, 'x'.repeat(40));
    await chmod(path, 0o644);
    expect(readOrCreateSecret(dataDir)).toBe('x'.repeat(40));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('refuses a kept file too short to be a secret', async () => {
    await writeFile(join(dataDir, SECRET_FILE_NAME), 'short\n', { mode: 0o600 });
    expect(() => readOrCreateSecret(dataDir)).toThrow(/32 characters/);
  });
});

describe('serverOptionsFromConfig', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'parley-secret-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('signs with the kept secret, also with DATABASE_URL', () => {
    const kept = serverOptionsFromConfig(loadConfig({ PARLEY_DATA_DIR: dataDir })).auth.jwtSecret;
    expect(kept).toBe(readOrCreateSecret(dataDir));
    const withPostgres = loadConfig({
      PARLEY_DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    expect(serverOptionsFromConfig(withPostgres).auth.jwtSecret).toBe(kept);
  });

  it('lets AUTH_JWT_SECRET win and then writes no file', async () => {
    const given = 'a-given-secret-of-thirty-two-characters-or-more';
    const options = serverOptionsFromConfig(loadConfig({ PARLEY_DATA_DIR: dataDir, AUTH_JWT_SECRET: given }));
    expect(options.auth.jwtSecret).toBe(given);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
