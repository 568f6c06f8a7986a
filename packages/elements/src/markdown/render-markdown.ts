import { Marked } from 'marked';
import type { MarkdownOptions } from './markdown-options';
import { sanitizeHtml } from './sanitize-html';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character]!);

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    // Raw HTML in a model's answer is shown as text, as chat apps do; the sanitiser stays as a second wall.
    html: ({ text }) => escapeHtml(text),
  },
});

/**
 * Renders an assistant's markdown (GFM: code blocks, lists, tables, links) to sanitised HTML: no
 * script, event handler, `javascript:` URL or style survives, links open in a new tab with
 * `rel="noopener noreferrer"`, and remote images become links unless `allowRemoteImages` is set.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const html = marked.parse(source, { async: false });
  return sanitizeHtml(html, {
    allowRemoteImages: options.allowRemoteImages ?? false,
    imageLink: options.imageLink ?? ((description) => description),
  });
}
