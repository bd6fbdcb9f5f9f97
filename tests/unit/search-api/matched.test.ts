/** The corroboration panel's marking of matched words and numbers in a suggested passage. */
import { describe, expect, it } from 'vitest';
import { matchedRanges } from '../../../renderer/src/corroboration/matched';

const marked = (text: string, ranges: Array<[number, number]>) => ranges.map(([a, b]) => text.slice(a, b));

describe('matchedRanges', () => {
  const claim = 'Outside the conference hall, 14 people were injured when police cleared a protest by fishermen.';

  it('marks shared words by their stem-like prefix, folding case, but not short function words', () => {
    const passage = 'Fourteen people were injured as Police broke up a demonstration of local fishermen.';
    expect(marked(passage, matchedRanges(passage, claim, []))).toEqual(['people', 'injured', 'Police', 'fishermen']);
  });

  it('marks the numbers the engine matched, as written in the passage', () => {
    const sv = 'Utanför konferenshallen skadades 14 personer.';
    expect(marked(sv, matchedRanges(sv, claim, ['14']))).toEqual(['14']);
    const en = 'Fourteen people were hurt.';
    expect(marked(en, matchedRanges(en, claim, ['Fourteen']))).toEqual(['Fourteen', 'people']);
    expect(matchedRanges('Forty were hurt.', claim, ['14'])).toEqual([]);
  });
});
