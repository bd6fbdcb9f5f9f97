/**
 * Imports read files in a worker thread that can be stopped: a wall-clock
 * limit, a cancel that ends the work at once, a memory limit, and a main
 * thread (the API) that answers while a long import runs.
 *
 * The long-running input is a large fictional article (tens of MB of plain
 * text): extraction is linear, so it is slow only by size, on any machine.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractPool } from '../../../main/services/import/extract-pool';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { rejection } from '../../helpers/rejection';
import { tempDir } from '../../helpers/temp-dir';

const enc = (s: string) => new TextEncoder().encode(s);

const SMALL = enc(`Harbour board delays the night ferry

The Vellmar harbour board postponed its decision on the night ferry to Brask until the spring, citing the cost of new lighting on the old pier.

"We will not run a service we cannot light safely," said board chair Ingrid Halvorsen.`);

/** A long fictional report: paragraph after paragraph, each a little different. */
function largeArticle(megabytes: number): Uint8Array {
  const parts = ['Annual report of the Vellmar harbour board', ''];
  let size = 0;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const p = `Item ${i}: the board reviewed the ferry timetable for pier ${i % 17}, the lighting budget of ${1000 + i} crowns and the complaints of ${i % 9} residents about late departures to Brask.`;
    parts.push(p, '');
    size += p.length + 2;
  }
  return enc(parts.join('\n'));
}

let big: Uint8Array;
beforeAll(() => {
  big = largeArticle(24);
});

describe('the import worker', () => {
  const pools: ExtractPool[] = [];
  const pool = (limits?: ConstructorParameters<typeof ExtractPool>[0]) => {
    const p = new ExtractPool(limits);
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    for (const p of pools) await p.close();
  });

  it('extracts in a worker thread, reused from file to file', async () => {
    const p = pool();
    const first = await p.extract({ name: 'ferry.txt', bytes: SMALL });
    expect(first.title).toBe('Harbour board delays the night ferry');
    const thread = p.threadId;
    expect(thread).not.toBeNull();
    await p.extract({ name: 'ferry-again.txt', bytes: SMALL });
    expect(p.threadId).toBe(thread);
  });

  it('rejects a file past the wall-clock limit, ends that worker, and reads the next file in a new one', async () => {
    // A second is far less than the large report takes, and leaves a fresh worker's first small file
    // (its code not yet optimised) room on a busy machine.
    const p = pool({ wallClockMs: 1000 });
    await p.extract({ name: 'warm-up.txt', bytes: SMALL });
    const thread = p.threadId;
    expect(await rejection(p.extract({ name: 'report.txt', bytes: big }))).toMatch(
      /took longer than 1 s; the file may be damaged or hostile/,
    );
    expect(p.threadId).toBeNull();
    const next = await p.extract({ name: 'ferry.txt', bytes: SMALL });
    expect(next.title).toBe('Harbour board delays the night ferry');
    expect(p.threadId).not.toBe(thread);
  });

  it('a cancel ends the reading at once: the worker is terminated, not waited for', async () => {
    const p = pool();
    await p.extract({ name: 'warm-up.txt', bytes: SMALL });
    const controller = new AbortController();
    const reading = p.extract({ name: 'report.txt', bytes: big }, {}, controller.signal);
    setTimeout(() => controller.abort(), 100);
    expect(await rejection(reading)).toBe('import cancelled');
    expect(p.threadId).toBeNull();
  });

  it('a file that needs more memory than the limit is rejected; the process carries on', async () => {
    const p = pool({ heapMb: 16 });
    expect(await rejection(p.extract({ name: 'report.txt', bytes: big }))).toMatch(
      /more than 16 MB of memory|could not be read/,
    );
    expect(p.threadId).toBeNull();
  });
});

describe('imports and the API', () => {
  let session: NotebookSession;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    session = await openNotebookSession(path.join(t.dir, 'nb.dossier'));
  });
  afterAll(async () => {
    await session.close();
    await cleanup();
  });

  it('the API answers while a long import runs, and cancelImport stops it with the file skipped', async () => {
    let importDone = false;
    // The progress event for the file: the import has reached it.
    const started = new Promise<void>((resolve) => {
      const off = session.onEvent((e) => {
        if (e.type === 'import-progress' && !e.finished) {
          off();
          resolve();
        }
      });
    });
    const importing = session.service
      .importFiles({ files: [{ name: 'report.txt', bytes: big as Uint8Array<ArrayBuffer> }] })
      .finally(() => (importDone = true));
    await started;
    const info = await session.service.getNotebook({});
    expect(info.sourceCount).toBe(0);
    expect(importDone).toBe(false);
    expect(await session.service.cancelImport({})).toEqual({ cancelled: true });
    const result = await importing;
    expect(result.added).toEqual([]);
    expect(result.skipped).toEqual([{ name: 'report.txt', reason: 'import cancelled' }]);
  });
});
