/**
 * The one non-cryptographic hash of the code base: FNV-1a over UTF-16 code
 * units. For cache keys, change detection and MinHash shingles — never for
 * anything a collision could make wrong (import uses sha256 for identity).
 */

/** 32-bit FNV-1a of s[from, to). */
export function fnv1a32(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The identity of a text for caches: its length and two 32-bit hashes
 * (FNV-1a and a second multiplier), so a collision needs equal lengths and
 * two coincident hashes. "1234.abc12.def34".
 */
export function textHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${text.length}.${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}
