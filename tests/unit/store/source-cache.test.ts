/**
 * The store's byte-budgeted source cache: with a budget so small that almost
 * every read evicts, the notebook behaves exactly as with no budget at all;
 * a source whose write is pending stays in memory; read-only and unreadable
 * states survive eviction. The metadata and annotations kept of sources not
 * loaded have a budget of their own: tiny, nothing changes either; and a pass
 * over more sources than it holds keeps what fits for the next pass.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { NotebookStore } from '../../../main/services/store/notebook-store';
import { writeSyntheticNotebook } from '../../../bench/lib/synthetic-notebook';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const SOURCES = 6;

async function synthetic(name: string): Promise<{ dir: string; ids: string[] }> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const dir = path.join(t.dir, `${name}.dossier`);
  const { sourceIds } = await writeSyntheticNotebook(dir, SOURCES, 2, 7);
  return { dir, ids: sourceIds };
}

/** A result with the fields that differ by run (new ids, clocks) replaced by their order of appearance. */
function comparable(value: unknown): unknown {
  const ids = new Map<string, string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string' && /^ann_[A-Za-z0-9]{10}$/.test(v)) {
      if (!ids.has(v)) ids.set(v, `ann#${ids.size}`);
      return ids.get(v);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== 'createdAt' && k !== 'updatedAt')
          .map(([k, x]) => [k, walk(x)]),
      );
    return v;
  };
  return walk(value);
}

type Command =
  | { op: 'read'; source: number }
  | { op: 'annotate'; source: number; at: number; length: number }
  | { op: 'status'; source: number; which: number; status: string }
  | { op: 'delete'; source: number; which: number }
  | { op: 'rename'; source: number; title: string }
  | { op: 'removeParagraph'; source: number; paragraph: number }
  | { op: 'undo' }
  | { op: 'redo' };

const source = fc.integer({ min: 0, max: SOURCES - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('read' as const), source }),
  fc.record({
    op: fc.constant('annotate' as const),
    source,
    at: fc.integer({ min: 0, max: 2000 }),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    op: fc.constant('status' as const),
    source,
    which: fc.nat(5),
    status: fc.constantFrom('corroborated', 'disputed'),
  }),
  fc.record({ op: fc.constant('delete' as const), source, which: fc.nat(5) }),
  fc.record({ op: fc.constant('rename' as const), source, title: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ op: fc.constant('removeParagraph' as const), source, paragraph: fc.nat(7) }),
  fc.record({ op: fc.constant('undo' as const) }),
  fc.record({ op: fc.constant('redo' as const) }),
);

/** Runs one command; returns what the person would see (or the error's code and message). */
async function run(s: NotebookSession, ids: string[], c: Command): Promise<unknown> {
  const api = s.service;
  try {
    switch (c.op) {
      case 'read':
        return await api.getSource({ id: ids[c.source]! });
      case 'annotate': {
        const { source: src } = await api.getSource({ id: ids[c.source]! });
        const start = c.at % Math.max(1, src.text.length - c.length);
        return await api.createAnnotation({
          sourceId: src.id,
          kind: 'claim',
          start,
          end: start + c.length,
          tagIds: [],
          actors: [],
        });
      }
      case 'status':
      case 'delete': {
        const { annotations } = await api.getSource({ id: ids[c.source]! });
        const target = annotations[c.which % Math.max(1, annotations.length)];
        if (!target) return 'no annotation';
        const ref = { sourceId: ids[c.source]!, id: target.id };
        return c.op === 'status'
          ? await api.updateAnnotation({ ...ref, patch: { status: c.status } })
          : await api.deleteAnnotation(ref);
      }
      case 'rename':
        return await api.updateSourceMeta({ id: ids[c.source]!, patch: { title: c.title } });
      case 'removeParagraph':
        return await api.removeParagraph({
          sourceId: ids[c.source]!,
          paragraphIndex: c.paragraph,
          reason: 'removed by hand',
        });
      case 'undo':
        return await api.undo({});
      case 'redo':
        return await api.redo({});
    }
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { error: e.code, message: e.message };
  }
}

