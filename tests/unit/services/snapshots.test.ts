/**
 * Snapshots of a notebook, kept outside it: where they go, when they are
 * taken, how they rotate, and restoring one — round trip, and the zips it
 * refuses (damaged, or naming paths outside the notebook) without changing
 * anything.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { KEEP_RECENT, NotebookSnapshots, SNAPSHOT_INDEX, snapshotRoot } from '../../../main/services/snapshots';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(): Promise<{ dir: string; root: string; open: () => Promise<NotebookSession> }> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const dir = path.join(t.dir, 'Snap.dossier');
  const root = path.join(t.dir, 'snapshots');
  const open = async () => {
    const s = await openNotebookSession(dir, { snapshotRoot: root });
    cleanups.push(() => s.close());
    return s;
  };
  return { dir, root, open };
}

const article = (text: string) => ({ files: [{ name: 'a.txt', bytes: new TextEncoder().encode(text) }] });

/** Every file of the notebook a snapshot holds, by path. */
async function notebookFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = { 'notebook.json': await readFile(path.join(dir, 'notebook.json'), 'utf8') };
  for (const folder of ['sources', 'briefs'])
    for (const name of await readdir(path.join(dir, folder)).catch(() => []))
      if (name.endsWith('.json')) out[`${folder}/${name}`] = await readFile(path.join(dir, folder, name), 'utf8');
  return out;
}

describe('snapshotRoot', () => {
  it('is the per-user data folder of each platform, the desktop app’s user-data folder, or $DOSSIER_SNAPSHOTS', () => {
    const home = '/home/ann';
    expect(snapshotRoot({ env: {}, platform: 'linux', home })).toBe('/home/ann/.local/share/Dossier/snapshots');
    expect(snapshotRoot({ env: { XDG_DATA_HOME: '/data' }, platform: 'linux', home })).toBe('/data/Dossier/snapshots');
    expect(snapshotRoot({ env: {}, platform: 'darwin', home })).toBe(
      '/home/ann/Library/Application Support/Dossier/snapshots',
    );
    expect(snapshotRoot({ env: { APPDATA: '/appdata' }, platform: 'win32', home })).toBe(
      path.join('/appdata', 'Dossier', 'snapshots'),
    );
    expect(snapshotRoot({ env: {}, userData: '/ud', platform: 'linux', home })).toBe('/ud/snapshots');
    expect(snapshotRoot({ env: { DOSSIER_SNAPSHOTS: '/x' }, userData: '/ud', home })).toBe('/x');
  });
});

