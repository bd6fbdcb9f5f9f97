import { describe, expect, it } from 'vitest';
import { Field, TermIndex, type QueryGroup, type ScoreOptions } from '../../../main/services/search/term-index';
import { mulberry32 } from '../../helpers/seeded-random';

// A small vocabulary, so that common words sit in thousands of documents (the lists that get window bounds)
// and many documents tie.
const VOCAB = Array.from({ length: 30 }, (_, i) => `w${i}${i % 4 === 0 ? 'x' : ''}`);

function corpus(rand: () => number, docs: number, from = 0, ix = new TermIndex()): TermIndex {
  for (let d = from; d < from + docs; d++) {
    const field = d % 9 === 0 ? Field.Title : d % 13 === 0 ? Field.Note : Field.Text;
    const length = field === Field.Title ? 2 + Math.floor(rand() * 3) : 30 + Math.floor(rand() * 15);
    // skewed word choice: low numbers are common, so term frequencies vary
    const words = Array.from({ length }, () => VOCAB[Math.floor(VOCAB.length * rand() ** 2)]!);
    ix.add(`k${d}`, field, words, true);
  }
  return ix;
}

/** What the top-k contract promises: the full ranking cut at the k-th score, ties kept. */
function expectedTop(ix: TermIndex, q: QueryGroup[], options: ScoreOptions, k: number) {
  const full = ix.score(q, { ...options, top: undefined });
  if (full.length <= k) return full;
  const kth = full[k - 1]!.score;
  return full.filter((r) => r.score >= kth);
}

function randomQuery(rand: () => number): QueryGroup[] {
  return Array.from({ length: 1 + Math.floor(rand() * 3) }, () =>
    Array.from({ length: 1 + Math.floor(rand() * 2) }, () => {
      const word = VOCAB[Math.floor(VOCAB.length * rand() ** 1.5)]!;
      return rand() < 0.3 ? { term: word.slice(0, 2), prefix: true } : { term: word, boost: rand() < 0.2 ? 2 : 1 };
    }),
  );
}

function check(ix: TermIndex, rand: () => number, queries: number) {
  let pruned = 0;
  for (let i = 0; i < queries; i++) {
    const q = randomQuery(rand);
    const k = [1, 5, 20, 70][i % 4]!;
    const fields = rand() < 0.5 ? { [Field.Text]: 1, [Field.Title]: 1.5, [Field.Note]: 1 } : { [Field.Text]: 1 };
    const filter = rand() < 0.3 ? (key: string) => Number(key.slice(1)) % 3 !== 0 : undefined;
    const options: ScoreOptions = { mode: rand() < 0.5 ? 'AND' : 'OR', fields, filter, top: k };
    let calls = 0;
    const counted = filter && ((key: string) => (calls++, filter(key)));
    const got = ix.score(q, { ...options, filter: counted });
    expect(got, JSON.stringify({ q, options })).toEqual(expectedTop(ix, q, options, k));
    if (filter && calls < ix.score(q, { ...options, top: undefined, filter: () => true }).length) pruned++;
  }
  return pruned;
}

describe('top-k scoring', () => {
  it('gives exactly the exhaustive ranking’s head (scores, order, ties) on random queries', () => {
    const rand = mulberry32(11);
    const ix = corpus(rand, 6000);
    const pruned = check(ix, rand, 120);
    // the point of it: some queries left documents unscored (fewer filter calls than matches)
    expect(pruned).toBeGreaterThan(0);
  });

  it('stays exact after discards and for documents added to a loaded index', () => {
    const rand = mulberry32(5);
    const built = corpus(rand, 5000);
    for (let d = 0; d < 5000; d += 7) built.discard(`k${d}`);
    const loaded = TermIndex.fromSnapshot(built.toSnapshot());
    check(loaded, rand, 40); // bounds made from the loaded lists
    corpus(rand, 1500, 5000, loaded); // later postings, read whole
    for (let d = 1; d < 6500; d += 11) loaded.discard(`k${d}`);
    check(loaded, rand, 60);
    corpus(rand, 1500, 9000, built); // a built index's lists grow in place: kept bounds go stale
    check(built, rand, 60);
  });
});
