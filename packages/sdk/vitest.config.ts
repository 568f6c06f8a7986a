import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@parley/source', 'import', 'module', 'node', 'default'] },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Integration tests start a real server (PGlite) per file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
