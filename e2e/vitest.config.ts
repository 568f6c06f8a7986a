import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Hang guards, not measurements: every wait in these tests ends on what it waits for.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 120_000 } },
    // One browser and one server per file: files run one after another on these small machines.
    fileParallelism: false,
  },
});
