/**
 * The renderer's file input (its accept list), the desktop import dialog's
 * filter and the importer read one list of extensions. The input's list once
 * left out ".markdown", which the importer reads: the person could not pick a
 * file the app would have taken. Here every extension the input offers goes
 * through the importer's folder walk and extraction, and one it does not
 * offer is skipped. (The dialog's filter is checked on the running Electron
 * entry, in main-entry-scenarios.ts.)
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectPaths } from '../../../main/services/import/import-batch';
import { extractDocument, ImportRejection } from '../../../main/services/import/extract';
import { IMPORT_ACCEPT } from '../../../renderer/src/import/useImport';
import { INTEROP_IMPORT_EXTENSIONS } from '../../../shared/enums';
import { tempDir } from '../../helpers/temp-dir';

const acceptList = IMPORT_ACCEPT.split(',');
/** Exchange files (W3C annotations, REFI-QDA): offered to the format readers, which decide by content. */
const exchange = INTEROP_IMPORT_EXTENSIONS.map((ext) => `.${ext}`);
/** What the input offers as articles. */
const articles = acceptList.filter((ext) => !exchange.includes(ext));
const TEXT =
  'The harbour accord was signed on Tuesday after three weeks of talks between the port authority and the dockworkers.\n\nBoth sides called the agreement fair.';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('the file input accepts what the importer reads', () => {
  it('offers exactly the extensions the importer reads (articles, and exchange files), Markdown under both its extensions included', async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    // Extensions a person may have, read or not: the importer decides which it takes.
    const candidates = [
      '.txt',
      '.text',
      '.md',
      '.markdown',
      '.html',
      '.htm',
      '.xhtml',
      '.pdf',
      '.docx',
      '.doc',
      '.rtf',
      '.odt',
      '.csv',
      '.json',
      '.png',
      '.epub',
      '.jsonld',
      '.qdpx',
      '.qdc',
    ];
    for (const ext of candidates) await writeFile(path.join(t.dir, `article${ext}`), TEXT);
    const { items } = await collectPaths([t.dir]);
    const read: string[] = [];
    for (const item of items) {
      const ext = path.extname(item.name);
      const rejection = await extractDocument({ name: item.name, bytes: new TextEncoder().encode(TEXT) }).then(
        () => undefined,
        (err: Error) => err.message,
      );
      if (!rejection || !/not supported|unsupported/.test(rejection)) read.push(ext);
    }
    expect(read).toEqual(expect.arrayContaining(['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx']));
    // Article extraction refuses exchange files by extension: the format readers take them first (interop tests).
    expect(read.filter((ext) => exchange.includes(ext))).toEqual([]);
    expect([...acceptList].sort()).toEqual([...new Set([...read, ...exchange])].sort());
  });

  it('the folder walk takes every extension the input offers and skips others', async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    const offered = acceptList.map((ext) => `article${ext}`);
    for (const name of [...offered, 'picture.png', 'letter.rtf']) await writeFile(path.join(t.dir, name), TEXT);
    const { items, skipped, rejected } = await collectPaths([t.dir]);
    expect(items.map((i) => i.name).sort()).toEqual([...offered].sort());
    expect(skipped.map((s) => path.basename(s.name)).sort()).toEqual(['letter.rtf', 'picture.png']);
    expect(rejected).toEqual([]);
  });

  it('extraction reads each offered extension as its format, never "not supported"', async () => {
    for (const ext of articles) {
      const input = { name: `article${ext}`, bytes: new TextEncoder().encode(TEXT) };
      try {
        const doc = await extractDocument(input);
        expect(doc.text, ext).toContain('harbour accord');
      } catch (err) {
        // PDF and Word need their own bytes: plain text in such a file is refused for what it is, not for its extension.
        expect(err, ext).toBeInstanceOf(ImportRejection);
        expect(['.pdf', '.docx'], `${ext}: ${(err as Error).message}`).toContain(ext);
        expect((err as Error).message).not.toMatch(/not supported|unsupported/);
      }
    }
  });
});
