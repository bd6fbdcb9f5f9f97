/**
 * Where each worker thread's code is, for every way Dossier runs: one place
 * that names the workers and finds their entry files.
 *
 *   - Built apps (the Electron main bundle, the CLI bundle): each bundle emits
 *     `<name>-worker.js` beside itself; its composition root calls
 *     `useWorkerBesideBundle(import.meta.url)` once at start.
 *   - From source (the dev CLI launcher, dev:web, the test runner): the
 *     TypeScript entry runs with tsx's loader (`useSourceWorkers`, source.ts).
 *
 * The workers: `import` (format extraction, import/extract-worker.ts) and
 * `search` (the search index, search/search-worker.ts).
 */
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';

/** Each worker's TypeScript entry, from the checkout's root (what the bundles build as `<name>-worker.js`). */
export const WORKER_SOURCES = {
  import: 'main/services/import/extract-worker.ts',
  search: 'main/services/search/search-worker.ts',
} as const;

export type WorkerName = keyof typeof WORKER_SOURCES;

export interface WorkerEntry {
  file: string;
  execArgv: string[];
}

let locate: ((name: WorkerName) => WorkerEntry) | null = null;

/** Names how every worker's entry is found (bundle or source). Called once at start by each entry point. */
export function configureWorkers(resolve: (name: WorkerName) => WorkerEntry): void {
  locate = resolve;
}

/**
 * For a bundle's composition root: when `entryUrl` (its import.meta.url) is a
 * built file, each worker is the `<name>-worker.js` the build wrote beside it.
 * From source nothing happens here (useSourceWorkers configures them).
 */
export function useWorkerBesideBundle(entryUrl: string): void {
  if (!entryUrl.endsWith('.js')) return;
  configureWorkers((name) => ({ file: fileURLToPath(new URL(`./${name}-worker.js`, entryUrl)), execArgv: [] }));
}

/**
 * The most each worker's young generation (its newest objects, mostly garbage soon) may take, in MB.
 * V8 lets it grow to 48 MB a thread, which a worker keeps once its work has grown it; the workers'
 * short-lived objects are collected as well in a smaller one (a few more, shorter collections),
 * and the process keeps some tens of megabytes less for its life.
 */
export const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * The entry of a worker, with the resource limits every worker starts with (to spread into the
 * Worker's own); throws when no entry point configured the workers.
 */
export function workerEntry(name: WorkerName): WorkerEntry & { resourceLimits: ResourceLimits } {
  if (!locate)
    throw new Error(
      `The ${name} worker was not configured: call useWorkerBesideBundle (bundles) or useSourceWorkers (source) at start.`,
    );
  return { ...locate(name), resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } };
}
