/**
 * `npm run build` from a test: electron-vite with electron.config.ts → out/main,
 * out/preload and out/renderer. The one renderer bundle there is; the end-to-end
 * tests and the CSP test read what it writes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'electron-vite';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const builtRendererDir = path.join(repoRoot, 'out', 'renderer');

export async function buildApp(): Promise<void> {
  await build({ configFile: path.join(repoRoot, 'electron.config.ts'), logLevel: 'warn' });
}
