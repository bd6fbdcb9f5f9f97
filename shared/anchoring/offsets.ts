/**
 * Folded texts for anchoring, and the way back from folded offsets to the
 * original text's UTF-16 offsets (never inside a surrogate pair or inside
 * what one original character folded to). Pure: no DOM, no Node.
 */
import { foldText, type FoldedText } from './fold';

// ---------------------------------------------------------------- prepared texts

/**
 * Folding a text costs O(n); anchoring many targets in one text reuses the
 * folded copy. A few recent texts are kept (compared by value: a pointer check
 * for the same string, so it is cheap).
 */
const CACHE_SIZE = 4;
const cache: FoldedText[] = [];

/** Drops the cached folded texts (benchmarks use it to time folding every time). */
export function forgetPreparedTexts(): void {
  cache.length = 0;
}

export function prepareText(text: string): FoldedText {
  for (let i = 0; i < cache.length; i++) {
    const hit = cache[i]!;
    if (hit.text === text) {
      if (i > 0) {
        cache.splice(i, 1);
        cache.unshift(hit);
      }
      return hit;
    }
  }
  const prepared = foldText(text);
  cache.unshift(prepared);
  if (cache.length > CACHE_SIZE) cache.pop();
  return prepared;
}

export function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
export function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * True when folded range [fs, fe) starts or ends inside what one original
 * character produced: two of the three dots of an ellipsis, or a base letter
 * without the combining mark that belongs to it.
 */
export function splitsCharacter(f: FoldedText, fs: number, fe: number): boolean {
  const o = f.origStart;
  return (fs > 0 && o[fs] === o[fs - 1]) || (fe < o.length && o[fe] === o[fe - 1]);
}

/** Letters, digits and marks: characters that make up words (NaN — outside the text — is not). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
export function isWordChar(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return WORD_CHAR.test(String.fromCharCode(code));
}

export function toOriginalRange(f: FoldedText, fs: number, fe: number): { start: number; end: number } {
  let start = f.origStart[fs]!;
  let end = f.origEnd[fe - 1]!;
  const t = f.text;
  if (start > 0 && isLow(t.charCodeAt(start)) && isHigh(t.charCodeAt(start - 1))) start--;
  if (end < t.length && isLow(t.charCodeAt(end)) && isHigh(t.charCodeAt(end - 1))) end++;
  return { start, end };
}
