/**
 * How well a claim matches what someone typed to cite it (the brief editor's
 * `@` popup, the `listClaims` API). Letters are folded (case, diacritics);
 * every typed word must appear in the quote or its context (source title,
 * outlet, actor names and aliases, tags) — anywhere, so a word still being
 * typed matches. Better matches rank first:
 *
 *   3  the quote holds the typed words as one phrase, in order
 *   2  the quote holds every typed word
 *   1  every typed word is in the quote or its context
 *   0  no match
 */
import { foldLetters } from '../../../shared/fold-letters';

export const CITE_PHRASE = 3;
export const CITE_QUOTE = 2;
export const CITE_CONTEXT = 1;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (s: string) => foldLetters(s, { spaces: true });

/** The typed words, folded; empty when nothing was typed. */
export function citeWords(query: string): string[] {
  return fold(query).split(' ').filter(Boolean);
}

/** Whether `hay` (folded) holds `words` in order, one after the other, the first at the start of a word. */
function holdsPhrase(hay: string, words: readonly string[]): boolean {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${words.map(escape).join('[^\\p{L}\\p{N}]+')}`, 'u').test(hay);
}

/** 0–3 (see above) for a claim's quote and its context, given the typed words (`citeWords`). */
export function citeMatch(words: readonly string[], quote: string, context: readonly string[]): number {
  if (words.length === 0) return CITE_CONTEXT;
  const q = fold(quote);
  if (holdsPhrase(q, words)) return CITE_PHRASE;
  if (words.every((w) => q.includes(w))) return CITE_QUOTE;
  const all = fold([quote, ...context].join(' \u0001 '));
  return words.every((w) => all.includes(w)) ? CITE_CONTEXT : 0;
}
