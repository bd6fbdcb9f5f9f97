/**
 * The one tokeniser. What a token is depends on its use, so each use names
 * its word pattern; the patterns live here and nowhere else:
 *
 * - `search` (the default): words and numbers. A number written with
 *   thousands groups or decimals is one token ("1,200", "14 000", "2.5") and
 *   is flagged `numeric`. Search, corroboration, number and date extraction.
 * - `name`: words as names are written, keeping ' ’ : - ‑ & between letters
 *   ("USA:s", "O'Neill", "AT&T", "Nato-toppmötet") and dotted initials
 *   ("U.S."). Actor detection.
 * - `word`: runs of letters and digits. Near-duplicate shingles.
 * - `letters`: letters with the apostrophes inside words ("don't",
 *   "l'État"), no digits. Stop-word density of a paragraph at import.
 *
 * Tokens come with offsets (`tokenize`), as bare strings (`tokenTexts`), or
 * one at a time through a callback that builds no object (`scanTokens`: the
 * search index runs it over every text). Pure.
 */

const PATTERNS = {
  // The number alternatives are captured: a match of group 1 is numeric.
  search:
    /(\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\p{L}\p{N}])|(?<!\d)\d+(?:[.,]\d+)?(?![\p{L}\p{N}]))|[\p{L}\p{M}\p{N}]+/gu,
  name: /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’:\-‑&][\p{L}\p{M}\p{N}]+)*/gu,
  word: /[\p{L}\p{N}]+/gu,
  letters: /[\p{L}\p{M}'’]+/gu,
} as const;

export type TokenPattern = keyof typeof PATTERNS;

export interface TokenOptions {
  /** The word pattern of the use (see the module comment); `search` by default. */
  pattern?: TokenPattern;
}

export interface Token {
  /** As written. */
  text: string;
  start: number;
  end: number;
  /** Written in digits ("14", "1,200", "2.5"); only the `search` pattern tells numbers apart. */
  numeric: boolean;
}

/**
 * A fresh global RegExp of a pattern, for a loop of `exec` calls: the token is
 * `m[0]` at `m.index`, numeric when `m[1] !== undefined`. The search index's
 * hot path (analyzer.ts) loops over it directly; everyone else uses the
 * functions below.
 */
export function tokenRegExp(pattern: TokenPattern = 'search'): RegExp {
  return new RegExp(PATTERNS[pattern]);
}

/** Calls `visit` for each token in text order, with its UTF-16 start offset; builds no token objects. */
export function scanTokens(
  text: string,
  visit: (token: string, start: number, numeric: boolean) => void,
  options?: TokenOptions,
): void {
  // A fresh RegExp per call: a visitor may tokenise another text with the same pattern.
  const re = tokenRegExp(options?.pattern);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) visit(m[0], m.index, m[1] !== undefined);
}

/** Tokens with their UTF-16 offsets. */
export function tokenize(text: string, options?: TokenOptions): Token[] {
  const out: Token[] = [];
  scanTokens(text, (t, start, numeric) => out.push({ text: t, start, end: start + t.length, numeric }), options);
  return out;
}

/** The tokens' texts alone, in order. */
export function tokenTexts(text: string, options?: TokenOptions): string[] {
  return text.match(PATTERNS[options?.pattern ?? 'search']) ?? [];
}
