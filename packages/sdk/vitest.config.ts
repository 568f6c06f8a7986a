import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@parley/source', 'import', 'module', 'node', 'default'] },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Integration tests start a real server; sharing the worker's modules lets its migrated PGlite
    // be started once and lent to each of them.
    isolate: false,
    // Guards against a hang, not measurements: a loaded two-core machine is slow, never wrong.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
