/**
 * Top-k BM25 without scoring every matching document (term-index.ts calls
 * it when only the best `top` are wanted). Documents are cut into windows of
 * 2^WINDOW_BITS ids; per term and window an upper bound of what the term can
 * add to a document's score is known (from the window's largest frequency and
 * shortest length per field, kept per term), so the query's bound per window
 * is the sum over its terms. Windows are scored exactly in order of falling
 * bound, and scoring stops at the first window whose bound is below the k-th
 * best score found: nothing left can reach the top. The result is the
 * exhaustive scorer's (same scores to the bit, same ties), only cheaper when a
 * few windows hold the best documents — which is the case for common words,
 * the costly ones.
 */
import type { ExpandedQuery, ScoredDoc, ScoreOptions } from './term-index';

const WINDOW_BITS = 6;
const WINDOW = 1 << WINDOW_BITS;
/** Shorter posting lists get no kept bounds: they are read whole at each query. */
const BLOCKED_MIN_POSTINGS = 1024;
const FIELDS = 4;
/** Bounds are summed in another order than scores: a margin keeps rounding from making a bound too low. */
const MARGIN = 1 + 1e-9;

export interface Bm25 {
  k: number;
  b: number;
  d: number;
}

/** What the scorer reads of the index. */
export interface PostingsView {
  keys: { readonly length: number; at(doc: number): string };
  fieldOf: readonly number[];
  lengthOf: readonly number[];
  alive: readonly boolean[];
  /** A term's postings: [doc, tf, …] in rising doc order, then `grown` (later documents). */
  list(term: number): ArrayLike<number>;
  grown: ReadonlyArray<ArrayLike<number> | undefined>;
  liveDf: readonly number[];
  /** Average length per field. */
  avg: readonly number[];
  /** Per document, BM25's length term (what the exhaustive scorer uses, so scores agree to the bit). */
  norm: Float64Array;
  live: number;
  /** Kept bounds per term (filled here, dropped by the index when a list changes). */
  bounds: Array<TermBounds | undefined>;
}

/** Per window a term's postings fall in: where they start, the largest tf and the shortest length per field. */
export interface TermBounds {
  /** The list length they were made from (a longer list makes them stale). */
  length: number;
  windows: Int32Array;
  /** Posting offsets (in numbers, not pairs); one more than windows. */
  starts: Int32Array;
  maxTf: Int32Array;
  minLen: Int32Array;
}

function boundsOf(view: PostingsView, list: ArrayLike<number>): TermBounds {
  const windows: number[] = [];
  const starts: number[] = [];
  const maxTf: number[] = [];
  const minLen: number[] = [];
  let current = -1;
  for (let i = 0; i < list.length; i += 2) {
    const doc = list[i]!;
    const w = doc >>> WINDOW_BITS;
    if (w !== current) {
      current = w;
      windows.push(w);
      starts.push(i);
      for (let f = 0; f < FIELDS; f++) {
        maxTf.push(0);
        minLen.push(0x7fffffff);
      }
    }
    const at = (windows.length - 1) * FIELDS + view.fieldOf[doc]!;
    if (list[i + 1]! > maxTf[at]!) maxTf[at] = list[i + 1]!;
    if (view.lengthOf[doc]! < minLen[at]!) minLen[at] = view.lengthOf[doc]!;
  }
  starts.push(list.length);
  return {
    length: list.length,
    windows: Int32Array.from(windows),
    starts: Int32Array.from(starts),
    maxTf: Int32Array.from(maxTf),
    minLen: Int32Array.from(minLen),
  };
}

/** One term of the query: its postings cut by window, each piece with a bound. */
interface Cursor {
  group: number;
  weight: number;
  idf: number;
  /** Pieces as flat triples: window, from, to — for the list, then for its later postings. */
  pieces: number[];
  lists: Array<ArrayLike<number>>;
  /** Per piece: which of `lists` it reads. */
  listOf: number[];
}

