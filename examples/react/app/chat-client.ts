import { ChatClient, type TokenProvider } from '@parley/sdk';

/** What `POST /api/auth/guest` answers. */
interface GuestToken {
  token: string;
  user_id: string;
  expires_at: string;
}

const storageKey = 'parley-guest';
let minting: Promise<GuestToken> | null = null;

/** The guest token kept for this tab, while it has more than a minute left. */
function storedGuest(): GuestToken | null {
  try {
    const guest = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as GuestToken | null;
    return guest && Date.parse(guest.expires_at) - Date.now() > 60_000 ? guest : null;
  } catch {
    return null;
  }
}

async function mintGuest(): Promise<GuestToken> {
  // Same origin: serve.js passes /api/* on to the Parley server.
  const response = await fetch('/api/auth/guest', { method: 'POST' });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body?.error?.message ?? `The guest endpoint answered ${response.status}.`);
  }
  sessionStorage.setItem(storageKey, JSON.stringify(body));
  return body as GuestToken;
}

/**
 * A guest token for this tab: kept in `sessionStorage` so that a reload shows the same
 * conversations, and replaced when the server answers 401 (`refresh: true`).
 */
const guestToken: TokenProvider = async ({ refresh }) => {
  const guest = refresh ? null : storedGuest();
  if (guest) return guest.token;
  minting ??= mintGuest().finally(() => {
    minting = null;
  });
  return (await minting).token;
};

/**
 * One client for the whole app: `<chat-app>` uses it (its `client` property) and React reads the
 * same conversations from `client.sessions`, so both always agree without a second request.
 */
export const client = new ChatClient({ getToken: guestToken });
