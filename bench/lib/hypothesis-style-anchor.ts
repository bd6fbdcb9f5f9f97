/**
 * A second re-anchoring peer for bench/anchoring.bench.ts, built the way
 * Hypothesis's client anchors a text quote today (after it left
 * diff-match-patch), written here from that description:
 *
 * 1. If the text at the stored position (TextPositionSelector) is the quote,
 *    take it.
 * 2. Otherwise find the quote's approximate matches with approx-string-match,
 *    up to an error budget of half the quote's length (at most 256), and score
 *    each candidate: quote similarity × 50, prefix similarity × 20, suffix
 *    similarity × 20, closeness to the stored position × 2. The best one wins;
 *    no candidate within the budget means the quote is orphaned.
 *
 * Similarity is 1 − errors / length, the errors of the best approximate match
 * of the stored string in the text beside the candidate (empty strings are
 * similar). Positions are in the raw text: no folding or normalisation.
 */
import search from 'approx-string-match';

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** The stored position (TextPositionSelector). */
  start?: number;
  end?: number;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/** 1 − (errors of the best match of `wanted` anywhere in `text`) / wanted.length. */
function similarity(text: string, wanted: string): number {
  if (wanted.length === 0 || text.length === 0) return wanted.length === 0 ? 1 : 0;
  const matches = search(text, wanted, wanted.length);
  if (matches.length === 0) return 0;
  let fewest = wanted.length;
  for (const m of matches) if (m.errors < fewest) fewest = m.errors;
  return 1 - fewest / wanted.length;
}

export function hypothesisStyleAnchor(text: string, selector: QuoteSelector): { start: number; end: number } | null {
  const { exact } = selector;
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  const hint = selector.start;
  if (hint !== undefined) {
    const end = selector.end ?? hint + exact.length;
    if (text.slice(hint, end) === exact) return { start: hint, end };
  }

  const budget = Math.min(256, Math.floor(exact.length / 2));
  const candidates = search(text, exact, budget);
  let best: { start: number; end: number } | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const quoteScore = 1 - c.errors / exact.length;
    const prefixScore = similarity(text.slice(Math.max(0, c.start - prefix.length), c.start), prefix);
    const suffixScore = similarity(text.slice(c.end, c.end + suffix.length), suffix);
    const positionScore = hint === undefined ? 1 : 1 - Math.abs(c.start - hint) / text.length;
    const score =
      WEIGHTS.quote * quoteScore +
      WEIGHTS.prefix * prefixScore +
      WEIGHTS.suffix * suffixScore +
      WEIGHTS.position * positionScore;
    if (score > bestScore) {
      bestScore = score;
      best = { start: c.start, end: c.end };
    }
  }
  return best;
}
