/**
 * A client route of the chat (the seed's four):
 * `/new`, `/m/{modelId}/new`, `/c/{sessionId}`, `/m/{modelId}/c/{sessionId}`.
 */
export type ChatRoute =
  | { kind: 'new'; modelId: string | null }
  | { kind: 'conversation'; sessionId: string; modelId: string | null };

/** Where routes live in the URL. */
export interface RouteOptions {
  /**
   * `path` (default): routes are the path under `basePath`, for the History API.
   * `hash`: routes are the fragment (`#/c/{id}`), for host pages that cannot route.
   */
  mode?: 'path' | 'hash';
  /** The path the chat is mounted under in `path` mode, such as `/support/chat`. Default none. */
  basePath?: string;
}

/**
 * `/new` or `/c/{sessionId}`, either after `/m/{modelId}`; or nothing (the base itself).
 * A trailing slash is allowed; `/m/{modelId}` alone is not a route.
 */
const routePattern = /^(?:\/m\/([^/]+)(?=\/(?:new|c\/)))?(?:\/new|\/c\/([^/]+))?\/?$/;

/**
 * Reads a route from a path (`path` mode) or a fragment (`hash` mode). A query string or fragment
 * after the path is ignored. The base itself (`/`, or `basePath`) is the general `/new` route.
 * Returns `null` for anything else, including a path outside `basePath`.
 *
 * @example
 * ```ts
 * parseRoute('/chat/m/support/c/42', { basePath: '/chat' });
 * // → { kind: 'conversation', sessionId: '42', modelId: 'support' }
 * parseRoute(location.hash, { mode: 'hash' });
 * ```
 */
export function parseRoute(location: string, options: RouteOptions = {}): ChatRoute | null {
  const hash = options.mode === 'hash';
  let path = (hash ? location.slice(location.indexOf('#') + 1) : location).split(hash ? '?' : /[?#]/)[0]!;
  const base = hash ? '' : normaliseBasePath(options.basePath);
  if (path !== base && !path.startsWith(`${base}/`)) return null;
  path = path.slice(base.length);
  const match = routePattern.exec(path);
  if (!match) return null;
  try {
    const modelId = match[1] ? decodeURIComponent(match[1]) : null;
    return match[2]
      ? { kind: 'conversation', sessionId: decodeURIComponent(match[2]), modelId }
      : { kind: 'new', modelId };
  } catch {
    return null;
  }
}

/**
 * Writes a route as a path under `basePath` (`path` mode, for `history.pushState`) or as a
 * fragment such as `#/c/42` (`hash` mode, where `basePath` is not used). Ids are URL-encoded.
 *
 * @example
 * ```ts
 * history.replaceState(null, '', formatRoute({ kind: 'conversation', sessionId, modelId }));
 * formatRoute({ kind: 'new', modelId: 'support' }, { mode: 'hash' }); // → '#/m/support/new'
 * ```
 */
export function formatRoute(route: ChatRoute, options: RouteOptions = {}): string {
  const model = route.modelId === null ? '' : `/m/${encodeURIComponent(route.modelId)}`;
  const rest = route.kind === 'new' ? '/new' : `/c/${encodeURIComponent(route.sessionId)}`;
  return (options.mode === 'hash' ? '#' : normaliseBasePath(options.basePath)) + model + rest;
}

/** `'chat/'` → `'/chat'`; `'/'` and nothing → `''`. */
function normaliseBasePath(basePath = ''): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  return trimmed && `/${trimmed}`;
}
