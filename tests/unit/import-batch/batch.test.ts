import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importItems } from '../../../main/services/import/import-batch';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { tempDir } from '../../helpers/temp-dir';
import {
  FERRY_ARTICLE,
  GERMAN_ARTICLE,
  LIGHTHOUSE_ORIGINAL,
  LIGHTHOUSE_SYNDICATED,
  SWEDISH_ARTICLE,
  utf8,
} from './articles';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function open(dir?: string): Promise<{ s: NotebookSession; dir: string }> {
  let nbDir = dir;
  if (!nbDir) {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    nbDir = path.join(t.dir, 'batch.dossier');
  }
  const s = await openNotebookSession(nbDir);
  cleanups.push(() => s.close());
  return { s, dir: nbDir };
}

/** n distinct small articles (each its own text, so none is a duplicate of another). */
function manyFiles(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    name: `note-${String(i).padStart(3, '0')}.txt`,
    bytes: utf8(
      `Field note number ${i} from the harbour survey\n\nOn day ${i} of the survey the team counted ${i * 7 + 3} boats moored at the east quay and ${i * 3 + 1} at the west quay, with a ${i % 2 ? 'north' : 'south'}erly wind of ${i + 4} metres per second.`,
    ),
  }));
}

describe('import batches: cancel', () => {
  it('cancelImport part way keeps what was added and reports the rest as skipped "import cancelled"', async () => {
    const { s } = await open();
    const files = manyFiles(12);
    const progress: number[] = [];
    let cancelResult: Promise<{ cancelled: boolean }> | undefined;
    s.onEvent((e) => {
      if (e.type !== 'import-progress' || e.finished) return;
      progress.push(e.done);
      if (e.done === 4 && !cancelResult) cancelResult = s.service.cancelImport({});
    });
    const result = await s.service.importFiles({ files });
    expect(await cancelResult).toEqual({ cancelled: true });
    // The file in hand when cancel arrived is stopped (its reader terminated); nothing after it starts.
    expect(result.added.length).toBeGreaterThanOrEqual(4);
    expect(result.added.length).toBeLessThan(12);
    expect(result.added.length + result.skipped.length).toBe(12);
    expect(result.skipped.every((x) => x.reason === 'import cancelled')).toBe(true);
    expect(result.skipped.map((x) => x.name)).toEqual(files.slice(result.added.length).map((f) => f.name));
    // Progress events flowed while the batch ran (the loop yields between files).
    expect(progress.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
    // What was added is really in the notebook, durably listed.
    expect((await s.service.listSources({})).map((x) => x.origin.name)).toEqual(
      files.slice(0, result.added.length).map((f) => f.name),
    );
  });

  it('cancelImport with no batch running says so and leaves the next import alone', async () => {
    const { s } = await open();
    expect(await s.service.cancelImport({})).toEqual({ cancelled: false });
    const result = await s.service.importFiles({ files: manyFiles(3) });
    expect(result.added).toHaveLength(3);
    expect(result.skipped).toHaveLength(0);
  });
});

const txOf = (s: NotebookSession) => ({
  addSource: async (data: Parameters<NotebookSession['store']['addSource']>[0]) => ({
    manifestSaved: (await s.store.addSource(data)).manifestSaved,
  }),
});

describe('import batches: the AbortSignal and the event loop', () => {
  it("stops at the caller's AbortSignal", async () => {
    const { s } = await open();
    const controller = new AbortController();
    const result = await importItems(s.store, txOf(s), manyFiles(10), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 3) controller.abort();
      },
    });
    // The signal fired as file 4 was handed to the reader: it is stopped too, and none after it starts.
    expect(result.added.map((x) => x.origin.name)).toEqual(manyFiles(3).map((f) => f.name));
    expect(result.skipped.map((x) => x.name)).toEqual(
      manyFiles(10)
        .slice(3)
        .map((f) => f.name),
    );
    expect(new Set(result.skipped.map((x) => x.reason))).toEqual(new Set(['import cancelled']));
  });

  it('yields to the event loop between files, so timers and events run even when no file needs I/O', async () => {
    const { s } = await open();
    const files = manyFiles(20);
    await s.service.importFiles({ files });
    // The same files again: every one is an exact duplicate, so the loop has no I/O of its own to wait for.
    // A self-rescheduling setImmediate runs once per event-loop turn: it counts the batch's yields
    // deterministically (a timer could miss a fast loop), and stays at 0 if the loop never yields.
    let ticks = 0;
    let ticksAtEnd = -1;
    let running = true;
    const tick = () => {
      if (!running) return;
      ticks++;
      setImmediate(tick);
    };
    setImmediate(tick);
    try {
      const result = await importItems(s.store, txOf(s), files, {
        onProgress: (p) => {
          if (p.done === 19 && !p.finished) ticksAtEnd = ticks;
        },
      });
      expect(result.skipped).toHaveLength(20);
    } finally {
      running = false;
    }
    // One turn per file after the first, at least.
    expect(ticksAtEnd).toBeGreaterThanOrEqual(19);
  });
});

