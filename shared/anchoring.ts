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
 * Every comparison runs on a folded copy of both sides (shared/anchoring/fold.ts:
 * NBSP and other spaces, whitespace runs, typographic quotes, dashes,
 * ellipsis, NFC/NFD) and maps back to offsets in the original text.
 *
 * Pure: no DOM, no Node.
 */
import search from 'approx-string-match';
import type { TextTarget } from './model';
import { DossierError } from './errors';
import { foldString, foldText, type FoldedText } from './anchoring/fold';

export { foldString, foldText, type FoldedText } from './anchoring/fold';

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
  | { status: 'orphan'; reason: string };

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

// ---------------------------------------------------------------- describe

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Describes the range [start, end) of `text` as a target: position plus quote
 * with 32 characters of context on each side (never splitting a surrogate
 * pair). Throws `invalid-input` for an empty or out-of-range selection.
 */
export function describeTarget(text: string, start: number, end: number): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new DossierError('invalid-input', `Selection ${start}–${end} is empty or outside the text (length ${text.length}).`);
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

// ---------------------------------------------------------------- anchor

/** Most exact occurrences of a quote that are ranked (a very common short quote). */
const MAX_EXACT_CANDIDATES = 2000;
/** Extra text looked at beyond the context length when aligning prefix/suffix. */
const CONTEXT_SLACK = 20;

interface Candidate {
  /** Folded offsets. */
  fs: number;
  fe: number;
  quoteErrors: number;
  prefixErrors: number;
  suffixErrors: number;
  contextErrors: number;
  /** Edges came from a search on the quote alone and should be settled against the context. */
  loose: boolean;
  /** Context errors were not counted to the end (the candidate could not win at the time). */
  pruned: boolean;
}

/** Length of the stretch of context next to the quote used to find where an edited quote sits. */
const NEAR_CONTEXT = 16;
/** Most occurrences of a near-context stretch that are paired up. */
const MAX_NEAR_CANDIDATES = 64;
/** A near-context stretch found at most this often is also followed up on its own (costlier alignment). */
const MAX_ONE_SIDED = 2;

/** How many more errors than an unacceptable best candidate a fallback may have. */
const FALLBACK_SLACK = 2;
/** Largest share of errors for a match of prefix + quote + suffix over the whole text. */
const WHOLE_ERROR_RATE = 0.35;
/** Most characters inserted into a quote that aligning it from one side allows for. */
const MAX_ALIGN_ROOM = 48;
/** Reusable DP matrix for `alignedLength` (anchoring is synchronous and single-threaded). */
let matrix = new Int32Array(4096);

function occurrences(haystack: string, needle: string, cap: number): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let i = haystack.indexOf(needle); i !== -1 && out.length < cap; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * True when folded range [fs, fe) starts or ends inside what one original
 * character produced: two of the three dots of an ellipsis, or a base letter
 * without the combining mark that belongs to it.
 */
function splitsCharacter(f: FoldedText, fs: number, fe: number): boolean {
  const o = f.origStart;
  return (fs > 0 && o[fs] === o[fs - 1]) || (fe < o.length && o[fe] === o[fe - 1]);
}

/** Letters, digits and marks: characters that make up words (NaN — outside the text — is not). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
function isWordChar(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return WORD_CHAR.test(String.fromCharCode(code));
}

function toOriginalRange(f: FoldedText, fs: number, fe: number): { start: number; end: number } {
  let start = f.origStart[fs]!;
  let end = f.origEnd[fe - 1]!;
  const t = f.text;
  if (start > 0 && isLow(t.charCodeAt(start)) && isHigh(t.charCodeAt(start - 1))) start--;
  if (end < t.length && isLow(t.charCodeAt(end)) && isHigh(t.charCodeAt(end - 1))) end++;
  return { start, end };
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Edit distance between `pattern` and the text read from `from` in direction
 * `dir` (+1 forwards, −1 backwards), anchored at `from` and free at the far
 * end: how many edits make the text next to a candidate read like the stored
 * context. O(|pattern| · (|pattern| + slack)); gives up (returning
 * `limit + 1`) as soon as the distance must exceed `limit`.
 */
