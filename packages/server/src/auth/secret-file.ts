import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The name of the file, in the data folder, that holds the generated token secret. */
export const SECRET_FILE_NAME = 'jwt-secret';

/**
 * The token secret kept in `dataDir`, made on first use: so guest tokens, and the conversations
 * they own, survive a restart. The file is readable by its owner only (mode 0600).
 *
 * Two processes starting at once agree on one secret: each writes its own temporary file and
 * links it to the final name, which only one link can take, then both read the winner back.
 */
export function readOrCreateSecret(dataDir: string): string {
  const path = join(dataDir, SECRET_FILE_NAME);
  const existing = readSecret(path);
  if (existing !== undefined) return existing;
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    // Unlike rename, link never replaces: a secret another process already handed out stays.
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const secret = readSecret(path);
  if (secret === undefined) throw new Error(`${path} does not hold a token secret of 32 characters or more.`);
  return secret;
}

function readSecret(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A copy restored with looser permissions is closed again: the secret signs every token.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const secret = text.trim();
  if (secret.length < 32) throw new Error(`${path} does not hold a token secret of 32 characters or more.`);
  return secret;
}
