import { version } from './version';

const warned = new Set<string>();

/**
 * Defines a custom element unless the tag is taken. An embedded widget can be loaded twice on one
 * host page (two script tags, two bundles): the first definition wins, and a different version
 * is reported once instead of throwing.
 */
export function defineElement(tagName: string, elementClass: CustomElementConstructor): void {
  const existing = customElements.get(tagName) as
    | (CustomElementConstructor & { version?: string })
    | undefined;
  if (!existing) {
    customElements.define(tagName, elementClass);
    return;
  }
  if (existing.version !== version && !warned.has(tagName)) {
    warned.add(tagName);
    console.warn(
      `<${tagName}> is already defined by @parley/elements ${existing.version ?? '(unknown version)'}; ` +
        `version ${version} was not registered. Load the elements once per page.`,
    );
  }
}
