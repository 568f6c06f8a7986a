import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources, so tests need no build first.
const conditions = ['@parley/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Test files share their worker's modules, so the worker's migrated PGlite is started once
    // and lent to every test server (test-support/pglite-pool.ts) instead of once per file.
    isolate: false,
    // Guards against a hang, not measurements: a loaded two-core machine is slow, never wrong.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
