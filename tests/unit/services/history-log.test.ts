/**
 * The undo history outlives the session (.cache/history.jsonl): reopened, a
 * notebook can undo and redo what an earlier session did — unless its files
 * were changed since by something else, when the saved history is dropped and
 * the files are left alone.
 */
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_MIN_BYTES, HISTORY_BLOBS, HISTORY_LOG } from '../../../main/services/history-log';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function reopen(dir: string): Promise<NotebookSession> {
  const s = await openNotebookSession(dir);
  cleanups.push(() => s.close());
  return s;
}

/** A notebook where one session imported an article, tagged a claim and renamed the tag, then closed. */
async function notebookWithHistory(): Promise<{ dir: string; sourceId: string; annotationId: string }> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const dir = path.join(t.dir, 'history.dossier');
  const s = await openNotebookSession(dir);
  const { added } = await s.service.importFiles({
    files: [{ name: 'a.txt', bytes: new TextEncoder().encode('Alpha\n\nThe harbour accord was signed on Monday.') }],
  });
  const sourceId = added[0]!.id;
  const tag = await s.service.createTag({ name: 'Harbour' });
  const text = added[0]!.text;
  const start = text.indexOf('The harbour');
  const annotation = await s.service.createAnnotation({
    sourceId,
    kind: 'claim',
    start,
    end: text.length,
    tagIds: [tag.id],
    actors: [],
  });
  await s.service.updateTag({ id: tag.id, name: 'Ports' });
  await s.close();
  return { dir, sourceId, annotationId: annotation.id };
}

