/**
 * Format-specific behaviour and bad input: sanitised HTML, pasted content,
 * encrypted PDFs, zip bombs, empty, oversize and unsupported files.
 */
import { zipSync } from 'fflate';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractDocument, ImportRejection } from '../../../main/services/import/extract';
import { checkZipBomb, zipEntries } from '../../../main/services/import/extract/docx';
import { splitParagraphs } from '../../../shared/text';
import { rejection } from '../../helpers/rejection';
import { ARTICLES } from '../../fixtures/articles/corpus';
import { renderHtml, renderPdf } from '../../fixtures/articles/render';

const enc = (s: string) => new TextEncoder().encode(s);
const article = ARTICLES.find((a) => a.language === 'en')!;

describe('HTML', () => {
  it('neutralises scripts and event handlers: none of their text or code reaches the result', async () => {
    const doc = await extractDocument({ name: 'page.html', bytes: renderHtml(article).bytes });
    const all = [doc.text, ...doc.removed.map((r) => r.text)].join('\n');
    expect(all).not.toMatch(/dataLayer|stealCookies|acceptCookies|injected by a script|onerror|onload|<script/);
  });

  it('imports pasted HTML from the clipboard, with its title and without the page around it', async () => {
    const html = `<meta charset="utf-8"><h1>Council approves new cycle lanes</h1>
      <p>By Priya Natarajan</p>
      <p>The city council voted on Tuesday to build eleven kilometres of protected cycle lanes through the centre of Harlow Bay, after a debate that lasted more than four hours and drew a crowd of residents to the public gallery.</p>
      <p>Supporters said the lanes would make the streets safer for children on their way to school, while shop owners on Market Street warned that losing parking spaces would drive customers to the out-of-town retail park.</p>
      <p>Construction is due to start in the spring and should take about eighteen months, the council said in a statement released after the vote.</p>
      <p><img src=x onerror="alert(1)">Photo: Dana Wells / Reuters</p>`;
    const doc = await extractDocument({ name: 'pasted', bytes: new Uint8Array(0), html });
    expect(doc.format).toBe('paste');
    expect(doc.title).toBe('Council approves new cycle lanes');
    expect(doc.author).toBe('Priya Natarajan');
    expect(splitParagraphs(doc.text)).toHaveLength(3);
    expect(doc.removed.map((r) => r.reason)).toContain('caption');
  });

  it('survives pathological markup: deeply nested elements and unclosed tags', async () => {
    const deep = `${'<div>'.repeat(5000)}<p>${'Deep text in a nested page that still reads as a sentence. '.repeat(5)}</p>${'</div>'.repeat(10)}<p><b><i>unclosed`;
    const result = await extractDocument({ name: 'deep.html', bytes: enc(deep) }).catch((e: unknown) => e);
    if (result instanceof Error) expect(result).toBeInstanceOf(ImportRejection);
    else expect((result as { text: string }).text).toContain('Deep text');
  });
});

describe('plain text', () => {
  it('gives pasted text without a headline a short title from its first sentence', async () => {
    const text =
      'The regional court in Malvik ruled on Friday that the municipality acted unlawfully when it closed the village school without consulting parents. The ruling can be appealed within three weeks.\n\nParents welcomed the decision but said the children had already been moved to a school twenty kilometres away.';
    const doc = await extractDocument({ name: '', bytes: enc(text) });
    expect(doc.format).toBe('paste');
    expect(doc.title).toBe('The regional court in Malvik ruled on Friday that the municipality acted unlawfully when…');
    expect(splitParagraphs(doc.text)).toHaveLength(2);
    expect(doc.language).toBe('en');
  });

  it('keeps a short note that does not look like an article rather than rejecting it', async () => {
    const doc = await extractDocument({ name: 'note.txt', bytes: enc('Call Ms Berg back about the ferry figures') });
    expect(doc.text).toBe('Call Ms Berg back about the ferry figures');
  });

  it('joins hard-wrapped lines and words hyphenated at line ends', async () => {
    const text =
      'Ministers met in Valdoria on Monday to discuss the long-delayed fish-\neries agreement, which has been stalled since the spring because of a\ndispute over cod quotas in the northern waters of the region.\n\nThe talks are due to continue next week in the capital, officials said after the meeting ended late in the evening.';
    const doc = await extractDocument({ name: 'wrapped.txt', bytes: enc(text) });
    expect(splitParagraphs(doc.text)[0]).toBe(
      'Ministers met in Valdoria on Monday to discuss the long-delayed fisheries agreement, which has been stalled since the spring because of a dispute over cod quotas in the northern waters of the region.',
    );
  });
});

