import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportResult } from '../../../shared/api';
import { NotebookManifest, SourceFile, SourceMeta } from '../../../shared/model';
import { main } from '../../../main/cli/dossier';
import { tempDir } from '../../helpers/temp-dir';

const FIXTURES = path.resolve('tests/fixtures/basic');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function notebookDir(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'cli.dossier');
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), isTTY: false });
  return { code, out, err };
}

describe('dossier CLI', () => {
  it('imports files and prints the documented JSON shape; the folder holds the files', async () => {
    const nb = await notebookDir();
    const r = await run(
      '--notebook',
      nb,
      'import',
      path.join(FIXTURES, 'harbour-accord.txt'),
      path.join(FIXTURES, 'ministers-meet.html'),
      '--json',
    );
    expect(r.code).toBe(0);
    const result = ImportResult.parse(JSON.parse(r.out));
    expect(result.added.map((s) => s.title)).toEqual([
      'Harbour accord signed after night of talks',
      'Ministers meet in Gothenburg',
    ]);
    expect(result.added[1]!.text).toContain('The ministers met on Monday');
    expect(result.added[1]!.text).not.toContain('Sport');
    expect(result.added.every((s) => /^[0-9a-f]{64}$/.test(s.origin.sha256))).toBe(true);
    const manifest = NotebookManifest.parse(JSON.parse(await readFile(path.join(nb, 'notebook.json'), 'utf8')));
    expect(manifest.sources).toHaveLength(2);
    for (const s of result.added) {
      SourceFile.parse(JSON.parse(await readFile(path.join(nb, 'sources', `${s.id}.json`), 'utf8')));
    }
  });

  it('skips a file imported again and rejects random bytes, leaving the notebook parseable', async () => {
    const nb = await notebookDir();
    const junk = path.join(path.dirname(nb), 'junk.txt');
    await writeFile(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    await run('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
    const r = await run('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'), junk, '--json');
    // Nothing added and one file rejected: exit 1 (the summary still prints).
    expect(r.code).toBe(1);
    const result = ImportResult.parse(JSON.parse(r.out));
    expect(result.added).toEqual([]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ name: 'harbour-accord.txt', reason: expect.stringMatching(/duplicate/) }),
    ]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ name: 'junk.txt', reason: expect.stringMatching(/binary/) }),
    ]);
    expect(
      NotebookManifest.parse(JSON.parse(await readFile(path.join(nb, 'notebook.json'), 'utf8'))).sources,
    ).toHaveLength(1);
  });

  it('imports folders recursively and skips files of other types with a reason', async () => {
    const nb = await notebookDir();
    const r = await run('--notebook', nb, 'import', path.join(FIXTURES, 'folder'), '--json');
    const result = ImportResult.parse(JSON.parse(r.out));
    expect(result.added.map((s) => s.origin.name).sort()).toEqual(['fiskeavtal.txt', 'memo.md']);
    expect(result.added.find((s) => s.origin.name === 'memo.md')!.title).toBe('Notes on the accord');
    expect(result.added.find((s) => s.origin.name === 'fiskeavtal.txt')!.text).toContain('tisdagen');
    expect(result.skipped).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/not an importable file type \(\.png\)/) }),
    ]);
  });

  it('lists sources without their text, and shows one with text and annotations', async () => {
    const nb = await notebookDir();
    await run('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
    const list = await run('--notebook', nb, 'sources', '--json');
    const sources = SourceMeta.array().parse(JSON.parse(list.out));
    expect(sources).toHaveLength(1);
    expect(JSON.parse(list.out)[0]).not.toHaveProperty('text');
    const shown = await run('--notebook', nb, 'show', sources[0]!.id, '--json');
    const body = JSON.parse(shown.out);
    expect(body.text).toContain('“This is a fair deal for both coasts,”');
    expect(body.annotations).toEqual([]);
  });

  it('exits non-zero with one line on bad input', async () => {
    const nb = await notebookDir();
    for (const argv of [
      ['--notebook', nb, 'show', 'src_nope'],
      ['--notebook', nb, 'frobnicate'],
      ['--notebook', nb, 'import'],
      ['--notebook', nb, 'sources', '--bogus'],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBeGreaterThan(0);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.err).toMatch(/^dossier: /);
    }
  });

  it('reports a missing path as rejected rather than failing the batch', async () => {
    const nb = await notebookDir();
    const r = await run(
      '--notebook',
      nb,
      'import',
      '/nonexistent/file.txt',
      path.join(FIXTURES, 'harbour-accord.txt'),
      '--json',
    );
    const result = ImportResult.parse(JSON.parse(r.out));
    expect(result.added).toHaveLength(1);
    expect(result.rejected).toEqual([expect.objectContaining({ reason: 'no such file or folder' })]);
  });
});
