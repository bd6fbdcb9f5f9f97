/**
 * Text anchoring (docs/anchoring.md).
 *
 * An annotation's target stores a position (`start`, `end`, UTF-16 offsets
 * into the source's normalised text) and a quote (`exact` with 32 characters
 * of `prefix` and `suffix`) — the W3C TextPositionSelector and
 * TextQuoteSelector in one record. `anchorTarget` finds where a target belongs
 * in a (possibly edited) text:
 *
 *  0. the stored position still holds the quote and its context,
 *     character for character (text unchanged there)            → `exact`
 *  1. exact occurrences of the quote — the stored position among them —
 *     ranked by how well prefix and suffix agree, then by distance from
 *     the old position; accepted when the context mostly agrees, or one
 *     side agrees and nothing points to an edited copy elsewhere → `exact`
 *     (same place) or `moved`
 *  2. the quote was edited but its surroundings were not: the places where
 *     the last 16 characters of the prefix end and the first 16 of the
 *     suffix begin frame it (text inserted at an edge is caught by aligning
 *     quote + context from each side)                             → `fuzzy`
 *  3. approximate search over the whole text with approx-string-match
 *     (Myers' bit-parallel algorithm) for the quote alone and for
 *     prefix + quote + suffix, bounded by the best total found so far;
 *     edges then settled by aligning quote + context                → `fuzzy`
 *  4. nothing within the error budget                              → `orphan`
 *
 * Candidates are compared by their total edit distance (quote + prefix +
 * suffix errors, as Hypothesis scores quote, prefix and suffix); ties go to
 * edges that cut words the way the original did, then to fewer quote errors,
 * then to the candidate nearest the old position. So a wrong anchor is never
 * preferred over one that agrees with the stored selector with fewer errors.
 * The quote may differ from the stored one by up to 40 % of its length less
 * two characters; by half of it when one side of the context agrees; by up to
 * 24 characters (words inserted into a short quote), at most 70 % of it, when
 * both sides agree.
 *
 * Modules: `fold.ts` folds texts; `offsets.ts` caches folded texts and maps
 * folded offsets back; `distance.ts` holds the edit distances; `anchor-search.ts`
 * ranks candidates. This file describes targets and anchors them.
 *
 * Every comparison runs on a folded copy of both sides (fold.ts:
 * NBSP and other spaces, whitespace runs, typographic quotes, dashes,
 * ellipsis, NFC/NFD) and maps back to offsets in the original text.
 *
 * Pure: no DOM, no Node.
 */
import type { TextTarget } from '../model';
import type { OrphanReason } from '../enums';
import { DossierError } from '../errors';
import { foldString } from './fold';
import { AnchorSearch } from './anchor-search';
import { isHigh, isLow, prepareText, splitsCharacter, toOriginalRange } from './offsets';

export { foldString, foldText, type FoldedText } from './fold';
export { forgetPreparedTexts, prepareText } from './offsets';
export { anchoredDistance, editDistance } from './distance';
export { quoteBudget } from './anchor-search';

/** Characters of context stored on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy';
export type AnchorResult =
  | {
      status: AnchorStatus;
      start: number;
      end: number;
      /** 1 = quote and context agree exactly; lower = more edits (1 − errors / selector length). */
      score: number;
    }
  | {
      status: 'orphan';
      /** Why (a code; `orphanReasonWords` says it in words). */
      reason: OrphanReason;
      /** For `quote-changed`: characters of the closest match that differ from the quote, and the quote's length. */
      differing?: number;
      length?: number;
    };

/** An orphan's reason as a key of the `reader` catalogue and its values, to be said in the person's language. */
export function orphanReasonWords(result: Extract<AnchorResult, { status: 'orphan' }>): {
  key: `orphanReason.${OrphanReason}`;
  params: { differing: number; length: number };
} {
  return {
    key: `orphanReason.${result.reason}`,
    params: { differing: result.differing ?? 0, length: result.length ?? 0 },
  };
}

// ---------------------------------------------------------------- describe

/**
 * Describes the range [start, end) of `text` as a target: position plus quote
 * with 32 characters of context on each side (never splitting a surrogate
 * pair). Throws `invalid-input` for an empty or out-of-range selection.
 */
export function describeTarget(text: string, start: number, end: number): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw DossierError.of('invalid-input', 'anchoring.selectionEmptyOutsideText', {
      start,
      end,
      textCount: text.length,
    });
  }
  // Never cut an emoji (or any astral character) in half.
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLow(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isLow(text.charCodeAt(suffixEnd))) suffixEnd--;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

// ---------------------------------------------------------------- find a typed quote

/**
 * Finds a quote a person typed (CLI `claim add --quote`) in `text`: an exact
 * match after folding (spaces, quotes, dashes, ellipsis, Unicode form), with
 * offsets into the original text. No fuzzy guessing: no match → [].
 * Overlapping occurrences are all reported, in text order.
 */
export function findQuote(text: string, quote: string): Array<{ start: number; end: number }> {
  const q = foldString(quote).trim();
  if (q.length === 0) return [];
  const f = prepareText(text);
  const out: Array<{ start: number; end: number }> = [];
  for (let i = f.folded.indexOf(q); i !== -1; i = f.folded.indexOf(q, i + 1)) {
    if (!splitsCharacter(f, i, i + q.length)) out.push(toOriginalRange(f, i, i + q.length));
  }
  return out;
}

/**
 * Anchors a stored target in `text` (which may have been edited since the
 * target was described). See the module comment for the order of attempts.
 */
export function anchorTarget(text: string, target: TextTarget): AnchorResult {
  // 0. Unchanged text: the position holds the quote and its context, character for character.
  if (
    target.start >= 0 &&
    target.end <= text.length &&
    target.end > target.start &&
    target.exact.length === target.end - target.start &&
    text.startsWith(target.exact, target.start) &&
    text.endsWith(target.prefix, target.start) &&
    text.startsWith(target.suffix, target.end)
  ) {
    return { status: 'exact', start: target.start, end: target.end, score: 1 };
  }
  // Whitespace at either end of the quote belongs to the context: folding
  // cannot always keep it (the space after « is dropped).
  const rawQ = foldString(target.exact);
  const q = rawQ.trim();
  if (q.length === 0) return { status: 'orphan', reason: 'empty-quote' };
  const pre = foldString(target.prefix + (rawQ.startsWith(' ') ? ' ' : ''));
  const suf = foldString((rawQ.endsWith(' ') ? ' ' : '') + target.suffix);
  return new AnchorSearch(prepareText(text), target, q, pre, suf).run();
}

/** Anchors many targets in one text (the folded text is built once). */
export function anchorTargets(text: string, targets: readonly TextTarget[]): AnchorResult[] {
  prepareText(text);
  return targets.map((t) => anchorTarget(text, t));
}
