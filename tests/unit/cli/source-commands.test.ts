/**
 * `dossier source edit` and `dossier source rm`: the API's checks, --json
 * shapes, one-line errors, and the notebook folder afterwards.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportResult } from '../../../shared/api';
import { NotebookManifest, SourceMeta } from '../../../shared/model';
import { main } from '../../../main/cli/dossier';
import { tempDir } from '../../helpers/temp-dir';

const HARBOUR = path.resolve('tests/fixtures/basic/harbour-accord.txt');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function dossier(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), isTTY: false });
  return { code, out, err };
}

/** A notebook with the harbour article; its folder and the source's id. */
async function withSource(): Promise<{ nb: string; id: string; title: string }> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const nb = path.join(t.dir, 'cli.dossier');
  const imported = ImportResult.parse(JSON.parse((await dossier('--notebook', nb, 'import', HARBOUR, '--json')).out));
  return { nb, id: imported.added[0]!.id, title: imported.added[0]!.title };
}

const manifest = async (nb: string) =>
  NotebookManifest.parse(JSON.parse(await readFile(path.join(nb, 'notebook.json'), 'utf8')));

describe('dossier source edit', () => {
  it('sets and clears metadata by id prefix, printing the updated SourceMeta with --json', async () => {
    const { nb, id } = await withSource();
    const r = await dossier(
      '--notebook',
      nb,
      'source',
      'edit',
      id.slice(0, 8),
      '--title',
      '  Harbour accord signed  ',
      '--outlet',
      'Vellmar Post',
      '--date',
      '2025-06-04',
      '--lang',
      'sv',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const meta = SourceMeta.parse(JSON.parse(r.out));
    expect(meta).toMatchObject({
      id,
      title: 'Harbour accord signed',
      outlet: 'Vellmar Post',
      publishedAt: '2025-06-04',
      language: 'sv',
    });
    expect((await manifest(nb)).sources[0]).toMatchObject({ title: 'Harbour accord signed', outlet: 'Vellmar Post' });

    const cleared = await dossier('--notebook', nb, 'source', 'edit', id, '--outlet', '', '--date', '');
    expect(cleared.code).toBe(0);
    expect(cleared.out).toBe(`Updated ${id}  Harbour accord signed  (sv)\n`);
    const entry = (await manifest(nb)).sources[0]!;
    expect(entry.outlet).toBeUndefined();
    expect(entry.publishedAt).toBeUndefined();
  });

  it('refuses what the app refuses, with one line and nothing changed', async () => {
    const { nb, id, title } = await withSource();
    for (const [argv, message, code] of [
      [['--title', '   '], /title cannot be empty/, 1],
      [['--date', '2025-02-30'], /real date written YYYY-MM-DD/, 1],
      [['--lang', 'english'], /two-letter ISO 639-1 code/, 1],
      [[], /needs at least one of --title/, 2],
    ] as const) {
      const r = await dossier('--notebook', nb, 'source', 'edit', id, ...argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
    expect((await manifest(nb)).sources[0]!.title).toBe(title);
    const unknown = await dossier('--notebook', nb, 'source', 'edit', 'src_nope', '--title', 'X');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^dossier: .*src_nope/);
  });
});

describe('dossier source rm', () => {
  it('deletes a source without annotations, and its file', async () => {
    const { nb, id, title } = await withSource();
    const r = await dossier('--notebook', nb, 'source', 'rm', title, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ id, title, annotations: 0, relations: 0 });
    expect((await manifest(nb)).sources).toEqual([]);
    expect(await readdir(path.join(nb, 'sources'))).toEqual([]);
    const again = await dossier('--notebook', nb, 'source', 'rm', id);
    expect(again.code).toBe(1);
    expect(again.err.trim().split('\n')).toHaveLength(1);
  });

  it('asks for --yes when annotations would go with it; then deletes them too', async () => {
    const { nb, id, title } = await withSource();
    await dossier('--notebook', nb, 'claim', 'add', id, '--quote', 'This is a fair deal for both coasts');
    const refused = await dossier('--notebook', nb, 'source', 'rm', id);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      `dossier: “${title}” has 1 annotation(s) that would be deleted with it, for good; add --yes to delete them too.\n`,
    );
    expect((await manifest(nb)).sources.map((s) => s.id)).toEqual([id]);

    const r = await dossier('--notebook', nb, 'source', 'rm', id, '--yes');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Deleted “${title}” (${id}) with 1 annotation(s) and 0 relation(s).\n`);
    expect(await readdir(path.join(nb, 'sources'))).toEqual([]);
  });

  it('removes a source whose file cannot be read only with --yes, leaving the file', async () => {
    const { nb, id, title } = await withSource();
    const file = path.join(nb, 'sources', `${id}.json`);
    await writeFile(file, 'garbage');
    const refused = await dossier('--notebook', nb, 'source', 'rm', id);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/cannot be read, so its annotations cannot be counted; add --yes/);
    const r = await dossier('--notebook', nb, 'source', 'rm', id, '--yes', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ id, title, annotations: 0, relations: 0 });
    expect((await manifest(nb)).sources).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe('garbage');
  });

  it('needs a sub-command and one source', async () => {
    const { nb, id } = await withSource();
    for (const argv of [['source'], ['source', 'delete', id], ['source', 'rm'], ['source', 'rm', id, id]]) {
      const r = await dossier('--notebook', nb, ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/^dossier: .*Try: dossier --help\n$/);
    }
  });
});
