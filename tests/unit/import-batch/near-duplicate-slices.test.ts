/**
 * The near-duplicate index takes the signatures the worker hands over a few
 * at a time, between turns of the event loop, so the API answers while a
 * large notebook's index is built; a source whose text changes meanwhile
 * keeps none of the signature computed before.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nearDuplicateIndex } from '../../../main/services/import/near-duplicate-index';
import { signaturesOfSourceFiles } from '../../../main/services/import/source-signature';
import { NotebookStore } from '../../../main/services/store/notebook-store';
import { writeSyntheticNotebook } from '../../../bench/lib/synthetic-notebook';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const SOURCES = 256; // one request to the worker

describe('building the near-duplicate index', () => {
  it('puts the signatures in memory a few at a time, and drops one whose text changed meanwhile', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const dir = path.join(t.dir, 'slices.dossier');
    const { sourceIds } = await writeSyntheticNotebook(dir, SOURCES, 1, 9);
    const store = await NotebookStore.open(dir);
    let turns = 0;
    let counting = false;
    const countTurns = () => {
      if (!counting) return;
      turns++;
      setImmediate(countTurns);
    };
    const changed = sourceIds[200]!;
    const index = nearDuplicateIndex(store, {
      // All signatures at once, as the worker answers: from then on, count the event loop's turns.
      reader: async (files) => {
        const signatures = await signaturesOfSourceFiles(files);
        counting = true;
        setImmediate(countTurns);
        // The text of one source changes while the signatures are taken in.
        setImmediate(() => index.forget(changed));
        return signatures;
      },
    });
    cleanups.push(async () => {
      await index.close();
      await store.close();
    });
    await index.ready();
    counting = false;
    // 256 signatures, 32 a turn: the loop turned at least once between every slice.
    expect(turns).toBeGreaterThanOrEqual(SOURCES / 32 - 1);
    expect(index.size).toBe(SOURCES - 1);
    // The changed source is computed again when next needed, from its text as it is then.
    await index.ready();
    expect(index.size).toBe(SOURCES);
  });
});
