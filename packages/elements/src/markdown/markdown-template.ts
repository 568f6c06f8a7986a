import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { MarkdownOptions } from './markdown-options';
import { renderMarkdown } from './render-markdown';

export { markdownStyles } from './markdown-styles';
export { renderMarkdown };

/**
 * An answer's markdown as a Lit value. `unsafeHTML` is safe here: its input is the output of
 * `renderMarkdown`, sanitised by DOMPurify with the chat's allowlist.
 */
export function markdownTemplate(source: string, options?: MarkdownOptions): ReturnType<typeof unsafeHTML> {
  return unsafeHTML(renderMarkdown(source, options));
}
