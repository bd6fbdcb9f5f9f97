/**
 * Builds the renderer once (vite build -c renderer/vite.config.ts → out/renderer)
 * so every test runs the production bundle under the strict CSP.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function globalSetup(): Promise<void> {
  if (process.env.DOSSIER_E2E_SKIP_BUILD === '1') return;
  await build({ configFile: path.join(repoRoot, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}
