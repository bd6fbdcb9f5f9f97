/**
 * One anchoring run (see the attempts listed in index.ts): exact occurrences
 * ranked by their context, a quote framed by unchanged context, then
 * approximate search (approx-string-match), with the error budgets that decide
 * when a candidate is still the annotated passage. Pure: no DOM, no Node.
 */
import search from 'approx-string-match';
import type { TextTarget } from '../model';
import type { AnchorResult, AnchorStatus } from './index';
import type { FoldedText } from './fold';
import { CONTEXT_SLACK, alignedLength, anchoredDistance, editDistance } from './distance';
import { isWordChar, splitsCharacter, toOriginalRange } from './offsets';

/** Most exact occurrences of a quote that are ranked (a very common short quote). */
const MAX_EXACT_CANDIDATES = 2000;

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

function occurrences(haystack: string, needle: string, cap: number): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let i = haystack.indexOf(needle); i !== -1 && out.length < cap; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
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
function agrees(errors: number, length: number): boolean {
  return errors <= length * 0.1;
}

function total(c: Candidate): number {
  return c.quoteErrors + c.contextErrors;
}

/** One anchoring: the folded text, the folded selector and the best candidate so far. */
export class AnchorSearch {
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
    const suffixErrors =
      prefixErrors > limit ? 0 : anchoredDistance(this.folded, fe, 1, this.suf, limit - prefixErrors);
    const pruned = prefixErrors + suffixErrors > limit;
    return {
      fs,
      fe,
      quoteErrors,
      prefixErrors,
      suffixErrors,
      contextErrors: prefixErrors + suffixErrors,
      loose,
      pruned,
    };
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
    const status: AnchorStatus =
      c.quoteErrors > 0 ? 'fuzzy' : start === this.target.start && end === this.target.end ? 'exact' : 'moved';
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
    const bothSides =
      pre.length > 0 && suf.length > 0 && agrees(c.prefixErrors, pre.length) && agrees(c.suffixErrors, suf.length);
    if (bothSides) return framedQuoteBudget(q.length);
    const oneSide =
      agrees(c.contextErrors, this.contextLength) ||
      agrees(c.prefixErrors, pre.length) ||
      agrees(c.suffixErrors, suf.length);
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
    const preAt =
      nearPre.length >= 4 ? occurrences(folded, nearPre, MAX_NEAR_CANDIDATES).map((p) => p + nearPre.length) : [];
    const sufAt = nearSuf.length >= 4 ? occurrences(folded, nearSuf, MAX_NEAR_CANDIDATES) : [];
    if (this.best) {
      const b = this.best;
      // One side agrees (a paragraph moved, a sentence was inserted next to
      // it) and nothing suggests an edited copy of the quote elsewhere.
      const pointsElsewhere =
        preAt.some((s) => !exactStarts.has(s)) || sufAt.some((e) => !exactStarts.has(e - q.length));
      if ((agrees(b.prefixErrors, pre.length) || agrees(b.suffixErrors, suf.length)) && !pointsElsewhere)
        return this.finish(b);
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
          for (const end of this.wordEdges(fe, this.storedMidEnd))
            this.consider(s, end, editDistance(q, folded.slice(s, end), loose));
        }
      }
      for (const e of sufAt) {
        if (paired.has(e) || sufAt.length > MAX_ONE_SIDED) continue;
        const fs = e - alignedLength(folded, e, -1, q, pre, room);
        for (const start of this.wordEdges(fs, this.storedMidStart))
          this.consider(start, e, editDistance(q, folded.slice(start, e), loose));
      }
      const b = this.best as Candidate | null;
      if (b && agrees(b.contextErrors, contextLength) && b.quoteErrors <= this.allowedQuoteErrors(b))
        return this.finish(b);
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
          for (const inner of search(folded.slice(from, to), q, loose))
            this.consider(from + inner.start, from + inner.end, inner.errors, true);
        }
      }
    }

    let found = this.best as Candidate | null;
    if (found === null) return { status: 'orphan', reason: 'not-found' };

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
      if (c.quoteErrors > 0 && c.quoteErrors + (c.pruned ? 0 : c.contextErrors) > total(found) + FALLBACK_SLACK)
        continue;
      if (c.pruned) c = this.candidate(c.fs, c.fe, c.quoteErrors, c.loose);
      if (c.quoteErrors > 0 && total(c) > total(found) + FALLBACK_SLACK) continue;
      if (this.acceptable(c) && this.better(c, fallback)) fallback = c;
    }
    if (fallback) return this.finish(fallback);
    if (found.quoteErrors > this.allowedQuoteErrors(found)) {
      return { status: 'orphan', reason: 'quote-changed', differing: found.quoteErrors, length: q.length };
    }
    return { status: 'orphan', reason: 'weak-match' };
  }
}
