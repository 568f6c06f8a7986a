// Helpers for the tests of following an answer: the screen, where the view is, a user's scrolls,
// and a stream the test can hold.
import { executeServerCommand, sendMouse, setViewport } from '@web/test-runner-commands';
import type { ChatApp } from '../chat-app/chat-app.component';
import { type AppOptions, createApp } from './app-fixture';
import { deep, shadow, until } from './dom';

/** How far the end of `scroller`'s content is below its visible part, in pixels. */
export function distanceFromEnd(scroller: HTMLElement): number {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
}

/** Resolves once `count` more frames have been rendered. */
export async function frames(count = 2): Promise<void> {
  for (let index = 0; index < count; index++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

export interface Sample {
  distance: number;
  top: number;
}

/**
 * Calls `check` with the view's position each time the content or the scroller changes size (each
 * token that adds a line, a footer that moves), after layout and before paint: what each painted
 * frame shows. Made after the element's own ResizeObserver, it is notified after it (observers are
 * notified in the order they were created), so it sees the position the element chose.
 */
export function watchPosition(scroller: HTMLElement, content: Element, check: (sample: Sample) => void) {
  let count = 0;
  const observer = new ResizeObserver(() => {
    count += 1;
    check({ distance: distanceFromEnd(scroller), top: scroller.scrollTop });
  });
  observer.observe(content);
  observer.observe(scroller);
  return {
    /** How many times the position was checked. */
    get count() {
      return count;
    },
    stop: () => observer.disconnect(),
  };
}

/** Resolves when `element` has grown `by` pixels taller than it is now. */
export function whenGrown(element: Element, by: number): Promise<void> {
  const start = element.getBoundingClientRect().height;
  return new Promise((resolve) => {
    const observer = new ResizeObserver(() => {
      if (element.getBoundingClientRect().height < start + by) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(element);
  });
}

/** Resolves at the end of the next scroll of `element` (its `scrollend` event). */
export function whenScrollEnds(element: HTMLElement): Promise<void> {
  return new Promise((resolve) => element.addEventListener('scrollend', () => resolve(), { once: true }));
}

/**
 * Scrolls up by `distance` pixels over the middle of `element`, as a user does: with the mouse
 * wheel or with a finger. Resolves once the gesture is over and the view has stopped moving.
 */
export async function scrollUp(element: HTMLElement, distance: number, source: 'mouse' | 'touch') {
  const rect = element.getBoundingClientRect();
  const start = element.scrollTop;
  await executeServerCommand('scroll-gesture', {
    x: Math.round(rect.left + rect.width / 2),
    y: Math.round(rect.top + rect.height / 2),
    distance,
    source,
  });
  // On a busy machine a gesture's scroll arrives in several steps, with a scrollend between them:
  // wait for all of it, then for the view to stop moving.
  await until(() => start - element.scrollTop >= distance / 2, 'the scroll of the gesture');
  for (let last = Number.NaN; last !== element.scrollTop; ) {
    last = element.scrollTop;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }
}

/**
 * A `fetch` for a `ChatClient` whose answer streams the test can hold: while held, no more of an
 * answer arrives (but for an event or two already on their way), so that what the test does next
 * happens in the middle of the answer, however fast or slow the machine is. The stream is passed
 * on one server-sent event at a time, as a slow network would, so that a hold takes effect at once.
 */
export function holdableFetch() {
  let held = false;
  // One per stream waiting: a finished turn's stream may still be open beside the current one.
  const waiting = new Set<() => void>();
  const fetchWithHold = async (input: string, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    const isStream = response.headers.get('Content-Type')?.includes('text/event-stream');
    if (!isStream || !response.body || !input.includes('/api/chat/sessions/')) return response;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const encoder = new TextEncoder();
    const events: string[] = [];
    let rest = '';
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          while (held) await new Promise<void>((resolve) => waiting.add(resolve));
          while (events.length === 0) {
            const { done, value } = await reader.read();
            if (done) {
              if (rest !== '') controller.enqueue(encoder.encode(rest));
              controller.close();
              return;
            }
            const parts = (rest + value).split(/(?<=\n\n)/);
            rest = parts.at(-1)!.endsWith('\n\n') ? '' : parts.pop()!;
            events.push(...parts);
          }
          controller.enqueue(encoder.encode(events.shift()!));
        },
        cancel: (reason) => reader.cancel(reason),
      },
      new CountQueuingStrategy({ highWaterMark: 0 }),
    );
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return {
    fetch: fetchWithHold,
    hold() {
      held = true;
    },
    release() {
      held = false;
      for (const wake of waiting) wake();
      waiting.clear();
    },
  };
}

/** "At the end": how far the view may lag behind the end of the answer, in pixels. */
export const atEnd = 8;

/** The screens the following is tested on, with the gesture a user scrolls with there. */
export const screens = [
  { width: 1280, height: 800, gesture: 'mouse' },
  { width: 360, height: 740, gesture: 'touch' },
] as const;

/** Fills the page with `<chat-app>` at `screen`'s size, as the demo page does. */
export async function useScreen(screen: { width: number; height: number }): Promise<void> {
  document.body.style.margin = '0';
  await setViewport({ width: screen.width, height: screen.height });
}

/** Back to the test runner's page. */
export async function leaveScreen(): Promise<void> {
  document.body.style.margin = '';
  await setViewport({ width: 800, height: 600 });
}

/** A `<chat-app>` filling the page; see `createApp`. */
export function fullScreenApp(options: AppOptions = {}) {
  return createApp({ ...options, width: '100vw', height: '100vh' });
}

/** The message list's scroller, its content and its "Jump to latest" button. */
export function messageView(app: ChatApp) {
  const list = deep(app, 'chat-conversation', 'chat-message-list');
  return {
    log: shadow(list, '.log'),
    content: shadow(list, '.messages'),
    jump: () => shadow<HTMLButtonElement>(list, '[part="jump-button"]'),
    focused: () => list.shadowRoot!.activeElement,
  };
}

/** Clicks the middle of `element` with the mouse. */
export async function click(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)],
  });
}

/** Whether `inner` is wholly inside `outer`'s box (to the pixel) and not empty. */
export function inside(inner: Element, outer: Element): boolean {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  return a.height > 0 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
}
