/**
 * Vitest global setup: brings out/ up to date (npm run build) once, before
 * any test file runs, for the tests of the built app (tests/unit/electron/built-*.test.ts).
 */
import { ensureBuilt } from './built-app';

export default function setup(): void {
  const { built, reason, ms } = ensureBuilt();
  if (built) console.log(`[build-once] npm run build (${reason}): ${(ms / 1000).toFixed(1)} s`);
}
