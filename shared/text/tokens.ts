/**
 * Words and numbers with their UTF-16 offsets ("1,200" and "14 000" are one
 * token). Pure.
 */

export interface Token {
  /** As written. */
  text: string;
  start: number;
  end: number;
  /** Written in digits ("14", "1,200", "2.5"). */
  numeric: boolean;
}

const TOKEN_RE =
  /\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\p{L}\p{N}])|\d+(?:[.,]\d+)?(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+/gu;

/** Words and numbers with their UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    const c = t.charCodeAt(0);
    out.push({ text: t, start: m.index, end: m.index + t.length, numeric: c >= 48 && c <= 57 && /^[\d., \u00a0\u202f]+$/.test(t) });
  }
  return out;
}
