/**
 * The import worker's entry: runs format extraction (extract/) in a worker
 * thread, one request at a time, so a hostile or huge file can take this
 * thread's time and memory but never the process's (see extract-pool.ts).
 *
 * Built as its own file next to each bundle (out/main/import-worker.js,
 * out/cli/import-worker.js); run from source with tsx in development and tests.
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument, ImportRejection } from './extract';
import type { WorkerReply, WorkerRequest } from './extract-pool';

// The readers are loaded: from now on the pool's wall clock measures reading only.
parentPort?.postMessage({ ready: true } satisfies WorkerReply);

// Imported anywhere but in a worker thread (a bundle check loading every module), it does nothing.
parentPort?.on('message', (request: WorkerRequest) => {
  const port = parentPort!;
  void extractDocument(request.input, request.options).then(
    (doc): void => port.postMessage({ id: request.id, ok: true, doc } satisfies WorkerReply),
    (err: unknown): void =>
      port.postMessage({
        id: request.id,
        ok: false,
        rejection: err instanceof ImportRejection ? err.reason : undefined,
        message: err instanceof Error ? err.message : String(err),
      } satisfies WorkerReply),
  );
});