export function scoreTop(view: PostingsView, expanded: ExpandedQuery, options: ScoreOptions, bm: Bm25): ScoredDoc[] {
  const top = options.top!;
  const n = view.keys.length;
  const windowCount = (n >>> WINDOW_BITS) + 1;
  const fieldWeights = new Array<number>(FIELDS).fill(0);
  for (const [f, w] of Object.entries(options.fields)) fieldWeights[Number(f)] = w ?? 0;
  const total = Math.max(1, view.live);
  const norm = view.norm;
  const tfPart = (tf: number, lengthTerm: number) => bm.d + (tf * (bm.k + 1)) / (tf + lengthTerm);
  const lengthTerm = (len: number, field: number) => bm.k * (1 - bm.b + (bm.b * len) / view.avg[field]!);

  const bound = new Float64Array(windowCount);
  const groupsIn = new Uint16Array(windowCount);
  const lastGroup = new Int32Array(windowCount).fill(-1);
  const cursors: Cursor[] = [];
  const add = (c: Cursor, w: number, from: number, to: number, b: number) => {
    c.pieces.push(w, from, to);
    c.listOf.push(c.lists.length - 1);
    bound[w]! += b;
    if (lastGroup[w] !== c.group) {
      lastGroup[w] = c.group;
      groupsIn[w]! += 1;
    }
  };
  /** A list read whole: each window's bound is its best posting's exact contribution. */
  const scanPieces = (c: Cursor, list: ArrayLike<number>) => {
    c.lists.push(list);
    let i = 0;
    while (i < list.length) {
      const w = list[i]! >>> WINDOW_BITS;
      const from = i;
      let best = 0;
      for (; i < list.length && list[i]! >>> WINDOW_BITS === w; i += 2) {
        const doc = list[i]!;
        const field = view.fieldOf[doc]!;
        const fw = fieldWeights[field]!;
        if (!fw || !view.alive[doc]) continue;
        const s = c.weight * fw * c.idf * tfPart(list[i + 1]!, norm[doc]!);
        if (s > best) best = s;
      }
      if (best > 0) add(c, w, from, i, best * MARGIN);
    }
  };
  for (let g = 0; g < expanded.length; g++) {
    for (const [id, weight] of expanded[g]!) {
      const df = view.liveDf[id]!;
      if (df === 0) continue;
      const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
      const c: Cursor = { group: g, weight, idf, pieces: [], lists: [], listOf: [] };
      const list = view.list(id);
      if (list.length < 2 * BLOCKED_MIN_POSTINGS) scanPieces(c, list);
      else {
        let kept = view.bounds[id];
        if (!kept || kept.length !== list.length) kept = view.bounds[id] = boundsOf(view, list);
        c.lists.push(list);
        for (let j = 0; j < kept.windows.length; j++) {
          let best = 0;
          for (let f = 0; f < FIELDS; f++) {
            const tf = kept.maxTf[j * FIELDS + f]!;
            if (!tf || !fieldWeights[f]) continue;
            const s = c.weight * fieldWeights[f]! * c.idf * tfPart(tf, lengthTerm(kept.minLen[j * FIELDS + f]!, f));
            if (s > best) best = s;
          }
          if (best > 0) add(c, kept.windows[j]!, kept.starts[j]!, kept.starts[j + 1]!, best * MARGIN);
        }
      }
      const more = view.grown[id];
      if (more?.length) scanPieces(c, more);
      cursors.push(c);
    }
  }

  // windows that can hold a match, by falling bound (a match holds every group in AND, one in OR)
  const and = options.mode === 'AND';
  const need = and ? expanded.length : 1;
  const order: number[] = [];
  for (let w = 0; w < windowCount; w++) {
    if (groupsIn[w]! < need) continue;
    bound[w] = bound[w]! * (and ? expanded.length : groupsIn[w]!) * MARGIN;
    order.push(w);
  }
  order.sort((a, b) => bound[b]! - bound[a]! || a - b);

  const heap = new MinHeap(top);
  const docs: number[] = [];
  const finals: number[] = [];
  const groupsOf: number[] = [];
  const scores = new Float64Array(WINDOW);
  const hits = new Uint16Array(WINDOW);
  const seen = new Int32Array(WINDOW);
  for (const w of order) {
    if (heap.full && bound[w]! < heap.min) break;
    scores.fill(0);
    hits.fill(0);
    seen.fill(-1);
    const base = w << WINDOW_BITS;
    for (const c of cursors) {
      const g = c.group;
      // a cursor's pieces for one window: at most one per list, found by binary search on the window
      for (let p = pieceAt(c.pieces, w); p >= 0 && p * 3 < c.pieces.length && c.pieces[p * 3] === w; p++) {
        const list = c.lists[c.listOf[p]!]!;
        for (let i = c.pieces[p * 3 + 1]!, to = c.pieces[p * 3 + 2]!; i < to; i += 2) {
          const doc = list[i]!;
          if (!view.alive[doc]) continue;
          const field = view.fieldOf[doc]!;
          const fw = fieldWeights[field]!;
          if (!fw) continue;
          const l = doc - base;
          if (seen[l] !== g) {
            if (and && g > 0 && hits[l] !== g) continue; // AND: missed an earlier group
            seen[l] = g;
            hits[l]! += 1;
          }
          scores[l]! += c.weight * fw * (c.idf * tfPart(list[i + 1]!, norm[doc]!));
        }
      }
    }
    for (let l = 0; l < WINDOW; l++) {
      if (hits[l]! < need) continue;
      const doc = base + l;
      if (options.filter && !options.filter(view.keys.at(doc))) continue;
      const final = scores[l]! * hits[l]!;
      heap.offer(final);
      if (heap.full && final < heap.min) continue; // below the k-th best already: out for good
      docs.push(doc);
      finals.push(final);
      groupsOf.push(hits[l]!);
    }
  }
  const threshold = heap.full ? heap.min : Number.NEGATIVE_INFINITY;
  const out: ScoredDoc[] = [];
  for (let i = 0; i < docs.length; i++)
    if (finals[i]! >= threshold)
      out.push({ doc: docs[i]!, key: view.keys.at(docs[i]!), score: finals[i]!, groups: groupsOf[i]! });
  return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/** The first piece (index of a triple) whose window is ≥ w. */
function pieceAt(pieces: readonly number[], w: number): number {
  let lo = 0;
  let hi = pieces.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pieces[mid * 3]! < w) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The `size` largest values offered, smallest on top. */
class MinHeap {
  private readonly values: Float64Array;
  private count = 0;
  constructor(private readonly size: number) {
    this.values = new Float64Array(Math.max(1, size));
  }
  get full(): boolean {
    return this.count >= this.size;
  }
  get min(): number {
    return this.values[0]!;
  }
  offer(x: number): void {
    const v = this.values;
    if (this.count < this.size) {
      let i = this.count++;
      v[i] = x;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (v[parent]! <= v[i]!) break;
        [v[parent], v[i]] = [v[i]!, v[parent]!];
        i = parent;
      }
      return;
    }
    if (x <= v[0]!) return;
    v[0] = x;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.count && v[l]! < v[m]!) m = l;
      if (r < this.count && v[r]! < v[m]!) m = r;
      if (m === i) break;
      [v[m], v[i]] = [v[i]!, v[m]!];
      i = m;
    }
  }
}
