import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How close to the end, in pixels, counts as "at the end" when the user scrolls back down. */
const endSlack = 4;

/** Keys that scroll a focused scroller up. */
const upKeys = new Set(['ArrowUp', 'PageUp', 'Home']);

/**
 * Keeps a scrolling element at its end while its content grows (an answer being written), until
 * the user scrolls up to read; scrolling back to the end, or `follow()`, follows again.
 *
 * Only the user stops it: a wheel, a touch or a key that scrolls up, the focus moving into the
 * content, or the position moving up while nothing changed size (the scroll bar, a screen reader).
 * A scroll event alone is not enough: it arrives a frame after the scroll that caused it, and
 * content may have grown in between, so "far from the end" in a scroll event usually means "the
 * content grew", not "the user left". The controller watches the sizes of the content (growth
 * inside child elements' shadow roots included) and of the scroller (a footer or an alert that
 * grows, a window resized), and scrolls after layout, before the frame is painted.
 */
export class FollowScrollController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #scroller: () => HTMLElement | null | undefined;
  readonly #content: () => Element | null | undefined;
  readonly #observer = new ResizeObserver((entries) => this.#onResize(entries));
  #following = true;
  #behind = false;
  #element: HTMLElement | undefined;
  #observed: Element | undefined;
  /** The position and the scrollable height last seen, to tell a move up from content that shrank. */
  #lastTop = 0;
  #lastHeight = 0;
  #contentHeight = 0;
  #touchY: number | undefined;
  /** A pointer is down on the scroller itself: its scroll bar. */
  #pointerDown = false;

  readonly #onScroll = () => {
    const element = this.#element;
    if (!element) return;
    const movedUp = element.scrollTop < this.#lastTop - 1;
    const resized = element.scrollHeight !== this.#lastHeight;
    this.#remember(element);
    if (distanceFromEnd(element) <= endSlack) this.#setFollowing(true);
    // Content that shrinks moves the position up too (the browser clamps it): not the user.
    else if (movedUp && (!resized || this.#pointerDown)) this.#leave();
    // Content grew since this scroll was made (or shrank and grew back): catch up.
    else if (this.#following) this.#scrollToEnd();
  };

  readonly #onWheel = (event: WheelEvent) => {
    const element = this.#element;
    if (!element) return;
    const delta =
      event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? element.clientHeight : 1);
    if (delta < 0) this.#leave();
    // Scrolling down to the end: follow from there, although the content may grow meanwhile.
    else if (delta > 0 && distanceFromEnd(element) - delta <= endSlack) this.#setFollowing(true);
  };

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (upKeys.has(event.key) || (event.key === ' ' && event.shiftKey)) this.#leave();
  };

  readonly #onFocusIn = (event: FocusEvent) => {
    // Tabbing to a link in an earlier message scrolls it into view: keep it there.
    if (event.composedPath()[0] !== this.#element) this.#leave();
  };

  readonly #onTouchStart = (event: TouchEvent) => {
    this.#touchY = event.touches[0]?.clientY;
  };

  readonly #onTouchMove = (event: TouchEvent) => {
    const y = event.touches[0]?.clientY;
    // A finger moving down drags the content down: the view goes up.
    if (y !== undefined && this.#touchY !== undefined && y > this.#touchY) this.#leave();
    this.#touchY = y;
  };

  readonly #onPointerDown = (event: PointerEvent) => {
    if (event.composedPath()[0] !== this.#element) return;
    this.#pointerDown = true;
    const release = () => {
      this.#pointerDown = false;
      removeEventListener('pointerup', release, true);
      removeEventListener('pointercancel', release, true);
    };
    addEventListener('pointerup', release, true);
    addEventListener('pointercancel', release, true);
  };

  constructor(
    host: ReactiveControllerHost,
    scroller: () => HTMLElement | null | undefined,
    content: () => Element | null | undefined,
  ) {
    this.#host = host;
    this.#scroller = scroller;
    this.#content = content;
    host.addController(this);
  }

  /** Whether the view follows new content. */
  get following(): boolean {
    return this.#following;
  }

  /** Whether content was added below the view since the user scrolled away from the end. */
  get behind(): boolean {
    return this.#behind;
  }

  /** Scrolls to the end and follows again (after the user sends a message, or opens a conversation). */
  follow(): void {
    this.#setFollowing(true);
    this.#scrollToEnd();
  }

  hostUpdated(): void {
    const scroller = this.#scroller() ?? undefined;
    if (scroller !== this.#element) {
      this.#listen(this.#element, false);
      this.#element = scroller;
      this.#listen(scroller, true);
    }
    const content = this.#content() ?? undefined;
    if (content !== this.#observed) {
      if (this.#observed) this.#observer.unobserve(this.#observed);
      if (content) this.#observer.observe(content);
      this.#observed = content;
    }
    // Nothing to scroll here: new content is followed once it is laid out (`#onResize`), which
    // spares a forced layout on every token.
  }

  hostDisconnected(): void {
    this.#listen(this.#element, false);
    this.#element = undefined;
    this.#observer.disconnect();
    this.#observed = undefined;
  }

  #listen(element: HTMLElement | undefined, on: boolean): void {
    if (!element) return;
    if (on) this.#observer.observe(element);
    else this.#observer.unobserve(element);
    const listeners: [string, EventListener, AddEventListenerOptions?][] = [
      ['scroll', this.#onScroll, { passive: true }],
      ['wheel', this.#onWheel as EventListener, { passive: true }],
      ['touchstart', this.#onTouchStart as EventListener, { passive: true }],
      ['touchmove', this.#onTouchMove as EventListener, { passive: true }],
      ['pointerdown', this.#onPointerDown as EventListener],
      ['keydown', this.#onKeyDown as EventListener],
      ['focusin', this.#onFocusIn as EventListener],
    ];
    for (const [type, listener, options] of listeners) {
      if (on) element.addEventListener(type, listener, options);
      else element.removeEventListener(type, listener, options);
    }
  }

  #onResize(entries: ResizeObserverEntry[]): void {
    const element = this.#element;
    const entry = entries.find((candidate) => candidate.target === this.#observed);
    const grew = entry !== undefined && entry.contentRect.height > this.#contentHeight;
    if (entry) this.#contentHeight = entry.contentRect.height;
    if (!element) return;
    if (this.#following) this.#scrollToEnd();
    else if (grew && !this.#behind && distanceFromEnd(element) > endSlack) {
      this.#behind = true;
      this.#host.requestUpdate();
    }
  }

  /** The user scrolls up, away from the end: stop following, if the content can scroll at all. */
  #leave(): void {
    const element = this.#element;
    if (element && element.scrollHeight - element.clientHeight > endSlack) this.#setFollowing(false);
  }

  #setFollowing(following: boolean): void {
    if (following === this.#following) return;
    this.#following = following;
    this.#behind = false;
    this.#host.requestUpdate();
  }

  #scrollToEnd(): void {
    const element = this.#element;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    this.#remember(element);
  }

  #remember(element: HTMLElement): void {
    this.#lastTop = element.scrollTop;
    this.#lastHeight = element.scrollHeight;
  }
}

function distanceFromEnd(element: HTMLElement): number {
  return element.scrollHeight - element.scrollTop - element.clientHeight;
}