describe('undo history across sessions', () => {
  it('a reopened notebook undoes and redoes what the last session did, on disk too', async () => {
    const { dir, sourceId } = await notebookWithHistory();
    let s = await reopen(dir);
    expect(await s.service.getHistory({})).toMatchObject({ canUndo: true, undoLabel: 'Rename tag “Harbour”' });
    expect((await s.service.undo({})).label).toBe('Rename tag “Harbour”');
    expect((await s.service.listTags({})).map((t) => t.name)).toEqual(['Harbour']);
    expect((await s.service.undo({})).label).toBe('Create claim');
    expect((await s.service.getSource({ id: sourceId })).annotations).toEqual([]);
    await s.close();

    s = await reopen(dir);
    expect(await s.service.getHistory({})).toMatchObject({
      canUndo: true,
      undoLabel: 'Create tag “Harbour”',
      canRedo: true,
      redoLabel: 'Create claim',
    });
    expect((await s.service.redo({})).label).toBe('Create claim');
    const onDisk = JSON.parse(await readFile(path.join(dir, 'sources', `${sourceId}.json`), 'utf8'));
    expect(onDisk.annotations).toHaveLength(1);
    // A new action after undo clears redo, also for the next session.
    await s.service.createTag({ name: 'Energy' });
    await s.close();
    s = await reopen(dir);
    expect(await s.service.getHistory({})).toMatchObject({ canRedo: false, undoLabel: 'Create tag “Energy”' });
  });

  it('drops the saved history when a file was changed by something else, and leaves the files alone', async () => {
    const { dir } = await notebookWithHistory();
    const manifestFile = path.join(dir, 'notebook.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    manifest.tags.push({ id: 'tag_outside', name: 'Added by hand', color: '#000000' });
    await writeFile(manifestFile, JSON.stringify(manifest));
    const before = await readFile(manifestFile, 'utf8');
    const s = await reopen(dir);
    expect(await s.service.getHistory({})).toEqual({ canUndo: false, canRedo: false });
    expect((await s.service.undo({})).label).toBeUndefined();
    await s.close();
    expect(await readFile(manifestFile, 'utf8')).toBe(before);
  });

  it('drops a damaged log, and starts a fresh one with the next action', async () => {
    const { dir } = await notebookWithHistory();
    await appendFile(path.join(dir, HISTORY_LOG), '{"op":"rec');
    let s = await reopen(dir);
    expect((await s.service.getHistory({})).canUndo).toBe(false);
    await s.service.createTag({ name: 'Energy' });
    await s.close();
    s = await reopen(dir);
    expect(await s.service.getHistory({})).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Create tag “Energy”' });
    expect((await s.service.undo({})).label).toBe('Create tag “Energy”');
    expect((await s.service.listTags({})).map((t) => t.name)).toEqual(['Ports']);
  });

  it('a notebook opened read-only neither writes nor needs the log', async () => {
    const { dir } = await notebookWithHistory();
    const log = await readFile(path.join(dir, HISTORY_LOG), 'utf8');
    const s = await openNotebookSession(dir, { readOnly: true });
    cleanups.push(() => s.close());
    await expect(s.service.undo({})).resolves.toMatchObject({ canUndo: false });
    await s.close();
    expect(await readFile(path.join(dir, HISTORY_LOG), 'utf8')).toBe(log);
  });
});

describe('a large brief in the undo history', () => {
  /** A brief of many paragraphs: its file is well over the size kept beside the log. */
  const bigDoc = () => ({
    type: 'doc' as const,
    content: Array.from({ length: 3000 }, (_, i) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `Paragraph ${i}: the harbour board said the night ferry waits for lighting.` }],
    })),
  });

  it('is kept beside the log, read back only when undo or redo needs it, and the log stays small', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const dir = path.join(t.dir, 'big.dossier');
    let s = await reopen(dir);
    const created = await s.service.createBrief({ title: 'Every claim', doc: bigDoc() });
    await s.service.deleteBrief({ id: created.id });
    await s.service.createTag({ name: 'Later' });
    await s.close();
    const log = await readFile(path.join(dir, HISTORY_LOG), 'utf8');
    expect(log.length).toBeLessThan(BLOB_MIN_BYTES);
    expect(log).not.toContain('Paragraph 2999');
    const blobs = await readdir(path.join(dir, HISTORY_BLOBS));
    expect(blobs).toHaveLength(1); // the brief created and the brief deleted are the same file

    s = await reopen(dir);
    expect((await s.service.undo({})).label).toBe('Create tag “Later”');
    expect((await s.service.undo({})).label).toBe('Delete brief');
    expect((await s.service.getBrief({ id: created.id })).doc).toEqual(bigDoc());
    expect((await s.service.undo({})).label).toBe('New brief');
    await expect(s.service.getBrief({ id: created.id })).rejects.toThrow(/not-found|No brief/);
    await s.service.redo({});
    expect((await s.service.getBrief({ id: created.id })).doc).toEqual(bigDoc());
  });

  it('a log naming a blob that is gone is dropped: undo starts empty and the files are left alone', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const dir = path.join(t.dir, 'lost.dossier');
    let s = await reopen(dir);
    const created = await s.service.createBrief({ title: 'Every claim', doc: bigDoc() });
    await s.close();
    for (const name of await readdir(path.join(dir, HISTORY_BLOBS))) await rm(path.join(dir, HISTORY_BLOBS, name));
    s = await reopen(dir);
    expect(await s.service.getHistory({})).toEqual({ canUndo: false, canRedo: false });
    expect((await s.service.getBrief({ id: created.id })).title).toBe('Every claim');
  });

  it('a blob that is not what the log named is refused: the undo fails and writes nothing', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const dir = path.join(t.dir, 'tampered.dossier');
    let s = await reopen(dir);
    const created = await s.service.createBrief({ title: 'Every claim', doc: bigDoc() });
    await s.service.deleteBrief({ id: created.id });
    await s.close();
    const [name] = await readdir(path.join(dir, HISTORY_BLOBS));
    const blob = path.join(dir, HISTORY_BLOBS, name!);
    await writeFile(blob, (await readFile(blob, 'utf8')).replace('Paragraph 7:', 'Paragraph 8:'));
    s = await reopen(dir);
    await expect(s.service.undo({})).rejects.toThrow();
    await expect(s.service.getBrief({ id: created.id })).rejects.toThrow(/not-found|No brief/);
    expect(await s.service.getHistory({})).toMatchObject({ canUndo: true, undoLabel: 'Delete brief' });
  });
});
