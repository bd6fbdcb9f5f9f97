/**
 * The exchange-format plumbing: import offers each file to the format readers
 * (by content), articles of the same batch first; exports go through the
 * registry to bytes or to a file. A stand-in reader and writer are registered
 * here so the plumbing is tested apart from any one format.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORTERS, IMPORTERS, type InteropImporter } from '../../../main/services/interop/registry';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import type { InteropFormat } from '../../../shared/enums';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Registers `value` under `format` in `map` for this test only. */
function register<T>(map: Partial<Record<InteropFormat, T>>, format: InteropFormat, value: T): void {
  const before = map[format];
  map[format] = value;
  cleanups.push(() => {
    if (before) map[format] = before;
    else delete map[format];
  });
}

async function session(): Promise<{ s: NotebookSession; dir: string; out: string }> {
  const t = await tempDir();
  const dir = path.join(t.dir, 'nb.dossier');
  const s = await openNotebookSession(dir);
  cleanups.push(t.cleanup, () => s.close());
  return { s, dir, out: t.dir };
}

const ARTICLE = 'Harbour talks resume\n\nThe delegation from Norrvik returned to the table on Tuesday, officials said.';
const enc = (text: string) => new TextEncoder().encode(text);
const MARKER = '{"stand-in exchange file": true}';

/** A reader that takes files holding MARKER, and records the sources the notebook had when it ran. */
function standInReader(seen: string[][]): InteropImporter {
  return {
    detect: (bytes) => new TextDecoder().decode(bytes.subarray(0, 64)).startsWith(MARKER),
    async run(ctx, tx, _bytes, fileName) {
      seen.push(ctx.store.manifest.sources.map((s) => s.title));
      await tx.updateManifest((m) => {
        m.tags.push({ id: 'tag_from_exchange', name: 'From exchange', color: '#336699' });
      });
      return {
        file: fileName,
        format: 'w3c',
        sources: { added: 0, matched: ctx.store.manifest.sources.length },
        annotations: 0,
        tags: 1,
        actors: 0,
        notes: 0,
        orphans: [],
      };
    },
  };
}

describe('import of exchange files', () => {
  it('gives a file the readers recognise to its reader, after the articles of the same batch, as its own undo step', async () => {
    const { s } = await session();
    const seen: string[][] = [];
    register(IMPORTERS, 'w3c', standInReader(seen));
    const result = await s.service.importFiles({
      files: [
        // The exchange file comes first in the batch; it still runs after the article.
        { name: 'annotations.json', bytes: enc(MARKER) },
        { name: 'talks.txt', bytes: enc(ARTICLE) },
      ],
    });
    expect(result.added.map((a) => a.title)).toEqual(['Harbour talks resume']);
    expect(result.interop).toEqual([expect.objectContaining({ file: 'annotations.json', tags: 1 })]);
    expect(seen).toEqual([['Harbour talks resume']]);
    expect((await s.service.listTags({})).map((t) => t.name)).toContain('From exchange');
    // Undo takes back the exchange file alone; the article stays.
    await s.service.undo({});
    expect((await s.service.listTags({})).map((t) => t.name)).not.toContain('From exchange');
    expect(await s.service.listSources({})).toHaveLength(1);
  });

  it('recognises by content, not by name: a .json file no reader takes is rejected, an article named .txt is read as one', async () => {
    const { s, out } = await session();
    register(IMPORTERS, 'w3c', standInReader([]));
    const other = path.join(out, 'settings.json');
    await writeFile(other, '{"theme": "dark"}');
    const disguised = path.join(out, 'notes.txt');
    await writeFile(disguised, ARTICLE);
    const result = await s.service.importPaths({ paths: [other, disguised] });
    expect(result.rejected).toEqual([
      { name: 'settings.json', reason: expect.stringMatching(/^not a file Dossier reads/) },
    ]);
    expect(result.added).toHaveLength(1);
    expect(result.interop).toBeUndefined();
  });

  it('a reader that refuses a file rejects it with its message and changes nothing', async () => {
    const { s, dir } = await session();
    register(IMPORTERS, 'w3c', {
      detect: () => true,
      async run() {
        const { DossierError } = await import('../../../shared/errors');
        throw new DossierError('invalid-input', 'the file declares no annotations');
      },
    });
    const before = await readFile(path.join(dir, 'notebook.json'), 'utf8');
    const result = await s.service.importFiles({ files: [{ name: 'broken.jsonld', bytes: enc('{}') }] });
    expect(result.rejected).toEqual([{ name: 'broken.jsonld', reason: 'the file declares no annotations' }]);
    expect(await readFile(path.join(dir, 'notebook.json'), 'utf8')).toBe(before);
    expect((await s.service.getHistory({})).canUndo).toBe(false);
  });
});

