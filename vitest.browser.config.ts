import { defineConfig } from 'vitest/config';

// Browser tests: Debian's chromium driven by playwright-core, against the real server.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