describe('PDF', () => {
  it('joins words hyphenated at line ends and drops running headers and page numbers', async () => {
    const pdf = await renderPdf(article);
    const doc = await extractDocument({ name: 'a.pdf', bytes: pdf.bytes });
    expect(doc.text).not.toMatch(/\p{Ll}- \p{Ll}/u);
    const reasons = doc.removed.map((r) => r.reason);
    expect(reasons).toContain('page number');
    expect(reasons).toContain('page header or footer');
  });

  it('rejects an encrypted PDF with a clear reason', async () => {
    const pdf = await renderPdf(article, 0, { userPassword: 'secret' });
    expect(await rejection(extractDocument({ name: 'locked.pdf', bytes: pdf.bytes }))).toMatch(/encrypted|password/);
  });

  it('rejects a truncated PDF', async () => {
    const pdf = await renderPdf(article);
    expect(await rejection(extractDocument({ name: 'cut.pdf', bytes: pdf.bytes.subarray(0, 600) }))).toMatch(/PDF/);
  });
});

describe('DOCX', () => {
  it('rejects a zip bomb from its declared sizes, before inflating it', async () => {
    const bomb = zipSync(
      { '[Content_Types].xml': enc('<Types/>'), 'word/document.xml': new Uint8Array(40 * 1024 * 1024) },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await rejection(extractDocument({ name: 'bomb.docx', bytes: bomb }))).toMatch(/zip bomb/);
  });

  it('rejects a zip bomb that declares small sizes, inflating no more than it declares', async () => {
    // 40 MB of zeros in word/document.xml, its directory entry and local header claiming 1,000 bytes:
    // the declared sizes pass the ratio and total checks; only inflating can tell.
    const bytes = zipSync(
      { '[Content_Types].xml': enc('<Types/>'), 'word/document.xml': new Uint8Array(40 * 1024 * 1024) },
      { level: 9 },
    );
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x02014b50 && view.getUint32(i + 24, true) === 40 * 1024 * 1024) view.setUint32(i + 24, 1000, true);
      if (sig === 0x04034b50 && view.getUint32(i + 22, true) === 40 * 1024 * 1024) view.setUint32(i + 22, 1000, true);
    }
    expect(zipEntries(bytes).find((e) => e.name === 'word/document.xml')?.uncompressed).toBe(1000);
    expect(await rejection(extractDocument({ name: 'liar.docx', bytes }))).toMatch(
      /zip bomb.*more than the 1000 bytes it declares/,
    );
  });

  it('rejects an entry whose stored size differs from its declared size, and unknown compression', async () => {
    const bytes = zipSync(
      { '[Content_Types].xml': enc('<Types/>'), 'word/document.xml': enc('<w:document/>') },
      { level: 0 },
    );
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const central = (name: string) => {
      for (let i = 0; i + 46 <= bytes.length; i++)
        if (
          view.getUint32(i, true) === 0x02014b50 &&
          new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + name.length)) === name
        )
          return i;
      throw new Error('no entry');
    };
    const doc = central('word/document.xml');
    view.setUint32(doc + 24, 5, true);
    expect(await rejection(extractDocument({ name: 'short.docx', bytes }))).toMatch(/damaged/);
    view.setUint32(doc + 24, 13, true);
    view.setUint16(doc + 10, 14, true); // LZMA
    expect(await rejection(extractDocument({ name: 'lzma.docx', bytes }))).toMatch(/compression/);
  });

  it('rejects archives that expand past the total limit', () => {
    expect(() =>
      checkZipBomb([
        { name: 'a', compressed: 90e6, uncompressed: 150e6 },
        { name: 'b', compressed: 90e6, uncompressed: 150e6 },
      ]),
    ).toThrow(/limit/);
  });

  it('reads the zip directory of a real document', async () => {
    const buf = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Hello')] })] }] }),
    );
    const names = zipEntries(new Uint8Array(buf)).map((e) => e.name);
    expect(names).toContain('word/document.xml');
  });

  it('rejects a file called .docx that is not a zip', async () => {
    expect(await rejection(extractDocument({ name: 'fake.docx', bytes: enc('just some text pretending') }))).toMatch(
      /not a Word document/,
    );
  });
});

describe('bad input', () => {
  it('rejects empty files, oversize files, unsupported types and binary junk with reasons', async () => {
    expect(await rejection(extractDocument({ name: 'empty.txt', bytes: new Uint8Array(0) }))).toMatch(/empty/);
    expect(
      await rejection(extractDocument({ name: 'big.txt', bytes: new Uint8Array(2048).fill(65) }, { maxBytes: 1024 })),
    ).toMatch(/larger than/);
    expect(
      await rejection(extractDocument({ name: 'photo.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]) })),
    ).toMatch(/not supported/);
    const junk = new Uint8Array(3000).map((_, i) => (i * 2654435761) >>> 24);
    expect(await rejection(extractDocument({ name: 'junk.txt', bytes: junk }))).toMatch(/binary/);
    expect(await rejection(extractDocument({ name: 'blank.txt', bytes: enc(' \n\n \t\n') }))).toMatch(
      /no readable text/,
    );
  });
});
