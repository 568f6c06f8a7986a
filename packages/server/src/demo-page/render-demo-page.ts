export interface DemoPageOptions {
  /** Where the page loads the elements' single-file embed bundle from. */
  embedScriptUrl: string;
  /** The chat server's base URL; empty for the page's own origin. */
  apiBaseUrl: string;
  /** The chat's language (`?lang=`), passed to `<chat-app>` as its `lang`; none: the page's, English. */
  lang?: string;
}

/** The page's only inline code, allowed by its hash in the Content-Security-Policy. */
export const DEMO_PAGE_STYLE = `
  html, body { margin: 0; height: 100%; }
  body { background: Canvas; color: CanvasText; font-family: system-ui, sans-serif; }
  chat-app { display: block; height: 100vh; height: 100dvh; }
  chat-app:not(:defined) { display: grid; place-items: center; }
`;

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character]!);

/**
 * The page `npm start` serves at `/` and at every client route (`/new`, `/c/…`, `/m/…`): the whole
 * chat, full screen, as a third-party page would embed it (one script tag, one element), chatting
 * as an anonymous guest so that it works without any sign-in. It has no inline script, so that a
 * strict Content-Security-Policy can forbid them.
 */
export function renderDemoPage(options: DemoPageOptions): string {
  const script = escapeHtml(options.embedScriptUrl);
  const baseUrl = escapeHtml(options.apiBaseUrl);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Parley</title>
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<link rel="modulepreload" href="${script}">
<script type="module" src="${script}"></script>
<style>${DEMO_PAGE_STYLE}</style>
</head>
<body>
<chat-app base-url="${baseUrl}" routing="path" guest${options.lang ? ` lang="${escapeHtml(options.lang)}"` : ''}>
  <noscript>Parley needs JavaScript to chat.</noscript>
</chat-app>
</body>
</html>
`;
}
