import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../main/services/import/extract';

describe('paragraphs dense with names (few stop words) at the end of an article', () => {
  it('keeps them as article text, and still removes the related link and share line after them', async () => {
    const file = path.resolve('tests/fixtures/actors/sv-summit.txt');
    const doc = await extractDocument({ name: 'sv-summit.txt', bytes: new Uint8Array(await readFile(file)) });
    expect(doc.language).toBe('sv');
    expect(doc.text).toContain('USA:s hållning är mer avvaktande. Vita huset säger att USA studerar underlaget');
    expect(doc.text).toContain('Det norska bolaget Nordvik Energy, som äger en av kablarna');
    expect(doc.text).not.toContain('Läs mer');
    expect(doc.text).not.toContain('Dela artikeln');
    expect(doc.removed.map((r) => r.reason)).toEqual(expect.arrayContaining(['related links', 'share buttons']));
    expect(doc.removed.some((r) => r.reason === 'not article text')).toBe(false);
  });

  it('does not rescue a lone two-sentence promo between boilerplate blocks', async () => {
    const text = [
      'Harbour council approves night ferry trial',
      'The harbour council voted on Tuesday evening to approve a six-month trial of a night ferry between the old pier and the island, despite warnings about the cost from its own finance office.',
      'Councillor Ingrid Halvorsen, who chairs the transport committee, said islanders had waited for years and that nurses and bakers would start their shifts before the first boat.',
      'Share this article',
      'Skarrow Deals. Big Savings On Garden Furniture Today.',
      'Cookie settings',
    ].join('\n\n');
    const doc = await extractDocument({ name: 'ferry.txt', bytes: new TextEncoder().encode(text) });
    expect(doc.text).toContain('Councillor Ingrid Halvorsen');
    expect(doc.text).not.toContain('Skarrow Deals');
  });
});
