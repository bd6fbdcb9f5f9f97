/**
 * The near-duplicate index in the built CLI: its import worker (the bundle's
 * import-worker.js) computes the signatures of a notebook's existing sources,
 * the file is written under .cache, and the next process reuses it.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NEAR_DUPLICATE_FILE, decodeIndexFile } from '../../../main/services/import/near-duplicate-index';
import { CACHE_DIR } from '../../../main/services/store/notebook-store';
import { writeSyntheticNotebook } from '../../../bench/lib/synthetic-notebook';
import { BUILT, repoRoot } from '../../helpers/built-app';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('near-duplicates in the built CLI', () => {
  it('builds the index in the import worker, flags the twin, and appends to the index in the next process', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'built.dossier');
    // More sources than are signed in process: the worker signs them.
    const { sourceIds } = await writeSyntheticNotebook(nb, 60, 1, 3);
    const textOf = async (id: string) =>
      (JSON.parse(await readFile(path.join(nb, 'sources', `${id}.json`), 'utf8')) as { source: { text: string } })
        .source.text;
    const cli = (...argv: string[]) =>
      spawnSync(process.execPath, [path.join(repoRoot, BUILT.cli), '--notebook', nb, ...argv], { encoding: 'utf8' });
    const importCopyOf = async (id: string, name: string) => {
      const file = path.join(t.dir, name);
      await writeFile(file, `Copy of ${id}\n\n${await textOf(id)}\n\nSyndicated by the Island Wire.`);
      const result = cli('import', file, '--json');
      expect(result.stderr).toBe('');
      return (JSON.parse(result.stdout) as { added: Array<{ nearDuplicateOf?: string }> }).added;
    };
    const indexRecords = async () =>
      decodeIndexFile(await readFile(path.join(nb, CACHE_DIR, NEAR_DUPLICATE_FILE)))?.records.map(([id]) => id);

    expect((await importCopyOf(sourceIds[17]!, 'copy-17.txt'))[0]?.nearDuplicateOf).toBe(sourceIds[17]);
    const first = await indexRecords();
    expect(first).toHaveLength(61);
    expect(new Set(first)).toEqual(new Set([...sourceIds, ...first!.slice(-1)]));

    expect((await importCopyOf(sourceIds[42]!, 'copy-42.txt'))[0]?.nearDuplicateOf).toBe(sourceIds[42]);
    const second = await indexRecords();
    expect(second).toHaveLength(62);
    expect(second!.slice(0, 61)).toEqual(first);
  }, 120_000); // each spawn of the built CLI loads its bundle: seconds on a busy machine
});
