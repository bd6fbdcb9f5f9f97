import { spawn } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookManifest, SourceFile } from '../../../shared/model';
import { NotebookStore } from '../../../main/services/store/notebook-store';
import { sampleSourceFile, tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshDir(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'Research.dossier');
}

async function open(dir: string, options = {}): Promise<NotebookStore> {
  const store = await NotebookStore.open(dir, options);
  cleanups.push(() => store.close());
  return store;
}

describe('NotebookStore', () => {
  it('writes a new source after its emptied folder went (a git pull that took the last source away removes it)', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await rm(path.join(dir, 'sources'), { recursive: true });
    await (
      await store.addSource(sampleSourceFile('src_one'))
    ).manifestSaved;
    const file = SourceFile.parse(JSON.parse(await readFile(path.join(dir, 'sources', 'src_one.json'), 'utf8')));
    expect(file.source.id).toBe('src_one');
  });

  it('creates the folder layout with a valid manifest', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await (
      await store.addSource(sampleSourceFile('src_one'))
    ).manifestSaved;
    const manifest = NotebookManifest.parse(JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8')));
    expect(manifest.title).toBe('Research');
    expect(manifest.sources.map((s) => s.id)).toEqual(['src_one']);
    expect(manifest.sources[0]).not.toHaveProperty('text');
    const file = SourceFile.parse(JSON.parse(await readFile(path.join(dir, 'sources', 'src_one.json'), 'utf8')));
    expect(file.source.text).toContain('harbour accord');
    // No temp files are left behind.
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('persists edits across close and reopen', async () => {
    const dir = await freshDir();
    const a = await NotebookStore.open(dir);
    await (
      await a.addSource(sampleSourceFile('src_one'))
    ).manifestSaved;
    await a.updateSource('src_one', (f) => void (f.source.title = 'Renamed'));
    await a.updateManifest((m) => void (m.title = 'Harbour accord'));
    await a.close();
    const b = await open(dir);
    expect(b.manifest.title).toBe('Harbour accord');
    expect((await b.loadSource('src_one')).source.title).toBe('Renamed');
  });

  it('refuses a second writer with a clear message, and admits one after close', async () => {
    const dir = await freshDir();
    const first = await NotebookStore.open(dir);
    await expect(NotebookStore.open(dir)).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringMatching(/open in another process/),
    });
    await first.close();
    const second = await open(dir);
    expect(second.readOnly).toBe(false);
  });

  it('refuses a second writer in another process (the CLI)', async () => {
    const dir = await freshDir();
    await open(dir);
    const file = path.resolve('tests/fixtures/basic/harbour-accord.txt');
    const child = spawn(process.execPath, ['bin/dossier.mjs', '--notebook', dir, 'import', file], {
      cwd: process.cwd(),
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^dossier: The notebook is open in another process/);
  });

  it('takes over the lock of a process that no longer exists', async () => {
    const dir = await freshDir();
    const first = await NotebookStore.open(dir);
    await first.close();
    // A lock left by a dead process on this host (pid far above any live one).
    const os = await import('node:os');
    await writeFile(
      path.join(dir, '.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: '2020-01-01T00:00:00Z' }),
    );
    const store = await open(dir);
    expect(store.readOnly).toBe(false);
  });

  it('opened read-only on purpose, a sound notebook reports no problem; a damaged one names its file', async () => {
    const dir = await freshDir();
    await (await NotebookStore.open(dir)).close();
    const reader = await open(dir, { readOnly: true });
    expect(reader.readOnly).toBe(true);
    expect(reader.problem).toBeUndefined();
    await expect(reader.updateManifest((m) => void (m.title = 'x'))).rejects.toMatchObject({ code: 'read-only' });
    expect(reader.manifestProblem).toBeUndefined();
    await writeFile(path.join(dir, 'notebook.json'), '{"schemaVersion": 1, "ti');
    const damaged = await open(dir, { readOnly: true });
    expect(damaged.problem).toMatch(/notebook\.json could not be read/);
    expect(damaged.manifestProblem).toBe(damaged.problem);
  });

  it('says which temp files a crash left it removed as the writer opened the notebook', async () => {
    const dir = await freshDir();
    await (await NotebookStore.open(dir)).close();
    await writeFile(path.join(dir, 'sources', '.src_a.json.0123456789abcdef.tmp'), '{');
    expect((await open(dir, { readOnly: true })).tempFilesRemoved).toEqual([]);
    const writer = await open(dir);
    expect(writer.tempFilesRemoved).toEqual([path.join('sources', '.src_a.json.0123456789abcdef.tmp')]);
    expect(await readdir(path.join(dir, 'sources'))).toEqual([]);
  });

  it('opens read-only and never overwrites a manifest that is not JSON', async () => {
    const dir = await freshDir();
    await (await NotebookStore.open(dir)).close();
    const garbage = '{"schemaVersion": 1, "title": "half-written';
    await writeFile(path.join(dir, 'notebook.json'), garbage);
    const store = await open(dir);
    expect(store.readOnly).toBe(true);
    expect(store.problem).toMatch(/notebook\.json could not be read/);
    await expect(store.updateManifest((m) => void (m.title = 'x'))).rejects.toMatchObject({ code: 'read-only' });
    await store.close();
    expect(await readFile(path.join(dir, 'notebook.json'), 'utf8')).toBe(garbage);
  });

  it('opens read-only when the manifest is JSON of the wrong shape, naming the field', async () => {
    const dir = await freshDir();
    await (await NotebookStore.open(dir)).close();
    const bad = JSON.stringify({
      schemaVersion: 1,
      id: 'nb_x',
      title: 'T',
      createdAt: '2024-01-01T00:00:00Z',
      actors: [{ id: 'a' }],
    });
    await writeFile(path.join(dir, 'notebook.json'), bad);
    const store = await open(dir);
    expect(store.readOnly).toBe(true);
    expect(store.problem).toMatch(/notebook\.json.*actors\.0/);
    await store.close();
    expect(await readFile(path.join(dir, 'notebook.json'), 'utf8')).toBe(bad);
  });

  it('refuses a manifest from a newer version without touching it', async () => {
    const dir = await freshDir();
    await (await NotebookStore.open(dir)).close();
    const file = path.join(dir, 'notebook.json');
    const newer = (await readFile(file, 'utf8')).replace('"schemaVersion": 1', '"schemaVersion": 99');
    await writeFile(file, newer);
    const store = await open(dir);
    expect(store.problem).toMatch(/newer version of Dossier/);
    await store.close();
    expect(await readFile(file, 'utf8')).toBe(newer);
  });

  it('keeps a corrupt source file untouched and says which file it is', async () => {
    const dir = await freshDir();
    const a = await NotebookStore.open(dir);
    await (
      await a.addSource(sampleSourceFile('src_one'))
    ).manifestSaved;
    await (
      await a.addSource(sampleSourceFile('src_two'))
    ).manifestSaved;
    await a.close();
    const broken = path.join(dir, 'sources', 'src_one.json');
    await writeFile(broken, '\u0000\u0001 not json');
    const store = await open(dir);
    await expect(store.loadSource('src_one')).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining(path.join('sources', 'src_one.json')),
    });
    await expect(store.updateSource('src_one', (f) => void (f.source.title = 'x'))).rejects.toMatchObject({
      code: 'corrupt',
    });
    expect((await store.loadSource('src_two')).source.id).toBe('src_two');
    expect(store.problem).toMatch(/src_one\.json could not be read/);
    await store.close();
    expect(await readFile(broken, 'utf8')).toBe('\u0000\u0001 not json');
  });

  it('migrates an older file forward and keeps a copy of the original', async () => {
    const dir = await freshDir();
    await (await NotebookStore.open(dir)).close();
    const file = path.join(dir, 'notebook.json');
    const original = await readFile(file, 'utf8');
    const store = await open(dir, {
      schemaVersion: 2,
      migrations: [
        {
          file: 'manifest',
          from: 1,
          migrate: (d: Record<string, unknown>) => ({ ...d, title: `${String(d.title)} (migrated)` }),
        },
      ],
    });
    expect(store.manifest.schemaVersion).toBe(2);
    expect(store.manifest.title).toBe('Research (migrated)');
    expect(await readFile(`${file}.v1.bak`, 'utf8')).toBe(original);
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(2);
  });

  it('read-only, reads an older file through the migrations but writes nothing, not even a backup', async () => {
    const dir = await freshDir();
    const writer = await NotebookStore.open(dir);
    await (
      await writer.addSource(sampleSourceFile('src_one'))
    ).manifestSaved;
    await writer.close();
    const before = (await readdir(dir, { recursive: true })).sort();
    const migrations = [
      {
        file: 'manifest' as const,
        from: 1,
        migrate: (d: Record<string, unknown>) => ({ ...d, title: `${String(d.title)} (migrated)` }),
      },
      { file: 'source' as const, from: 1, migrate: (d: Record<string, unknown>) => d },
    ];
    const reader = await open(dir, { readOnly: true, schemaVersion: 2, migrations });
    expect(reader.manifest.title).toBe('Research (migrated)');
    expect((await reader.loadSource('src_one')).source.id).toBe('src_one');
    await reader.close();
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(before);
    expect(JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('coalesces a burst of edits into fewer writes, each durable when it resolves', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await (
      await store.addSource(sampleSourceFile('src_one'))
    ).manifestSaved;
    const file = path.join(dir, 'sources', 'src_one.json');
    const edits = Array.from({ length: 200 }, (_, i) =>
      store
        .updateSource('src_one', (f) => void (f.source.title = `edit ${i}`))
        .then(async () => {
          // When an edit's promise resolves, that edit (or a later one) is on disk.
          const onDisk = JSON.parse(await readFile(file, 'utf8')).source.title as string;
          return Number(onDisk.split(' ')[1]) >= i;
        }),
    );
    const results = await Promise.all(edits);
    expect(results.every(Boolean)).toBe(true);
  });

  it('survives SIGKILL mid-write: every file parses and every confirmed write is there', async () => {
    const dir = await freshDir();
    await (await NotebookStore.open(dir)).close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/store/crash-writer.ts', dir], {
      cwd: process.cwd(),
    });
    let out = '';
    let lastConfirmed = 0;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/ok (\d+)\n(?![\s\S]*ok \d+\n)/);
      if (m) lastConfirmed = Number(m[1]);
    });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, sig) => r(sig)));
    // Let it run until it has confirmed a good number of writes, then kill it at a random moment.
    while (lastConfirmed < 40) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Math.random() * 150));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const store = await open(dir);
    expect(store.readOnly).toBe(false);
    const tagNumbers = new Set(store.manifest.tags.map((t) => Number(t.id.slice(4))));
    const annotationNumbers = new Set<number>();
    for (const id of ['src_a', 'src_b', 'src_c']) {
      const f = SourceFile.parse(JSON.parse(await readFile(path.join(dir, 'sources', `${id}.json`), 'utf8')));
      for (const a of f.annotations) annotationNumbers.add(Number(a.id.slice(4)));
    }
    for (let n = 1; n <= lastConfirmed; n++) {
      expect(tagNumbers.has(n), `tag ${n} confirmed but missing`).toBe(true);
      expect(annotationNumbers.has(n), `annotation ${n} confirmed but missing`).toBe(true);
    }
  });
});
