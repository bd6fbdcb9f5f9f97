/**
 * Brings out/ up to date once (`npm run build`, when a source is newer), so
 * every test runs the renderer bundle Electron loads, under its production CSP.
 */
import { ensureBuilt } from '../helpers/built-app';

export default function globalSetup(): void {
  const { built, reason, ms } = ensureBuilt();
  if (built) console.log(`[e2e] npm run build (${reason}): ${(ms / 1000).toFixed(1)} s`);
}
