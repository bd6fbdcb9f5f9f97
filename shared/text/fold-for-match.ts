/**
 * Letter folding for matching words (shared/fold-letters.ts's `foldLetters`),
 * memoised: search folds the same short words over and over ("Ryssland"
 * matches "RYSSLAND", "Malmö" matches "malmo"). Pure.
 */
import { foldLetters } from '../fold-letters';

const foldCache = new Map<string, string>();

/** foldLetters, memoised for the short strings (words) search folds over and over. */
export function foldForMatch(s: string): string {
  if (s.length <= 24) {
    const hit = foldCache.get(s);
    if (hit !== undefined) return hit;
  }
  const folded = foldLetters(s);
  if (s.length <= 24) {
    if (foldCache.size >= 50_000) foldCache.clear();
    foldCache.set(s, folded);
  }
  return folded;
}
