/**
 * Playwright config for the Electron end-to-end spec (separate from the
 * browser e2e in playwright.config.ts):
 *
 *   npx playwright test -c tests/electron/playwright.electron.config.ts
 *
 * Where node_modules/electron/dist holds no Electron binary (it cannot be
 * downloaded on the build machine), the spec skips itself and says why.
 * On Linux without a display, run it under `xvfb-run -a`.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
