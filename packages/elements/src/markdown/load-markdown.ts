/** What the markdown chunk provides: the renderer, its Lit wrapper, and the styles of its output. */
export type MarkdownModule = typeof import('./markdown-template');

let loaded: MarkdownModule | undefined;
let loading: Promise<MarkdownModule> | undefined;

/**
 * Loads the markdown renderer (marked and DOMPurify) once. It is a separate chunk of the embed
 * bundle, so a page pays for it when the first answer arrives, not before the chat appears.
 */
export function loadMarkdown(): Promise<MarkdownModule> {
  loading ??= import('./markdown-template').then((module) => {
    loaded = module;
    return module;
  });
  return loading;
}

/** The markdown module if it has loaded, so that a message renders without waiting when it can. */
export function loadedMarkdown(): MarkdownModule | undefined {
  return loaded;
}