describe('export to exchange formats', () => {
  it('passes the chosen sources to the writer and writes its bytes where asked', async () => {
    const { s, out } = await session();
    const { added } = await s.service.importFiles({ files: [{ name: 'talks.txt', bytes: enc(ARTICLE) }] });
    const asked: Array<string[] | undefined> = [];
    register(EXPORTERS, 'csl', async (_ctx, input) => {
      asked.push(input.sourceIds);
      return { bytes: enc('[]'), items: 3 };
    });
    const file = path.join(out, 'refs.json');
    const written = await s.service.exportInteropToFile({ format: 'csl', path: file, sourceIds: [added[0]!.id] });
    expect(written).toEqual({ path: file, format: 'csl', items: 3 });
    expect(await readFile(file, 'utf8')).toBe('[]');
    const bytes = await s.service.exportInterop({ format: 'csl' });
    expect(bytes.items).toBe(3);
    expect(bytes.fileName).toMatch(/CSL-JSON references\.json$/);
    expect(asked).toEqual([[added[0]!.id], undefined]);
  });

  it('refuses an unknown source and a missing folder with a clear message', async () => {
    const { s, out } = await session();
    register(EXPORTERS, 'csl', async () => ({ bytes: enc('[]'), items: 0 }));
    await expect(s.service.exportInterop({ format: 'csl', sourceIds: ['src_nope'] })).rejects.toThrow(
      'No source with id "src_nope".',
    );
    await expect(
      s.service.exportInteropToFile({ format: 'csl', path: path.join(out, 'missing', 'refs.json') }),
    ).rejects.toThrow(/does not exist: create it first/);
  });
});

describe('what an exchange file brought, in words', () => {
  it('says why annotations were not placed, instead of assuming they were kept', async () => {
    const { interopLine } = await import('../../../shared/interop-summary');
    const summary = {
      file: 'notes.jsonld',
      format: 'w3c' as const,
      sources: { added: 0, matched: 0 },
      annotations: 0,
      tags: 0,
      actors: 0,
      notes: 0,
      orphans: [
        { quote: 'a', reason: 'missing source: “Harbour talks” — import the article, then this file again' },
        { quote: 'b', reason: 'missing source: “Harbour talks” — import the article, then this file again' },
      ],
    };
    const { createTranslator } = await import('../../../shared/i18n');
    expect(interopLine(createTranslator('en'), summary)).toBe(
      'W3C Web Annotations: 0 sources added, 0 matched, 0 annotations, 0 tags, 0 actors, 0 notes; 2 not placed: ' +
        'missing source: “Harbour talks” — import the article, then this file again (and 1 more)',
    );
  });

  it("names the format in the person's language (the same words on the page, in the CLI and in the app)", async () => {
    const { interopLine, exportedItems } = await import('../../../shared/interop-summary');
    const { createTranslator } = await import('../../../shared/i18n');
    const sv = createTranslator('sv');
    const line = interopLine(sv, {
      file: 'p.qdpx',
      format: 'qdpx',
      sources: { added: 2, matched: 0 },
      annotations: 3,
      tags: 1,
      actors: 0,
      notes: 0,
      orphans: [],
    });
    expect(line).toMatch(/^REFI-QDA-projekt: /);
    expect(line).not.toMatch(/sources added|annotations/);
    expect(exportedItems(sv, { items: 1 })).not.toMatch(/item/);
  });
});
