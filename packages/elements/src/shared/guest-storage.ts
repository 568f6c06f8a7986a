/** A guest token as kept between page loads; times are epoch milliseconds. */
export interface SavedGuest {
  token: string;
  /** Empty for a token kept by an older version, which did not record it. */
  userId: string;
  expiresAt: number;
  /** From then on the token is renewed before use. */
  renewAt: number;
}

/** Where storage is unavailable (private modes, sandboxed frames): kept for this page only. */
const memory = new Map<string, SavedGuest>();

/** The guest kept under `key`, expired or not (the server may still renew it), if any. */
export function readGuest(key: string): SavedGuest | undefined {
  try {
    return parse(localStorage.getItem(key));
  } catch {
    return memory.get(key);
  }
}

export function writeGuest(key: string, guest: SavedGuest): void {
  memory.set(key, guest);
  try {
    localStorage.setItem(
      key,
      JSON.stringify({
        token: guest.token,
        user_id: guest.userId,
        expires_at: new Date(guest.expiresAt).toISOString(),
        renew_at: new Date(guest.renewAt).toISOString(),
      }),
    );
  } catch {
    // Kept in memory only: the next page load is a new guest.
  }
}

function parse(text: string | null): SavedGuest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { token, user_id, expires_at, renew_at } = value as Record<string, unknown>;
  const expiresAt = Date.parse(String(expires_at));
  if (typeof token !== 'string' || Number.isNaN(expiresAt)) return undefined;
  const renewAt = Date.parse(String(renew_at));
  return {
    token,
    userId: typeof user_id === 'string' ? user_id : '',
    expiresAt,
    // An entry without it is renewed at once, which also records its user.
    renewAt: Number.isNaN(renewAt) ? 0 : renewAt,
  };
}
