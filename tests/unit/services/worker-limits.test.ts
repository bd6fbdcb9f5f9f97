/**
 * Every worker thread of a session starts with a small young generation
 * (WORKER_YOUNG_GENERATION_MB): the search index's and the imports' workers,
 * each of which would otherwise keep up to 48 MB of it for the session's life.
 * The import worker keeps its limit of the whole heap besides.
 */
import path from 'node:path';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openNotebookSession } from '../../../main/services/session';
import { DEFAULT_WORKER_HEAP_MB } from '../../../main/services/import/extract-pool';
import { WORKER_YOUNG_GENERATION_MB, WORKER_SOURCES } from '../../../main/services/workers/entry';
import { writeSyntheticNotebook } from '../../../bench/lib/synthetic-notebook';
import { tempDir } from '../../helpers/temp-dir';

const started = vi.hoisted(() => [] as Array<{ file: string; worker: Worker }>);
vi.mock('node:worker_threads', async (original) => {
  const actual = await original<typeof import('node:worker_threads')>();
  class RecordedWorker extends actual.Worker {
    constructor(file: string | URL, options?: WorkerOptions) {
      super(file, options);
      started.push({ file: String(file), worker: this });
    }
  }
  return { ...actual, Worker: RecordedWorker, default: { ...actual, Worker: RecordedWorker } };
});

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('worker threads of a session', () => {
  it('start the search and import workers with a small young generation', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const dir = path.join(t.dir, 'limits.dossier');
    await writeSyntheticNotebook(dir, 5, 1, 3);
    const s = await openNotebookSession(dir);
    cleanups.push(() => s.close());
    await s.service.search({ query: 'harbour', limit: 5, wait: true });
    await s.service.importText({ text: 'Harbour talks\n\nThe harbour board met again on Monday.', name: 'a.txt' });

    const limitsOf = (name: keyof typeof WORKER_SOURCES) => {
      const found = started.find((w) => w.file.endsWith(path.basename(WORKER_SOURCES[name])));
      expect(found, `the ${name} worker started`).toBeDefined();
      return found!.worker.resourceLimits ?? {};
    };
    expect(limitsOf('search').maxYoungGenerationSizeMb).toBe(WORKER_YOUNG_GENERATION_MB);
    expect(limitsOf('import')).toMatchObject({
      maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
      maxOldGenerationSizeMb: DEFAULT_WORKER_HEAP_MB,
    });
  });
});
