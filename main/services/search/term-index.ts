/**
 * A compact inverted index with BM25 ranking, prefix and fuzzy term
 * expansion, incremental add / discard, and a binary snapshot that loads
 * without re-analysing text.
 *
 * Why not MiniSearch (which the first version used): in bench/search.bench.ts
 * (5,000 sources / 50,000 annotations, on the shared build machine) its JSON
 * snapshot was 45 MB and took 1.7 s to load (JSON.parse alone 0.6 s), and a
 * build took 18 s and 1.9 GB of heap — far outside the targets (build ≤ 5 s,
 * load ≤ 300 ms; docs/decisions/0005-own-search-index.md). Postings here are
 * flat number arrays and the snapshot is a few Int32Arrays, so loading is a view over the file's
 * bytes, not an object graph.
 *
 * Terms arrive already analysed (see analyzer.ts); this module only counts.
 */

import { boundedDistance, kthLargest, lowerBound } from './rank-helpers';
import { DossierError } from '../../../shared/errors';
import { DocKeys } from './doc-keys';
import { IntBuffer, type TermIndexSnapshot } from './term-snapshot';
import { scoreTop, type PostingsView, type TermBounds } from './top-score';

export type { TermIndexSnapshot } from './term-snapshot';

export const Field = { Text: 0, Title: 1, Note: 2, Name: 3 } as const;

/** A score as reported to callers: three decimals. */
export const roundScore = (x: number) => Math.round(x * 1000) / 1000;
export type Field = (typeof Field)[keyof typeof Field];
const FIELD_COUNT = 4;

/** BM25+ parameters (the ones MiniSearch uses). */
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_EXPANSIONS = 64;
const BM25 = { k: K, b: B, d: D };

export interface TermQuery {
  term: string;
  prefix?: boolean;
  /** Maximum edit distance (0 or undefined: none). */
  fuzzy?: number;
  boost?: number;
}

/** One word of a query: any of its variants may match. */
export type QueryGroup = TermQuery[];

export interface ScoredDoc {
  doc: number;
  key: string;
  score: number;
  /** How many groups matched. */
  groups: number;
}

export interface ScoreOptions {
  mode: 'AND' | 'OR';
  /** Weight per field; a field not listed (or 0) is not searched. */
  fields: Partial<Record<Field, number>>;
  /** Called at most once per matching document (before sorting). */
  filter?: (key: string) => boolean;
  /** Only the best `top` documents are wanted (ties included): documents that cannot reach them may go unscored. */
  top?: number;
}

export class TermIndex {
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  /**
   * Per term: [doc, tf, doc, tf, …] (discarded documents linger until the next
   * snapshot). Lists loaded from a snapshot are views into one Int32Array,
   * never copied, made when first read (`list`): what is added later goes to `grown`.
   */
  private postings: Array<number[] | Int32Array | undefined> = [];
  /** A loaded snapshot's postings, and where each term's start in them (one more: the end). */
  private loadedPostings: Int32Array | undefined;
  private loadedAt: Float64Array | undefined;
  /** Per term whose list is a loaded view: the postings added since the load. */
  private grown: Array<number[] | undefined> = [];
  /** Per term: live documents holding it. */
  private liveDf: number[] = [];
  /** Per document: its term ids (to keep `liveDf` right on discard); not kept for documents loaded from a snapshot. */
  private docTerms: Array<number[] | undefined> = [];
  /**
   * Loaded documents discarded so far (their terms are not known without
   * their text), and per term how many there were when its `liveDf` was last
   * counted: a term read after another such discard is counted again from its
   * own postings (`df`) — a query pays for its own terms, not for every list.
   */
  private loadedDiscards = 0;
  private dfCountedAt: number[] = [];
  /** All terms in sorted order (for prefix and fuzzy expansion). */
  private sorted: string[] = [];
  private sortedDirty = false;
  /** Per long posting list: window bounds for top-k scoring (top-score.ts), made at its first query. */
  private bounds: Array<TermBounds | undefined> = [];
  private normCache: Float64Array | undefined;

