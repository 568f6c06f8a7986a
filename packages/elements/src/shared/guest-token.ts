import { ChatError, type TokenProvider } from '@parley/sdk';
import { readGuest, type SavedGuest, writeGuest } from './guest-storage';

/** A token this close to its end is not used any more. */
const margin = 60_000;
/** The other tabs wait for the lock held during the request: a stalled one must not hold it forever. */
const requestTimeout = 30_000;

export interface GuestTokenOptions {
  /**
   * Called when the visitor became a new guest although one was kept: the server refused the kept
   * token (its secret changed) or it had expired. The old guest's conversations are out of reach.
   */
  onReplaced?: () => void;
}

/** The operation under way per storage key in this page, which later callers join. */
const inFlight = new Map<string, Promise<string>>();

/**
 * Tokens for an anonymous visitor, from the server's `POST /api/auth/guest`. One token serves
 * every page load and tab of the visit: it is kept in `localStorage` with its expiry and renewed
 * (same guest, new expiry) once half its lifetime has passed. Getting or renewing one runs under
 * a Web Lock shared by the tabs, so two tabs opening at once ask the server once; where Web Locks
 * are missing, the calls of one page still share one request. After a 401 (`refresh: true`) the
 * server is asked again with the kept token: it renews it if it is still good (another tab may
 * have replaced it already) and makes a new guest otherwise.
 */
export function guestTokenProvider(baseUrl: string, options: GuestTokenOptions = {}): TokenProvider {
  const key = `parley-guest-token:${baseUrl || location.origin}`;
  return ({ refresh }) => {
    const saved = refresh ? undefined : readGuest(key);
    if (saved && Date.now() < saved.renewAt) return saved.token;
    const joined = inFlight.get(key);
    if (joined) return joined;
    const pending = exclusive(key, () => obtain(baseUrl, key, refresh, options)).finally(() => {
      inFlight.delete(key);
    });
    inFlight.set(key, pending);
    return pending;
  };
}

/** Runs `run` holding the lock named `key`, shared by the pages of this origin where supported. */
async function exclusive(key: string, run: () => Promise<string>): Promise<string> {
  return navigator.locks ? await navigator.locks.request(key, run) : run();
}

/** Reads, renews or gets the visitor's token; run by one caller at a time across tabs. */
async function obtain(
  baseUrl: string,
  key: string,
  refresh: boolean,
  options: GuestTokenOptions,
): Promise<string> {
  // Read again: another tab may have done the work while this one waited for the lock.
  const saved = readGuest(key);
  const now = Date.now();
  if (!refresh && saved && now < saved.renewAt) return saved.token;
  let guest: SavedGuest;
  try {
    guest = await requestGuest(baseUrl, saved?.token);
  } catch (error) {
    // A failed renewal leaves the kept token, which still works for a while.
    if (!refresh && saved && saved.expiresAt - now > margin) return saved.token;
    throw error;
  }
  writeGuest(key, guest);
  if (saved?.userId && saved.userId !== guest.userId) options.onReplaced?.();
  return guest.token;
}

/** `POST /api/auth/guest`, with the kept token when there is one so the server can renew it. */
async function requestGuest(baseUrl: string, kept: string | undefined): Promise<SavedGuest> {
  const sentAt = Date.now();
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/auth/guest`, {
      method: 'POST',
      headers: kept ? { Authorization: `Bearer ${kept}` } : {},
      signal: AbortSignal.timeout(requestTimeout),
    });
  } catch (cause) {
    throw new ChatError({
      code: 'network_error',
      message: 'Could not reach the chat server: check the connection and try again.',
      retryable: true,
      cause,
    });
  }
  const body = (await response.json().catch(() => null)) as {
    token?: unknown;
    user_id?: unknown;
    expires_at?: unknown;
    error?: { code?: string; message?: string };
  } | null;
  const expiresAt = Date.parse(String(body?.expires_at));
  if (response.ok && typeof body?.token === 'string' && typeof body.user_id === 'string' && expiresAt) {
    return {
      token: body.token,
      userId: body.user_id,
      expiresAt,
      renewAt: sentAt + (expiresAt - sentAt) / 2,
    };
  }
  if (response.status === 429) {
    const seconds = Math.max(1, Number.parseInt(response.headers.get('Retry-After') ?? '', 10) || 60);
    throw new ChatError({
      code: 'rate_limited',
      message: `Too many visitors from your network right now. Wait ${seconds} seconds, then try again.`,
      status: 429,
      retryable: true,
      retryAfter: seconds,
    });
  }
  throw new ChatError({
    code: response.status === 404 ? 'guest_disabled' : 'internal_error',
    message: body?.error?.message ?? `Could not start a guest visit (${response.status}).`,
    status: response.status,
    retryable: response.status >= 500,
  });
}
