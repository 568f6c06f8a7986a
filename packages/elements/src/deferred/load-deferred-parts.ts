import { loadOnce } from '../shared/load-once';

/** What the deferred chunk provides (see `deferred-parts.ts`). */
export type DeferredParts = typeof import('./deferred-parts');

const deferredParts = loadOnce(() => import('./deferred-parts'));

/**
 * Loads the parts the first answer does not need, once. The embed requests them as soon as it
 * runs, without waiting for them; an element that needs one sooner (an error, a tool, a guest
 * token) asks here, and its custom element upgrades when the chunk arrives.
 */
export function loadDeferredParts(): Promise<DeferredParts> {
  return deferredParts.load();
}

/** The deferred parts if they have loaded, so that an element can use them at once when it can. */
export function loadedDeferredParts(): DeferredParts | undefined {
  return deferredParts.loaded();
}
