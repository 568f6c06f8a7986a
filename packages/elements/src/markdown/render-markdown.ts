import { Marked, type MarkedToken, type Token, type Tokens } from 'marked';
import { decodeCharacterReferences as decode } from './character-references';
import type { MarkdownOptions } from './markdown-options';

// A private instance: options or extensions a host page gives the global `marked` never reach it.
const marked = new Marked({ gfm: true });

/** Where a link may go: web pages and mail addresses. */
const linkProtocols = ['http:', 'https:', 'mailto:'];
/** What may follow `language-` in a code block's class. */
const languageName = /^[\w+#.-]{1,40}$/;
const alignments = ['left', 'center', 'right'];

type Parent = Element | DocumentFragment;
type Settings = Required<MarkdownOptions>;

/**
 * Renders an assistant's markdown (GFM: code blocks, lists, tables, task lists, links) as DOM
 * nodes. marked only parses; the nodes are built here from its tokens, never from an HTML string,
 * so what is not built on purpose cannot appear: raw HTML is shown as text, no element gets an
 * event handler, a `style` or an `id`, and links go to `http:`, `https:` and `mailto:` URLs only,
 * in a new tab with `rel="noopener noreferrer"`. Images are not loaded unless `allowRemoteImages`
 * is set (and then over `https:` only, without a referrer): they become links.
 *
 * @example
 * ```ts
 * element.append(renderMarkdown('**Hello** [docs](https://example.com)'));
 * ```
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): DocumentFragment {
  const fragment = document.createDocumentFragment();
  renderBlocks(marked.lexer(source), fragment, {
    allowRemoteImages: options.allowRemoteImages ?? false,
    imageLink: options.imageLink ?? ((description) => description),
  });
  return fragment;
}

function append<Tag extends keyof HTMLElementTagNameMap>(
  parent: Parent,
  tag: Tag,
): HTMLElementTagNameMap[Tag] {
  return parent.appendChild(document.createElement(tag));
}

function renderBlocks(tokens: Token[], parent: Parent, settings: Settings): void {
  for (const token of tokens as MarkedToken[]) {
    switch (token.type) {
      case 'paragraph':
        renderInline(token.tokens, append(parent, 'p'), settings);
        break;
      case 'heading':
        renderInline(
          token.tokens,
          append(parent, `h${Math.min(Math.max(token.depth, 1), 6)}` as 'h1'),
          settings,
        );
        break;
      case 'code': {
        const code = append(append(parent, 'pre'), 'code');
        const language = token.lang?.match(/^\S*/)?.[0] ?? '';
        if (languageName.test(language)) code.className = `language-${language}`;
        code.textContent = token.text;
        break;
      }
      case 'blockquote':
        renderBlocks(token.tokens, append(parent, 'blockquote'), settings);
        break;
      case 'list': {
        const list = append(parent, token.ordered ? 'ol' : 'ul');
        if (token.ordered && Number.isInteger(token.start) && token.start !== 1) {
          list.setAttribute('start', String(token.start));
        }
        for (const item of token.items) renderBlocks(item.tokens, append(list, 'li'), settings);
        break;
      }
      case 'table':
        renderTable(token, append(parent, 'table'), settings);
        break;
      case 'hr':
        append(parent, 'hr');
        break;
      case 'html':
        // Raw HTML in an answer is shown as written, as chat apps do.
        append(parent, 'p').textContent = token.text.trim();
        break;
      case 'def':
      case 'space':
        break;
      default:
        renderInline([token], parent, settings);
    }
  }
}