  private keys = new DocKeys();
  /** Key → document; for a loaded index made on first need (a load builds no map of every passage). */
  private keyMap: Map<string, number> | undefined = new Map<string, number>();
  private live = 0;
  private fieldOf: number[] = [];
  private lengthOf: number[] = [];
  private alive: boolean[] = [];
  private fieldTotals = new Array<number>(FIELD_COUNT).fill(0);
  private fieldCounts = new Array<number>(FIELD_COUNT).fill(0);
  private dead = 0;

  private tfBuf = new Uint32Array(0);
  // scratch buffers for scoring
  private scoreBuf = new Float64Array(0);
  private groupBuf = new Uint16Array(0);
  private markBuf = new Uint32Array(0);
  private epoch = 0;

  private get keyToDoc(): Map<string, number> {
    if (!this.keyMap) {
      this.keyMap = new Map();
      for (let d = 0; d < this.keys.length; d++) if (this.alive[d]) this.keyMap.set(this.keys.at(d), d);
    }
    return this.keyMap;
  }

  get documentCount(): number {
    return this.live;
  }

  get termCount(): number {
    return this.termIds.size;
  }

  has(key: string): boolean {
    return this.keyToDoc.has(key);
  }

  /** Adds a document (replacing one with the same key). */
  add(key: string, field: Field, terms: readonly string[], bulk = false): void {
    if (this.keyToDoc.has(key)) this.discard(key);
    this.normCache = undefined;
    const doc = this.keys.length;
    this.keys.push(key);
    this.keyToDoc.set(key, doc);
    this.live++;
    this.fieldOf.push(field);
    this.lengthOf.push(terms.length);
    this.alive.push(true);
    this.fieldTotals[field]! += terms.length;
    this.fieldCounts[field]! += 1;
    // count term frequencies by term id in a scratch array (no map per document)
    const ids: number[] = [];
    for (const term of terms) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
        this.postings.push([]);
        this.liveDf.push(0);
        this.dfCountedAt.push(this.loadedDiscards);
        if (bulk) this.sortedDirty = true;
        else this.insertSorted(term);
      }
      if (id >= this.tfBuf.length) {
        const next = new Uint32Array(Math.max(1024, this.tfBuf.length * 2, id + 1));
        next.set(this.tfBuf);
        this.tfBuf = next;
      }
      if (this.tfBuf[id] === 0) ids.push(id);
      this.tfBuf[id]! += 1;
    }
    for (const id of ids) {
      const list = this.postings[id]!;
      if (Array.isArray(list)) list.push(doc, this.tfBuf[id]!);
      else (this.grown[id] ??= []).push(doc, this.tfBuf[id]!);
      this.tfBuf[id] = 0;
      this.liveDf[id]! += 1;
    }
    this.docTerms.push(ids);
  }

  /** Marks a document as gone; its postings are skipped and dropped at the next snapshot. */
  discard(key: string): void {
    const doc = this.keyToDoc.get(key);
    if (doc === undefined) return;
    this.keyToDoc.delete(key);
    this.normCache = undefined;
    this.live--;
    this.alive[doc] = false;
    this.fieldTotals[this.fieldOf[doc]!]! -= this.lengthOf[doc]!;
    this.fieldCounts[this.fieldOf[doc]!]! -= 1;
    const ids = this.docTerms[doc];
    if (ids) for (const id of ids) this.liveDf[id]! -= 1;
    else this.loadedDiscards++;
    this.docTerms[doc] = undefined;
    this.dead++;
  }

  /** Live documents holding term `t` (counted again after a loaded document was discarded). */
  private df(t: number): number {
    if (this.dfCountedAt[t] !== this.loadedDiscards) {
      let live = 0;
      for (const list of [this.list(t), this.grown[t] ?? []])
        for (let i = 0; i < list.length; i += 2) if (this.alive[list[i]!]) live++;
      this.liveDf[t] = live;
      this.dfCountedAt[t] = this.loadedDiscards;
    }
    return this.liveDf[t]!;
  }

  /** Number of live documents holding `term`. */
  docFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.df(id);
  }

  private insertSorted(term: string): void {
    if (this.sortedDirty) return;
    const at = lowerBound(this.sorted, term);
    this.sorted.splice(at, 0, term);
  }

  private sortedTerms(): string[] {
    if (this.sortedDirty) {
      this.sorted = [...this.terms].sort();
      this.sortedDirty = false;
    }
    return this.sorted;
  }

  /** The index terms a query term stands for, with their weights. */
  expand(q: TermQuery): Array<[number, number]> {
    const out = new Map<number, number>();
    const exact = this.termIds.get(q.term);
    if (exact !== undefined) out.set(exact, 1);
    const sorted = q.prefix || q.fuzzy ? this.sortedTerms() : undefined;
    if (q.prefix && sorted) {
      const found: Array<[number, number]> = [];
      for (let i = lowerBound(sorted, q.term); i < sorted.length && sorted[i]!.startsWith(q.term); i++) {
        const id = this.termIds.get(sorted[i]!)!;
        if (id === exact) continue;
        found.push([id, (PREFIX_WEIGHT * q.term.length) / sorted[i]!.length]);
      }
      if (found.length > MAX_EXPANSIONS)
        found.sort((a, b) => this.df(b[0]) - this.df(a[0]) || a[0] - b[0]).length = MAX_EXPANSIONS;
      for (const [id, w] of found) out.set(id, Math.max(out.get(id) ?? 0, w));
    }
    if (q.fuzzy && sorted && q.term.length > 1) {
      // candidates share the first letter (typos there are rare) and are close in length
      const first = q.term[0]!;
      const found: Array<[number, number]> = [];
      for (let i = lowerBound(sorted, first); i < sorted.length && sorted[i]![0] === first; i++) {
        const t = sorted[i]!;
        if (Math.abs(t.length - q.term.length) > q.fuzzy) continue;
        const d = boundedDistance(q.term, t, q.fuzzy);
        if (d <= 0 || d > q.fuzzy) continue;
        found.push([this.termIds.get(t)!, (FUZZY_WEIGHT * q.term.length) / (q.term.length + d)]);
      }
      if (found.length > MAX_EXPANSIONS) found.sort((a, b) => b[1] - a[1] || a[0] - b[0]).length = MAX_EXPANSIONS;
      for (const [id, w] of found) out.set(id, Math.max(out.get(id) ?? 0, w));
    }
    return [...out.entries()];
  }

  /** Every group's index terms with their weights (expansion done once per query). */
  expandAll(groups: readonly QueryGroup[]): ExpandedQuery {
    return groups.map((g) => {
      const merged = new Map<number, number>();
      for (const q of g)
        for (const [id, w] of this.expand(q)) merged.set(id, Math.max(merged.get(id) ?? 0, w * (q.boost ?? 1)));
      return [...merged.entries()];
    });
  }

  /** The index terms a query stands for after expansion (for highlighting). */
  expandedTerms(expanded: ExpandedQuery): Set<string> {
    const out = new Set<string>();
    for (const g of expanded) for (const [id] of g) out.add(this.terms[id]!);
    return out;
  }

  /** BM25 over the groups: AND needs every group to match; the score is multiplied by the groups matched. */
  score(groups: readonly QueryGroup[] | ExpandedQuery, options: ScoreOptions): ScoredDoc[] {
    const expanded = isExpanded(groups) ? groups : this.expandAll(groups);
    for (const group of expanded) for (const [id] of group) this.df(id); // the scorers read `liveDf`
    const avg = this.fieldTotals.map((t, i) => (this.fieldCounts[i]! > 0 ? t / this.fieldCounts[i]! : 1));
    if (options.top !== undefined && options.top > 0) return scoreTop(this.view(avg), expanded, options, BM25);
    return this.scoreAll(expanded, options, avg);
  }

  private view(avg: number[]): PostingsView {
    const { keys, fieldOf, lengthOf, alive, grown, liveDf, live, bounds } = this;
    const list = (t: number) => this.list(t);
    return { keys, fieldOf, lengthOf, alive, list, grown, liveDf, live, bounds, avg, norm: this.norms(avg) };
  }

  /** A term's postings (made a view at first read when loaded). */
  private list(t: number): number[] | Int32Array {
    let list = this.postings[t];
    if (list === undefined) {
      list = this.loadedPostings!.subarray(this.loadedAt![t], this.loadedAt![t + 1]);
      this.postings[t] = list;
    }
    return list;
  }

  /** Per document, BM25's length term K·(1 − B + B·length / average length): made again after a change. */
  private norms(avg: number[]): Float64Array {
    if (this.normCache) return this.normCache;
    const out = new Float64Array(this.keys.length);
    for (let d = 0; d < out.length; d++) out[d] = K * (1 - B + (B * this.lengthOf[d]!) / avg[this.fieldOf[d]!]!);
    return (this.normCache = out);
  }

  /** Every matching document scored (the reference the top-k scorer must match). */
  private scoreAll(expanded: ExpandedQuery, options: ScoreOptions, avg: number[]): ScoredDoc[] {
    const n = this.keys.length;
    if (this.scoreBuf.length < n) {
      this.scoreBuf = new Float64Array(n + 1024);
      this.groupBuf = new Uint16Array(n + 1024);
      this.markBuf = new Uint32Array(n + 1024);
      this.epoch = 0;
    }
    const scores = this.scoreBuf;
    const groupHits = this.groupBuf;
    const mark = this.markBuf;
    const touched: number[] = [];
    const fieldWeights = new Array<number>(FIELD_COUNT).fill(0);
    for (const [f, w] of Object.entries(options.fields)) fieldWeights[Number(f)] = w ?? 0;
    const total = Math.max(1, this.live);
    const norm = this.norms(avg);
    for (let g = 0; g < expanded.length; g++) {
      const epochG = ++this.epoch;
      for (const [id, weight] of expanded[g]!) {
        const df = this.liveDf[id]!;
        if (df === 0) continue;
        const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
        const scan = (list: number[] | Int32Array) => {
          for (let i = 0; i < list.length; i += 2) {
            const doc = list[i]!;
            if (!this.alive[doc]) continue;
            const field = this.fieldOf[doc]!;
            const fw = fieldWeights[field]!;
            if (!fw) continue;
            const tf = list[i + 1]!;
            const s = idf * (D + (tf * (K + 1)) / (tf + norm[doc]!));
            if (mark[doc]! < epochG) {
              if (g === 0 || options.mode === 'OR') {
                if (groupHits[doc] === 0 && scores[doc] === 0) touched.push(doc);
              } else if (groupHits[doc] !== g) continue; // AND: missed an earlier group
              mark[doc] = epochG;
              groupHits[doc]! += 1;
            }
            scores[doc]! += weight * fw * s;
          }
        };
        scan(this.list(id));
        const more = this.grown[id];
        if (more) scan(more);
      }
    }
    // candidates as two flat lists: objects are made only for the ones kept (a common word matches most passages)
    const docs: number[] = [];
    const finals: number[] = [];
    const groupsOf: number[] = [];
    const need = options.mode === 'AND' ? expanded.length : 1;
    for (const doc of touched) {
      const hits = groupHits[doc]!;
      const score = scores[doc]!;
      scores[doc] = 0;
      groupHits[doc] = 0;
      mark[doc] = 0;
      if (hits < need) continue;
      if (options.filter && !options.filter(this.keys.at(doc))) continue;
      docs.push(doc);
      finals.push(score * hits);
      groupsOf.push(hits);
    }
    this.epoch = 0;
    const top = options.top;
    // keep the best `top` (and ties) without sorting everything
    const threshold =
      top !== undefined && docs.length > top ? kthLargest(Float64Array.from(finals), top) : Number.NEGATIVE_INFINITY;
    const out: ScoredDoc[] = [];
    for (let i = 0; i < docs.length; i++)
      if (finals[i]! >= threshold)
        out.push({ doc: docs[i]!, key: this.keys.at(docs[i]!), score: finals[i]!, groups: groupsOf[i]! });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  // ------------------------------------------------------------ snapshot

  /** A compact snapshot (live documents only). */
  toSnapshot(): TermIndexSnapshot {
    const remap = new Int32Array(this.keys.length).fill(-1);
    const keys: string[] = [];
    const fields: number[] = [];
    const lengths: number[] = [];
    for (let d = 0; d < this.keys.length; d++) {
      if (!this.alive[d]) continue;
      remap[d] = keys.length;
      keys.push(this.keys.at(d));
      fields.push(this.fieldOf[d]!);
      lengths.push(this.lengthOf[d]!);
    }
    const terms: string[] = [];
    const counts = new IntBuffer();
    const flat = new IntBuffer();
    // terms in sorted order, so a loaded index needs no sort before its first prefix search
    for (const term of this.sortedTerms()) {
      const t = this.termIds.get(term)!;
      const lists = [this.list(t), this.grown[t] ?? []];
      let live = 0;
      for (const list of lists) for (let i = 0; i < list.length; i += 2) if (remap[list[i]!]! >= 0) live++;
      if (!live) continue;
      terms.push(this.terms[t]!);
      counts.push(live);
      for (const list of lists)
        for (let i = 0; i < list.length; i += 2) {
          const d = remap[list[i]!]!;
          if (d >= 0) flat.push(d, list[i + 1]!);
        }
    }
    const meta = new IntBuffer();
    for (let i = 0; i < keys.length; i++) meta.push(fields[i]!, lengths[i]!);
    return {
      terms: terms.join('\n'),
      counts: counts.values(),
      postings: flat.values(),
      keys: keys.join('\n'),
      docs: meta.values(),
    };
  }

  /** An index over a snapshot's arrays (not copied); throws `corrupt` when they do not hold together. */
  static fromSnapshot(s: TermIndexSnapshot): TermIndex {
    const unreadable = () => DossierError.of('corrupt', 'search.indexUnreadable');
    const index = new TermIndex();
    const meta = s.docs;
    const n = meta.length / 2;
    const keys = Number.isInteger(n) ? DocKeys.fromLines(s.keys, n) : undefined;
    if (!keys) throw unreadable();
    index.keys = keys;
    index.fieldOf = new Array<number>(n);
    index.lengthOf = new Array<number>(n);
    index.alive = new Array<boolean>(n).fill(true);
    index.docTerms = new Array<number[] | undefined>(n);
    for (let d = 0; d < n; d++) {
      const field = meta[2 * d]!;
      const length = meta[2 * d + 1]!;
      if (!(field >= 0 && field < FIELD_COUNT && length >= 0)) throw unreadable();
      index.fieldOf[d] = field;
      index.lengthOf[d] = length;
      index.fieldTotals[field]! += length;
      index.fieldCounts[field]! += 1;
    }
    index.live = n;
    index.keyMap = undefined;
    index.terms = s.terms ? s.terms.split('\n') : [];
    const counts = s.counts;
    const terms = index.terms.length;
    if (counts.length !== terms) throw unreadable();
    // the lists are made views when first read (`list`): 20,000 terms need no 20,000 objects at load
    const at = new Float64Array(terms + 1);
    for (let t = 0; t < terms; t++) {
      index.termIds.set(index.terms[t]!, t);
      const count = counts[t]!;
      if (!(count >= 0)) throw unreadable();
      index.liveDf.push(count);
      at[t + 1] = at[t]! + 2 * count;
    }
    if (at[terms] !== s.postings.length || index.termIds.size !== terms) throw unreadable();
    for (let i = 0; i < s.postings.length; i += 2) if (!(s.postings[i]! >= 0 && s.postings[i]! < n)) throw unreadable();
    index.postings = new Array<undefined>(terms);
    index.dfCountedAt = new Array<number>(terms).fill(0);
    index.loadedPostings = s.postings;
    index.loadedAt = at;
    index.sorted = [...index.terms];
    index.sortedDirty = false;
    return index;
  }
}

/** Per group: [term id, weight] pairs. */
export type ExpandedQuery = Array<Array<[number, number]>>;

function isExpanded(q: readonly QueryGroup[] | ExpandedQuery): q is ExpandedQuery {
  return q.length > 0 && Array.isArray(q[0]![0]);
}