export function anchoredDistance(text: string, from: number, dir: 1 | -1, pattern: string, limit = Infinity): number {
  const m = pattern.length;
  if (m === 0) return 0;
  const avail = dir === 1 ? text.length - from : from;
  const n = Math.min(avail, m + CONTEXT_SLACK);
  // Fast path: exact agreement.
  if (n >= m) {
    const same = dir === 1 ? text.startsWith(pattern, from) : text.endsWith(pattern, from);
    if (same) return 0;
  }
  if (m <= 32) return bitParallelAnchored(text, from, dir, pattern, n);
  return anchoredDistanceTable(text, from, dir, pattern, limit, n);
}

const peq = new Map<number, number>();

/**
 * The same distance computed column by column with bit vectors (Myers 1999,
 * in Hyyrö's form for an anchored start): one pass over the text, for context
 * patterns of at most 32 characters.
 */
function bitParallelAnchored(text: string, from: number, dir: 1 | -1, pattern: string, n: number): number {
  const m = pattern.length;
  peq.clear();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(dir === 1 ? i : m - 1 - i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  const mask = m === 32 ? -1 : (1 << m) - 1;
  const high = 1 << (m - 1);
  let vp = mask;
  let vn = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < n; j++) {
    const eq = peq.get(text.charCodeAt(dir === 1 ? from + j : from - 1 - j)) ?? 0;
    const xv = eq | vn;
    const xh = ((((eq & vp) + vp) ^ vp) | eq) & mask;
    let hp = (vn | ~(xh | vp)) & mask;
    let hn = vp & xh;
    if (hp & high) score++;
    else if (hn & high) score--;
    // Row 0 grows by one per column (the start is anchored): shift in a +1.
    hp = ((hp << 1) | 1) & mask;
    hn = (hn << 1) & mask;
    vp = (hn | ~(xv | hp)) & mask;
    vn = hp & xv;
    if (score < best) best = score;
  }
  return best;
}

