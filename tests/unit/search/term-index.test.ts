import { describe, expect, it } from 'vitest';
import { Field, TermIndex } from '../../../main/services/search/term-index';

function sample(): TermIndex {
  const ix = new TermIndex();
  ix.add('d1', Field.Text, ['icebreak', 'arctic', 'sign', 'china']);
  ix.add('d2', Field.Text, ['icebreak', 'icebreak', 'port']);
  ix.add('d3', Field.Text, ['fish', 'port', 'protest', 'polic']);
  ix.add('d4', Field.Title, ['arctic', 'accord']);
  return ix;
}

describe('TermIndex', () => {
  it('AND needs every group, OR any; more matched groups rank higher', () => {
    const ix = sample();
    expect(
      ix
        .score([[{ term: 'icebreak' }], [{ term: 'port' }]], { mode: 'AND', fields: { [Field.Text]: 1 } })
        .map((r) => r.key),
    ).toEqual(['d2']);
    const or = ix.score([[{ term: 'icebreak' }], [{ term: 'port' }]], { mode: 'OR', fields: { [Field.Text]: 1 } });
    expect(or[0]!.key).toBe('d2');
    expect(or.map((r) => r.key).sort()).toEqual(['d1', 'd2', 'd3']);
  });

  it('searches only the fields asked for', () => {
    const ix = sample();
    expect(ix.score([[{ term: 'arctic' }]], { mode: 'OR', fields: { [Field.Title]: 1 } }).map((r) => r.key)).toEqual([
      'd4',
    ]);
  });

  it('expands prefixes and small typos, exact matches weighing most', () => {
    const ix = sample();
    ix.add('d5', Field.Text, ['protests']);
    const prefix = ix.score([[{ term: 'prot', prefix: true }]], { mode: 'OR', fields: { [Field.Text]: 1 } });
    expect(prefix.map((r) => r.key).sort()).toEqual(['d3', 'd5']);
    const fuzzy = ix.score([[{ term: 'protset', fuzzy: 2 }]], { mode: 'OR', fields: { [Field.Text]: 1 } });
    expect(fuzzy.map((r) => r.key)).toContain('d3');
    expect(ix.score([[{ term: 'protset' }]], { mode: 'OR', fields: { [Field.Text]: 1 } })).toEqual([]);
  });

  it('keeps document frequencies right through discards, re-adds and snapshots', () => {
    const ix = sample();
    expect(ix.docFrequency('port')).toBe(2);
    ix.discard('d3');
    expect(ix.docFrequency('port')).toBe(1);
    ix.add('d2', Field.Text, ['fish']); // replaces d2
    expect(ix.docFrequency('port')).toBe(0);
    expect(ix.docFrequency('fish')).toBe(1);
    const loaded = TermIndex.fromSnapshot(ix.toSnapshot());
    for (const term of ['port', 'fish', 'icebreak', 'arctic'])
      expect(loaded.docFrequency(term)).toBe(ix.docFrequency(term));
    const q = [[{ term: 'arctic' }], [{ term: 'fish' }]];
    expect(
      loaded.score(q, { mode: 'OR', fields: { [Field.Text]: 1, [Field.Title]: 1 } }).map((r) => [r.key, r.score]),
    ).toEqual(ix.score(q, { mode: 'OR', fields: { [Field.Text]: 1, [Field.Title]: 1 } }).map((r) => [r.key, r.score]));
    expect(loaded.documentCount).toBe(ix.documentCount);
  });

  it('a loaded index keeps growing', () => {
    const loaded = TermIndex.fromSnapshot(sample().toSnapshot());
    loaded.add('d9', Field.Text, ['port', 'harbour']);
    expect(loaded.docFrequency('port')).toBe(3);
    // new terms join the sorted term list that prefix and fuzzy search walk
    expect(
      loaded.score([[{ term: 'harb', prefix: true }]], { mode: 'OR', fields: { [Field.Text]: 1 } }).map((r) => r.key),
    ).toEqual(['d9']);
    expect(
      loaded
        .score([[{ term: 'arcitc', fuzzy: 2 }]], { mode: 'OR', fields: { [Field.Text]: 1, [Field.Title]: 1 } })
        .map((r) => r.key)
        .sort(),
    ).toEqual(['d1', 'd4']);
    loaded.discard('d2'); // its terms are found in the postings (no text is needed)
    expect(loaded.docFrequency('port')).toBe(2);
    expect(loaded.docFrequency('icebreak')).toBe(1);
  });

  it('top-k gives the same head as a full ranking', () => {
    const ix = new TermIndex();
    for (let i = 0; i < 500; i++)
      ix.add(
        `d${i}`,
        Field.Text,
        Array.from({ length: 1 + (i % 17) }, (_, k) => (k % 3 === 0 ? 'port' : `w${(i * 7 + k) % 41}`)),
      );
    const q = [[{ term: 'port' }], [{ term: 'w3' }], [{ term: 'w5' }]];
    const full = ix.score(q, { mode: 'OR', fields: { [Field.Text]: 1 } });
    const top = ix.score(q, { mode: 'OR', fields: { [Field.Text]: 1 }, top: 25 });
    expect(top.length).toBeGreaterThanOrEqual(25);
    expect(top.slice(0, 25)).toEqual(full.slice(0, 25));
  });
});
