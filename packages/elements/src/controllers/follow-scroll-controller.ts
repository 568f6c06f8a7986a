import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How close to the end, in pixels, still counts as "at the end". */
const threshold = 48;

/**
 * Keeps a scrolling element at its end while its content grows (an answer being written), unless
 * the user has scrolled up to read; scrolling back to the end follows again. It watches the
 * content's size, so growth inside child elements' shadow roots is followed too.
 */
export class FollowScrollController implements ReactiveController {
  readonly #scroller: () => HTMLElement | null | undefined;
  readonly #content: () => Element | null | undefined;
  #following = true;
  #observer: ResizeObserver | undefined;
  #observed: Element | undefined;
  #element: HTMLElement | undefined;
  readonly #onScroll = () => {
    const element = this.#element;
    if (element)
      this.#following = element.scrollHeight - element.scrollTop - element.clientHeight <= threshold;
  };

  constructor(
    host: ReactiveControllerHost,
    scroller: () => HTMLElement | null | undefined,
    content: () => Element | null | undefined,
  ) {
    this.#scroller = scroller;
    this.#content = content;
    host.addController(this);
  }

  /** Whether the view follows new content. */
  get following(): boolean {
    return this.#following;
  }

  /** Scrolls to the end and follows again (after the user sends a message, or opens a conversation). */
  follow(): void {
    this.#following = true;
    this.#scrollToEnd();
  }

  hostUpdated(): void {
    const scroller = this.#scroller() ?? undefined;
    if (scroller !== this.#element) {
      this.#element?.removeEventListener('scroll', this.#onScroll);
      this.#element = scroller;
      scroller?.addEventListener('scroll', this.#onScroll, { passive: true });
    }
    const content = this.#content() ?? undefined;
    if (content !== this.#observed) {
      this.#observer ??= new ResizeObserver(() => {
        if (this.#following) this.#scrollToEnd();
      });
      if (this.#observed) this.#observer.unobserve(this.#observed);
      if (content) this.#observer.observe(content);
      this.#observed = content;
    }
    if (this.#following) this.#scrollToEnd();
  }

  hostDisconnected(): void {
    this.#element?.removeEventListener('scroll', this.#onScroll);
    this.#element = undefined;
    this.#observer?.disconnect();
    this.#observed = undefined;
  }

  #scrollToEnd(): void {
    const element = this.#element;
    if (element) element.scrollTop = element.scrollHeight;
  }
}