/** Table-filling version of `anchoredDistance` (any pattern length; gives up past `limit`). */
function anchoredDistanceTable(text: string, from: number, dir: 1 | -1, pattern: string, limit: number, n: number): number {
  const m = pattern.length;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 64);
    rowB = new Int32Array(n + 64);
  }
  let prev = rowA;
  let cur = rowB;
  // rows: pattern chars (i), columns: text chars (j), both read away from the anchor.
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(dir === 1 ? i - 1 : m - i);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const tc = text.charCodeAt(dir === 1 ? from + j - 1 : from - j);
      const sub = prev[j - 1]! + (pc === tc ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  // Free end on the text side: the pattern must be consumed, the text need not be.
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/**
 * Quote error budget for a search on the quote alone: proportional to the
 * quote's length (40 %), less a couple of characters so that very short
 * quotes ("the tram") do not match any look-alike ("the m…").
 */
export function quoteBudget(length: number): number {
  return Math.max(0, Math.floor(length * 0.4 - 2));
}

/**
 * When the stored context agrees closely (≤ 10 % errors), the quote itself
 * may have changed more: up to half its characters ("uatn" → "utan" in place).
 */
function confirmedQuoteBudget(length: number): number {
  return Math.max(quoteBudget(length), Math.floor(length * 0.5));
}

/**
 * When both sides of the context agree, words may have been inserted into
 * even a short quote: up to 24 characters, but never more than 70 % of it
 * (a passage rewritten in place is not the annotated passage any more).
 */
function framedQuoteBudget(length: number): number {
  return Math.max(confirmedQuoteBudget(length), Math.min(24, Math.floor(length * 0.7)));
}

/**
 * Aligns `first + second` (read away from `anchor` in direction `dir`) with
 * the text, anchored at `anchor` and free at the far end, and returns how many
 * text characters the `first` part covers in an optimal alignment (text
 * characters inserted between the parts are left out: the quote stays tight).
 * Used to settle where an approximate quote match starts and ends.
 */
function alignedLength(text: string, anchor: number, dir: 1 | -1, first: string, second: string, room: number): number {
  // The pattern in reading order away from the anchor: `first` is the part next to it.
  const pattern = dir === 1 ? first + second : reverse(first) + reverse(second);
  const m = pattern.length;
  const k = first.length;
  const avail = dir === 1 ? text.length - anchor : anchor;
  const n = Math.min(avail, m + room);
  const w = n + 1;
  if (matrix.length < (m + 1) * w) matrix = new Int32Array((m + 1) * w * 2);
  const d = matrix;
  for (let j = 0; j <= n; j++) d[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(i - 1);
    const row = i * w;
    const up = row - w;
    d[row] = i;
    for (let j = 1; j <= n; j++) {
      const tc = text.charCodeAt(dir === 1 ? anchor + j - 1 : anchor - j);
      const sub = d[up + j - 1]! + (pc === tc ? 0 : 1);
      const del = d[up + j]! + 1;
      const ins = d[row + j - 1]! + 1;
      d[row + j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
  }
  let j = 0;
  for (let jj = 1; jj <= n; jj++) if (d[m * w + jj]! < d[m * w + j]!) j = jj;
  // Trace back to the row where `first` is fully consumed; leave it at its smallest column.
  let i = m;
  while (i > k) {
    const here = d[i * w + j]!;
    const pc = pattern.charCodeAt(i - 1);
    if (j > 0) {
      const tc = text.charCodeAt(dir === 1 ? anchor + j - 1 : anchor - j);
      if (d[(i - 1) * w + j - 1]! + (pc === tc ? 0 : 1) === here) {
        i--;
        j--;
        continue;
      }
    }
    if (d[(i - 1) * w + j]! + 1 === here) {
      i--;
      continue;
    }
    j--;
  }
  // In row k, text characters inserted before `second` begins belong to neither part.
  while (j > 0 && d[k * w + j - 1]! + 1 === d[k * w + j]!) j--;
  return j;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

const BIG = 1 << 29;

/**
 * Edit distance, or `limit + 1` when it exceeds `limit`: only the diagonal
 * band |i − j| ≤ limit is computed (Ukkonen), tried first with a narrow band.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  const diff = Math.abs(a.length - b.length);
  if (diff > limit) return limit + 1;
  const narrow = Math.max(diff, 8);
  if (narrow < limit) {
    const d = bandedDistance(a, b, narrow);
    if (d <= narrow) return d;
  }
  return bandedDistance(a, b, limit);
}

function bandedDistance(a: string, b: string, k: number): number {
  const n = b.length;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 64);
    rowB = new Int32Array(n + 64);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j <= k ? j : BIG;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(n, i + k);
    cur[0] = i <= k ? i : BIG;
    if (lo > 1) cur[lo - 1] = BIG;
    let rowMin = cur[0]!;
    const ac = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1]! + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (j <= i - 1 + k ? prev[j]! : BIG) + 1;
      const ins = cur[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) cur[hi + 1] = BIG;
    if (rowMin > k) return k + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n]!, k + 1);
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
  if (q.length === 0) return { status: 'orphan', reason: 'The stored quote is empty.' };
  const pre = foldString(target.prefix + (rawQ.startsWith(' ') ? ' ' : ''));
  const suf = foldString((rawQ.endsWith(' ') ? ' ' : '') + target.suffix);
  return new AnchorSearch(prepareText(text), target, q, pre, suf).run();
}

function agrees(errors: number, length: number): boolean {
  return errors <= length * 0.1;
}

function total(c: Candidate): number {
  return c.quoteErrors + c.contextErrors;
}

/** One anchoring: the folded text, the folded selector and the best candidate so far. */
class AnchorSearch {
  private readonly folded: string;
  private readonly contextLength: number;
  private readonly selectorLength: number;
  private readonly hint: number;
  /** Whether the stored quote starts / ends inside a word: candidates that cut words where the original did not lose ties. */
  private readonly storedMidStart: boolean;
  private readonly storedMidEnd: boolean;
  private best: Candidate | null = null;
  private seen: Set<number> | null = null;
  /** Every candidate considered, for when the best one is not acceptable. */
  private readonly all: Candidate[] = [];

  constructor(
    private readonly f: FoldedText,
    private readonly target: TextTarget,
    private readonly q: string,
    private readonly pre: string,
    private readonly suf: string,
  ) {
    this.folded = f.folded;
    this.contextLength = pre.length + suf.length;
    this.selectorLength = q.length + this.contextLength;
    this.hint = f.toFolded[Math.min(Math.max(0, target.start), f.text.length)]!;
    this.storedMidStart = isWordChar(pre.charCodeAt(pre.length - 1)) && isWordChar(q.charCodeAt(0));
    this.storedMidEnd = isWordChar(q.charCodeAt(q.length - 1)) && isWordChar(suf.charCodeAt(0));
  }

  private edgeMismatch(c: Candidate): number {
    const t = this.folded;
    return (
      Number(this.storedMidStart !== (isWordChar(t.charCodeAt(c.fs - 1)) && isWordChar(t.charCodeAt(c.fs)))) +
      Number(this.storedMidEnd !== (isWordChar(t.charCodeAt(c.fe - 1)) && isWordChar(t.charCodeAt(c.fe))))
    );
  }

  /** Fewer total errors; then edges like the original's; then fewer quote errors (the quote weighs most, as in Hypothesis); then nearer the old position. */
  private better(a: Candidate, b: Candidate | null): boolean {
    if (!b) return true;
    if (total(a) !== total(b)) return total(a) < total(b);
    const ea = this.edgeMismatch(a);
    const eb = this.edgeMismatch(b);
    if (ea !== eb) return ea < eb;
    if (a.quoteErrors !== b.quoteErrors) return a.quoteErrors < b.quoteErrors;
    return Math.abs(a.fs - this.hint) < Math.abs(b.fs - this.hint);
  }

  /** Scores a candidate; context errors beyond `limit` are not counted exactly (it cannot win then). */
  private candidate(fs: number, fe: number, quoteErrors: number, loose: boolean, limit = Infinity): Candidate {
    const prefixErrors = anchoredDistance(this.folded, fs, -1, this.pre, limit);
    const suffixErrors = prefixErrors > limit ? 0 : anchoredDistance(this.folded, fe, 1, this.suf, limit - prefixErrors);
    const pruned = prefixErrors + suffixErrors > limit;
    return { fs, fe, quoteErrors, prefixErrors, suffixErrors, contextErrors: prefixErrors + suffixErrors, loose, pruned };
  }

  private consider(fs: number, fe: number, quoteErrors: number, loose = false): void {
    if (fe <= fs) return;
    const key = fs * 0x100000000 + fe;
    if (this.seen) {
      if (this.seen.has(key)) return;
      this.seen.add(key);
    } else this.seen = new Set([key]);
    const limit = this.best ? total(this.best) - quoteErrors : Infinity;
    if (limit < 0) {
      // cannot win now, but may be needed if the winner turns out unacceptable
      this.all.push({ fs, fe, quoteErrors, prefixErrors: 0, suffixErrors: 0, contextErrors: 0, loose, pruned: true });
      return;
    }
    const c = this.candidate(fs, fe, quoteErrors, loose, limit);
    this.all.push(c);
    if (this.better(c, this.best)) this.best = c;
  }

  private finish(c: Candidate): AnchorResult {
    const { start, end } = toOriginalRange(this.f, c.fs, c.fe);
    const score = this.selectorLength > 0 ? 1 - total(c) / this.selectorLength : 1;
    const status: AnchorStatus = c.quoteErrors > 0 ? 'fuzzy' : start === this.target.start && end === this.target.end ? 'exact' : 'moved';
    return { status, start, end, score: Math.max(0, score) };
  }

  /**
   * How much the quote itself may have changed depends on how well its
   * surroundings vouch for the place: both sides intact → up to 16 characters
   * even in a short quote (a word inserted), one side → half the quote.
   */
  private allowedQuoteErrors(c: Candidate): number {
    const { q, pre, suf } = this;
    const loose = confirmedQuoteBudget(q.length);
    const bothSides = pre.length > 0 && suf.length > 0 && agrees(c.prefixErrors, pre.length) && agrees(c.suffixErrors, suf.length);
    if (bothSides) return framedQuoteBudget(q.length);
    const oneSide = agrees(c.contextErrors, this.contextLength) || agrees(c.prefixErrors, pre.length) || agrees(c.suffixErrors, suf.length);
    return oneSide ? loose : quoteBudget(q.length);
  }

  /**
   * An edge found by alignment, plus — when it cuts a word and the stored
   * quote's edge did not — the word boundaries on either side of it (an
   * alignment may place the edge anywhere among equally cheap choices).
   */
  private wordEdges(at: number, storedMid: boolean): number[] {
    const t = this.folded;
    if (storedMid || !(isWordChar(t.charCodeAt(at - 1)) && isWordChar(t.charCodeAt(at)))) return [at];
    const out = [at];
    let l = at;
    while (l > at - 16 && l > 0 && isWordChar(t.charCodeAt(l - 1))) l--;
    if (!isWordChar(t.charCodeAt(l - 1))) out.push(l);
    let r = at;
    while (r < at + 16 && r < t.length && isWordChar(t.charCodeAt(r))) r++;
    if (!isWordChar(t.charCodeAt(r))) out.push(r);
    return out;
  }

  /** Whether a candidate is close enough to the stored selector to be shown as the annotation's place. */
  private acceptable(c: Candidate): boolean {
    if (c.quoteErrors > this.allowedQuoteErrors(c)) return false;
    return c.quoteErrors === 0 || total(c) <= this.selectorLength * 0.5;
  }

  run(): AnchorResult {
    const { f, folded, q, pre, suf, contextLength } = this;

    // 1. Exact occurrences of the quote (the stored position among them),
    //      ranked by how well the context agrees, then by distance from the old position.
    const exactStarts = new Set<number>();
    for (const i of occurrences(folded, q, MAX_EXACT_CANDIDATES)) {
      if (splitsCharacter(f, i, i + q.length)) continue;
      exactStarts.add(i);
      this.consider(i, i + q.length, 0);
    }
    // An exact occurrence whose surroundings mostly agree is the answer.
    if (this.best && this.best.contextErrors <= contextLength * 0.25) return this.finish(this.best);
    // Where the text right next to the quote (16 characters each side) is found.
    const nearPre = pre.slice(-NEAR_CONTEXT);
    const nearSuf = suf.slice(0, NEAR_CONTEXT);
    const preAt = nearPre.length >= 4 ? occurrences(folded, nearPre, MAX_NEAR_CANDIDATES).map((p) => p + nearPre.length) : [];
    const sufAt = nearSuf.length >= 4 ? occurrences(folded, nearSuf, MAX_NEAR_CANDIDATES) : [];
    if (this.best) {
      const b = this.best;
      // One side agrees (a paragraph moved, a sentence was inserted next to
      // it) and nothing suggests an edited copy of the quote elsewhere.
      const pointsElsewhere = preAt.some((s) => !exactStarts.has(s)) || sufAt.some((e) => !exactStarts.has(e - q.length));
      if ((agrees(b.prefixErrors, pre.length) || agrees(b.suffixErrors, suf.length)) && !pointsElsewhere) return this.finish(b);
    }

    // 2. The quote changed but its surroundings did not: it lies between the
    //     places where its prefix ends and its suffix begins.
    const loose = confirmedQuoteBudget(q.length);
    const framed = framedQuoteBudget(q.length);
    // Room for text inserted into the quote when aligning it from one side (bounded: the matrix is quadratic).
    const room = Math.min(loose, MAX_ALIGN_ROOM) + CONTEXT_SLACK;
    if (framed > 0) {
      const paired = new Set<number>();
      // A pair whose stretch does not begin and end like the quote may have
      // swallowed text inserted at one of its edges: then also align from
      // each side alone.
      const edge = Math.min(8, Math.floor(q.length / 3));
      const edgeErrors = Math.floor(edge / 4);
      const head = q.slice(0, edge);
      const tail = q.slice(q.length - edge);
      for (const s of preAt) {
        let matched = false;
        for (const e of sufAt) {
          if (e - s >= q.length - framed && e - s <= q.length + framed && e > s) {
            this.consider(s, e, editDistance(q, folded.slice(s, e), framed));
            const edgesAgree =
              editDistance(head, folded.slice(s, s + edge), edgeErrors) <= edgeErrors &&
              editDistance(tail, folded.slice(Math.max(s, e - edge), e), edgeErrors) <= edgeErrors;
            if (edgesAgree) {
              paired.add(e);
              matched = true;
            }
          }
        }
        if (!matched && preAt.length <= MAX_ONE_SIDED) {
          const fe = s + alignedLength(folded, s, 1, q, suf, room);
          for (const end of this.wordEdges(fe, this.storedMidEnd)) this.consider(s, end, editDistance(q, folded.slice(s, end), loose));
        }
      }
      for (const e of sufAt) {
        if (paired.has(e) || sufAt.length > MAX_ONE_SIDED) continue;
        const fs = e - alignedLength(folded, e, -1, q, pre, room);
        for (const start of this.wordEdges(fs, this.storedMidStart)) this.consider(start, e, editDistance(q, folded.slice(start, e), loose));
      }
      const b = this.best as Candidate | null;
      if (b && agrees(b.contextErrors, contextLength) && b.quoteErrors <= this.allowedQuoteErrors(b)) return this.finish(b);
    }

    // 3. Approximate search over the whole text: the quote alone, and the
    //     quote with its context. Only candidates with fewer total errors than
    //     the best so far can win, which bounds the error budget of each search.
    if (exactStarts.size === 0) {
      // Only a quote match with fewer errors than the best total so far can win.
      const budget = Math.min(quoteBudget(q.length), this.best ? total(this.best) - 1 : Infinity);
      if (budget > 0) for (const m of search(folded, q, budget)) this.consider(m.start, m.end, m.errors, true);
    }
    if (contextLength > 0 && loose > 0) {
      const whole = pre + q + suf;
      const bound = this.best ? total(this.best) - 1 : loose + contextLength;
      // A stretch that differs from quote + context in more than a third of
      // its characters is no evidence of anything (and random text offers many).
      const wholeBudget = Math.min(bound, loose + contextLength, Math.floor(whole.length * WHOLE_ERROR_RATE));
      if (wholeBudget >= 0) {
        for (const m of search(folded, whole, wholeBudget)) {
          // Locate the quote inside the matched stretch (with a little room).
          const from = Math.max(0, m.start + Math.max(0, pre.length - m.errors) - loose);
          const to = Math.min(folded.length, m.end - Math.max(0, suf.length - m.errors) + loose);
          if (to - from < 1) continue;
          for (const inner of search(folded.slice(from, to), q, loose)) this.consider(from + inner.start, from + inner.end, inner.errors, true);
        }
      }
    }

    let found = this.best as Candidate | null;
    if (found === null) return { status: 'orphan', reason: 'The quote was not found in the text, not even approximately.' };

    // 3 (cont.). Settle the edges of a match found by searching for the quote alone.
    if (found.loose && found.quoteErrors > 0) {
      const fs = found.fe - alignedLength(folded, found.fe, -1, q, pre, room);
      const fe = fs + alignedLength(folded, fs, 1, q, suf, room);
      if (fe > fs && (fs !== found.fs || fe !== found.fe)) {
        const refined = this.candidate(fs, fe, editDistance(q, folded.slice(fs, fe), q.length), false);
        if (total(refined) <= total(found)) found = refined;
      }
    }

    if (this.acceptable(found)) return this.finish(found);
    // The best candidate changed too much. Another one may still be right: an
    // exact occurrence of the quote, or one barely worse than the best.
    let fallback: Candidate | null = null;
    for (let c of this.all) {
      if (c === found) continue;
      if (c.quoteErrors > 0 && c.quoteErrors + (c.pruned ? 0 : c.contextErrors) > total(found) + FALLBACK_SLACK) continue;
      if (c.pruned) c = this.candidate(c.fs, c.fe, c.quoteErrors, c.loose);
      if (c.quoteErrors > 0 && total(c) > total(found) + FALLBACK_SLACK) continue;
      if (this.acceptable(c) && this.better(c, fallback)) fallback = c;
    }
    if (fallback) return this.finish(fallback);
    if (found.quoteErrors > this.allowedQuoteErrors(found)) {
      return { status: 'orphan', reason: `The closest match differs from the quote in ${found.quoteErrors} of ${q.length} characters.` };
    }
    return { status: 'orphan', reason: 'Only a weak approximate match remains: the passage and its surroundings have changed.' };
  }
}

/** Anchors many targets in one text (the folded text is built once). */
export function anchorTargets(text: string, targets: readonly TextTarget[]): AnchorResult[] {
  prepareText(text);
  return targets.map((t) => anchorTarget(text, t));
}
