import { type ChatRoute, formatRoute, parseRoute } from '@parley/sdk';

/**
 * Where the chat keeps its route:
 * - `path`: the URL's path under a base path (`/c/42`), with the History API;
 * - `hash`: the URL's fragment (`#/c/42`), for host pages that cannot route;
 * - `memory`: nowhere in the URL, for a widget that must not touch the host page's address.
 */
export type RoutingMode = 'path' | 'hash' | 'memory';

/** How a route change came about; `push` is a user's choice inside the chat. */
export type RouteChangeCause = 'push' | 'replace' | 'history';

export interface ChatRouterOptions {
  mode?: RoutingMode;
  /** The path the chat lives under in `path` mode, such as `/support/chat`. */
  basePath?: string;
  /** The route when the URL has none (and the first route in `memory` mode). */
  fallback?: ChatRoute;
}

/** Told to every router on the page after one of them changes the URL, since `pushState` is silent. */
const locationChangeEvent = 'chat-location-change';

const generalRoute: ChatRoute = { kind: 'new', modelId: null };

/**
 * Follows and changes the chat's route. It never loads a page: navigation is `history.pushState`
 * (or `replaceState`) in `path` and `hash` modes, and a plain field in `memory` mode. Back and
 * Forward are followed through `popstate`.
 *
 * @example
 * ```ts
 * const router = new ChatRouter({ mode: 'hash' });
 * router.connect();
 * router.subscribe((route) => console.log(route));
 * router.navigate({ kind: 'new', modelId: 'support' }); // → #/m/support/new
 * ```
 */
export class ChatRouter {
  readonly mode: RoutingMode;
  readonly basePath: string;
  readonly #fallback: ChatRoute;
  readonly #listeners = new Set<(route: ChatRoute, cause: RouteChangeCause) => void>();
  #route: ChatRoute;
  #connections = 0;
  readonly #onLocationChange = () => this.#set(this.#read(), 'history');

  constructor(options: ChatRouterOptions = {}) {
    this.mode = options.mode ?? 'path';
    this.basePath = options.basePath ?? '';
    this.#fallback = options.fallback ?? generalRoute;
    this.#route = this.mode === 'memory' ? this.#fallback : this.#read();
  }

  /** The current route. */
  get route(): ChatRoute {
    return this.#route;
  }

  /** The `href` of a link to `route`: a real address, so that "open in a new tab" works. */
  href(route: ChatRoute): string {
    if (this.mode === 'path') return formatRoute(route, { basePath: this.basePath });
    const hash = formatRoute(route, { mode: 'hash' });
    return this.mode === 'hash' ? `${location.pathname}${location.search}${hash}` : hash;
  }

  /** Goes to `route` without loading a page; `replace` rewrites the current history entry instead of adding one. */
  navigate(route: ChatRoute, options: { replace?: boolean } = {}): void {
    if (this.mode !== 'memory') {
      const url = this.href(route);
      if (options.replace) history.replaceState(history.state, '', url);
      else history.pushState(null, '', url);
    }
    this.#set(route, options.replace ? 'replace' : 'push');
    // Our own listener hears this too, and finds the route unchanged.
    if (this.mode !== 'memory') window.dispatchEvent(new Event(locationChangeEvent));
  }

  /** Calls `listener` after every route change; returns the function that stops it. */
  subscribe(listener: (route: ChatRoute, cause: RouteChangeCause) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Starts following the URL (Back, Forward, other routers on the page). Calls are counted. */
  connect(): void {
    if (this.mode === 'memory' || this.#connections++ > 0) return;
    window.addEventListener('popstate', this.#onLocationChange);
    window.addEventListener(locationChangeEvent, this.#onLocationChange);
    if (this.mode === 'hash') window.addEventListener('hashchange', this.#onLocationChange);
    this.#set(this.#read(), 'history');
  }

  /** Stops following the URL once every `connect()` has been matched. */
  disconnect(): void {
    if (this.mode === 'memory' || --this.#connections > 0) return;
    window.removeEventListener('popstate', this.#onLocationChange);
    window.removeEventListener(locationChangeEvent, this.#onLocationChange);
    window.removeEventListener('hashchange', this.#onLocationChange);
  }

  #read(): ChatRoute {
    const route =
      this.mode === 'hash'
        ? location.hash === ''
          ? null
          : parseRoute(location.hash, { mode: 'hash' })
        : parseRoute(location.pathname, { basePath: this.basePath });
    return route ?? this.#fallback;
  }

  #set(route: ChatRoute, cause: RouteChangeCause): void {
    if (sameRoute(route, this.#route) && cause === 'history') return;
    this.#route = route;
    for (const listener of this.#listeners) listener(route, cause);
  }
}

/** Whether two routes show the same thing. */
export function sameRoute(a: ChatRoute, b: ChatRoute): boolean {
  if (a.kind !== b.kind || a.modelId !== b.modelId) return false;
  return a.kind === 'new' || a.sessionId === (b as typeof a).sessionId;
}
