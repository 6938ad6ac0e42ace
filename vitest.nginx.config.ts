import { defineConfig } from 'vitest/config';

// The front door: Debian's nginx in front of the real app (run when nginx is installed).
export default defineConfig({
  test: {
    include: ['test/nginx/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
