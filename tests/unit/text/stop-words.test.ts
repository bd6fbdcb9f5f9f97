import { describe, expect, it } from 'vitest';
import { stopWords as importStopWords } from '../../../main/services/import/extract/language';
import { hasStopWords, stopWords } from '../../../main/services/text/stop-words';

describe('stop words: one module, a list per use', () => {
  it('the broad list serves detection and boilerplate, the search list keeps content words searchable', () => {
    // stopwords-iso's English list holds words a person searches for; the search list must not drop them.
    expect(stopWords('en').has('group')).toBe(true);
    expect(stopWords('en', 'search').has('group')).toBe(false);
    for (const lang of ['en', 'sv', 'de', 'fr']) {
      expect(stopWords(lang).has(lang === 'en' ? 'the' : lang === 'sv' ? 'och' : lang === 'de' ? 'und' : 'et')).toBe(
        true,
      );
      expect(stopWords(lang, 'search').size).toBeGreaterThan(50);
    }
  });

  it('a language a list lacks gives an empty set, and import falls back to English', () => {
    expect(hasStopWords('xx')).toBe(false);
    expect(stopWords('xx').size).toBe(0);
    expect(hasStopWords('fi')).toBe(true);
    expect(hasStopWords('fi', 'search')).toBe(false);
    expect(importStopWords('xx')).toBe(stopWords('en'));
  });

  it('words are lower-cased, and each set is built once', () => {
    const de = stopWords('de');
    expect([...de].every((w) => w === w.toLowerCase())).toBe(true);
    expect(stopWords('de')).toBe(de);
  });
});
