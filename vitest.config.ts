import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Tests of the built app need out/ current: built once here, before the workers start.
    globalSetup: ['tests/helpers/build-once.ts'],
    // Imports run in a worker thread; from source it runs through tsx.
    setupFiles: ['tests/helpers/source-worker.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores on the build machine: keep the worker count modest.
    maxWorkers: 2,
  },
});