describe('import batches: near-duplicates', () => {
  it('flags the same article with other boilerplate as a near-duplicate of its twin, and not a different article', async () => {
    const { s } = await open();
    const first = await s.service.importFiles({ files: [{ name: 'herald.txt', bytes: utf8(LIGHTHOUSE_ORIGINAL) }] });
    const twin = first.added[0]!;
    expect(twin.nearDuplicateOf).toBeUndefined();
    const second = await s.service.importFiles({
      files: [
        { name: 'wire.txt', bytes: utf8(LIGHTHOUSE_SYNDICATED) },
        { name: 'ferry.txt', bytes: utf8(FERRY_ARTICLE) },
        { name: 'bibliotek.txt', bytes: utf8(SWEDISH_ARTICLE) },
        { name: 'bruecke.txt', bytes: utf8(GERMAN_ARTICLE) },
      ],
    });
    expect(second.added).toHaveLength(4);
    const byName = new Map(second.added.map((x) => [x.origin.name, x]));
    expect(byName.get('wire.txt')!.nearDuplicateOf).toBe(twin.id);
    for (const other of ['ferry.txt', 'bibliotek.txt', 'bruecke.txt'])
      expect(byName.get(other)!.nearDuplicateOf).toBeUndefined();
    // The flag is in the manifest's index (the sources list) too.
    const listed = (await s.service.listSources({})).find((x) => x.origin.name === 'wire.txt');
    expect(listed?.nearDuplicateOf).toBe(twin.id);
  });

  it('builds signatures lazily from the notebook on disk in a new session, and twins within one batch are found', async () => {
    const { s, dir } = await open();
    const { added } = await s.service.importFiles({
      files: [{ name: 'herald.txt', bytes: utf8(LIGHTHOUSE_ORIGINAL) }],
    });
    await s.close();
    const { s: again } = await open(dir);
    const result = await again.service.importFiles({
      files: [
        { name: 'ferry.txt', bytes: utf8(FERRY_ARTICLE) },
        { name: 'wire.txt', bytes: utf8(LIGHTHOUSE_SYNDICATED) },
        // The ferry article again with a different footer: its twin arrived earlier in this same batch.
        { name: 'ferry-copy.txt', bytes: utf8(`${FERRY_ARTICLE}\n\n© 2025 Island Wire`) },
      ],
    });
    const byName = new Map(result.added.map((x) => [x.origin.name, x]));
    expect(byName.get('wire.txt')!.nearDuplicateOf).toBe(added[0]!.id);
    expect(byName.get('ferry-copy.txt')!.nearDuplicateOf).toBe(byName.get('ferry.txt')!.id);
    expect(byName.get('ferry.txt')!.nearDuplicateOf).toBeUndefined();
  });
});

describe('metadata editing', () => {
  it('updates the source file and the index in one undoable step', async () => {
    const { s } = await open();
    const { added } = await s.service.importFiles({ files: [{ name: 'bibliotek.txt', bytes: utf8(SWEDISH_ARTICLE) }] });
    const id = added[0]!.id;
    const before = (await s.service.getSource({ id })).source;
    expect(before.author).toBe('Karin Lövgren');

    const meta = await s.service.updateSourceMeta({
      id,
      patch: {
        title: '  Norrviks bibliotek behåller öppettiderna ',
        outlet: 'Norrviks Tidning',
        author: '',
        publishedAt: '2025-02-04',
        url: 'https://example.org/bibliotek',
      },
    });
    expect(meta.title).toBe('Norrviks bibliotek behåller öppettiderna');
    expect(meta.author).toBeUndefined();
    const after = (await s.service.getSource({ id })).source;
    expect(after).toMatchObject({
      title: 'Norrviks bibliotek behåller öppettiderna',
      outlet: 'Norrviks Tidning',
      publishedAt: '2025-02-04',
      url: 'https://example.org/bibliotek',
    });
    expect('author' in after).toBe(false);
    expect(after.text).toBe(before.text);
    const listed = (await s.service.listSources({})).find((x) => x.id === id)!;
    expect(listed).toMatchObject({
      title: 'Norrviks bibliotek behåller öppettiderna',
      outlet: 'Norrviks Tidning',
      publishedAt: '2025-02-04',
    });
    expect('author' in listed).toBe(false);

    // One undo step restores both the file and the index.
    const step = await s.service.undo({});
    expect(step.label).toMatch(/^Edit title, outlet, author, publication date, address of/);
    const undone = (await s.service.getSource({ id })).source;
    expect(undone.title).toBe(before.title);
    expect(undone.author).toBe('Karin Lövgren');
    expect(undone.outlet).toBeUndefined();
    expect((await s.service.listSources({})).find((x) => x.id === id)).toMatchObject({
      title: before.title,
      author: 'Karin Lövgren',
    });
    await s.service.redo({});
    expect((await s.service.getSource({ id })).source.outlet).toBe('Norrviks Tidning');
  });

  it('survives a reopen (the edit is durable) and rejects invalid dates and languages with a readable message', async () => {
    const { s, dir } = await open();
    const { added } = await s.service.importFiles({ files: [{ name: 'bruecke.txt', bytes: utf8(GERMAN_ARTICLE) }] });
    const id = added[0]!.id;
    await s.service.updateSourceMeta({ id, patch: { language: 'de', publishedAt: '2025-03-05' } });
    for (const [patch, message] of [
      [{ publishedAt: '5 March 2025' }, /YYYY-MM-DD/],
      [{ publishedAt: '2025-02-30' }, /real date/],
      [{ language: 'German' }, /ISO 639-1/],
      [{ language: 'DE' }, /ISO 639-1/],
      [{ title: '   ' }, /title cannot be empty/],
    ] as const) {
      const r = await callApi(s.service, 'updateSourceMeta', { id, patch });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid-input');
        expect(r.error.message).toMatch(message);
      }
    }
    await s.close();
    const { s: again } = await open(dir);
    expect((await again.service.getSource({ id })).source).toMatchObject({ language: 'de', publishedAt: '2025-03-05' });
  });
});
