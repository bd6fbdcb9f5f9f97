/**
 * Letters folded for matching, shared by search, actor names and anything
 * else that compares words across spellings: lower case, compatibility forms
 * unified (NFKD), diacritics dropped, and the letters that do not decompose
 * spelled out — "Malmö" → "malmo", "Straße" → "strasse", "Łódź" → "lodz".
 */
const MARKS = /\p{M}+/gu;
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const HAS_SPECIAL = /[ßæœøłđðþı]/;
const SPECIALS = /[ßæœøłđðþı]/g;

export function foldLetters(s: string): string {
  const bare = s.toLowerCase().normalize('NFKD').replace(MARKS, '');
  return HAS_SPECIAL.test(bare) ? bare.replace(SPECIALS, (c) => SPECIAL[c] ?? c) : bare;
}