describe('source cache with a byte budget', () => {
  it('random reads, edits, undo and redo give the same results and files with a tiny budget as with none', async () => {
    let evictions = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 30 }), async (commands) => {
        const tiny = await synthetic('tiny');
        const unbounded = await synthetic('unbounded');
        // About one source file's worth (one or two sources' metadata and annotations): nearly every
        // read of another source evicts.
        const a = await openNotebookSession(tiny.dir, { sourceCacheBytes: 12_000, sourceHeadBytes: 4_000 });
        const b = await openNotebookSession(unbounded.dir, {
          sourceCacheBytes: Number.POSITIVE_INFINITY,
          sourceHeadBytes: Number.POSITIVE_INFINITY,
        });
        try {
          const heads = async (s: NotebookSession) => {
            const out = [];
            for await (const head of s.store.eachSourceHead()) out.push(head);
            return comparable(out);
          };
          for (const c of commands) {
            expect(comparable(await run(a, tiny.ids, c))).toEqual(comparable(await run(b, unbounded.ids, c)));
            // What whole-notebook work sees (metadata and annotations, partly kept past eviction) is the same too.
            expect(await heads(a)).toEqual(await heads(b));
          }
          for (const id of tiny.ids) {
            expect(comparable(await a.service.getSource({ id }))).toEqual(
              comparable(await b.service.getSource({ id })),
            );
          }
          expect(a.store.sourceCacheUse.bytes).toBeLessThanOrEqual(24_000);
          expect(a.store.sourceHeadUse.bytes).toBeLessThanOrEqual(4_000);
          evictions += a.store.sourceFilesRead - SOURCES;
        } finally {
          await a.close();
          await b.close();
        }
        // What is on disk is the same too (read back without any cache).
        for (let i = 0; i < SOURCES; i++) {
          const file = (dir: string, id: string) => readFile(path.join(dir, 'sources', `${id}.json`), 'utf8');
          expect(comparable(JSON.parse(await file(tiny.dir, tiny.ids[i]!)))).toEqual(
            comparable(JSON.parse(await file(unbounded.dir, unbounded.ids[i]!))),
          );
        }
      }),
      { numRuns: 12 },
    );
    // The budget really evicted: sources were read again after being dropped.
    expect(evictions).toBeGreaterThan(20);
  }, 120_000);

  it('never evicts a source whose write is pending or in flight', async () => {
    const { dir, ids } = await synthetic('pending');
    const store = await NotebookStore.open(dir, { sourceCacheBytes: 1 });
    cleanups.push(() => store.close());
    const [first, second, third, fourth] = ids as [string, string, string, string];
    await store.loadSource(first);
    const readsBefore = store.sourceFilesRead;
    const writing = store.updateSource(first, (f) => void (f.source.title = 'Renamed while others load'));
    // While the rename is being written, other sources are read: each would evict the first under this budget.
    await Promise.all([store.loadSource(second), store.loadSource(third)]);
    expect((await store.loadSource(first)).source.title).toBe('Renamed while others load');
    // It was never re-read from disk (where the rename may not have landed yet): only second and third were read.
    expect(store.sourceFilesRead).toBe(readsBefore + 2);
    await writing;
    // Once written, it may go: the next read of another source (one never loaded, so surely read) evicts it,
    // and reading it again gives the same.
    await store.loadSource(fourth);
    const reads = store.sourceFilesRead;
    expect((await store.loadSource(first)).source.title).toBe('Renamed while others load');
    expect(store.sourceFilesRead).toBe(reads + 1);
  });

  it('keeps a source that cannot be read unreadable, and a read-only notebook readable, across evictions', async () => {
    const { dir, ids } = await synthetic('states');
    const [broken, ...rest] = ids as [string, ...string[]];
    await writeFile(path.join(dir, 'sources', `${broken}.json`), '{ not json');
    const readOnly = await NotebookStore.open(dir, { readOnly: true, sourceCacheBytes: 1 });
    cleanups.push(() => readOnly.close());
    for (let round = 0; round < 2; round++) {
      await expect(readOnly.loadSource(broken)).rejects.toMatchObject({ code: 'corrupt' });
      for (const id of rest) expect((await readOnly.loadSource(id)).source.id).toBe(id);
    }
    expect(readOnly.readOnly).toBe(true);
    expect(readOnly.problem).toMatch(/could not be read/);
    expect(readOnly.sourceCacheUse.files).toBe(1);
    // The broken file was tried once and never written.
    expect(await readFile(path.join(dir, 'sources', `${broken}.json`), 'utf8')).toBe('{ not json');
  });

  it('keeps what fits of the metadata and annotations of sources not loaded, and reads only the rest again', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const dir = path.join(t.dir, 'heads.dossier');
    const { sourceIds } = await writeSyntheticNotebook(dir, 30, 2, 7);
    const pass = async (store: NotebookStore) => {
      const ids = [];
      for await (const head of store.eachSourceHead()) ids.push(head.source.id);
      return ids;
    };
    // Room for about a third of the sources' metadata and annotations.
    const bounded = await NotebookStore.open(dir, { readOnly: true, sourceCacheBytes: 1, sourceHeadBytes: 30_000 });
    const unbounded = await NotebookStore.open(dir, { readOnly: true, sourceHeadBytes: Number.POSITIVE_INFINITY });
    cleanups.push(
      () => bounded.close(),
      () => unbounded.close(),
    );
    for (const store of [bounded, unbounded]) {
      expect(await pass(store)).toEqual(sourceIds);
      expect(store.sourceFilesRead).toBe(sourceIds.length);
    }
    const kept = bounded.sourceHeadUse;
    expect(kept.bytes).toBeLessThanOrEqual(30_000);
    expect(kept.sources).toBeGreaterThan(3);
    expect(kept.sources).toBeLessThan(sourceIds.length);
    // The next pass finds what was kept (the first sources it met) and reads the others' files again.
    expect(await pass(bounded)).toEqual(sourceIds);
    expect(bounded.sourceFilesRead).toBe(2 * sourceIds.length - kept.sources);
    expect(bounded.sourceHeadUse).toEqual(kept);
    // Without a budget, nothing is read twice.
    expect(await pass(unbounded)).toEqual(sourceIds);
    expect(unbounded.sourceFilesRead).toBe(sourceIds.length);
    expect(unbounded.sourceHeadUse.sources).toBe(sourceIds.length);
  });
});
