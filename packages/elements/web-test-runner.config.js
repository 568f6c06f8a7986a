// Browser tests of the elements in the system Chromium, against the real Parley server where a
// test needs the flow (session_created, the sidebar, titles): `@parley/server/testing` starts it
// in-process on a random port with the demo model and an in-memory PGlite.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

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
 * `/__parley/query?sql=…&params=[…]` → `{ rows }` (to check the database from a test).
 */
function parleyServerPlugin() {
  let server;
  let failure;
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
      if (context.path === '/__parley/query') {
        const params = context.query.params ? JSON.parse(context.query.params) : [];
        return json({ rows: await server.query(context.query.sql, params) });
      }
      return undefined;
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
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig }), parleyServerPlugin()],
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
