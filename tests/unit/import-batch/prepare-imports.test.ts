/**
 * A session of the app starts the import worker as it opens, idle, so the
 * first import does not wait for it to load; a CLI session
 * (prepareImports: false) never starts one it does not need. The worker is
 * one per process, so this file has the process to itself (Vitest runs each
 * file in its own worker).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openNotebookSession } from '../../../main/services/session';
import { importWorker } from '../../../main/services/import/extract-pool';

const dirs: string[] = [];
afterAll(async () => {
  await importWorker().close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function openFor(prepareImports: boolean | undefined) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-prepare-'));
  dirs.push(dir);
  return openNotebookSession(path.join(dir, 'n.dossier'), prepareImports === undefined ? {} : { prepareImports });
}

describe('preparing imports', () => {
  it('a CLI session starts no import worker; an app session starts one, idle, as it opens', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const cli = await openFor(false);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(importWorker().threadId).toBeNull();
      await cli.close();

      const app = await openFor(undefined);
      expect(importWorker().threadId).not.toBeNull();
      await app.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
