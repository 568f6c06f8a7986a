import type { MarkdownOptions } from './markdown-options';
import { renderMarkdown } from './render-markdown';

export { markdownStyles } from './markdown-styles';
export { renderMarkdown };

/**
 * An answer's markdown as a value for a Lit template: a fragment of nodes built by
 * `renderMarkdown`, which Lit inserts as they are. No HTML string is involved, so no
 * `unsafeHTML` either. Lit skips a value it has already committed, so keep the fragment while the
 * text is unchanged and make a new one when it changes.
 */
export function markdownTemplate(source: string, options?: MarkdownOptions): DocumentFragment {
  return renderMarkdown(source, options);
}
