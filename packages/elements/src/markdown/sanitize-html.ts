import DOMPurify from 'dompurify';

/** The HTML a chat answer may contain: what markdown produces, nothing that runs or restyles the page. */
const allowedTags = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'input',
  'kbd',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];
const allowedAttributes = [
  'href',
  'title',
  'alt',
  'src',
  'start',
  'align',
  'type',
  'checked',
  'disabled',
  'class',
];
/** Links may go to web pages and mail addresses only: no `javascript:`, `data:`, `vbscript:` or relative URLs. */
const allowedUrl = /^(?:https?:|mailto:)/i;
const codeLanguageClass = /^language-[\w+#.-]{1,40}$/;

let allowRemoteImages = false;
let imageLink = (description: string) => description;

// A private instance: hooks added here never touch a DOMPurify the host page uses.
const purifier = DOMPurify(window);

purifier.addHook('afterSanitizeAttributes', (node) => {
  const className = node.getAttribute('class');
  if (className !== null && !(node.localName === 'code' && codeLanguageClass.test(className))) {
    node.removeAttribute('class');
  }
  if (node.localName === 'a') {
    if (node.hasAttribute('href')) openInNewTab(node);
  } else if (node.localName === 'img') {
    sanitizeImage(node);
  } else if (node.localName === 'input') {
    // Only the task-list checkboxes of GFM, and never editable.
    if (node.getAttribute('type') !== 'checkbox') node.remove();
    else node.setAttribute('disabled', '');
  }
});

function openInNewTab(link: Element): void {
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
}

function sanitizeImage(image: Element): void {
  const source = image.getAttribute('src') ?? '';
  if (allowRemoteImages && /^https:/i.test(source)) {
    image.setAttribute('referrerpolicy', 'no-referrer');
    image.setAttribute('loading', 'lazy');
    return;
  }
  // Not loaded: a link the user may choose to follow (web addresses only), or just its description.
  const linkable = allowedUrl.test(source);
  const replacement = image.ownerDocument.createElement(linkable ? 'a' : 'span');
  replacement.textContent = imageLink(image.getAttribute('alt') ?? '');
  if (linkable) {
    replacement.setAttribute('href', source);
    openInNewTab(replacement);
  }
  image.replaceWith(replacement);
}

/** Sanitises HTML produced from model output (see `allowedTags`); remote images become links unless allowed. */
export function sanitizeHtml(
  html: string,
  options: { allowRemoteImages: boolean; imageLink: (description: string) => string },
): string {
  allowRemoteImages = options.allowRemoteImages;
  imageLink = options.imageLink;
  return purifier.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: allowedAttributes,
    ALLOWED_URI_REGEXP: allowedUrl,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    FORBID_ATTR: ['style'],
  });
}
