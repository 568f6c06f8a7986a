import type { TokenProvider } from '@parley/sdk';

interface SavedToken {
  token: string;
  expires_at: string;
}

/** A token this close to its end is replaced before use. */
const margin = 60_000;

/**
 * Tokens for an anonymous visitor, from the server's `POST /api/auth/guest`. The token is kept in
 * `localStorage` until it expires, so a reload stays the same guest and finds its conversations.
 * After a 401 (`refresh: true`) a new guest token is fetched.
 */
export function guestTokenProvider(baseUrl: string): TokenProvider {
  const key = `parley-guest-token:${baseUrl || location.origin}`;
  let pending: Promise<string> | undefined;
  return ({ refresh }) => {
    const saved = refresh ? undefined : readSaved(key);
    if (saved) return saved;
    pending ??= fetchGuestToken(baseUrl, key).finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

function readSaved(key: string): string | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as SavedToken | null;
    if (saved && Date.parse(saved.expires_at) - Date.now() > margin) return saved.token;
  } catch {
    // Storage can be unavailable (private modes, sandboxed frames): fetch a token each time instead.
  }
  return undefined;
}

async function fetchGuestToken(baseUrl: string, key: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest`, { method: 'POST' });
  const body = (await response.json().catch(() => null)) as
    | (SavedToken & { error?: { message?: string } })
    | null;
  if (!response.ok || typeof body?.token !== 'string') {
    throw new Error(body?.error?.message ?? `Could not get a guest token (${response.status}).`);
  }
  try {
    localStorage.setItem(key, JSON.stringify({ token: body.token, expires_at: body.expires_at }));
  } catch {
    // Not kept: the next page load gets a new guest.
  }
  return body.token;
}
