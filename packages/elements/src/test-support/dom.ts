// Small helpers to reach into the elements' shadow roots from tests.

/** The first element matching `selector` in `host`'s shadow root; fails the test if there is none. */
export function shadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${host.localName}>'s shadow root.`);
  return found;
}

/** Every element matching `selector` in `host`'s shadow root. */
export function shadowAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** Follows a path of selectors through nested shadow roots: `deep(app, 'chat-sidebar', '.new-chat')`. */
export function deep<T extends Element = HTMLElement>(host: Element, ...selectors: string[]): T {
  let current: Element = host;
  for (const selector of selectors) current = shadow(current, selector);
  return current as T;
}

/** The text of an element, with whitespace collapsed. */
export function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Waits until `predicate` is true, checking every few milliseconds. The timeout only turns a hang
 * into a message; it sits far above anything a correct program takes on a loaded machine.
 */
export async function until(predicate: () => unknown, message: string, timeout = 60_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
