import { loadOnce } from '../shared/load-once';

/** What the markdown chunk provides: the renderer, its Lit wrapper, and the styles of its output. */
export type MarkdownModule = typeof import('./markdown-template');

const markdown = loadOnce(() => import('./markdown-template'));

/**
 * Loads the markdown renderer (marked, and the code that builds DOM nodes from its tokens) once.
 * It is a separate chunk of the embed bundle, so a page pays for it when the first answer is on
 * its way, not before the chat appears. Until it arrives, answers are shown as plain text.
 */
export function loadMarkdown(): Promise<MarkdownModule> {
  return markdown.load();
}

/** The markdown module if it has loaded, so that a message renders without waiting when it can. */
export function loadedMarkdown(): MarkdownModule | undefined {
  return markdown.loaded();
}