describe('taking snapshots', () => {
  it('takes one on open, outside the notebook, with the notebook’s files and not .cache or .lock', async () => {
    const { dir, root, open } = await setup();
    const s = await open();
    await s.service.importFiles(article('Alpha\n\nThe harbour accord was signed on Monday.'));
    const [first] = await s.service.listSnapshots({});
    expect(first?.reason).toBe('open');
    const id = JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8')).id as string;
    const snaps = new NotebookSnapshots(root, id, dir);
    expect(await readdir(snaps.folder)).toEqual([`${first!.id}.zip`]);
    expect(path.relative(dir, snaps.folder).startsWith('..')).toBe(true);
    const files = await snaps.read(first!.id);
    // Taken before the import (queued ahead of it): the manifest alone.
    expect([...files.keys()]).toEqual(['notebook.json']);
    const manual = await s.service.takeSnapshot({});
    expect([...(await snaps.read(manual.id)).keys()].sort()).toEqual(Object.keys(await notebookFiles(dir)).sort());
    await s.close();
    // Reopened within hours: no second 'open' snapshot.
    const again = await open();
    expect((await again.service.listSnapshots({})).map((x) => x.reason)).toEqual(['manual', 'open']);
  });

  it('takes one before deleting a source and before merging tags, when something changed since the last', async () => {
    const { dir, root, open } = await setup();
    const s = await open();
    const { added } = await s.service.importFiles(article('Alpha\n\nThe harbour accord was signed on Monday.'));
    await s.service.deleteSource({ id: added[0]!.id });
    const id = JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8')).id as string;
    const [beforeDelete] = await s.service.listSnapshots({});
    const held = await new NotebookSnapshots(root, id, dir).read(beforeDelete!.id);
    expect([...held.keys()]).toContain(`sources/${added[0]!.id}.json`);
    const a = await s.service.createTag({ name: 'A' });
    const b = await s.service.createTag({ name: 'B' });
    await s.service.takeSnapshot({});
    // Nothing changed since the last snapshot: the merge takes none.
    await s.service.mergeTags({ fromId: a.id, intoId: b.id });
    expect((await s.service.listSnapshots({})).map((x) => x.reason)).toEqual(['manual', 'delete', 'open']);
    const c = await s.service.createTag({ name: 'C' });
    await s.service.mergeTags({ fromId: c.id, intoId: b.id });
    expect((await s.service.listSnapshots({})).map((x) => x.reason)).toEqual(['merge', 'manual', 'delete', 'open']);
  });

  it('rotates: keeps the newest ten and the newest of each of the last seven days', async () => {
    const { dir, root, open } = await setup();
    await (await open()).close();
    const id = JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8')).id as string;
    const snaps = new NotebookSnapshots(root, id, dir);
    // The opening took one at the real time; only the dated ones below may count.
    for (const f of await readdir(snaps.folder)) await rm(path.join(snaps.folder, f));
    const day = 24 * 3600 * 1000;
    const now = Date.UTC(2026, 10, 29, 12);
    // Two a day for twelve days back, then fifteen today.
    for (let d = 12; d >= 1; d--) {
      await snaps.take('manual', new Date(now - d * day));
      await snaps.take('manual', new Date(now - d * day + 3600 * 1000));
    }
    for (let m = 0; m < 15; m++) await snaps.take('manual', new Date(now + m * 60_000));
    const kept = await snaps.list();
    const days = [...new Set(kept.map((x) => x.at.slice(0, 10)))];
    expect(kept.filter((x) => x.at.startsWith('2026-11-29'))).toHaveLength(KEEP_RECENT);
    // The earlier days within the last 7 × 24 hours (the 22nd, 13:00, to the 28th), one each: the later of the two.
    expect(days).toEqual([
      '2026-11-29',
      '2026-11-28',
      '2026-11-27',
      '2026-11-26',
      '2026-11-25',
      '2026-11-24',
      '2026-11-23',
      '2026-11-22',
    ]);
    expect(kept.filter((x) => !x.at.startsWith('2026-11-29')).every((x) => x.at.endsWith('T13:00:00.000Z'))).toBe(true);
  });
});

