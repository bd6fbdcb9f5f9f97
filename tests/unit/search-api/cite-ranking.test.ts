/**
 * The brief editor's `@` popup asks `listClaims` for claims to cite: a claim
 * whose quote holds the typed phrase comes before one whose quote only holds
 * the words, which comes before one that matches only through its source's
 * title or its actors — whatever their dates. Through a real notebook session.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citeMatch, citeWords } from '../../../main/services/search/cite-match';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { tempDir } from '../../helpers/temp-dir';

let session: NotebookSession;
let cleanup: () => Promise<void>;
const quotes: Record<string, string> = {};

const ARTICLES = [
  {
    // the oldest: the one with the exact phrase
    date: '2027-03-01',
    title: 'Ministers meet in Tromsø',
    text: 'The minister said Norway will not accept a closed sea in the north.',
    quote: 'will not accept a closed sea',
  },
  {
    date: '2027-03-10',
    title: 'Shipping lanes debated',
    text: 'Officials said the sea lanes would not be closed this winter.',
    quote: 'the sea lanes would not be closed this winter',
  },
  {
    // the newest: "closed" only in the title
    date: '2027-03-20',
    title: 'Harbour closed after storm',
    text: 'The sea was calm again by the evening, the harbour master said.',
    quote: 'The sea was calm again by the evening',
  },
  {
    date: '2027-03-25',
    title: 'Fish prices rise',
    text: 'Cod prices rose for the third week in a row.',
    quote: 'Cod prices rose for the third week',
  },
];

beforeEach(async () => {
  const t = await tempDir('dossier-cite-ranking-');
  cleanup = t.cleanup;
  session = await openNotebookSession(path.join(t.dir, 'Cite.dossier'));
  for (const [i, a] of ARTICLES.entries()) {
    const id = (await session.service.importText({ text: `${a.title}\n\n${a.text}`, name: `a${i}.txt` })).added[0]!.id;
    await session.service.updateSourceMeta({ id, patch: { title: a.title, publishedAt: a.date } });
    const claim = await session.service.addClaimByQuote({
      sourceId: id,
      quote: a.quote,
      kind: 'claim',
      tags: [],
      actors: [],
      occurrence: 0,
    });
    quotes[claim.id] = a.quote;
  }
}, 60_000);

afterEach(async () => {
  await session.close();
  await cleanup();
});

const cite = async (query: string) =>
  (await session.service.listClaims({ query, limit: 8 })).map((h) => h.annotation.target.exact);

describe('@-cite ranking', () => {
  it('puts the exact phrase first, then the words in the quote, then matches through the title', async () => {
    expect(await cite('closed sea')).toEqual([
      'will not accept a closed sea',
      'the sea lanes would not be closed this winter',
      'The sea was calm again by the evening',
    ]);
    // diacritics and case do not matter; a half-typed last word still finds the phrase
    expect((await cite('CLOSED SE'))[0]).toBe('will not accept a closed sea');
    // nothing typed: every claim, newest source first
    expect(await cite('')).toEqual([...ARTICLES].reverse().map((a) => a.quote));
    expect(await cite('icebreaker')).toEqual([]);
  });

  it('scores a phrase only at the start of a word and in order', () => {
    expect(citeMatch(citeWords('closed sea'), 'a closed sea', [])).toBe(3);
    expect(citeMatch(citeWords('closed sea'), 'sea closed', [])).toBe(2);
    expect(citeMatch(citeWords('losed sea'), 'a closed sea', [])).toBe(2);
    expect(citeMatch(citeWords('closed sea'), 'the sea', ['Harbour closed'])).toBe(1);
    expect(citeMatch(citeWords('closed sea'), 'the lake', ['Harbour closed'])).toBe(0);
    expect(citeMatch(citeWords('Malmö hamn'), 'i Malmo hamn', [])).toBe(3);
  });
});
