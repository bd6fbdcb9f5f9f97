/**
 * Regression: a site's menu bar copied as text without separators
 * ("Menu Search Log in Regions Business Opinion Video") was taken as the
 * headline, and the real headline under it was removed as "navigation".
 * The menu line must be removed as navigation and the headline found, in
 * English and Swedish, whatever the headline's length.
 */
import { describe, expect, it } from 'vitest';
import { isMenuLine, readsLikePhrase } from '../../../main/services/import/extract/boilerplate-rules';
import { extractDocument } from '../../../main/services/import/extract';
import { LIGHTHOUSE_SYNDICATED } from '../import-batch/articles';

const txt = (text: string) => extractDocument({ name: 'copied.txt', bytes: new TextEncoder().encode(text) });

const LIGHTHOUSE_HEADLINE = 'Keepers return to Skarrow lighthouse after forty years of automation';

/** A fictional Swedish article copied from a site whose menu bar has no separators. */
const SV_MENU = 'Meny Sök Logga in Nyheter Ekonomi Sport Kultur Debatt';
const SV_HEADLINE = 'Färjan till Holmö går bara tre dagar i veckan i vinter';
const swedish = (headline = SV_HEADLINE, withByline = true) =>
  [
    SV_MENU,
    headline,
    ...(withByline ? ['Av Elin Strand', 'Publicerad 12 nov 2025'] : []),
    'Rederiet som sköter den enda bilfärjan till Holmö kör från och med december bara tre turer i veckan. Det meddelade bolaget på måndagen och hänvisar till höga bränslepriser och brist på behörig personal.',
    'Få nyhetsbrevet Morgonkollen direkt i inkorgen varje vardag.',
    'Öborna är upprörda. Ordföranden i byalaget, Maja Berglund, säger att beslutet gör det svårt för äldre att ta sig till vårdcentralen på fastlandet och att skolan riskerar att förlora sina lärare.',
    '– Vi har försökt allt, men vi kan inte köra utan maskinister, säger rederiets vd Per Holm.',
    'Regionens trafiknämnd ska diskutera ett extra bidrag på sitt nästa möte, men flera ledamöter varnar för att årets budget redan är förbrukad.',
    'Mer från Nyheter',
    '© 2025 Holmö Tidning',
  ].join('\n\n');

describe('menu lines without separators', () => {
  it.each([
    'Menu Search Log in Regions Business Opinion Video',
    'Meny Sök Logga in Nyheter Ekonomi Sport Kultur Debatt',
    'Menü Suche Anmelden Politik Wirtschaft Kultur Sport',
    'World Politics Business Climate Sport',
  ])('recognises %s as a menu', (line) => {
    expect(isMenuLine(line)).toBe(true);
    expect(readsLikePhrase(line, 'en')).toBe(false);
  });

  it.each([
    LIGHTHOUSE_HEADLINE,
    SV_HEADLINE,
    'Climate Science Under Threat',
    'Keepers Return To Skarrow Lighthouse',
    'Search for missing sailor called off',
    'Storm warning issued for the northern isles',
    'Sport, culture and business in one weekend',
  ])('does not take the headline-like %s for a menu', (line) => {
    expect(isMenuLine(line)).toBe(false);
  });

  it('tells a headline in title case or lower case from a menu by its lower-case or function words', () => {
    expect(readsLikePhrase(LIGHTHOUSE_HEADLINE, 'en')).toBe(true);
    expect(readsLikePhrase('Keepers Return To Skarrow Lighthouse', 'en')).toBe(true);
    expect(readsLikePhrase(SV_HEADLINE, 'sv')).toBe(true);
  });
});

describe('the headline under a menu line (plain text)', () => {
  it('LIGHTHOUSE_SYNDICATED: the headline is the title, the menu line is removed as navigation', async () => {
    const doc = await txt(LIGHTHOUSE_SYNDICATED);
    expect(doc.title).toBe(LIGHTHOUSE_HEADLINE);
    expect(doc.removed.find((r) => r.text === 'Menu Search Log in Regions Business Opinion Video')?.reason).toBe(
      'navigation',
    );
    expect(doc.removed.find((r) => r.text === LIGHTHOUSE_HEADLINE)?.reason).toBe('title');
    expect(doc.text).not.toContain('Menu Search');
    expect(doc.text.startsWith('For the first time since 1985')).toBe(true);
  });

  it.each([
    ['a short headline', 'Skarrow keepers return'],
    [
      'a long headline the classifier reads as prose',
      'Keepers return to Skarrow lighthouse after forty years of automation and a long fight',
    ],
    ['a question', 'Will keepers ever return to the old Skarrow lighthouse?'],
  ])('finds %s under the menu line', async (_, headline) => {
    const doc = await txt(LIGHTHOUSE_SYNDICATED.replace(LIGHTHOUSE_HEADLINE, headline));
    expect(doc.title).toBe(headline);
    expect(doc.removed.find((r) => r.text === headline)?.reason).toBe('title');
    expect(doc.removed.find((r) => r.text.startsWith('Menu Search'))?.reason).toBe('navigation');
  });

  it('a menu of words it does not know still loses to the headline, because the headline reads as a phrase', async () => {
    const menu = 'Skarrow Harbour Lifeboats Ferries Tides Fishing';
    expect(isMenuLine(menu)).toBe(false);
    expect(readsLikePhrase(menu, 'en')).toBe(false);
    const long = `${LIGHTHOUSE_HEADLINE} and a long fight`;
    for (const headline of [LIGHTHOUSE_HEADLINE, long]) {
      const doc = await txt(
        LIGHTHOUSE_SYNDICATED.replace('Menu Search Log in Regions Business Opinion Video', menu).replace(
          LIGHTHOUSE_HEADLINE,
          headline,
        ),
      );
      expect(doc.title).toBe(headline);
      expect(doc.removed.find((r) => r.text === menu)?.reason).toBe('navigation');
    }
  });

  it('keeps the headline when a newsletter box follows it directly (no byline, no dateline)', async () => {
    const lines = LIGHTHOUSE_SYNDICATED.split('\n\n').filter((l) => !/^(By Miriam Holt|Published on)/.test(l));
    const doc = await txt(lines.join('\n\n'));
    expect(doc.title).toBe(LIGHTHOUSE_HEADLINE);
    expect(doc.removed.find((r) => r.text.startsWith('Sign up for our morning briefing'))?.reason).toBe('newsletter');
  });

  it('Swedish: the headline under "Meny Sök Logga in …" is the title, with author and date', async () => {
    const doc = await txt(swedish());
    expect(doc.language).toBe('sv');
    expect(doc.title).toBe(SV_HEADLINE);
    expect(doc.author).toBe('Elin Strand');
    expect(doc.publishedAt).toBe('2025-11-12');
    expect(doc.removed.find((r) => r.text === SV_MENU)?.reason).toBe('navigation');
    expect(doc.text.startsWith('Rederiet som sköter')).toBe(true);
    expect(doc.text).not.toContain('Meny Sök');
    expect(doc.text).not.toContain('nyhetsbrevet');
  });

  it.each([
    ['a short headline', 'Färjan drar ner turerna', true],
    ['no byline or dateline', SV_HEADLINE, false],
  ])('Swedish: %s', async (_, headline, withByline) => {
    const doc = await txt(swedish(headline, withByline));
    expect(doc.title).toBe(headline);
    expect(doc.removed.find((r) => r.text === headline)?.reason).toBe('title');
    expect(doc.removed.find((r) => r.text === SV_MENU)?.reason).toBe('navigation');
  });
});
