/**
 * The readers load with the first file of their kind: a text or Markdown
 * import never loads the web-page reader (jsdom, Readability, DOMPurify), the
 * PDF reader (pdf.js) or the Word reader (mammoth), so the import worker
 * starts in moments. Each reader module records when it is first loaded;
 * the imports run in this order, so every step sees what the ones before left.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../../main/services/import/extract';

const loaded = vi.hoisted(() => new Set<string>());
vi.mock('../../../main/services/import/extract/html', async (original) => {
  loaded.add('html');
  return original();
});
vi.mock('../../../main/services/import/extract/pdf', async (original) => {
  loaded.add('pdf');
  return original();
});
vi.mock('../../../main/services/import/extract/docx', async (original) => {
  loaded.add('docx');
  return original();
});

const files = path.join(import.meta.dirname, '../../fixtures/articles/files');
const input = async (name: string) => ({ name, bytes: new Uint8Array(await readFile(path.join(files, name))) });

describe('readers load with their first file', () => {
  it('a text file, a Markdown file and pasted text load none of the other readers', async () => {
    const txt = await extractDocument(await input('en-harbour-strike.txt'));
    expect(txt.format).toBe('txt');
    expect((await extractDocument(await input('en-harbour-strike.md'))).format).toBe('md');
    const pasted = await extractDocument({ name: 'pasted', bytes: new TextEncoder().encode(txt.text) });
    expect(pasted.format).toBe('paste');
    expect([...loaded]).toEqual([]);
  });

  it('a web page loads the web-page reader only', async () => {
    const doc = await extractDocument(await input('en-harbour-strike.html'));
    expect(doc.format).toBe('html');
    expect([...loaded]).toEqual(['html']);
  });

  it('a PDF loads the PDF reader, and a Word document the Word reader', async () => {
    expect((await extractDocument(await input('en-harbour-strike.pdf'))).format).toBe('pdf');
    expect([...loaded].sort()).toEqual(['html', 'pdf']);
    expect((await extractDocument(await input('en-harbour-strike.docx'))).format).toBe('docx');
    expect([...loaded].sort()).toEqual(['docx', 'html', 'pdf']);
  });
});