function renderInline(tokens: Token[], parent: Parent, settings: Settings, inLink = false): void {
  for (const token of tokens as MarkedToken[]) {
    switch (token.type) {
      case 'text':
        if (token.tokens) renderInline(token.tokens, parent, settings, inLink);
        // Text inside raw HTML (`escaped`) keeps its character references, as the HTML was kept.
        else parent.append(token.escaped ? token.text : decode(token.text));
        break;
      case 'escape':
      case 'html':
        parent.append(token.text);
        break;
      case 'strong':
      case 'em':
      case 'del':
        renderInline(token.tokens, append(parent, token.type), settings, inLink);
        break;
      case 'codespan':
        append(parent, 'code').textContent = token.text;
        break;
      case 'br':
        append(parent, 'br');
        break;
      case 'link':
        renderLink(token, parent, settings, inLink);
        break;
      case 'image':
        renderImage(token, parent, settings, inLink);
        break;
      case 'checkbox': {
        const checkbox = append(parent, 'input');
        checkbox.type = 'checkbox';
        checkbox.disabled = true;
        checkbox.checked = token.checked;
        parent.append(' ');
        break;
      }
      default:
        // Nothing else comes from marked without extensions; show it as written all the same.
        parent.append((token as Token).raw);
    }
  }
}

/** The URL if it parses as an absolute `http:`, `https:` or `mailto:` one (as the browser would read it). */
function webUrl(href: string): URL | undefined {
  try {
    const url = new URL(href);
    return linkProtocols.includes(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

function openInNewTab(link: HTMLAnchorElement, url: URL): void {
  link.setAttribute('href', url.href);
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
}

function renderLink(token: Tokens.Link, parent: Parent, settings: Settings, inLink: boolean): void {
  // An autolink's address and text are literal; a written link's may hold character references.
  const url = webUrl(token.autolink ? token.href : decode(token.href));
  // A link inside a link (or to anything else) keeps only its text.
  if (!url || inLink) {
    renderInline(token.tokens, parent, settings, inLink);
    return;
  }
  const link = append(parent, 'a');
  openInNewTab(link, url);
  if (token.title) link.title = decode(token.title);
  if (token.autolink) link.textContent = token.text;
  else renderInline(token.tokens, link, settings, true);
}

function renderImage(token: Tokens.Image, parent: Parent, settings: Settings, inLink: boolean): void {
  const description = plainText(token.tokens ?? []);
  const url = webUrl(decode(token.href));
  if (url?.protocol === 'https:' && settings.allowRemoteImages) {
    const image = append(parent, 'img');
    // Set before `src`: the request starts as soon as it is set.
    image.referrerPolicy = 'no-referrer';
    image.loading = 'lazy';
    image.alt = description;
    if (token.title) image.title = decode(token.title);
    image.src = url.href;
    return;
  }
  // Not loaded: a link the user may choose to follow (web addresses only), or just its description.
  const label = settings.imageLink(description);
  if (url && url.protocol !== 'mailto:' && !inLink) {
    const link = append(parent, 'a');
    openInNewTab(link, url);
    link.textContent = label;
  } else {
    parent.append(label);
  }
}

/** The text of inline tokens, as an image's description. */
function plainText(tokens: Token[]): string {
  return (tokens as MarkedToken[])
    .map((token) => {
      if ('tokens' in token && token.tokens) return plainText(token.tokens);
      if (token.type === 'text') return token.escaped ? token.text : decode(token.text);
      return token.type === 'escape' || token.type === 'codespan' || token.type === 'html' ? token.text : '';
    })
    .join('');
}

function renderTable(token: Tokens.Table, table: HTMLTableElement, settings: Settings): void {
  const row = (cells: Tokens.TableCell[], section: HTMLTableSectionElement, tag: 'th' | 'td') => {
    const tableRow = append(section, 'tr');
    for (const cell of cells) {
      const element = append(tableRow, tag);
      if (cell.align && alignments.includes(cell.align)) element.setAttribute('align', cell.align);
      renderInline(cell.tokens, element, settings);
    }
  };
  row(token.header, append(table, 'thead'), 'th');
  if (token.rows.length > 0) {
    const body = append(table, 'tbody');
    for (const cells of token.rows) row(cells, body, 'td');
  }
}
