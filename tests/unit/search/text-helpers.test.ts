import { describe, expect, it } from 'vitest';
import {
  AliasMatcher,
  datesDiffer,
  extractCounts,
  extractDates,
  extractQuantities,
  foldForMatch,
  parseNumeral,
  richDocToText,
  tokenize,
} from '../../../shared/text';
import { foldLetters } from '../../../shared/fold-letters';
import type { Actor } from '../../../shared/model';
import { actors } from './corpus';

describe('folding', () => {
  it('folds case and diacritics for matching', () => {
    expect(foldForMatch('Malmö Västerhamn ÅÄÖ')).toBe('malmo vasterhamn aao');
    expect(foldForMatch('Straße Ørnberg Café')).toBe('strasse ornberg cafe');
  });

  it('keeps offsets when folding for alias search', () => {
    const text = 'Fiskare från Malmö och Ørnberg’s båt';
    const folded = foldLetters(text, { keepLength: true });
    expect(folded.length).toBe(text.length);
    expect(folded.indexOf('malmo')).toBe(text.indexOf('Malmö'));
    expect(foldLetters('Straße', { keepLength: true })).toBe('straße');
  });

  it('the name variant unifies apostrophes, drops dots and reads hyphens as spaces', () => {
    expect(foldLetters('  Jean-Yves   Le Drian ', { name: true })).toBe('jean yves le drian');
    expect(foldLetters('U.S.', { name: true })).toBe('us');
    expect(foldLetters('Ørnberg’s', { name: true })).toBe("ornberg's");
    expect(foldLetters('Élysée', { name: true })).toBe('elysee');
  });

  it('the spaces variant collapses whitespace runs and trims', () => {
    expect(foldLetters(' Kärnkraft \n  i   Malmö ', { spaces: true })).toBe('karnkraft i malmo');
  });
});

describe('tokenize and numbers', () => {
  it('keeps grouped numbers in one token', () => {
    expect(tokenize('14,000 supporters and 1 200 soldater').map((t) => t.text)).toEqual([
      '14,000',
      'supporters',
      'and',
      '1 200',
      'soldater',
    ]);
  });

  it('reads separators the way each language writes them', () => {
    expect(parseNumeral('1,200', 'en')).toBe(1200);
    expect(parseNumeral('2.5', 'en')).toBe(2.5);
    expect(parseNumeral('1.200', 'de')).toBe(1200);
    expect(parseNumeral('2,5', 'sv')).toBe(2.5);
  });

  it('reads number words in English, Swedish and German', () => {
    const values = (text: string, lang: string) => extractQuantities(text, lang).map((q) => q.value);
    expect(values('Fourteen people were hurt and twenty-one fled.', 'en')).toEqual([14, 21]);
    expect(values('Fjorton personer skadades, tjugofem flydde.', 'sv')).toEqual([14, 25]);
    expect(values('Vierzehn Menschen, einundzwanzig Boote und 3,5 Millionen Euro.', 'de')).toEqual([14, 21, 3_500_000]);
    expect(values('The fund holds 2.5 million euros.', 'en')).toEqual([2_500_000]);
  });

  it('does not read Swedish and German articles as “one”', () => {
    expect(extractQuantities('Ett avtal och en demonstration.', 'sv')).toEqual([]);
    expect(extractQuantities('Ein Abkommen und eine Demonstration.', 'de')).toEqual([]);
  });

  it('counts exclude years and the day of a date', () => {
    const counts = extractCounts('Published on 14 October 2024: 40 people were injured in 2023.', 'en');
    expect(counts.map((q) => q.value)).toEqual([40]);
  });
});

describe('dates', () => {
  it('finds weekdays in several languages and inflections', () => {
    const values = (t: string) => extractDates(t).map((d) => d.value);
    expect(values('signed on Monday')).toEqual(['wd:1']);
    expect(values('undertecknade på måndagen, möttes i tisdags')).toEqual(['wd:1', 'wd:2']);
    expect(values('am Montag unterzeichnet')).toEqual(['wd:1']);
  });

  it('finds calendar dates written out or in ISO form', () => {
    const values = (t: string) => extractDates(t).map((d) => d.value);
    expect(values('Published on 29 November 2018')).toEqual(['2018-11-29']);
    expect(values('on November 29, 2018 and 2018-11-30')).toEqual(['2018-11-29', '2018-11-30']);
    expect(values('den 29 november')).toEqual(['--11-29']);
    expect(values('am 29. November 2018')).toEqual(['2018-11-29']);
  });

  it('does not read the verb “may” as a month', () => {
    expect(extractDates('They may meet again.')).toEqual([]);
    expect(extractDates('In May 2019 they met.').map((d) => d.value)).toEqual(['2019-05']);
  });

  it('compares dates, a missing year matching any', () => {
    expect(datesDiffer('2018-11-29', '--11-29')).toBe(false);
    expect(datesDiffer('2018-11-29', '2018-11-30')).toBe(true);
    expect(datesDiffer('wd:1', 'wd:2')).toBe(true);
    expect(datesDiffer('wd:1', '2018-11-29')).toBe(false);
  });
});

describe('AliasMatcher', () => {
  const us: Actor = {
    id: 'act_us',
    name: 'United States',
    kind: 'state',
    aliases: ['USA', 'US', 'Förenta staterna'],
    memberOf: [],
  };
  const matcher = new AliasMatcher([...actors, us]);

  it('finds actors through aliases in any language, with inflections', () => {
    const found = matcher.find('Kinas och Rysslands ledare; Russlands Botschafter; China’s envoy; USA:s president.');
    expect(found.map((m) => [m.actorId, m.text])).toEqual([
      ['act_china', 'Kinas'],
      ['act_russia', 'Rysslands'],
      ['act_russia', 'Russlands'],
      ['act_china', 'China’s'],
      ['act_us', 'USA:s'],
    ]);
  });

  it('matches acronyms only in capitals and names only as whole words', () => {
    expect(matcher.actorIds('Let us go to Kinaberg.')).toEqual(new Set());
    expect(matcher.actorIds('US troops left.')).toEqual(new Set(['act_us']));
  });

  it('matches multi-word aliases across line breaks and without diacritics', () => {
    expect(matcher.actorIds('Forenta\nstaterna och Peking')).toEqual(new Set(['act_us', 'act_china']));
  });
});

describe('richDocToText', () => {
  it('extracts the text of a tiptap document, blocks separated', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Källor' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Sjukhuset ' },
            { type: 'text', marks: [{ type: 'bold' }], text: 'bekräftar' },
            { type: 'hardBreak' },
            { type: 'text', text: 'siffran.' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Evening Post' }] }] },
          ],
        },
      ],
    };
    expect(richDocToText(doc)).toBe('Källor\n\nSjukhuset bekräftar\nsiffran.\n\nEvening Post');
  });
});
