/**
 * The fingerprint of a notebook's files as the search cache saw them: the
 * size and modification time of the manifest and of every listed source
 * file, in id order, hashed (index-store.ts keeps it in the stamp; a cache
 * whose fingerprint differs from the files' is stale).
 *
 * At 20,000 sources that is 20,000 stats (about 50 ms of system calls and as
 * much again in JavaScript). When a cache is loaded the search worker needs
 * its own thread for reading and decoding the index, so the stats run in a
 * short-lived thread of their own meanwhile (`fingerprintHelper`, started
 * with the worker when it reads the index ahead of being asked); a save
 * takes them on the worker's thread (`fingerprintNow`). Both run the one
 * function below, which uses nothing but its arguments, so its text is the
 * helper thread's whole program.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface FingerprintInput {
  /** The manifest's path. */
  manifest: string;
  /** The folder of the source files, ending with a separator. */
  sourcesDir: string;
  /** The listed source ids, sorted. */
  ids: string[];
}

type Deps = { statSync: typeof statSync; createHash: typeof createHash };

// Self-contained on purpose: its text runs in the helper thread (no imports, no outer names).
function compute(input: FingerprintInput, deps: Deps): string {
  const lines: string[] = [];
  const line = (name: string, file: string) => {
    const s = deps.statSync(file, { throwIfNoEntry: false });
    lines.push(name + '=' + (s ? s.size + ':' + Math.trunc(s.mtimeMs) : 'missing') + '\n');
  };
  line('notebook.json', input.manifest);
  for (const id of input.ids) line(id + '.json', input.sourcesDir + id + '.json');
  return deps.createHash('sha1').update(lines.join('')).digest('hex');
}

/** What to fingerprint in `dir`, for the listed source ids. */
export function fingerprintInput(dir: string, manifestFile: string, sourcesDir: string, ids: Iterable<string>) {
  return {
    manifest: path.join(dir, manifestFile),
    sourcesDir: path.join(dir, sourcesDir) + path.sep,
    ids: [...ids].sort(),
  } satisfies FingerprintInput;
}

/** The fingerprint, on this thread. */
export function fingerprintNow(input: FingerprintInput): string {
  return compute(input, { statSync, createHash });
}

/** The fingerprint from a helper thread (this one stays free); on this thread if none can be started. */
export function fingerprintInThread(input: FingerprintInput): Promise<string> {
  return fingerprintHelper()(input);
}

/**
 * A helper thread started now that takes the fingerprint once given what to fingerprint: its start
 * overlaps whatever this thread does meanwhile (the search worker reads the saved index before it knows
 * the listed sources). Call the function once; `stop` ends a helper never called.
 */
export function fingerprintHelper(): ((input: FingerprintInput) => Promise<string>) & { stop(): void } {
  const program = `const { parentPort } = require('node:worker_threads');
const deps = { statSync: require('node:fs').statSync, createHash: require('node:crypto').createHash };
parentPort.once('message', (input) => parentPort.postMessage((${compute.toString()})(input, deps)));`;
  let worker: Worker | undefined;
  try {
    worker = new Worker(program, { eval: true, stdout: false, stderr: false });
    worker.unref();
    worker.on('error', () => undefined); // told when called: the fingerprint is then taken here
  } catch {
    worker = undefined;
  }
  const run = (input: FingerprintInput) =>
    new Promise<string>((resolve) => {
      const helper = worker;
      if (!helper || helper.threadId === -1) {
        resolve(fingerprintNow(input));
        return;
      }
      let done = false;
      const finish = (value: string | undefined) => {
        if (done) return;
        done = true;
        void helper.terminate();
        resolve(value ?? fingerprintNow(input));
      };
      helper.once('message', (value: unknown) => finish(typeof value === 'string' ? value : undefined));
      helper.once('error', () => finish(undefined));
      helper.once('exit', () => finish(undefined));
      helper.ref(); // this thread waits for it
      helper.postMessage(input);
    });
  return Object.assign(run, { stop: () => void worker?.terminate() });
}
