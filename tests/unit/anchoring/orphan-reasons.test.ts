/**
 * An orphan's reason is a code, said in the person's language by the `reader`
 * catalogue: each way anchoring gives up yields its own code, and its words
 * (with the counts of a changed quote) come out in English and in Swedish.
 */
import { describe, expect, it } from 'vitest';
import { anchorTarget, describeTarget, orphanReasonWords, type AnchorResult } from '../../../shared/anchoring';
import { createTranslator } from '../../../shared/i18n';
import { EN_ARTICLE } from './fixtures';

type Orphan = Extract<AnchorResult, { status: 'orphan' }>;

function orphanOf(text: string, edited: string, phrase: string): Orphan {
  const at = text.indexOf(phrase);
  const r = anchorTarget(edited, describeTarget(text, at, at + phrase.length));
  if (r.status !== 'orphan') throw new Error(`anchored (${r.status}) instead of orphaned`);
  return r;
}

const en = createTranslator('en');
const sv = createTranslator('sv');
const say = (t: typeof en, r: Orphan) => {
  const w = orphanReasonWords(r);
  return t.t(`reader:${w.key}`, w.params);
};

describe('orphan reasons', () => {
  it('an empty stored quote', () => {
    const r = anchorTarget('Some text.', { start: 0, end: 1, exact: ' ', prefix: '', suffix: 'Some' });
    expect(r).toEqual({ status: 'orphan', reason: 'empty-quote' });
    expect(say(en, r as Orphan)).toBe('the stored quote is empty');
    expect(say(sv, r as Orphan)).toBe('det sparade citatet är tomt');
  });

  it('a quote found nowhere', () => {
    const phrase = 'We have seen this film before';
    const r = orphanOf(EN_ARTICLE, 'Nothing of the article remains here at all.', phrase);
    expect(r.reason).toBe('not-found');
    expect(say(sv, r)).toBe('citatet finns inte i texten, inte ens ungefärligt');
  });

  const TEXT =
    'The council met on Monday. The mayor said the tunnel, the tram and the marina would be built by 2030. Nobody believed it.';
  const PHRASE = 'the tunnel, the tram and the marina would be built';

  it('a quote whose closest match changed too much, with its counts in both languages', () => {
    const edited = TEXT.replace(PHRASE, 'that nothing at all is going to happen before');
    const r = orphanOf(TEXT, edited, PHRASE);
    expect(r).toMatchObject({ reason: 'quote-changed', length: PHRASE.length });
    expect(r.differing).toBeGreaterThan(10);
    expect(say(en, r)).toBe(
      `the closest match differs from the quote in ${r.differing} of ${PHRASE.length} characters`,
    );
    expect(say(sv, r)).toBe(
      `den närmaste träffen skiljer sig från citatet i ${r.differing} av ${PHRASE.length} tecken`,
    );
  });

  it('only a weak match whose surroundings changed too', () => {
    const r = orphanOf(TEXT, 'Zzz. The tunnel, the tram and the marine would be built. Zzz', PHRASE);
    expect(r.reason).toBe('weak-match');
    expect(say(sv, r)).toBe('bara en svag ungefärlig träff återstår: stycket och det som omger det har ändrats');
  });
});
