/**
 * The search worker's entry: one IndexHost (index-host.ts) per worker
 * thread, answering the main thread's requests one at a time, in order —
 * a query waits for the load or build and for the changes sent before it.
 * Commit announcements (`{generation}`) skip the queue: a save in progress
 * must see them. A worker started with a cache folder (`workerData`) reads
 * the saved index from it before it is asked to open (index-host.ts).
 *
 * Built as its own file next to each bundle (out/main/search-worker.js,
 * out/cli/search-worker.js); run from source with tsx in development and tests
 * (workers/entry.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DossierError } from '../../../shared/errors';
import { IndexHost, type HostMethods, type HostReply, type HostRequest, type SearchWorkerData } from './index-host';

const host = new IndexHost();
// Started ahead of the notebook's opening: the saved index is read while the main thread reads the manifest.
const { cacheDir } = (workerData ?? {}) as SearchWorkerData;
if (parentPort && cacheDir) host.prefetch(cacheDir);
const methods: HostMethods = {
  open: (req) => host.open(req),
  apply: (ops) => host.apply(ops),
  search: (...args) => host.search(...args),
  corroborate: (...args) => host.corroborate(...args),
  annotationSources: (ids) => host.annotationSources(ids),
  stats: () => host.stats(),
  save: (generation) => host.save(generation),
  timings: () => host.timings,
};

let queue: Promise<unknown> = Promise.resolve();

// Imported anywhere but in a worker thread (a bundle check loading every module), it does nothing.
parentPort?.on('message', (request: HostRequest) => {
  const port = parentPort!;
  if ('generation' in request) {
    host.latestGeneration = request.generation;
    return;
  }
  const call = methods[request.method] as (...args: unknown[]) => unknown;
  queue = queue
    .then(() => call(...request.args))
    .then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies HostReply),
      (err: unknown) =>
        port.postMessage({
          id: request.id,
          ok: false,
          code: err instanceof DossierError ? err.code : undefined,
          message: err instanceof Error ? err.message : String(err),
          // The message's key and values: main says it in the person's language.
          ...(err instanceof DossierError && err.words ? { words: err.words } : {}),
        } satisfies HostReply),
    );
});
