// @vitest-environment jsdom
/**
 * The page side of the settings and of printing, without a browser: which
 * theme is painted for each setting and system theme, what lands on <html>
 * (data-theme and the reader's CSS variables), and how a printed paragraph is
 * cut into marked pieces with footnote numbers where annotations end.
 */
import { describe, expect, it } from 'vitest';
import { applyAppearance, resolveTheme } from '../../../renderer/src/settings/appearance';
import { printPieces } from '../../../renderer/src/print/marks';

describe('appearance', () => {
  it("paints the chosen theme, and the system's for 'system'", () => {
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });

  it('sets data-theme and the reader variables on the root element', () => {
    const root = document.createElement('html');
    applyAppearance(root, { theme: 'system', readerFontSize: 22, readerLineWidth: 60 }, true);
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.getPropertyValue('--reader-font-size')).toBe('22px');
    expect(root.style.getPropertyValue('--reader-line-width')).toBe('60ch');
    applyAppearance(root, { theme: 'light', readerFontSize: 14, readerLineWidth: 90 }, true);
    expect(root.dataset.theme).toBe('light');
    expect(root.style.getPropertyValue('--reader-font-size')).toBe('14px');
  });
});

describe('printPieces', () => {
  const text = 'The minister said the harbour would reopen.';
  const piece = (s: string, covered: number[] = [], ending: number[] = []) => ({ text: s, covered, ending });

  it('leaves a paragraph without annotations whole', () => {
    expect(printPieces(text, 100, [])).toEqual([piece(text)]);
    expect(printPieces(text, 100, [{ n: 1, start: 0, end: 50 }])).toEqual([piece(text)]);
  });

  it('marks an annotation and numbers it where it ends (offsets are the source’s)', () => {
    const from = 100;
    const start = from + text.indexOf('the harbour');
    const end = start + 'the harbour'.length;
    expect(printPieces(text, from, [{ n: 3, start, end }])).toEqual([
      piece('The minister said '),
      piece('the harbour', [3], [3]),
      piece(' would reopen.'),
    ]);
  });

  it('overlapping annotations: each piece knows every annotation over it, each number comes once', () => {
    // [1] "minister said the", [2] "said the harbour"
    const a = { n: 1, start: 4, end: 21 };
    const b = { n: 2, start: 13, end: 29 };
    expect(printPieces(text, 0, [a, b])).toEqual([
      piece('The '),
      piece('minister ', [1]),
      piece('said the', [1, 2], [1]),
      piece(' harbour', [2], [2]),
      piece(' would reopen.'),
    ]);
  });

  it('an annotation running on into the next paragraph gets its number there, not here', () => {
    expect(printPieces(text, 0, [{ n: 1, start: 30, end: 80 }])).toEqual([
      piece('The minister said the harbour '),
      piece('would reopen.', [1]),
    ]);
  });
});
