// The real Parley server, started by web-test-runner.config.js and reached through same-origin routes.
interface ServerConfig {
  url?: string;
  error?: string;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  const body = (await response.json()) as T & { error?: string };
  if (body.error) throw new Error(body.error);
  return body;
}

let config: Promise<ServerConfig> | undefined;

/** The base URL of the test server. */
export async function serverUrl(): Promise<string> {
  config ??= getJson<ServerConfig>('/__parley/config');
  const { url } = await config;
  if (!url) throw new Error('The Parley test server is not running.');
  return url;
}

let userCount = 0;

/** A user of their own for one test, so that sidebars start empty. */
export function uniqueUserId(): string {
  userCount += 1;
  return `test-user-${Date.now().toString(36)}-${userCount}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A valid token for `userId`. */
export async function tokenFor(userId: string): Promise<string> {
  const { token } = await getJson<{ token: string }>(`/__parley/token?user=${encodeURIComponent(userId)}`);
  return token;
}

/** Runs SQL against the test server's database. */
export async function query<Row = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const search = new URLSearchParams({ sql, params: JSON.stringify(params) });
  const { rows } = await getJson<{ rows: Row[] }>(`/__parley/query?${search}`);
  return rows;
}
