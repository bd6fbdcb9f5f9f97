/**
 * The built search worker starts light: answering from a saved index loads
 * neither zod nor the store's packages (lowdb, immer) — those come with the
 * first source file it reads (a build, a source the log names), from a chunk
 * of their own. A session opened on a notebook with a saved index starts the
 * worker before the store opens (it reads the index meanwhile); a damaged
 * index read that way is still refused and rebuilt.
 *
 * Each built worker (the Electron main bundle's and the CLI's) runs with a
 * module resolve hook that records every package it loads.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { writeSyntheticNotebook } from '../../../bench/lib/synthetic-notebook';
import { CACHE_DIR, INDEX_DIR } from '../../../main/services/search/search-service';
import { openNotebookSession } from '../../../main/services/session';
import { configureWorkers } from '../../../main/services/workers/entry';
import { useSourceWorkers } from '../../../main/services/workers/source';
import { repoRoot } from '../../helpers/built-app';
import { packageRecorder } from '../../helpers/package-recorder';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
afterAll(() => useSourceWorkers());

/** Packages the search worker would load only for reading source files or the store. */
const NOT_AT_START = ['zod', 'lowdb', 'immer'];

/** Points the workers at `bundle`'s built files; the search worker records the packages it loads. */
async function useBuiltWorkers(bundle: 'main' | 'cli', dir: string): Promise<() => Promise<string[]>> {
  const recorder = await packageRecorder(dir);
  configureWorkers((name) => ({
    file: path.join(repoRoot, 'out', bundle, `${name}-worker.js`),
    execArgv: name === 'search' ? ['--import', recorder.registerUrl] : [],
  }));
  return () => recorder.take();
}

describe.each(['main', 'cli'] as const)('the built search worker (out/%s)', (bundle) => {
  it('answers from a saved index without zod or the store; reads sources with them; rebuilds a damaged index', async () => {
    const t = await tempDir('dossier-worker-start-');
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'nb.dossier');
    await writeSyntheticNotebook(nb, 20, 2);
    const loaded = await useBuiltWorkers(bundle, t.dir);
    const searchOnce = async () => {
      const s = await openNotebookSession(nb);
      try {
        const found = await s.service.search({ query: 'harbour', limit: 5, wait: true });
        return { hits: found.hits.map((h) => h.sourceId), from: (await s.service.searchStatus({})).loadedFrom };
      } finally {
        await s.close(); // saves a built index
      }
    };

    // no saved index: built from the source files, whose reader (schemas, migrations) loads on the way
    const built = await searchOnce();
    expect(built.from).toBe('build');
    expect(built.hits.length).toBeGreaterThan(0);
    expect(await loaded()).toEqual(expect.arrayContaining(['zod', '@orama/stemmers']));

    // a saved index: read (ahead of the store's opening) and answered from, with none of them
    const cached = await searchOnce();
    expect(cached).toEqual({ hits: built.hits, from: 'cache' });
    const atStart = await loaded();
    expect(atStart).toContain('@orama/stemmers');
    expect(atStart.filter((p) => NOT_AT_START.includes(p))).toEqual([]);

    // a damaged index read ahead is refused at open and rebuilt, never answered from
    const indexDir = path.join(nb, CACHE_DIR, INDEX_DIR);
    const base = (await readdir(indexDir)).find((n) => n.startsWith('base-'))!;
    const bytes = await readFile(path.join(indexDir, base));
    await writeFile(path.join(indexDir, base), bytes.subarray(0, bytes.length - 8));
    expect(await searchOnce()).toEqual({ hits: built.hits, from: 'build' });
  }, 60_000);
});
