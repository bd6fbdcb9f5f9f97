import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchoredDistance,
  anchorTarget,
  describeTarget,
  editDistance,
  findQuote,
  foldString,
} from '../../../shared/anchoring';

/** Pieces real texts are made of, including the characters folding treats specially. */
const piece = fc.constantFrom(
  'the',
  'council',
  'ferry',
  'ö',
  'på',
  'måndagen',
  'Straße',
  'über',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\u00a0',
  '“',
  '”',
  '’',
  '«',
  '»',
  '–',
  '—',
  '…',
  '.',
  ',',
  '🚢',
  '🎉',
  'e\u0301',
  'q\u0301',
  '\u00ad',
  'x',
  'y',
);
/** Source texts are NFC (normalised at import); 'q\u0301' has no composed form and stays two code units. */
const textArb = fc.array(piece, { minLength: 1, maxLength: 80 }).map((parts) => parts.join('').normalize('NFC'));

/** A text and a selection [start, end) in it, never splitting a surrogate pair. */
const selectionArb = textArb
  .chain((text) =>
    fc.tuple(fc.constant(text), fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 })).map(([t, a, b]) => {
      const start = Math.min(a, b);
      const end = Math.max(a, b) + 1;
      return { text: t, start, end };
    }),
  )
  .filter(({ text, start, end }) => {
    // A selection in the reader never splits a character: no half surrogate pair, no mark without its base.
    // eslint-disable-next-line no-misleading-character-class -- lone low surrogates and combining marks, one UTF-16 unit at a time
    const inside = (i: number) => i > 0 && i < text.length && /[\udc00-\udfff\u0300-\u036f]/.test(text[i]!);
    return !inside(start) && !inside(end);
  });

describe('anchoring properties', () => {
  it('describe → anchor on unchanged text always returns the same range, as exact', () => {
    fc.assert(
      fc.property(selectionArb, ({ text, start, end }) => {
        const target = describeTarget(text, start, end);
        expect(anchorTarget(text, target)).toEqual({ status: 'exact', start, end, score: 1 });
      }),
      { numRuns: 2000 },
    );
  });

  it('after text is inserted before it, a quote anchors to a range whose folded text equals the quote', () => {
    fc.assert(
      fc.property(selectionArb, textArb, ({ text, start, end }, inserted) => {
        const target = describeTarget(text, start, end);
        fc.pre(foldString(target.exact).trim().length > 0);
        const edited = inserted + '\n\n' + text;
        const r = anchorTarget(edited, target);
        expect(r.status).not.toBe('orphan');
        if (r.status === 'orphan') return;
        expect(r.status === 'exact' || r.status === 'moved').toBe(true);
        expect(foldString(edited.slice(r.start, r.end)).trim()).toBe(foldString(target.exact).trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('findQuote finds any selected passage again, and each match folds to the quote', () => {
    fc.assert(
      fc.property(selectionArb, ({ text, start, end }) => {
        const quote = text.slice(start, end);
        const folded = foldString(quote).trim();
        fc.pre(folded.length > 0);
        const matches = findQuote(text, quote);
        expect(matches.length).toBeGreaterThan(0);
        for (const m of matches) {
          expect(foldString(text.slice(m.start, m.end)).trim()).toBe(folded);
          // never a half emoji at either end
          expect(/^[\udc00-\udfff]/.test(text.slice(m.start))).toBe(false);
          expect(/[\ud800-\udbff]$/.test(text.slice(0, m.end))).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('editDistance (banded, with a limit)', () => {
  const plain = (a: string, b: string): number => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++)
        cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[b.length]!;
  };
  it('equals the textbook distance when within the limit, and says "over" (limit + 1) otherwise', () => {
    const str = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 40 });
    fc.assert(
      fc.property(str, str, fc.nat({ max: 45 }), (a, b, limit) => {
        const want = plain(a, b);
        expect(editDistance(a, b, limit)).toBe(want <= limit ? want : limit + 1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('re-anchoring edited text (property)', () => {
  // Words of random letters: a quote's text is then unique in its article, so the truth is unambiguous.
  const word = fc.stringMatching(/^[a-zåäöü]{4,9}$/);
  const paragraph = fc.array(word, { minLength: 6, maxLength: 30 }).map((ws) => ws.join(' ') + '.');
  const article = fc.array(paragraph, { minLength: 2, maxLength: 6 }).map((ps) => ps.join('\n\n'));

  it('follows a quote through a one-letter change inside it and an insertion before it', () => {
    fc.assert(
      fc.property(
        article,
        fc.nat(),
        fc.integer({ min: 3, max: 12 }),
        fc.nat(),
        word,
        (text, pos, words, letterAt, inserted) => {
          const starts = [...text.matchAll(/(?<=^|[ \n])[a-zåäöü]/g)].map((m) => m.index!);
          fc.pre(starts.length > words + 1);
          const i = pos % (starts.length - words);
          const start = starts[i]!;
          let end = starts[i + words]! - 1;
          while (/[ \n.]/.test(text[end - 1]!)) end--;
          const target = describeTarget(text, start, end);
          // change one letter strictly inside the quote (not its first or last character)
          const k = start + 1 + (letterAt % Math.max(1, end - start - 2));
          fc.pre(/[a-zåäöü]/.test(text[k]!) && k < end - 1);
          const replacement = text[k] === 'x' ? 'y' : 'x';
          const edited = text.slice(0, k) + replacement + text.slice(k + 1);
          // and a new sentence at the beginning of the article
          const shifted = `${inserted} ${inserted}.\n\n${edited}`;
          const delta = shifted.length - edited.length;
          const r = anchorTarget(shifted, target);
          expect(r).toMatchObject({ status: 'fuzzy', start: start + delta, end: end + delta });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('anchoredDistance (context agreement, anchored at the quote, free at the far end)', () => {
  /** Textbook table: pattern fully consumed, text read from the anchor, any length of it. */
  const reference = (text: string, from: number, dir: 1 | -1, pattern: string, slack: number): number => {
    const t = dir === 1 ? text.slice(from) : [...text.slice(0, from)].reverse().join('');
    const p = dir === 1 ? pattern : [...pattern].reverse().join('');
    const n = Math.min(t.length, p.length + slack);
    let prev = Array.from({ length: n + 1 }, (_, j) => j);
    for (let i = 1; i <= p.length; i++) {
      const cur = [i];
      for (let j = 1; j <= n; j++)
        cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
      prev = cur;
    }
    return Math.min(...prev);
  };
  it('matches the textbook table for short (bit-parallel) and long patterns, both directions', () => {
    const str = (max: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: max });
    fc.assert(
      fc.property(str(80), fc.nat(), str(40), fc.boolean(), (text, at, pattern, forwards) => {
        const from = text.length ? at % (text.length + 1) : 0;
        const dir = forwards ? 1 : -1;
        // the implementation looks at most |pattern| + 20 characters away from the anchor
        expect(anchoredDistance(text, from, dir, pattern)).toBe(reference(text, from, dir, pattern, 20));
      }),
      { numRuns: 3000 },
    );
  });
});
