import { describe, expect, it } from 'vitest';
import { findQuote, foldText } from '../../../shared/anchoring';
import { DE_ARTICLE, EN_ARTICLE, SV_ARTICLE } from './fixtures';

/** The text a person would see for each match. */
const hits = (text: string, quote: string) => findQuote(text, quote).map((r) => text.slice(r.start, r.end));

describe('findQuote (a quote a person typed)', () => {
  it('finds a plain exact quote and returns offsets into the original text', () => {
    const r = findQuote(EN_ARTICLE, 'ending a debate that has run for almost a decade');
    expect(r).toHaveLength(1);
    expect(EN_ARTICLE.slice(r[0]!.start, r[0]!.end)).toBe('ending a debate that has run for almost a decade');
  });

  it('matches a plain space against a non-breaking space', () => {
    expect(EN_ARTICLE).toContain('14\u00a0million');
    expect(hits(EN_ARTICLE, 'The link will cost 14 million pounds')).toEqual([
      'The link will cost 14\u00a0million pounds',
    ]);
    expect(hits(EN_ARTICLE, 'councillor Ruth Abernathy')).toEqual(['councillor Ruth\u00a0Abernathy']);
  });

  it('matches plain quotes, apostrophes and hyphens against typographic ones', () => {
    expect(hits(EN_ARTICLE, `"We promised a ferry, and we're delivering a ferry."`)).toEqual([
      '“We promised a ferry, and we’re delivering a ferry.”',
    ]);
    expect(hits(EN_ARTICLE, 'We have seen this film before - the tunnel')).toEqual([
      'We have seen this film before – the tunnel',
    ]);
    expect(hits(EN_ARTICLE, 'voted 7-2 on Tuesday')).toEqual(['voted 7–2 on Tuesday']);
    // Swedish ”…” quotes typed as plain ones
    expect(hits(SV_ARTICLE, '"Vi har inte fått se några kalkyler", säger Erik Lundgren')).toEqual([
      '”Vi har inte fått se några kalkyler”, säger Erik Lundgren',
    ]);
    // German „…“
    expect(hits(DE_ARTICLE, '"Wir brauchen sichere Wege für alle"')).toEqual(['„Wir brauchen sichere Wege für alle“']);
  });

  it('matches three dots against an ellipsis, and ends the range after the whole ellipsis', () => {
    expect(hits(EN_ARTICLE, 'the figure is optimistic... and that')).toEqual(['the figure is optimistic… and that']);
    expect(hits(EN_ARTICLE, 'the figure is optimistic...')).toEqual(['the figure is optimistic…']);
  });

  it('matches guillemets with inner spaces against plain quotes without them', () => {
    expect(hits(DE_ARTICLE, `"C'est un exemple pour toute la région"`)).toEqual([
      '« C’est un exemple pour toute la région »',
    ]);
  });

  it('matches an NFD quote in NFC text, with the range covering the composed characters', () => {
    const nfd = 'Kommunstyrelsen i Västerlida beslutade på måndagen'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(hits(SV_ARTICLE, nfd)).toEqual(['Kommunstyrelsen i Västerlida beslutade på måndagen']);
  });

  it('matches one space against a line or paragraph break (selection across paragraphs)', () => {
    const quote = 'since 2017. "We promised a ferry, and we\'re delivering a ferry." The link will cost';
    const r = hits(EN_ARTICLE, quote);
    expect(r).toHaveLength(1);
    expect(r[0]).toContain('\n\n');
    expect(hits(EN_ARTICLE, 'delivering   a\tferry')).toEqual(['delivering a ferry']);
  });

  it('ignores surrounding whitespace in the typed quote', () => {
    expect(hits(SV_ARTICLE, '  Det är inte seriöst.  ')).toEqual(['Det är inte seriöst.']);
  });

  it('returns every occurrence of a repeated phrase, in text order', () => {
    const r = findQuote(EN_ARTICLE, 'The Harbour Council said');
    expect(r).toHaveLength(2);
    expect(r[0]!.start).toBeLessThan(r[1]!.start);
    for (const m of r) expect(EN_ARTICLE.slice(m.start, m.end)).toBe('The Harbour Council said');
  });

  it('does not guess: a quote that is not in the text gives no match', () => {
    expect(findQuote(EN_ARTICLE, 'The council voted 8-1 on Tuesday')).toEqual([]);
    expect(findQuote(EN_ARTICLE, 'ending a debate that has run for almost a decadE')).toEqual([]);
    expect(findQuote(EN_ARTICLE, '   ')).toEqual([]);
  });

  it('keeps offsets right after emoji (surrogate pairs)', () => {
    const text = 'Fans wrote 🎉🎉 and “Hooray” 🚢 on the new ferry’s page.';
    const r = findQuote(text, `"Hooray" 🚢 on the new ferry's page`);
    expect(r).toHaveLength(1);
    expect(text.slice(r[0]!.start, r[0]!.end)).toBe('“Hooray” 🚢 on the new ferry’s page');
  });
});

describe('foldText offset map', () => {
  it('maps every folded character back to where it came from', () => {
    const f = foldText('a\u00a0\u00a0“b”\n\n—c…');
    expect(f.folded).toBe('a "b" -c...');
    expect(f.origStart.length).toBe(f.folded.length);
    // the collapsed run of two NBSPs covers offsets 1..3
    expect([f.origStart[1], f.origEnd[1]]).toEqual([1, 3]);
    // the three dots all come from the single ellipsis at offset 10
    expect([...f.origStart.slice(8)]).toEqual([10, 10, 10]);
    expect([...f.origEnd.slice(8)]).toEqual([11, 11, 11]);
    expect(f.toFolded[f.text.length]).toBe(f.folded.length);
  });
});
