import { defineConfig } from 'vitest/config';

// End to end: the built renderer in Debian's Chromium (playwright-core), served by
// `throughline serve` over a temporary library: the browser mode users get.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
