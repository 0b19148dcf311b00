import { defineConfig } from 'vitest/config';

// Unit and integration tests: shared/, storage and services on real SQLite files, IPC wiring,
// the HTTP transport, the store. The e2e suite has its own config (tests/e2e/vitest.config.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