describe('restoring a snapshot', () => {
  it('round trip: the files come back as they were, a snapshot of the state before is kept, undo starts empty', async () => {
    const { dir, open } = await setup();
    const s = await open();
    const { added } = await s.service.importFiles(article('Alpha\n\nThe harbour accord was signed on Monday.'));
    await s.service.createTag({ name: 'Harbour' });
    const kept = await s.service.createBrief({ title: 'Harbour brief' });
    const snap = await s.service.takeSnapshot({});
    const before = await notebookFiles(dir);
    expect(Object.keys(before)).toContain(`briefs/${kept.id}.json`);

    await s.service.deleteSource({ id: added[0]!.id });
    await s.service.createTag({ name: 'Energy' });
    await s.service.deleteBrief({ id: kept.id });
    await s.service.createBrief({ title: 'Energy brief' });
    await s.service.importFiles({ files: [{ name: 'b.txt', bytes: new TextEncoder().encode('Beta\n\nOther text.') }] });
    const changed = await notebookFiles(dir);
    expect(changed).not.toEqual(before);

    const events: string[] = [];
    s.onEvent((e) => events.push(e.type === 'notebook-changed' ? e.reason : e.type));
    const { saved } = await s.service.restoreSnapshot({ id: snap.id });
    expect(saved.reason).toBe('restore');
    expect(await notebookFiles(dir)).toEqual(before);
    expect(events).toContain('external');
    // The session reads the restored notebook, and its history no longer reaches the files before.
    expect((await s.service.listTags({})).map((t) => t.name)).toEqual(['Harbour']);
    expect((await s.service.listSources({})).map((x) => x.id)).toEqual([added[0]!.id]);
    expect((await s.service.listBriefs({})).map((x) => x.title)).toEqual(['Harbour brief']);
    expect(await s.service.getHistory({})).toEqual({ canUndo: false, canRedo: false });
    // The state before the restore can itself be restored.
    await s.service.restoreSnapshot({ id: saved.id });
    expect(await notebookFiles(dir)).toEqual(changed);
    await s.service.createTag({ name: 'After' });
    expect((await s.service.listTags({})).map((t) => t.name).sort()).toEqual(['After', 'Energy', 'Harbour']);
  });

  it('refuses a damaged zip with a clear message and changes nothing', async () => {
    const { dir, open } = await setup();
    const s = await open();
    await s.service.importFiles(article('Alpha\n\nThe harbour accord was signed on Monday.'));
    const snap = await s.service.takeSnapshot({});
    const folder = path.join(
      path.dirname(dir),
      'snapshots',
      JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8')).id,
    );
    const zipFile = path.join(folder, `${snap.id}.zip`);
    const bytes = await readFile(zipFile);
    await s.service.createTag({ name: 'Kept' });
    const before = await notebookFiles(dir);
    const count = (await s.service.listSnapshots({})).length;

    await writeFile(zipFile, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(s.service.restoreSnapshot({ id: snap.id })).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/damaged.*nothing was restored/),
    });
    // The bytes of one file altered inside an otherwise valid zip: its checksum no longer matches.
    const altered = Buffer.from(bytes);
    const at = altered.indexOf('notebook.json') + 40;
    altered[at] = altered[at]! ^ 0xff;
    await writeFile(zipFile, altered);
    await expect(s.service.restoreSnapshot({ id: snap.id })).rejects.toMatchObject({ code: 'corrupt' });

    expect(await notebookFiles(dir)).toEqual(before);
    expect(await s.service.listSnapshots({})).toHaveLength(count);
    expect((await s.service.listTags({})).map((t) => t.name)).toEqual(['Kept']);
  });

  it.each([
    ['../escaped.json', /leading out of the notebook/],
    ['sources/../../escaped.json', /leading out of the notebook/],
    ['/tmp/absolute.json', /absolute path/],
  ])('refuses a zip holding "%s" (zip-slip) and writes nothing', async (name, why) => {
    const { dir, root, open } = await setup();
    const s = await open();
    const id = JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8')).id as string;
    const manifest = await readFile(path.join(dir, 'notebook.json'));
    const evil = new TextEncoder().encode('{"planted":true}');
    const zip = zipSync({
      'notebook.json': manifest,
      [name]: evil,
      [SNAPSHOT_INDEX]: new TextEncoder().encode(JSON.stringify({ files: {} })),
    });
    await mkdir(path.join(root, id), { recursive: true });
    const snapId = '20260101-000000-000-manual';
    await writeFile(path.join(root, id, `${snapId}.zip`), zip);
    const before = await notebookFiles(dir);
    await expect(s.service.restoreSnapshot({ id: snapId })).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(why),
    });
    expect(await notebookFiles(dir)).toEqual(before);
    expect(await readdir(path.dirname(dir))).toEqual(['Snap.dossier', 'snapshots']);
  });

  it('a notebook opened read-only takes no snapshot and restores none, but lists them', async () => {
    const { dir, root, open } = await setup();
    const writer = await open();
    const snap = await writer.service.takeSnapshot({});
    await writer.close();
    const reader = await openNotebookSession(dir, { readOnly: true, snapshotRoot: root });
    cleanups.push(() => reader.close());
    const before = await notebookFiles(dir);
    expect((await reader.service.listSnapshots({})).map((x) => x.reason)).toEqual(['manual', 'open']);
    await expect(reader.service.takeSnapshot({})).rejects.toMatchObject({ code: 'read-only' });
    await expect(reader.service.restoreSnapshot({ id: snap.id })).rejects.toMatchObject({ code: 'read-only' });
    await reader.close();
    expect(await notebookFiles(dir)).toEqual(before);
    expect(await readdir(path.join(root, JSON.parse(before['notebook.json']!).id))).toHaveLength(2);
  });

  it('says so for an id it does not have, and a session without a snapshot folder lists none', async () => {
    const { open } = await setup();
    const s = await open();
    await expect(s.service.restoreSnapshot({ id: '20200101-000000-000-manual' })).rejects.toMatchObject({
      code: 'not-found',
    });
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const bare = await openNotebookSession(path.join(t.dir, 'n.dossier'));
    cleanups.push(() => bare.close());
    expect(await bare.service.listSnapshots({})).toEqual([]);
    await expect(bare.service.takeSnapshot({})).rejects.toMatchObject({ code: 'unsupported' });
  });
});
