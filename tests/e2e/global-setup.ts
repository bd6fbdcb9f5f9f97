/**
 * Builds the app once, exactly as `npm run build` does, so every test runs
 * the renderer bundle Electron loads, under its production CSP.
 */
import { buildApp } from '../helpers/build-app';

export default async function globalSetup(): Promise<void> {
  if (process.env.DOSSIER_E2E_SKIP_BUILD === '1') return;
  await buildApp();
}
