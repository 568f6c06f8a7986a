import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Starts listening to `target` and returns the function that stops. */
export type Subscribe<Target> = (target: Target, changed: () => void) => () => void;

/**
 * Re-renders its host whenever a target it subscribes to changes: a conversation, the sessions
 * store, a router. The target is read before every update, so when the host's property points
 * to a new target, the controller moves its subscription there.
 *
 * @example
 * ```ts
 * new SubscriptionController(this, () => this.conversation, (conversation, changed) =>
 *   conversation.on('messages-change', changed));
 * ```
 */
export class SubscriptionController<Target> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #target: () => Target | undefined;
  readonly #subscribe: Subscribe<Target>;
  #current: Target | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, target: () => Target | undefined, subscribe: Subscribe<Target>) {
    this.#host = host;
    this.#target = target;
    this.#subscribe = subscribe;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#current = undefined;
  }

  #follow(): void {
    const target = this.#target();
    if (target === this.#current && (this.#unsubscribe || target === undefined)) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#current = target;
    if (target !== undefined) this.#unsubscribe = this.#subscribe(target, () => this.#host.requestUpdate());
  }
}
