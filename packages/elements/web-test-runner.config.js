// Browser tests of the elements in the system Chromium, against the real Parley server where a
// test needs the flow (session_created, the sidebar, titles): `@parley/server/testing` starts it
// in-process on a random port with the demo model and an in-memory PGlite.
import { createServer as createHttpServer, request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';

// A port the system hands out, so two runs side by side never collide.
const port = Number(process.env.PARLEY_TEST_PORT ?? (await freePort()));
const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
const tsconfig = fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server and lends it to the browser through same-origin routes:
 * `/__parley/config` → `{ url }`, `/__parley/token?user=…` → `{ token }`,
 * `/__parley/query?sql=…&params=[…]` → `{ rows }` (to check the database from a test),
 * `/__parley/counted` → `{ url, id }` of a new proxy to the server that counts guest tokens minted
 * through it, read with `/__parley/counted?id=…` → `{ count }`, and `/__parley/no-guests` →
 * `{ url }` of a second server on the same database that refuses every guest token with 429.
 */
function parleyServerPlugin() {
  let server;
  let failure;
  const proxies = [];
  let noGuests;
  return {
    name: 'parley-server',
    async serverStart() {
      try {
        const { startTestServer } = await import('@parley/server/testing');
        server = await startTestServer({ demoDelayMs: 8, corsOrigins: origins });
      } catch (error) {
        // Tests that need the server fail with this message; the others still run.
        failure = `The Parley test server did not start: ${error?.stack ?? error}`;
        console.error(failure);
      }
    },
    async serverStop() {
      for (const proxy of proxies) proxy.server.close();
      await noGuests?.then(async ({ app, listening }) => {
        await app.shutdown({ abort: true });
        await listening.close();
      });
      await server?.close();
    },
    async serve(context) {
      if (!context.path.startsWith('/__parley/')) return undefined;
      const json = (value) => ({ body: JSON.stringify(value), type: 'application/json' });
      if (!server) return json({ error: failure });
      if (context.path === '/__parley/config') return json({ url: server.url });
      if (context.path === '/__parley/token') {
        return json({ token: await server.token(context.query.user || undefined) });
      }
      if (context.path === '/__parley/counted') {
        if (context.query.id) return json({ count: proxies[Number(context.query.id)].count });
        const proxy = await countingProxy(server.url);
        proxies.push(proxy);
        return json({ url: proxy.url, id: proxies.length - 1 });
      }
      if (context.path === '/__parley/no-guests') {
        noGuests ??= startNoGuestsServer(server.database);
        return json({ url: (await noGuests).listening.url });
      }
      if (context.path === '/__parley/query') {
        const params = context.query.params ? JSON.parse(context.query.params) : [];
        return json({ rows: await server.query(context.query.sql, params) });
      }
      return undefined;
    },
  };
}

/** A proxy in front of `target` that counts the `POST /api/auth/guest` requests it passes on. */
function countingProxy(target) {
  const proxy = { count: 0, url: '', server: undefined };
  proxy.server = createHttpServer((incoming, outgoing) => {
    if (incoming.method === 'POST' && incoming.url === '/api/auth/guest') proxy.count += 1;
    const forwarded = request(
      `${target}${incoming.url}`,
      { method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  return new Promise((resolve) => {
    proxy.server.listen(0, '127.0.0.1', () => {
      proxy.url = `http://127.0.0.1:${proxy.server.address().port}`;
      resolve(proxy);
    });
  });
}

/** A server whose guest limit is 0 a minute: every `POST /api/auth/guest` answers 429. */
async function startNoGuestsServer(database) {
  const { createChatServer, listen, silentLogger } = await import('@parley/server');
  const app = createChatServer({
    database,
    auth: { jwtSecret: 'a-secret-for-the-server-that-refuses-guests', guests: true },
    corsOrigins: origins,
    rateLimit: { guestTokensPerMinute: 0 },
    logger: silentLogger,
  });
  return { app, listening: await listen(app, 0) };
}

/**
 * `executeServerCommand('scroll-gesture', { x, y, distance, source })`: scrolls as a user does, with
 * a wheel (`source: 'mouse'`) or a finger (`'touch'`) at (x, y), through the browser's input
 * pipeline; a positive `distance` scrolls up. Resolves when the gesture is over.
 */
function scrollGesturePlugin() {
  return {
    name: 'scroll-gesture',
    async executeCommand({ command, payload, session }) {
      if (command !== 'scroll-gesture') return undefined;
      const page = session.browser.getPage(session.id);
      if (payload.source === 'touch') {
        const steps = 10;
        await page.touchscreen.touchStart(payload.x, payload.y);
        for (let step = 1; step <= steps; step++) {
          await page.touchscreen.touchMove(payload.x, payload.y + (payload.distance * step) / steps);
        }
        await page.touchscreen.touchEnd();
        return true;
      }
      const cdp = await page.createCDPSession();
      try {
        await cdp.send('Input.synthesizeScrollGesture', {
          x: payload.x,
          y: payload.y,
          yDistance: payload.distance,
          gestureSourceType: payload.source,
          preventFling: true,
        });
      } finally {
        await cdp.detach();
      }
      return true;
    },
  };
}

export default {
  files: 'src/**/*.test.ts',
  port,
  nodeResolve: {
    // `@parley/source` serves the SDK's TypeScript source; `development` loads Lit's dev build,
    // whose warnings the tests turn into failures (src/test-support/lit-warnings.ts).
    exportConditions: ['@parley/source', 'development', 'browser', 'import', 'default'],
    extensions: ['.ts', '.mjs', '.js'],
  },
  // The accessibility snapshot lets tests find controls by role and accessible name, as Chromium
  // computes them (through shadow roots).
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig }),
    parleyServerPlugin(),
    a11ySnapshotPlugin(),
    scrollGesturePlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking'],
      },
    }),
  ],
  // Hang guards, not measurements: a loaded two-core machine is slow, never wrong.
  testFramework: { config: { timeout: 120_000 } },
  testsFinishTimeout: 600_000,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
};
