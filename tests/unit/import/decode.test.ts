import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../main/services/import/extract/decode';
import { ImportRejection } from '../../../main/services/import/extract/types';

const sv = 'Regeringen meddelade på måndagen att färjan till Ösmo läggs ned – ”ett svek”, säger öborna.';
const de = 'Die Bürger in Größenwald äußerten „große Sorge“ über die Schließung.';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(sv)).text).toBe(sv);
    const bom = iconv.encode(sv, 'utf-8', { addBOM: true });
    const decoded = decodeText(new Uint8Array(bom)).text;
    expect(decoded.replace(/^\uFEFF/, '')).toBe(sv);
  });

  it('reads UTF-16 LE and BE, with a BOM or by the NUL pattern', () => {
    for (const enc of ['utf-16le', 'utf-16be']) {
      expect(decodeText(new Uint8Array(iconv.encode(de, enc, { addBOM: true }))).text).toBe(de);
      const r = decodeText(new Uint8Array(iconv.encode(de, enc)));
      expect(r.text).toBe(de);
      expect(r.encoding).toBe(enc);
    }
  });

  it('detects Windows-1252 and ISO-8859-1 text and decodes it without mojibake', () => {
    const cp = decodeText(new Uint8Array(iconv.encode(sv, 'windows-1252')));
    expect(cp.text).toBe(sv);
    expect(cp.encoding).toBe('windows-1252');
    const latin = 'Rådet i Västerås beslöt på tisdagen att höja avgiften för äldreomsorgen.';
    expect(decodeText(new Uint8Array(iconv.encode(latin, 'latin1'))).text).toBe(latin);
    const fr = 'L’été à Genève : les élèves ont reçu « leurs diplômes » à l’hôtel de ville.';
    expect(decodeText(new Uint8Array(iconv.encode(fr, 'windows-1252'))).text).toBe(fr);
  });

  it('rejects binary data with a reason', () => {
    const bin = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => decodeText(bin)).toThrow(ImportRejection);
    expect(() =>
      decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3])),
    ).toThrow(/binary/);
  });
});
