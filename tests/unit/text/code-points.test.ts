import { describe, expect, it } from 'vitest';
import { codePointOffset, utf16Offset } from '../../../shared/text';

const TEXT = 'a🎉b𝔘c\u{1F3B6}\u{1F3B6}d';

describe('code point offsets', () => {
  it('counts an astral character as one code point and two UTF-16 units', () => {
    expect(TEXT.length).toBe(12);
    expect(codePointOffset(TEXT, TEXT.length)).toBe(8);
    expect(codePointOffset(TEXT, TEXT.indexOf('b'))).toBe(2);
    expect(utf16Offset(TEXT, 2)).toBe(TEXT.indexOf('b'));
    expect(utf16Offset(TEXT, 7)).toBe(TEXT.indexOf('d'));
  });

  it('maps every offset there and back, as Array.from counts', () => {
    const points = Array.from(TEXT);
    for (let cp = 0; cp <= points.length; cp++) {
      const u = utf16Offset(TEXT, cp);
      expect(u).toBe(points.slice(0, cp).join('').length);
      expect(codePointOffset(TEXT, u)).toBe(cp);
    }
  });

  it('clamps beyond the end and counts a lone surrogate as one', () => {
    expect(utf16Offset(TEXT, 99)).toBe(TEXT.length);
    expect(codePointOffset(TEXT, 99)).toBe(8);
    expect(codePointOffset('x\uD83Cy', 3)).toBe(3);
    expect(utf16Offset('x\uD83Cy', 2)).toBe(2);
  });
});
