export interface DemoPageOptions {
  /** Where the single-file embed bundle is served. */
  embedScriptUrl: string;
  /** The API's origin; empty for the page's own. */
  apiBaseUrl: string;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The page `npm start` serves at `/` and at every client route: `<chat-app>` against this server,
 * as a visitor with a guest token (kept in localStorage, so a reload is the same visitor).
 */
export function renderDemoPage(options: DemoPageOptions): string {
  const api = escapeAttribute(options.apiBaseUrl);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley</title>
<style>
  html, body { margin: 0; height: 100%; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  chat-app { flex: 1; min-height: 0; }
</style>
</head>
<body>
<chat-app base-url="${api}" routing="path"></chat-app>
<script type="module">
  const app = document.querySelector('chat-app');
  const key = 'parley-demo-guest';
  // A guest token from this server, reused until it is about to expire.
  app.getToken = async ({ refresh } = {}) => {
    let guest = JSON.parse(localStorage.getItem(key) || 'null');
    if (refresh || !guest || Date.parse(guest.expires_at) - Date.now() < 60_000) {
      const response = await fetch('${api}/api/auth/guest', { method: 'POST' });
      if (!response.ok) throw new Error('No guest token: ' + response.status);
      guest = await response.json();
      localStorage.setItem(key, JSON.stringify(guest));
    }
    return guest.token;
  };
</script>
<!-- After the script above: the element upgrades with getToken already set. -->
<script type="module" src="${escapeAttribute(options.embedScriptUrl)}"></script>
</body>
</html>`;
}
