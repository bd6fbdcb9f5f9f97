/**
 * A notebook folder prepared by someone else cannot make Dossier write outside
 * it: symbolic links inside the folder are refused on open, temp files are
 * created exclusively under unpredictable names, nothing is written, copied or
 * renamed onto a link, and a format below the first one is refused before any
 * write. Each attack below is built fresh in a temporary folder.
 */
import { mkdir, readFile, readdir, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookStore } from '../../../main/services/store/notebook-store';
import { sampleSourceFile, tempDir } from '../../helpers/temp-dir';

const VICTIM_TEXT = 'precious: the person’s own file, not part of any notebook\n';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A notebook folder and, beside it, a file the person can write that an attacker would like overwritten. */
async function scene(): Promise<{ dir: string; victim: string; outside: string }> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const outside = path.join(t.dir, 'outside');
  await mkdir(outside);
  const victim = path.join(outside, 'victim.txt');
  await writeFile(victim, VICTIM_TEXT);
  const dir = path.join(t.dir, 'Shared.dossier');
  await mkdir(path.join(dir, 'sources'), { recursive: true });
  return { dir, victim, outside };
}

function manifest(schemaVersion: number): string {
  return JSON.stringify({
    schemaVersion,
    id: 'nb_fictional',
    title: 'Shared',
    createdAt: '2026-01-05T10:00:00.000Z',
    sources: [],
  });
}

async function openAndClose(dir: string): Promise<NotebookStore> {
  const store = await NotebookStore.open(dir);
  cleanups.push(() => store.close());
  return store;
}

describe('notebook folders with symbolic links', () => {
  it('refuses a format-0 manifest whose .bak is a link, and the linked file keeps its content', async () => {
    const { dir, victim } = await scene();
    await writeFile(path.join(dir, 'notebook.json'), manifest(0));
    await symlink(victim, path.join(dir, 'notebook.json.v0.bak'));
    await expect(NotebookStore.open(dir)).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining('notebook.json.v0.bak'),
    });
    expect(await readFile(victim, 'utf8')).toBe(VICTIM_TEXT);
  });

  it('refuses a format below the first one before writing anything', async () => {
    const { dir } = await scene();
    await writeFile(path.join(dir, 'notebook.json'), manifest(0));
    const store = await openAndClose(dir);
    expect(store.readOnly).toBe(true);
    expect(store.problem).toMatch(/format 0/);
    // Only the writer's lock appears: no backup copy, no migrated manifest.
    expect((await readdir(dir)).sort()).toEqual(['.lock', 'notebook.json', 'sources']);
    expect(await readFile(path.join(dir, 'notebook.json'), 'utf8')).toBe(manifest(0));
  });

  it.each([
    ['.cache', 'a folder'],
    ['sources/src_planted.json', 'a source file'],
    ['notebook.json', 'the manifest'],
    ['briefs', 'a top-level entry'],
  ])('refuses to open when %s is a link (%s), naming it', async (name) => {
    const { dir, outside } = await scene();
    if (name !== 'notebook.json') await writeFile(path.join(dir, 'notebook.json'), manifest(1));
    await symlink(outside, path.join(dir, name));
    await expect(NotebookStore.open(dir)).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining(name),
    });
    expect(await readdir(outside)).toEqual(['victim.txt']);
  });

  it('does not follow a link planted at a temp-file name while the notebook is open', async () => {
    const { dir, victim } = await scene();
    const store = await openAndClose(dir);
    // The names the store used to choose: `.notebook.json.<pid>.<n>.tmp`.
    for (let n = 0; n < 50; n++) {
      await symlink(victim, path.join(dir, `.notebook.json.${process.pid}.${n}.tmp`));
      await symlink(victim, path.join(dir, 'sources', `.src_one.json.${process.pid}.${n}.tmp`));
    }
    await (
      await store.addSource(sampleSourceFile('src_one'))
    ).manifestSaved;
    await store.updateManifest((m) => void (m.title = 'Renamed'));
    await store.flush();
    expect(await readFile(victim, 'utf8')).toBe(VICTIM_TEXT);
    expect(JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8')).title).toBe('Renamed');
  });

  it('never renames onto a link that replaced a file while the notebook was open', async () => {
    const { dir, victim } = await scene();
    const store = await openAndClose(dir);
    await (
      await store.addSource(sampleSourceFile('src_one'))
    ).manifestSaved;
    const file = path.join(dir, 'sources', 'src_one.json');
    await unlink(file);
    await symlink(victim, file);
    await expect(store.updateSource('src_one', (f) => void (f.source.title = 'Changed'))).rejects.toMatchObject({
      message: expect.stringContaining('link'),
    });
    expect(await readFile(victim, 'utf8')).toBe(VICTIM_TEXT);
    // Nothing is left behind in the folder either.
    expect((await readdir(path.join(dir, 'sources'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a notebook folder that lives in git', () => {
  it('gets a .gitignore for its local files when created, and an existing one is left alone', async () => {
    const { dir } = await scene();
    const created = await openAndClose(path.join(dir, '..', 'New.dossier'));
    const ignore = await readFile(path.join(created.dir, '.gitignore'), 'utf8');
    expect(ignore.split('\n')).toEqual(expect.arrayContaining(['.lock', '.cache/', '*.bak']));

    await writeFile(path.join(dir, '.gitignore'), 'own rules\n');
    await openAndClose(dir);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('own rules\n');
  });
});

describe('housekeeping on open', () => {
  it('removes temp files a crash left behind (by their pattern only), when opened for writing', async () => {
    const { dir } = await scene();
    await writeFile(path.join(dir, 'notebook.json'), manifest(1));
    const debris = [
      '.notebook.json.0123456789abcdef.tmp',
      '.notebook.json.4242.7.tmp',
      'sources/.src_one.json.fedcba9876543210.tmp',
    ];
    for (const name of debris) await writeFile(path.join(dir, name), '');
    await writeFile(path.join(dir, 'sources', 'my-notes.tmp'), 'the person’s own file');

    const reader = await NotebookStore.open(dir, { readOnly: true });
    await reader.close();
    for (const name of debris) expect(await readdir(path.dirname(path.join(dir, name)))).toContain(path.basename(name));

    await openAndClose(dir);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await readdir(path.join(dir, 'sources'))).toEqual(['my-notes.tmp']);
  });
});
