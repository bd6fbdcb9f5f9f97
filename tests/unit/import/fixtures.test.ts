/**
 * Every labelled fixture article (tests/fixtures/articles: generated files in
 * five formats and four encodings, plus hand-written browser copies) must
 * come out as exactly its article paragraphs, with the right headline,
 * outlet, author, date and language, and with everything removed kept in
 * removed[] at a position the UI can restore it to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../main/services/import/extract';
import { decodeText } from '../../../main/services/import/extract/decode';
import { textBlocks } from '../../../main/services/import/extract/plain';
import { splitParagraphs } from '../../../shared/text';

const root = path.resolve(__dirname, '../../fixtures/articles');
const dirs = [path.join(root, 'files'), path.join(root, 'handwritten')];
const cases = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => !f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: path.join(dir, f), name: f })),
);

interface Expected {
  language: string;
  title: string;
  outlet?: string;
  author?: string;
  publishedAt?: string;
  url?: string;
  paragraphs: string[];
  /** Blocks that must be removed, each with its reason (captions, promotions, related teasers…). */
  removed?: Array<{ text: string; reason: string }>;
}

describe('fixture articles', () => {
  it('covers every format in at least three languages', () => {
    const byFormat = new Map<string, Set<string>>();
    for (const c of cases) {
      const ext = path.extname(c.name).slice(1);
      const lang = c.name.slice(0, 2);
      byFormat.set(ext, (byFormat.get(ext) ?? new Set()).add(lang));
    }
    for (const ext of ['html', 'txt', 'md', 'pdf', 'docx'])
      expect(byFormat.get(ext)?.size ?? 0, ext).toBeGreaterThanOrEqual(3);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const expected = JSON.parse(readFileSync(`${c.file}.expected.json`, 'utf8')) as Expected;
      const doc = await extractDocument({ name: c.name, bytes: new Uint8Array(readFileSync(c.file)) });
      const paragraphs = splitParagraphs(doc.text);
      expect(paragraphs).toEqual(expected.paragraphs);
      expect(doc.title).toBe(expected.title);
      expect(doc.language).toBe(expected.language);
      expect(doc.publishedAt).toBe(expected.publishedAt);
      expect(doc.author).toBe(expected.author);
      expect(doc.outlet).toBe(expected.outlet);
      if (expected.url) expect(doc.url).toBe(expected.url);
      // Nothing silently lost: every removed block has a reason and a place among the paragraphs.
      expect(doc.removed.length).toBeGreaterThan(3);
      for (const r of doc.removed) {
        expect(r.reason.length).toBeGreaterThan(0);
        expect(r.beforeParagraph).toBeGreaterThanOrEqual(0);
        expect(r.beforeParagraph).toBeLessThanOrEqual(paragraphs.length);
        expect(expected.paragraphs).not.toContain(r.text);
      }
      for (const want of expected.removed ?? [])
        expect(
          doc.removed.find((r) => r.text === want.text),
          want.text,
        ).toMatchObject({ reason: want.reason });
      const reasons = new Set(doc.removed.map((r) => r.reason));
      expect(reasons.has('title')).toBe(true);
      // No mojibake from a wrong decoding.
      expect(doc.text).not.toMatch(/Ã|â€|\uFFFD/);
    });
  }

  it('restoring every removed block of a browser copy, in place, gives back the whole copied text', async () => {
    for (const c of cases.filter((x) => x.name.endsWith('.txt'))) {
      const bytes = new Uint8Array(readFileSync(c.file));
      const doc = await extractDocument({ name: c.name, bytes });
      const paragraphs = splitParagraphs(doc.text);
      const rebuilt: string[] = [];
      for (let i = 0; i <= paragraphs.length; i++) {
        rebuilt.push(...doc.removed.filter((r) => r.beforeParagraph === i).map((r) => r.text));
        if (i < paragraphs.length) rebuilt.push(paragraphs[i]!);
      }
      expect(rebuilt, c.name).toEqual(textBlocks(decodeText(bytes).text).map((b) => b.text));
    }
  });
});
