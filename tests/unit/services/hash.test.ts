import { describe, expect, it } from 'vitest';
import { fnv1a32, textHash } from '../../../shared/hash';

describe('shared/hash', () => {
  it('fnv1a32 matches the published FNV-1a test vectors', () => {
    // Reference values of 32-bit FNV-1a (the FNV authors' test suite).
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('fnv1a32 hashes a range as it hashes the substring', () => {
    expect(fnv1a32('xxfoobaryy', 2, 8)).toBe(fnv1a32('foobar'));
  });

  it('textHash carries the length and changes with any one unit', () => {
    const a = textHash('Rederiet ställer in turerna.');
    expect(a).toMatch(/^28\.[0-9a-z]+\.[0-9a-z]+$/);
    expect(textHash('Rederiet ställer in turerna!')).not.toBe(a);
    expect(textHash('Rederiet ställer in turerna.')).toBe(a);
  });
});
