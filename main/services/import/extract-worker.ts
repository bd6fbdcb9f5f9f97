/**
 * The import worker's entry: runs format extraction (extract/) in a worker
 * thread, one request at a time, so a hostile or huge file can take this
 * thread's time and memory but never the process's (see extract-pool.ts).
 * It also computes near-duplicate signatures of existing source files, in
 * chunks, for the near-duplicate index (near-duplicate-index.ts).
 *
 * Built as its own file next to each bundle (out/main/import-worker.js,
 * out/cli/import-worker.js); run from source with tsx in development and tests.
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument, ImportRejection } from './extract';
import type { WorkerReply, WorkerRequest } from './extract-pool';
import { signaturesOfSourceFiles } from './source-signature';

/**
 * Read once as the worker starts, idle: a text's first reading costs tens of milliseconds more than
 * the next (language detection's tables, the boilerplate rules, code not yet compiled), which the
 * person's first import of a session would otherwise wait for.
 */
const WARM_UP = {
  name: 'warm-up.txt',
  text: 'Harbour talks\n\nThe minister said on Tuesday that the accord would hold through the winter, officials said.',
};

// What every import needs is loaded (the web-page, PDF and Word readers load with their first file)
// and the text reader has run once: from now on the pool's wall clock runs.
if (parentPort) {
  const port = parentPort;
  void extractDocument({ name: WARM_UP.name, bytes: new TextEncoder().encode(WARM_UP.text) }, {})
    .catch(() => undefined)
    .then(() => port.postMessage({ ready: true } satisfies WorkerReply));
}

// Imported anywhere but in a worker thread (a bundle check loading every module), it does nothing.
parentPort?.on('message', (request: WorkerRequest) => {
  const port = parentPort!;
  const work =
    'signatureFiles' in request
      ? signaturesOfSourceFiles(request.signatureFiles).then((signatures) => ({ signatures }))
      : extractDocument(request.input, request.options).then((doc) => ({ doc }));
  void work.then(
    (result): void => port.postMessage({ id: request.id, ok: true, ...result } satisfies WorkerReply),
    (err: unknown): void =>
      port.postMessage({
        id: request.id,
        ok: false,
        rejection: err instanceof ImportRejection ? err.reason : undefined,
        ...(err instanceof ImportRejection && err.words ? { rejectionWords: err.words } : {}),
        message: err instanceof Error ? err.message : String(err),
      } satisfies WorkerReply),
  );
});
