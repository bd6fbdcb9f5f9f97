import { describe, expect, it } from 'vitest';
import { anchorTarget, CONTEXT_LENGTH, describeTarget, type AnchorResult } from '../../../shared/anchoring';
import { ORPHAN_REASONS } from '../../../shared/enums';
import { DossierError } from '../../../shared/errors';
import type { TextTarget } from '../../../shared/model';
import { DE_ARTICLE, EN_ARTICLE, SV_ARTICLE } from './fixtures';

function targetOf(text: string, phrase: string, occurrence = 0): TextTarget {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`fixture does not contain ${phrase}`);
  return describeTarget(text, at, at + phrase.length);
}

function anchored(r: AnchorResult): { status: string; start: number; end: number } {
  if (r.status === 'orphan') throw new Error(`unexpected orphan: ${r.reason}`);
  return r;
}

describe('describeTarget', () => {
  it('stores the quote with 32 characters of context on each side', () => {
    const t = targetOf(EN_ARTICLE, 'ending a debate');
    expect(t.exact).toBe('ending a debate');
    expect(t.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(t.suffix).toHaveLength(CONTEXT_LENGTH);
    expect(EN_ARTICLE.slice(t.start - 32, t.end + 32)).toBe(t.prefix + t.exact + t.suffix);
  });

  it('keeps shorter context at the edges of the text', () => {
    const t = describeTarget(SV_ARTICLE, 0, 9);
    expect(t.prefix).toBe('');
    const end = SV_ARTICLE.length;
    const u = describeTarget(SV_ARTICLE, end - 5, end);
    expect(u.suffix).toBe('');
  });

  it('rejects empty and out-of-range selections', () => {
    expect(() => describeTarget(SV_ARTICLE, 5, 5)).toThrow(DossierError);
    expect(() => describeTarget(SV_ARTICLE, 10, SV_ARTICLE.length + 1)).toThrow(DossierError);
    expect(() => describeTarget(SV_ARTICLE, -1, 3)).toThrow(DossierError);
  });

  it('never splits an emoji, in the quote or at the edge of the context', () => {
    const text = '🚢'.repeat(40) + ' ferry ' + '🎉'.repeat(40);
    const start = text.indexOf('ferry');
    const t = describeTarget(text, start, start + 5);
    // 32 code units would end in the middle of a pair: the context is trimmed to whole characters
    expect(t.prefix.length % 2).toBe(1); // trailing space + whole emoji
    expect(t.prefix.endsWith(' ')).toBe(true);
    expect([...t.prefix.trim()].every((c) => c === '🚢')).toBe(true);
    expect([...t.suffix.trim()].every((c) => c === '🎉')).toBe(true);
    // a selection starting in the middle of a pair is widened to the whole character
    const mid = describeTarget(text, 1, 4);
    expect(mid.start).toBe(0);
    expect(mid.exact).toBe('🚢🚢');
  });
});

describe('anchorTarget on unchanged text', () => {
  it('returns the stored position as exact', () => {
    const t = targetOf(EN_ARTICLE, 'We promised a ferry');
    expect(anchorTarget(EN_ARTICLE, t)).toEqual({ status: 'exact', start: t.start, end: t.end, score: 1 });
  });

  it('anchors a selection across paragraphs', () => {
    const start = SV_ARTICLE.indexOf('230');
    const end = SV_ARTICLE.indexOf('Karin Sjöberg') + 'Karin Sjöberg'.length;
    const t = describeTarget(SV_ARTICLE, start, end);
    expect(t.exact).toContain('\n\n');
    expect(anchorTarget(SV_ARTICLE, t)).toMatchObject({ status: 'exact', start, end });
  });

  it('resolves a repeated phrase by its context', () => {
    // "The Harbour Council said" occurs twice in one paragraph
    const first = targetOf(EN_ARTICLE, 'The Harbour Council said', 0);
    const second = targetOf(EN_ARTICLE, 'The Harbour Council said', 1);
    expect(first.start).not.toBe(second.start);
    // a stale position (0) forces the search: the prefix/suffix decide
    expect(anchored(anchorTarget(EN_ARTICLE, { ...first, start: 0, end: 1 })).start).toBe(first.start);
    expect(anchored(anchorTarget(EN_ARTICLE, { ...second, start: 0, end: 1 })).start).toBe(second.start);
  });

  it('resolves a repeated phrase without context by the old position', () => {
    const text = 'The plan is ready. '.repeat(30).trim();
    const at = text.indexOf('The plan', 200);
    const t = { ...describeTarget(text, at, at + 17), prefix: '', suffix: '' };
    // shift the stored position a little: the nearest occurrence wins
    const r = anchored(anchorTarget(text, { ...t, start: at + 4, end: at + 21 }));
    expect(r.start).toBe(at);
    expect(r.status).toBe('moved');
  });

  it('anchors quotes that contain emoji without breaking offsets', () => {
    const text = 'Residents wrote 🎉 and 🚢 under the post. The ferry 🚢 is late again 😤, one wrote.';
    const start = text.indexOf('The ferry');
    const end = text.indexOf(', one');
    const t = describeTarget(text, start, end);
    expect(anchorTarget(text, t)).toMatchObject({ status: 'exact', start, end });
    const edited = '🎉🎉 ' + text.replace('late', 'very late');
    const r = anchored(anchorTarget(edited, t));
    expect(edited.slice(r.start, r.end)).toBe('The ferry 🚢 is very late again 😤');
  });
});

describe('anchorTarget folds typography', () => {
  it('anchors a stored quote with plain quotes and spaces in text with typographic ones', () => {
    const exact = `"We promised a ferry, and we're delivering a ferry."`;
    const r = anchored(
      anchorTarget(EN_ARTICLE, {
        start: 0,
        end: exact.length,
        exact,
        prefix: 'since 2017. ',
        suffix: '\n\nThe link will cost 14 million',
      }),
    );
    expect(EN_ARTICLE.slice(r.start, r.end)).toBe('“We promised a ferry, and we’re delivering a ferry.”');
    expect(r.status).toBe('moved');
  });

  it('anchors an NFD quote in NFC text', () => {
    const t = targetOf(SV_ARTICLE, 'säger Erik Lundgren (M)');
    const nfd = {
      ...t,
      exact: t.exact.normalize('NFD'),
      prefix: t.prefix.normalize('NFD'),
      suffix: t.suffix.normalize('NFD'),
    };
    expect(nfd.exact.length).toBeGreaterThan(t.exact.length);
    expect(anchorTarget(SV_ARTICLE, nfd)).toMatchObject({ status: 'exact', start: t.start, end: t.end });
  });

  it('anchors a quote typed with a plain space where the text has NBSP', () => {
    const t = targetOf(SV_ARTICLE, 'för 230\u00a0miljoner kronor');
    const typed = { ...t, exact: 'för 230 miljoner kronor' };
    expect(anchorTarget(SV_ARTICLE, typed)).toMatchObject({ status: 'exact', start: t.start, end: t.end });
  });
});

describe('anchorTarget on edited text', () => {
  it('follows a quote that moved when text was inserted before it', () => {
    const t = targetOf(DE_ARTICLE, 'Wir brauchen sichere Wege für alle');
    const edited = DE_ARTICLE.replace('Der Stadtrat', 'Nach langer Debatte hat der Stadtrat. Der Stadtrat');
    const r = anchored(anchorTarget(edited, t));
    expect(r.status).toBe('moved');
    expect(edited.slice(r.start, r.end)).toBe('Wir brauchen sichere Wege für alle');
  });

  it('finds a quote whose wording was corrected (fuzzy)', () => {
    const t = targetOf(EN_ARTICLE, 'Critics say the figure is optimistic');
    const edited = EN_ARTICLE.replace('Critics say the figure is optimistic', 'Critics said the figure was optimistic');
    const r = anchored(anchorTarget(edited, t));
    expect(r.status).toBe('fuzzy');
    expect(edited.slice(r.start, r.end)).toBe('Critics said the figure was optimistic');
  });

  it('prefers the edited passage in place over an exact copy with the wrong context', () => {
    // the phrase exists twice; the annotated (second) copy gets a typo fix
    const t = targetOf(SV_ARTICLE, 'Det här är den största investeringen i stadens historia', 1);
    const second = SV_ARTICLE.lastIndexOf('Det här är den största investeringen i stadens historia');
    const edited =
      SV_ARTICLE.slice(0, second) + SV_ARTICLE.slice(second).replace('i stadens historia', 'i Västerlidas historia');
    // the old wording is still in the text, once, in the wrong place
    expect(edited.split('Det här är den största investeringen i stadens historia')).toHaveLength(2);
    const r = anchored(anchorTarget(edited, t));
    expect(r.status).toBe('fuzzy');
    expect(r.start).toBe(second);
    expect(edited.slice(r.start, r.end)).toBe('Det här är den största investeringen i Västerlidas historia');
  });

  it('keeps a quote in a paragraph that moved to another place', () => {
    const paras = EN_ARTICLE.split('\n\n');
    const quoteParaIdx = paras.findIndex((p) => p.includes('Ratepayers'));
    const t = targetOf(EN_ARTICLE, 'said Tom Castellane of the Elmsworth');
    const moved = [...paras];
    const [p] = moved.splice(quoteParaIdx, 1);
    moved.splice(1, 0, p!);
    const edited = moved.join('\n\n');
    const r = anchored(anchorTarget(edited, t));
    expect(edited.slice(r.start, r.end)).toBe('said Tom Castellane of the Elmsworth');
    expect(r.start).toBeLessThan(t.start);
  });

  it('keeps a quote at the end of a paragraph when what followed it moved away', () => {
    // the quote ends its paragraph; the paragraph after it (its whole suffix) moves to the top,
    // and the quote's paragraph becomes the last one of the text
    const paras = SV_ARTICLE.split('\n\n');
    const i = paras.findIndex((p) => p.endsWith('Det är inte seriöst.”'));
    const t = targetOf(SV_ARTICLE, 'Det är inte seriöst.”');
    const rest = paras.slice(i + 1);
    const edited = [...rest, ...paras.slice(0, i + 1)].join('\n\n');
    expect(edited.endsWith('Det är inte seriöst.”')).toBe(true);
    const r = anchored(anchorTarget(edited, t));
    expect(r.status).toBe('moved');
    expect(edited.slice(r.start, r.end)).toBe('Det är inte seriöst.”');
  });

  it('orphans a quote whose passage was deleted', () => {
    const t = targetOf(EN_ARTICLE, 'We have seen this film before – the tunnel, the tram, the marina');
    const edited = EN_ARTICLE.replace(/“The council has not shown[^\n]*\n\n/, '');
    expect(edited).not.toContain('the marina');
    const r = anchorTarget(edited, t);
    expect(r.status).toBe('orphan');
    if (r.status === 'orphan') expect(ORPHAN_REASONS).toContain(r.reason);
  });

  it('orphans a quote that was rewritten beyond recognition', () => {
    const t = targetOf(SV_ARTICLE, 'Oppositionen är kritisk.');
    const edited = SV_ARTICLE.replace('Oppositionen är kritisk.', 'Moderaterna röstade nej.');
    expect(anchorTarget(edited, t).status).toBe('orphan');
  });

  it('orphans a quote in a different text', () => {
    const t = targetOf(EN_ARTICLE, 'according to the council’s own estimate');
    expect(anchorTarget(SV_ARTICLE, t).status).toBe('orphan');
  });

  it('never snaps a short quote to a look-alike when its own place is gone', () => {
    const t = targetOf(EN_ARTICLE, 'the tram');
    const edited = EN_ARTICLE.replace('the tram', 'the bus');
    const r = anchorTarget(edited, t);
    // either orphaned, or the changed words in the same place — never "the m" of "the marina"
    if (r.status !== 'orphan') expect(edited.slice(r.start, r.end)).toBe('the bus');
    expect(edited.indexOf('the bus')).toBeGreaterThan(0);
  });

  it('anchors a short quote with a transposition in place when its context is intact', () => {
    const t = targetOf(SV_ARTICLE, 'kritisk');
    const edited = SV_ARTICLE.replace('är kritisk.', 'är krtiisk.');
    const r = anchored(anchorTarget(edited, t));
    expect(r.status).toBe('fuzzy');
    expect(edited.slice(r.start, r.end)).toBe('krtiisk');
  });

  it('settles the edges of a fuzzy match on the words, not inside them', () => {
    const t = targetOf(EN_ARTICLE, 'councillor Ruth\u00a0Abernathy, who has campaigned');
    const edited = EN_ARTICLE.replace('Ruth\u00a0Abernathy, who has', 'Ruth\u00a0Abernathy, who has long');
    const r = anchored(anchorTarget(edited, t));
    expect(r.status).toBe('fuzzy');
    expect(edited.slice(r.start, r.end)).toBe('councillor Ruth\u00a0Abernathy, who has long campaigned');
  });
});
