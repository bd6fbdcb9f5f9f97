/**
 * The one letter-folding function, shared by search, actor names, lookups by
 * name and anything else that compares words across spellings: lower case,
 * compatibility forms unified (NFKD), diacritics dropped, and the letters
 * that do not decompose spelled out — "Malmö" → "malmo", "Straße" →
 * "strasse", "Łódź" → "lodz". The variants are options, not copies:
 *
 * - `keepLength`: every UTF-16 unit maps to exactly one unit, so offsets in
 *   the folded copy are offsets in the original ("Straße" → "straße": ß has
 *   no one-unit fold and is kept). For highlighting matches in place.
 * - `spaces`: whitespace runs become one space, ends trimmed.
 * - `name`: the comparison form of a name or alias — typographic apostrophes
 *   unified, dots dropped ("U.S." → "us"), hyphens, dashes and underscores
 *   read as spaces (implies `spaces`). "Jean-Yves Le Drian" → "jean yves le drian".
 *
 * Quote matching (anchoring) folds punctuation and keeps an offset map; that
 * is a different job and lives in anchoring/fold.ts.
 */
export interface FoldOptions {
  keepLength?: boolean;
  spaces?: boolean;
  name?: boolean;
}

const MARKS = /\p{M}+/gu;
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const HAS_SPECIAL = /[ßæœøłđðþı]/;
const SPECIALS = /[ßæœøłđðþı]/g;
/** The specials that fold to a single unit (the rest would change the length). */
const ONE_UNIT: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', ı: 'i' };
/** Typographic apostrophes and their look-alikes, read as ' in names. */
export const APOSTROPHES = /[’ʼ‘`´]/g;
const NAME_SEPARATORS = /[\s\u00a0\-‐‑–—_]+/g;
const SPACES = /\s+/g;

function foldSameLength(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const code = c.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
      continue;
    }
    const lower = c.toLowerCase();
    const base = lower.length === 1 ? lower.normalize('NFD').replace(MARKS, '') : '';
    out += base.length === 1 ? (ONE_UNIT[base] ?? base) : lower.length === 1 ? lower : c;
  }
  return out;
}

export function foldLetters(s: string, options?: FoldOptions): string {
  if (options?.keepLength) return foldSameLength(s);
  if (options?.name) {
    // Fast path for plain ASCII words (most tokens): nothing to decompose or separate.
    if (/^[A-Za-z0-9]+$/.test(s)) return s.toLowerCase();
    return foldLetters(s).replace(APOSTROPHES, "'").replace(/\./g, '').replace(NAME_SEPARATORS, ' ').trim();
  }
  const bare = s.toLowerCase().normalize('NFKD').replace(MARKS, '');
  const folded = HAS_SPECIAL.test(bare) ? bare.replace(SPECIALS, (c) => SPECIAL[c] ?? c) : bare;
  return options?.spaces ? folded.replace(SPACES, ' ').trim() : folded;
}
