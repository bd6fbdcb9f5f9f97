/**
 * Briefs in files of their own (`briefs/<id>.json`): a notebook written when
 * briefs lived in notebook.json has them moved out as it opens for writing
 * (and again after a crash in the middle), read-only it shows them without
 * writing, a brief file that cannot be read is reported and left untouched,
 * and the manifest's writes no longer carry any brief.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotebookStore } from '../../../main/services/store/notebook-store';
import { StoredDocument } from '../../../main/services/store/stored-document';
import { englishTranslator, sayError } from '../../../shared/errors';
import { BriefFile, type Brief } from '../../../shared/model';
import { sampleSourceFile, tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()!();
});

async function freshDir(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'Harbour.dossier');
}

async function open(dir: string, options = {}): Promise<NotebookStore> {
  const store = await NotebookStore.open(dir, options);
  cleanups.push(() => store.close());
  return store;
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const cite = (annotationId: string) => ({ type: 'citation', attrs: { annotationId, sourceId: 'src_one' } });

function brief(id: string, title: string, cites: string[] = []): Brief {
  return {
    id,
    title,
    doc: { type: 'doc', content: [paragraph(`${title}: the harbour board waits.`), ...cites.map(cite)] },
    language: 'en',
    createdAt: '2026-05-01T09:00:00.000Z',
    updatedAt: '2026-05-02T09:00:00.000Z',
  };
}

/** A notebook as Dossier wrote it before briefs had files: briefs inside notebook.json. */
async function legacyNotebook(dir: string, briefs: Brief[]): Promise<void> {
  const store = await NotebookStore.open(dir);
  await (
    await store.addSource(sampleSourceFile('src_one'))
  ).manifestSaved;
  await store.close();
  const file = path.join(dir, 'notebook.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...manifest, briefs }, null, 1));
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

describe('briefs in their own files', () => {
  it('moves the briefs of an older notebook.json into briefs/<id>.json as it opens for writing', async () => {
    const dir = await freshDir();
    const briefs = [brief('brf_one', 'Ferry brief', ['ann_1', 'ann_2']), brief('brf_two', 'Pier brief')];
    await legacyNotebook(dir, briefs);
    const store = await open(dir);
    expect(await readJson(path.join(dir, 'notebook.json'))).not.toHaveProperty('briefs');
    expect(store.manifest.briefs).toBeUndefined();
    expect((await readdir(path.join(dir, 'briefs'))).sort()).toEqual(['brf_one.json', 'brf_two.json']);
    expect(BriefFile.parse(await readJson(path.join(dir, 'briefs', 'brf_one.json'))).brief).toEqual(briefs[0]);
    expect((await store.listBriefs()).map(({ id, title, citations }) => ({ id, title, citations }))).toEqual([
      { id: 'brf_one', title: 'Ferry brief', citations: 2 },
      { id: 'brf_two', title: 'Pier brief', citations: 0 },
    ]);
    expect(await store.loadBrief('brf_two')).toEqual(briefs[1]);
    // The sources are untouched.
    expect(store.manifest.sources.map((s) => s.id)).toEqual(['src_one']);
  });

  it('moves them again after a crash between writing the brief files and the manifest', async () => {
    const dir = await freshDir();
    const kept = brief('brf_one', 'Ferry brief');
    await legacyNotebook(dir, [kept, brief('brf_two', 'Pier brief')]);
    // The first brief's file was written (atomically: exactly the manifest's copy), the rest not yet.
    await mkdir(path.join(dir, 'briefs'), { recursive: true });
    await writeFile(path.join(dir, 'briefs', 'brf_one.json'), JSON.stringify({ schemaVersion: 1, brief: kept }));
    const store = await open(dir);
    expect(await store.loadBrief('brf_one')).toEqual(kept);
    expect((await store.loadBrief('brf_two')).title).toBe('Pier brief');
    expect(store.manifest.conflicts).toBeUndefined();
    expect(await readJson(path.join(dir, 'notebook.json'))).not.toHaveProperty('briefs');
  });

  it('opened read-only, an older notebook shows its briefs and nothing is written', async () => {
    const dir = await freshDir();
    const legacy = brief('brf_one', 'Ferry brief', ['ann_1']);
    await legacyNotebook(dir, [legacy]);
    const before = await readFile(path.join(dir, 'notebook.json'), 'utf8');
    const store = await open(dir, { readOnly: true });
    expect((await store.listBriefs()).map((b) => [b.title, b.citations])).toEqual([['Ferry brief', 1]]);
    expect(await store.loadBrief('brf_one')).toEqual(legacy);
    await expect(store.updateBrief('brf_one', (b) => void (b.title = 'x'))).rejects.toMatchObject({
      code: 'read-only',
    });
    expect(await readFile(path.join(dir, 'notebook.json'), 'utf8')).toBe(before);
    await expect(stat(path.join(dir, 'briefs'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a brief file that cannot be read is reported, passed over in the list, and never written', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.addBrief(brief('brf_good', 'Good brief'));
    await store.addBrief(brief('brf_bad', 'Bad brief'));
    await store.close();
    const bad = path.join(dir, 'briefs', 'brf_bad.json');
    await writeFile(bad, '{"schemaVersion": 1, "brief": {"id": "brf_bad", "title": 7');
    const other = path.join(dir, 'briefs', 'brf_other.json');
    await writeFile(other, JSON.stringify({ schemaVersion: 1, brief: brief('brf_else', 'Misnamed') }));
    const again = await open(dir);
    expect((await again.listBriefs()).map((b) => b.id)).toEqual(['brf_good']);
    await expect(again.loadBrief('brf_bad')).rejects.toMatchObject({ code: 'corrupt' });
    const problem = sayError(englishTranslator(), again.problemWords!);
    expect(problem).toContain(path.join('briefs', 'brf_bad.json'));
    expect(problem).toContain(path.join('briefs', 'brf_other.json'));
    await expect(again.updateBrief('brf_bad', (b) => void (b.title = 'x'))).rejects.toMatchObject({
      code: 'corrupt',
    });
    expect(await readFile(bad, 'utf8')).toBe('{"schemaVersion": 1, "brief": {"id": "brf_bad", "title": 7');
  });

  it('writing a brief leaves notebook.json alone, and a source added later does not write any brief', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    const manifestFile = path.join(dir, 'notebook.json');
    const before = await readFile(manifestFile, 'utf8');
    const big = brief('brf_big', 'Every claim', ['ann_1', 'ann_2', 'ann_3']);
    await store.addBrief(big);
    await store.updateBrief('brf_big', (b) => void b.doc.content!.push(paragraph('One more.')));
    expect(await readFile(manifestFile, 'utf8')).toBe(before);
    const briefFile = path.join(dir, 'briefs', 'brf_big.json');
    const written = (await stat(briefFile)).mtimeMs;
    await (
      await store.addSource(sampleSourceFile('src_two'))
    ).manifestSaved;
    expect(await readFile(manifestFile, 'utf8')).not.toContain('brf_big');
    expect((await stat(briefFile)).mtimeMs).toBe(written);
  });

  it('undoing the delete of the last brief writes it back after its emptied folder went (git keeps no empty folder)', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.addBrief(brief('brf_one', 'Ferry brief'));
    const removed = await store.removeBrief('brf_one');
    await rm(path.join(dir, 'briefs'), { recursive: true });
    await store.applyChange(removed, 'undo');
    expect((await store.loadBrief('brf_one')).title).toBe('Ferry brief');
    expect(BriefFile.parse(await readJson(path.join(dir, 'briefs', 'brf_one.json'))).brief.title).toBe('Ferry brief');
  });
});

describe('the briefs’ heads cache', () => {
  it('lists briefs in a later session without reading their files, and reads a file again once it changed', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.addBrief(brief('brf_one', 'Ferry brief', ['ann_1', 'ann_2']));
    await store.addBrief(brief('brf_two', 'Pier brief'));
    await store.close();

    // A brief file the cache vouches for (same stamp) is not read: spoil one and vouch for it.
    const two = path.join(dir, 'briefs', 'brf_two.json');
    const text = await readFile(two, 'utf8');
    await writeFile(two, text.replace('Pier brief', 'Pier BRIEF'));
    const cacheFile = path.join(dir, '.cache', 'brief-heads.json');
    const vouched = (await readJson(cacheFile)) as Record<string, { stamp: string }>;
    const s = await stat(two);
    vouched.brf_two!.stamp = `${s.ino}:${s.size}:${s.mtimeMs}`;
    await writeFile(cacheFile, JSON.stringify(vouched));
    const again = await open(dir);
    expect((await again.listBriefs()).map((b) => [b.id, b.title, b.citations])).toEqual(
      [
        ['brf_one', 'Ferry brief', 2],
        ['brf_two', 'Pier brief'],
      ].map(([id, title, n]) => [id, title, n ?? 0]),
    );
    await again.close();

    // …but a file that changed (its size or time) is read again, and the cache follows.
    await writeFile(two, text.replace('Pier brief', 'Quay brief'));
    const third = await open(dir);
    expect((await third.listBriefs()).find((b) => b.id === 'brf_two')?.title).toBe('Quay brief');
    await third.updateBrief('brf_one', (b) => void (b.title = 'Ferry brief, revised'));
    await third.removeBrief('brf_two');
    await third.close();
    const cache = await readJson(path.join(dir, '.cache', 'brief-heads.json'));
    expect(Object.keys(cache)).toEqual(['brf_one']);
    const fourth = await open(dir);
    expect((await fourth.listBriefs()).map((b) => b.title)).toEqual(['Ferry brief, revised']);
  });

  it('a damaged heads cache is ignored: every brief file is read', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.addBrief(brief('brf_one', 'Ferry brief'));
    await store.close();
    await writeFile(path.join(dir, '.cache', 'brief-heads.json'), '{"brf_one": {"stamp": 1');
    const again = await open(dir);
    expect((await again.listBriefs()).map((b) => b.title)).toEqual(['Ferry brief']);
  });
});

describe('briefs in their own files, the hard cases', () => {
  it('a brief save that fails keeps the old title in the list and out of the heads cache', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.addBrief(brief('brf_one', 'Old title'));
    await store.listBriefs();
    vi.spyOn(StoredDocument.prototype, 'save').mockRejectedValueOnce(new Error('ENOSPC: no space left'));
    await expect(store.updateBrief('brf_one', (b) => void (b.title = 'New title'))).rejects.toThrow('ENOSPC');
    vi.restoreAllMocks();
    expect((await store.listBriefs()).map((b) => b.title)).toEqual(['Old title']);
    await store.close();
    const again = await open(dir);
    expect((await again.listBriefs()).map((b) => b.title)).toEqual(['Old title']);
  });

  it('read-only, a manifest that still has a briefs list (an older build wrote []) hides no brief file', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.addBrief(brief('brf_one', 'Ferry brief'));
    await store.close();
    const file = path.join(dir, 'notebook.json');
    await writeFile(file, JSON.stringify({ ...(await readJson(file)), briefs: [brief('brf_old', 'Old list')] }));
    const reader = await open(dir, { readOnly: true });
    expect((await reader.listBriefs()).map((b) => b.id).sort()).toEqual(['brf_old', 'brf_one']);
  });

  it('moving briefs out never writes over a brief file that holds something else: the two become a conflict', async () => {
    const dir = await freshDir();
    const mine = brief('brf_x', 'Ferry brief', ['ann_1']);
    const older = { ...brief('brf_x', 'Ferry brief (older build)'), updatedAt: '2026-05-03T09:00:00.000Z' };
    await legacyNotebook(dir, [older, brief('brf_y', 'Pier brief')]);
    await mkdir(path.join(dir, 'briefs'), { recursive: true });
    const fileX = path.join(dir, 'briefs', 'brf_x.json');
    await writeFile(fileX, JSON.stringify({ schemaVersion: 1, brief: mine }));
    const before = await readFile(fileX, 'utf8');
    const store = await open(dir);
    expect(await readFile(fileX, 'utf8')).toBe(before);
    expect((await store.loadBrief('brf_x')).title).toBe('Ferry brief');
    expect((await store.loadBrief('brf_y')).title).toBe('Pier brief');
    expect(store.manifest.briefs).toBeUndefined();
    expect(store.manifest.conflicts).toEqual([
      expect.objectContaining({
        file: 'briefs/brf_x.json',
        path: [],
        ours: { schemaVersion: 1, brief: mine },
        theirs: { schemaVersion: 1, brief: older },
      }),
    ]);
  });
});
