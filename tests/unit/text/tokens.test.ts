/**
 * The one tokeniser (shared/text/tokens.ts): each use's word pattern, with
 * and without offsets, and the callback form the search index runs.
 */
import { describe, expect, it } from 'vitest';
import { scanTokens, tokenize, tokenTexts } from '../../../shared/text';

const SAMPLE = "USA:s O'Neill och AT&T: 1,200 don't, l'État U.S. Nato-toppmötet 2.5 14th";

describe('word patterns per use', () => {
  it('search: words and numbers, a grouped or decimal number is one numeric token', () => {
    const tokens = tokenize(SAMPLE);
    expect(tokens.map((t) => t.text)).toEqual([
      'USA',
      's',
      'O',
      'Neill',
      'och',
      'AT',
      'T',
      '1,200',
      'don',
      't',
      'l',
      'État',
      'U',
      'S',
      'Nato',
      'toppmötet',
      '2.5',
      '14th',
    ]);
    expect(tokens.filter((t) => t.numeric).map((t) => t.text)).toEqual(['1,200', '2.5']);
  });

  it('name: keeps the joiners names are written with, and dotted initials', () => {
    expect(tokenTexts(SAMPLE, { pattern: 'name' })).toEqual([
      'USA:s',
      "O'Neill",
      'och',
      'AT&T',
      '1',
      '200',
      "don't",
      "l'État",
      'U.S.',
      'Nato-toppmötet',
      '2',
      '5',
      '14th',
    ]);
  });

  it('word: letters and digits only', () => {
    expect(tokenTexts("O'Neill, 1,200 Malmö", { pattern: 'word' })).toEqual(['O', 'Neill', '1', '200', 'Malmö']);
  });

  it('letters: apostrophes inside words stay, digits are not words', () => {
    expect(tokenTexts("don't stop 1,200 l’État", { pattern: 'letters' })).toEqual(["don't", 'stop', 'l’État']);
  });
});

describe('forms', () => {
  it('offsets point at the token in the text, for every pattern', () => {
    for (const pattern of ['search', 'name', 'word', 'letters'] as const) {
      const tokens = tokenize(SAMPLE, { pattern });
      expect(tokens.length).toBeGreaterThan(5);
      for (const t of tokens) expect(SAMPLE.slice(t.start, t.end)).toBe(t.text);
      expect(tokens.map((t) => t.text)).toEqual(tokenTexts(SAMPLE, { pattern }));
    }
  });

  it('scanTokens gives the same tokens as tokenize, and a visitor may tokenise another text meanwhile', () => {
    const seen: Array<[string, number, boolean, number]> = [];
    scanTokens(SAMPLE, (text, start, numeric) => seen.push([text, start, numeric, tokenize(text).length]));
    expect(seen.map(([text, start, numeric]) => ({ text, start, end: start + text.length, numeric }))).toEqual(
      tokenize(SAMPLE),
    );
    expect(seen.every(([, , , inner]) => inner === 1)).toBe(true);
  });
});
