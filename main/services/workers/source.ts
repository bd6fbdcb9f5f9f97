/**
 * The worker threads from source: their TypeScript entries, run with tsx's
 * loader. For the entry points that run from source — the dev CLI launcher
 * (bin/dossier.mjs), dev:web, the test runner. Never imported by bundled
 * code: the built app and CLI ship each worker as `<name>-worker.js` (entry.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configureWorkers, WORKER_SOURCES } from './entry';

/** The checkout's root: from this file's place, or (where a test environment serves modules by URL) the working folder. */
function checkoutRoot(): string {
  // (No URL arithmetic: a jsdom test environment replaces the URL class.)
  return import.meta.url.startsWith('file:')
    ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
    : process.cwd();
}

export function useSourceWorkers(root = checkoutRoot()): void {
  const tsx = pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('tsx')).href;
  configureWorkers((name) => ({
    file: path.join(root, ...WORKER_SOURCES[name].split('/')),
    execArgv: ['--import', tsx],
  }));
}
