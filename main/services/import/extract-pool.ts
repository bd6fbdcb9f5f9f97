/**
 * Format extraction off the main thread. Every import runs extract/ in one
 * worker thread that is reused from file to file and can be stopped at once:
 *
 *   - a wall-clock limit per file (default 60 s): past it the worker is
 *     terminated and the file rejected ("took longer than …");
 *   - a memory limit for the worker's heap (default 2 GB): a file that needs
 *     more is rejected, the process is untouched;
 *   - cancel (an AbortSignal): the worker is terminated at once, so a cancel
 *     or a SIGTERM never waits for a parser to finish;
 *   - the main thread stays free, so the API answers during any import.
 *
 * A terminated or crashed worker is replaced on the next request.
 *
 * Where the worker's code is: workers/entry.ts (`import-worker.js` beside a
 * bundle, the TypeScript entry with tsx from source).
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../workers/entry';
import { DossierError, type Words } from '../../../shared/errors';
import { ImportRejection, type ExtractOptions, type ExtractedDocument, type ImportInput } from './extract/types';

export type WorkerRequest =
  | { id: number; input: ImportInput; options: ExtractOptions }
  /** MinHash signatures of these source files (null for one that cannot be read). */
  | { id: number; signatureFiles: string[] };

export type WorkerReply =
  | { ready: true }
  | { id: number; ok: true; doc: ExtractedDocument }
  | { id: number; ok: true; signatures: Array<Uint32Array | null> }
  | { id: number; ok: false; rejection?: string; rejectionWords?: Words; message: string };

type WorkerAnswer = Extract<WorkerReply, { ok: true }>;

export const DEFAULT_WALL_CLOCK_MS = 60_000;
export const DEFAULT_WORKER_HEAP_MB = 2048;

export interface ExtractLimits {
  /** Longest a file may take, from request to answer. */
  wallClockMs?: number;
  /** The worker's heap limit (V8 old generation). */
  heapMb?: number;
}

/** Runs extractions one at a time in a worker thread, with limits. */
export class ExtractPool {
  private worker: Worker | null = null;
  /** Resolves when a worker has loaded what every import needs: the wall clock measures reading, not the worker's start. */
  private readonly online = new WeakMap<Worker, Promise<void>>();
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly wallClockMs: number;
  private readonly heapMb: number;

  constructor(limits: ExtractLimits = {}) {
    this.wallClockMs = limits.wallClockMs ?? DEFAULT_WALL_CLOCK_MS;
    this.heapMb = limits.heapMb ?? DEFAULT_WORKER_HEAP_MB;
  }

  /** Extracts one input; rejects with ImportRejection for anything a person should read. */
  async extract(input: ImportInput, options: ExtractOptions = {}, signal?: AbortSignal): Promise<ExtractedDocument> {
    const reply = await this.enqueue({ input, options }, signal);
    if (!('doc' in reply)) throw DossierError.of('internal', 'import.workerAnsweredOther');
    return reply.doc;
  }

  /**
   * MinHash signatures of source files, read and computed in the worker (null
   * for a file that cannot be read); queued with extractions, under the same limits.
   */
  async signatures(files: string[], signal?: AbortSignal): Promise<Array<Uint32Array | null>> {
    const reply = await this.enqueue({ signatureFiles: files }, signal);
    if (!('signatures' in reply)) throw DossierError.of('internal', 'import.workerAnsweredOther');
    return reply.signatures;
  }

  private enqueue(request: DistributiveOmit<WorkerRequest, 'id'>, signal?: AbortSignal): Promise<WorkerAnswer> {
    const run = this.queue.then(() => this.run(request, signal));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Starts the worker now, idle, so that the first import of a session does not
   * wait for it to load its modules (hundreds of milliseconds, more on a busy machine).
   */
  warm(): void {
    this.worker ??= this.spawn();
  }

  /** Stops the worker (a new one starts on the next request). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private spawn(): Worker {
    const entry = workerEntry('import');
    const worker = new Worker(entry.file, {
      execArgv: entry.execArgv,
      resourceLimits: { ...entry.resourceLimits, maxOldGenerationSizeMb: this.heapMb },
      stdout: false,
      stderr: false,
    });
    // An idle worker never keeps the process alive.
    worker.unref();
    this.online.set(
      worker,
      new Promise((resolve) => {
        const onReady = (reply: WorkerReply) => {
          if (!('ready' in reply)) return;
          worker.off('message', onReady);
          resolve();
        };
        worker.on('message', onReady);
      }),
    );
    return worker;
  }

  /** The id of the worker thread that would take the next file (null when none is running). */
  get threadId(): number | null {
    return this.worker?.threadId ?? null;
  }

  private run(request: DistributiveOmit<WorkerRequest, 'id'>, signal?: AbortSignal): Promise<WorkerAnswer> {
    if (signal?.aborted) return Promise.reject(ImportRejection.of('import.importCancelled'));
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<WorkerAnswer>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill && this.worker === worker) {
          this.worker = null;
          void worker.terminate();
        }
        if (!kill) worker.unref();
        fn();
      };
      const onMessage = (reply: WorkerReply) => {
        if ('ready' in reply || reply.id !== id) return;
        if (reply.ok) finish(() => resolve(reply), false);
        else
          finish(
            () =>
              reject(
                reply.rejection !== undefined
                  ? new ImportRejection(reply.rejection, reply.rejectionWords)
                  : ImportRejection.of('import.couldNotRead', { problem: reply.message }),
              ),
            false,
          );
      };
      const onError = (err: Error) => {
        const code = (err as NodeJS.ErrnoException).code;
        const rejection =
          code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? ImportRejection.of('import.outOfMemory', { heapMb: this.heapMb })
            : ImportRejection.of('import.couldNotRead', { problem: err.message });
        finish(() => reject(rejection), true);
      };
      const onExit = () => {
        if (this.worker === worker) this.worker = null;
        finish(() => reject(ImportRejection.of('import.fileCouldReadReader')), false);
      };
      const onAbort = () => finish(() => reject(ImportRejection.of('import.importCancelled')), true);
      const onTimeout = () =>
        finish(
          () =>
            reject(
              ImportRejection.of('import.readingTookLongerThan', { wallClockMs: formatSeconds(this.wallClockMs) }),
            ),
          true,
        );
      let timer: ReturnType<typeof setTimeout> | undefined;
      void this.online.get(worker)?.then(() => {
        if (!settled) timer = setTimeout(onTimeout, this.wallClockMs);
      });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      // While a request runs, the worker keeps the process alive (a CLI import waits for it).
      worker.ref();
      worker.postMessage({ id, ...request } satisfies WorkerRequest);
    });
  }
}

let sharedPool: ExtractPool | null = null;
/** The process's import worker, started on first use; idle, it does not keep the process alive. */
export function importWorker(): ExtractPool {
  return (sharedPool ??= new ExtractPool());
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
