/**
 * The History panel's list and its jump: `listHistory` lists every action
 * (done, then redoable) with the point the notebook is at; `goToHistory`
 * undoes or redoes through the same history until that point, as one write.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function session(snapshotRoot?: string): Promise<NotebookSession> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const s = await openNotebookSession(path.join(t.dir, 'jump.dossier'), {
    ...(snapshotRoot ? { snapshotRoot: path.join(t.dir, snapshotRoot) } : {}),
  });
  cleanups.push(() => s.close());
  return s;
}

const names = async (s: NotebookSession) => (await s.service.listTags({})).map((t) => t.name).sort();

describe('goToHistory', () => {
  it('jumps back and forward through the actions, keeping the redoable ones listed', async () => {
    const s = await session();
    for (const name of ['One', 'Two', 'Three']) await s.service.createTag({ name });
    const listed = await s.service.listHistory({});
    expect(listed.entries.map((e) => e.label)).toEqual(['Create tag “One”', 'Create tag “Two”', 'Create tag “Three”']);
    expect(listed.current).toBe(3);

    const back = await s.service.goToHistory({ index: 1 });
    expect(back.current).toBe(1);
    expect(back.entries).toEqual(listed.entries);
    expect(await names(s)).toEqual(['One']);
    expect(await s.service.getHistory({})).toMatchObject({
      undoLabel: 'Create tag “One”',
      redoLabel: 'Create tag “Two”',
    });

    expect((await s.service.goToHistory({ index: 0 })).current).toBe(0);
    expect(await names(s)).toEqual([]);
    expect((await s.service.goToHistory({ index: 3 })).current).toBe(3);
    expect(await names(s)).toEqual(['One', 'Three', 'Two']);
  });

  it('runs as one write: a write called during the jump waits for all of it', async () => {
    const s = await session();
    for (const name of ['One', 'Two', 'Three']) await s.service.createTag({ name });
    const jump = s.service.goToHistory({ index: 0 });
    const created = s.service.createTag({ name: 'Four' });
    await jump;
    await created;
    // Four came after the whole jump: the undone actions are no longer redoable, Four is the only one done.
    expect(await names(s)).toEqual(['Four']);
    expect(await s.service.listHistory({})).toMatchObject({ current: 1, entries: [{ label: 'Create tag “Four”' }] });
  });

  it('refuses a point beyond the history', async () => {
    const s = await session();
    await s.service.createTag({ name: 'One' });
    await expect(s.service.goToHistory({ index: 2 })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('a jump across many steps takes a snapshot first; a short one does not', async () => {
    const s = await session('snapshots');
    for (let i = 1; i <= 6; i++) await s.service.createTag({ name: `T${i}` });
    await s.service.goToHistory({ index: 5 });
    expect((await s.service.listSnapshots({})).map((x) => x.reason)).toEqual(['open']);
    await s.service.goToHistory({ index: 0 });
    expect((await s.service.listSnapshots({})).map((x) => x.reason)).toEqual(['jump', 'open']);
  });
});
