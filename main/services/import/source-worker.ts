/**
 * The import worker from source: the TypeScript entry, run with tsx's loader.
 * For the entry points that run from source — the dev CLI launcher
 * (bin/dossier.mjs), dev:web, the benches, the test runner. Never imported by
 * bundled code: the built app and CLI ship their worker as import-worker.js.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configureExtractWorker } from './extract-pool';

export function useSourceWorker(): void {
  const entry = fileURLToPath(new URL('./extract-worker.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  configureExtractWorker(entry, ['--import', tsx]);
}
