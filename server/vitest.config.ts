import { defineConfig } from 'vitest/config';

// Several tests start the CLI or a server as a child process (tsx compiles on
// start): on a busy 2-core machine that alone can pass vitest's 5 s default.
// The bound is a safety net against a hang, not a speed check.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // On PostgreSQL (PASSERELLE_TEST_POSTGRES): test databases left behind are dropped.
    globalSetup: ['./src/db/postgres/global-setup.ts'],
  },
});
