import { describe, expect, it } from 'vitest';
import { PositionMap, guidFor, normalizeGuid } from '../../../main/services/interop/qda/refi';
import { mulberry32 } from '../../helpers/seeded-random';

const PIECES = ['a', 'é', ' ', '\n', '🌊', '𠮷', '𝔄', 'ß', '“', '👩‍👩‍👧'];

describe('REFI-QDA positions and GUIDs', () => {
  it('converts UTF-16 offsets to code points and back, as Array.from counts them', () => {
    const random = mulberry32(7);
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      const map = new PositionMap(text);
      const points = Array.from(text);
      expect(map.codePoints).toBe(points.length);
      for (let cp = 0; cp <= points.length; cp++) {
        const u16 = points.slice(0, cp).join('').length;
        expect(map.toUtf16(cp)).toBe(u16);
        expect(map.toCodePoint(u16)).toBe(cp);
      }
    }
  });

  it('makes stable GUIDs in the standard’s form and reads braced or upper-case ones', () => {
    const g = guidFor('nb_1', 'tag:tag_a');
    expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guidFor('nb_1', 'tag:tag_a')).toBe(g);
    expect(guidFor('nb_2', 'tag:tag_a')).not.toBe(g);
    expect(normalizeGuid(`{${g.toUpperCase()}}`)).toBe(g);
    expect(normalizeGuid('not-a-guid')).toBeUndefined();
  });
});
