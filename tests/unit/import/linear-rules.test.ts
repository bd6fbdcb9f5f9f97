/**
 * The headline, caption, outlet and promotion rules run on untrusted text:
 * each must stay linear on adversarial input. Every function is given 1 MB
 * strings built to make a backtracking regular expression explode (long runs
 * of what a pattern repeats, with no match at the end) and must answer within
 * seconds even on a loaded machine (a quadratic pattern would take hours).
 */
import { describe, expect, it } from 'vitest';
import {
  hasPromoWords,
  isCreditLine,
  isNameWithDate,
  isPublisherPromo,
  ruleReason,
} from '../../../main/services/import/extract/boilerplate-rules';
import {
  normaliseOutlet,
  outletFromByline,
  outletFromDomain,
  outletFromOwnership,
  outletFromPrompt,
  textOutletSignals,
  wireCredit,
} from '../../../main/services/import/extract/outlet';
import { classifyBlocks } from '../../../main/services/import/extract/boilerplate';
import { cleanQuote, shortTitle } from '../../../shared/brief-doc';
import { tokenize, trimTrailing } from '../../../shared/text';

const MB = 1 << 20;
const fill = (unit: string, tail = '!') => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB) + tail;

const INPUTS: Array<[string, string]> = [
  ['letters', fill('a')],
  ['capitalised words', fill('Aaaa ')],
  ['name-like words with commas', fill('Anna Berg, ')],
  ['credit slashes', fill('AP/')],
  ['credit slashes in capitals', fill('REUTERS / ')],
  ['photo words', fill('Photo: ')],
  ['parentheses', fill('(Photo by ')],
  ['promo prefixes', fill('subscri')],
  ['compound prefixes', fill('energi')],
  ['dashes', fill('— ')],
  ['byline dashes', fill('By Anna — ')],
  ['ownership', fill('Kustbladet – en del ')],
  ['wire openings', fill('KALMIRA, (')],
  ['digits', fill('2025 ')],
];

const FUNCTIONS: Array<[string, (t: string) => unknown]> = [
  ['isCreditLine', isCreditLine],
  ['isNameWithDate', isNameWithDate],
  ['isPublisherPromo', (t) => isPublisherPromo(t, ['Kustbladet'])],
  ['hasPromoWords', hasPromoWords],
  ['ruleReason', ruleReason],
  ['outletFromByline', outletFromByline],
  ['outletFromOwnership', outletFromOwnership],
  ['outletFromPrompt', outletFromPrompt],
  ['wireCredit', wireCredit],
  ['normaliseOutlet', normaliseOutlet],
  ['outletFromDomain', (t) => outletFromDomain(`https://${t.slice(0, 2000)}.example/`, [t])],
  ['textOutletSignals', (t) => textOutletSignals([t, t.slice(0, 40), t], [undefined, 'navigation', 'copyright'], 2)],
];

describe('rules stay linear on 1 MB adversarial strings', () => {
  for (const [fname, fn] of FUNCTIONS)
    it(fname, () => {
      for (const [label, input] of INPUTS) {
        const t0 = performance.now();
        fn(input);
        expect(performance.now() - t0, `${fname} on ${label}`).toBeLessThan(5000);
      }
    });

  it('the whole classifier, with such blocks among ordinary ones', () => {
    const blocks = INPUTS.slice(0, 6).map(([, text]) => ({ text: text.slice(0, 200_000) }));
    const t0 = performance.now();
    classifyBlocks([{ text: 'Menu' }, ...blocks, { text: 'Photo: Sam Reid / Reuters' }], {
      lang: 'en',
      findTitle: true,
    });
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('shared text helpers stay linear on 1 MB runs', () => {
  const run = (unit: string) => `${unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB)}x`;
  const cases: Array<[string, () => unknown, string]> = [
    ['cleanQuote on spaces and commas', () => cleanQuote(`a${run(' ,')}`), ' ,'],
    ['shortTitle on a dash run', () => shortTitle(`a${run('-')}`), '-'],
    ['trimTrailing on spaces', () => trimTrailing(`${run(' ')}`, /\s/), ' '],
    ['tokenize on digit runs', () => tokenize(run('1')), '1'],
  ];
  for (const [label, call] of cases)
    it(label, () => {
      const start = performance.now();
      call();
      expect(performance.now() - start).toBeLessThan(10_000);
    });
  it('trims what the class names and keeps the rest', () => {
    expect(cleanQuote('a claim, — ')).toBe('a claim');
    expect(trimTrailing('word ,;', /[\s,;]/)).toBe('word');
  });
});
