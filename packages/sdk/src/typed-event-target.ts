/** A listener for a `CustomEvent` carrying `Detail`. */
export type CustomEventListener<Detail> =
  | ((event: CustomEvent<Detail>) => void)
  | { handleEvent(event: CustomEvent<Detail>): void };

/** Typed overloads of `EventTarget`'s own methods: no code, only types. */
export interface TypedEventTarget<Details extends object> {
  addEventListener<Type extends keyof Details & string>(
    type: Type,
    listener: CustomEventListener<Details[Type]> | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<Type extends keyof Details & string>(
    type: Type,
    listener: CustomEventListener<Details[Type]> | null,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

/**
 * An `EventTarget` whose events are `CustomEvent`s with typed `detail`, one type per name in
 * `Details`. Works wherever `EventTarget` and `CustomEvent` exist: browsers and Node ≥ 20.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds only typed overloads of methods EventTarget implements.
export class TypedEventTarget<Details extends object> extends EventTarget {
  /**
   * Adds a listener that receives the event's `detail`, and returns a function that removes it.
   *
   * @example
   * ```ts
   * const off = conversation.on('token', ({ content }) => process.stdout.write(content));
   * off();
   * ```
   */
  on<Type extends keyof Details & string>(type: Type, listener: (detail: Details[Type]) => void): () => void {
    const handler = (event: Event) => listener((event as CustomEvent<Details[Type]>).detail);
    this.addEventListener(type, handler);
    return () => this.removeEventListener(type, handler);
  }

  /** Dispatches a `CustomEvent` named `type` with `detail`. */
  protected emit<Type extends keyof Details & string>(type: Type, detail: Details[Type]): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
