export interface DemoPageOptions {
  embedScriptUrl: string;
  apiBaseUrl: string;
}

/** The page `npm start` serves: `<chat-app>` against this server, with a guest token. */
export function renderDemoPage(options: DemoPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley demo</title>
<script type="module" src="${options.embedScriptUrl}"></script>
<style>html,body{margin:0;height:100%}chat-app{display:block;height:100vh}</style>
</head>
<body>
<chat-app base-url="${options.apiBaseUrl}" routing="path" guest></chat-app>
</body>
</html>`;
}
