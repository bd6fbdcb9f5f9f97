/**
 * Near-duplicate detection: MinHash signatures over word shingles (Broder
 * 1997). The fraction of equal signature slots estimates the Jaccard
 * similarity of the two texts' shingle sets; ≥ 0.9 flags the same article
 * published again (a syndicating site, a second copy with other boilerplate).
 * Pure and fast: no Node APIs, typed arrays only.
 */

import { fnv1a32 } from '../../../shared/hash';
import { tokenTexts } from '../../../shared/text';

/** Number of hash functions (signature length). Standard error ≈ 1/√128 ≈ 0.09 at J=0.5, far less near 1. */
export const SIGNATURE_SIZE = 128;
/** Words per shingle. */
export const SHINGLE_WORDS = 4;
/** Similarity at or above which two texts are near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.9;

const SEEDS = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    // xorshift32: fixed, reproducible seeds (signatures are comparable across runs and machines).
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    seeds[i] = x >>> 0;
  }
  return seeds;
})();

/** MurmurHash3's 32-bit finaliser: a fast, well-mixing permutation of 32-bit integers. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lower-cased words (letters and digits), typographic quotes and punctuation ignored. */
function tokens(text: string): string[] {
  return tokenTexts(text.normalize('NFC').toLowerCase(), { pattern: 'word' });
}

/** Shingle hashes of a text (each distinct shingle once). */
export function shingleHashes(text: string, k = SHINGLE_WORDS): Uint32Array {
  const words = tokens(text);
  const wordHashes = words.map((w) => fnv1a32(w));
  const n = Math.max(1, words.length - k + 1);
  const out = new Set<number>();
  if (words.length === 0) return new Uint32Array(0);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(i + k, words.length); j++) h = fmix32((h ^ wordHashes[j]!) + j - i);
    out.add(h);
  }
  return Uint32Array.from(out);
}

/** The MinHash signature of a text: SIGNATURE_SIZE minima of seeded hashes of its shingles. */
export function minhashSignature(text: string): Uint32Array {
  const shingles = shingleHashes(text);
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = fmix32(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures (0…1). */
export function estimateSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let equal = 0;
  let emptyA = true;
  let emptyB = true;
  for (let i = 0; i < n; i++) {
    if (a[i] !== 0xffffffff) emptyA = false;
    if (b[i] !== 0xffffffff) emptyB = false;
    if (a[i] === b[i]) equal++;
  }
  // An empty text shares nothing with anything (two empty signatures would otherwise look identical).
  if (emptyA || emptyB) return 0;
  return equal / n;
}

/** Whether two signatures are near-duplicates (similarity ≥ threshold, default 0.9). */
export function isNearDuplicate(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  threshold = NEAR_DUPLICATE_THRESHOLD,
): boolean {
  return estimateSimilarity(a, b) >= threshold;
}

/** The most similar candidate at or above the threshold, if any. */
export function findNearDuplicate<T>(
  signature: ArrayLike<number>,
  candidates: Iterable<{ item: T; signature: ArrayLike<number> }>,
  threshold = NEAR_DUPLICATE_THRESHOLD,
): { item: T; similarity: number } | undefined {
  let best: { item: T; similarity: number } | undefined;
  for (const c of candidates) {
    const similarity = estimateSimilarity(signature, c.signature);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { item: c.item, similarity };
  }
  return best;
}
