/**
 * One full-text index over a notebook: source paragraphs (so a hit points at
 * a passage), titles, annotation notes, actor names and aliases; annotation
 * quotes are found through the paragraphs that hold them. Updated
 * incrementally, persisted with `serialize` / `load` (the format:
 * index-format.ts; source texts are not part of it, they come from a
 * `SourceTexts`), and the base of `corroborate` (corroborate.ts). This
 * module builds, updates and queries it; filters.ts turns search filters into
 * checks.
 *
 * Matching: per-language stop words and stemming, diacritics folded, prefix
 * and fuzzy matching; snippets are shown as written. Free text matches words,
 * never an actor's aliases ("Paris" does not find "Elysée"): aliases count in
 * the actor filter (filters.ts) and the actor search.
 */
import type { Actor, Annotation, Source, Tag } from '../../../shared/model';
import type { ActorHit, CorroborationHit, SearchFilters, SearchHit } from '../../../shared/api/search';
import { AliasMatcher, richDocToText, tokenize } from '../../../shared/text';
import { analyze, isCanonicalTerm, queryVariants, STEMMED_LANGUAGES, wordTerms } from './analyzer';
import { corroborate, type CorroborateOptions } from './corroborate';
import { filterFor, type SearchFilter } from './filters';
import {
  AnnotationEntry,
  decodeIndex,
  emptyContents,
  encodeIndex,
  MemoryTexts,
  SourceEntry,
  type IndexContents,
  type SourceTexts,
} from './index-format';
import {
  Field,
  roundScore as round,
  TermIndex,
  type QueryGroup,
  type ScoredDoc,
  type TermIndexSnapshot,
} from './term-index';

export type { CorroborateOptions } from './corroborate';
export { MemoryTexts, type SourceTexts } from './index-format';

export interface IndexData {
  sources: Array<Pick<Source, 'id' | 'title' | 'language' | 'text'> & Partial<Pick<Source, 'outlet' | 'publishedAt'>>>;
  annotations: Annotation[];
  actors: Actor[];
  tags: Tag[];
}

type IndexedSource = IndexData['sources'][number];

/*
 * Document keys: `p:<sourceId>:<n>` (paragraph n), `t:<sourceId>` (title),
 * `n:<annotationId>` (note), `r:<actorId>` (actor name and aliases).
 */

const SNIPPET_CHARS = 220;
const SEARCH_FIELDS = { [Field.Text]: 1, [Field.Title]: 1.5, [Field.Note]: 1 };

function paragraphRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // A paragraph: from a non-space character to the next blank line (or the end), trailing spaces dropped.
  // Two searches that only move forward, so the whole text is read once.
  const nonSpace = /\S/g;
  const blankLine = /\n[ \t\u00a0]*\n/g;
  for (;;) {
    const start = nonSpace.exec(text)?.index;
    if (start === undefined) break;
    blankLine.lastIndex = start;
    const end = blankLine.exec(text)?.index ?? text.length;
    out.push([start, start + text.slice(start, end).trimEnd().length]);
    nonSpace.lastIndex = end;
  }
  return out;
}

const actorTerms = (actor: Actor) => analyze([actor.name, ...actor.aliases].join(' \n '), 'und');

/** The index's contents (index-format.ts), as fields of the index itself. */
// The constructor assigns every IndexContents field (Object.assign from a complete value), so the merge is sound.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface SearchIndex extends IndexContents {}

/**
 * The index. Its contents and postings are readable by filters.ts and
 * corroborate.ts (nothing outside this folder reads them); every change goes
 * through the methods below.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class SearchIndex {
  readonly idx: TermIndex;
  private matcherCache: AliasMatcher | undefined;

  private constructor(
    readonly texts: SourceTexts,
    snapshot?: TermIndexSnapshot,
    contents: IndexContents = emptyContents(),
  ) {
    Object.assign(this, contents);
    this.idx = snapshot ? TermIndex.fromSnapshot(snapshot) : new TermIndex();
  }

  // ------------------------------------------------------------ building

  /** An empty index whose source texts come from `texts`. */
  static empty(texts: SourceTexts = new MemoryTexts()): SearchIndex {
    return new SearchIndex(texts);
  }

  static build(data: IndexData, texts: SourceTexts = new MemoryTexts()): SearchIndex {
    const index = new SearchIndex(texts);
    for (const tag of data.tags) index.tags.set(tag.id, tag);
    for (const actor of data.actors) index.addActor(actor, true);
    for (const source of data.sources) index.addSource(source, true);
    for (const a of data.annotations) index.addAnnotation(a, index.sources.get(a.sourceId)?.text, true);
    return index;
  }

  /** Adds a source while building (bulk: the sorted term list is made once, at the first query). */
  addForBuild(source: IndexedSource, annotations: readonly Annotation[]): void {
    this.addSource(source, true);
    for (const a of annotations) this.addAnnotation(a, source.text, true);
  }

  /** Adds or replaces a source (its paragraphs and title). Its annotations stay. */
  upsertSource(source: IndexedSource): void {
    this.removeSourceDocs(source.id);
    this.addSource(source, false);
  }

  /** Removes a source and its annotations. */
  removeSource(id: string): void {
    this.removeSourceDocs(id);
    for (const annId of [...(this.bySource.get(id) ?? [])]) this.removeAnnotation(annId);
    this.bySource.delete(id);
    this.texts.delete(id);
  }

  /** Adds or replaces an annotation; `sourceText` is only needed if the source is not in the index. */
  upsertAnnotation(a: Annotation, sourceText?: string): void {
    this.removeAnnotation(a.id);
    this.addAnnotation(a, sourceText ?? this.sources.get(a.sourceId)?.text, false);
  }

  removeAnnotation(id: string): void {
    const entry = this.annotations.get(id);
    if (!entry) return;
    this.idx.discard(`n:${id}`);
    this.annotations.delete(id);
    this.bySource.get(entry.sourceId)?.delete(id);
  }

  upsertActor(actor: Actor): void {
    this.addActor(actor, false);
  }

  private addActor(actor: Actor, bulk: boolean): void {
    this.idx.discard(`r:${actor.id}`); // while the old aliases are still known
    this.actors.set(actor.id, actor);
    this.idx.add(`r:${actor.id}`, Field.Name, actorTerms(actor), bulk);
    this.matcherCache = undefined;
  }

  removeActor(id: string): void {
    if (!this.actors.has(id)) return;
    this.idx.discard(`r:${id}`);
    this.actors.delete(id);
    this.matcherCache = undefined;
  }

  upsertTag(tag: Tag): void {
    this.tags.set(tag.id, tag);
  }

  removeTag(id: string): void {
    this.tags.delete(id);
  }

  private addSource(source: IndexedSource, bulk: boolean): void {
    const fields = { id: source.id, title: source.title, language: source.language };
    const optional = { outlet: source.outlet, publishedAt: source.publishedAt };
    const entry = new SourceEntry({ ...fields, ...optional }, paragraphRanges(source.text), this.texts);
    this.texts.put(source.id, source.text);
    this.sources.set(source.id, entry);
    this.languages.set(entry.language, (this.languages.get(entry.language) ?? 0) + 1);
    this.idx.add(`t:${source.id}`, Field.Title, analyze(source.title, entry.language), bulk);
    entry.paragraphs.forEach(([s, e], n) =>
      this.idx.add(`p:${source.id}:${n}`, Field.Text, analyze(source.text.slice(s, e), entry.language), bulk),
    );
  }

  private removeSourceDocs(id: string): void {
    const old = this.sources.get(id);
    if (!old) return;
    this.idx.discard(`t:${id}`);
    for (let n = 0; n < old.paragraphs.length; n++) this.idx.discard(`p:${id}:${n}`);
    this.sources.delete(id);
    const count = (this.languages.get(old.language) ?? 1) - 1;
    if (count > 0) this.languages.set(old.language, count);
    else this.languages.delete(old.language);
  }

  private addAnnotation(a: Annotation, sourceText: string | undefined, bulk: boolean): void {
    const atOffsets = sourceText?.slice(a.target.start, a.target.end);
    const exact = a.target.exact || atOffsets || '';
    const note = a.note ? richDocToText(a.note) : '';
    const { start, end } = a.target;
    const ownExact = exact === atOffsets ? undefined : exact;
    const actorIds = a.actors.map((l) => l.actorId);
    const entry = new AnnotationEntry(
      a.id,
      a.sourceId,
      start,
      end,
      ownExact,
      [...a.tagIds],
      a.status,
      actorIds,
      note,
      this.texts,
    );
    this.annotations.set(a.id, entry);
    let set = this.bySource.get(a.sourceId);
    if (!set) this.bySource.set(a.sourceId, (set = new Set()));
    set.add(a.id);
    if (note)
      this.idx.add(`n:${a.id}`, Field.Note, analyze(note, this.sources.get(a.sourceId)?.language ?? 'und'), bulk);
  }

  get matcher(): AliasMatcher {
    return (this.matcherCache ??= new AliasMatcher([...this.actors.values()]));
  }

  // ------------------------------------------------------------ persistence

  /** The whole index as bytes (index-format.ts). */
  serialize(): Buffer {
    return encodeIndex(this.idx.toSnapshot(), this);
  }

  /** Restores an index written by `serialize` without re-analysing any text; texts come from `texts`. */
  static load(bytes: Buffer, texts: SourceTexts): SearchIndex {
    const { snapshot, contents } = decodeIndex(bytes, texts);
    return new SearchIndex(texts, snapshot, contents);
  }

  /** The indexed metadata of a source (to tell whether a listed source changed). */
  sourceEntry(id: string): SourceEntry | undefined {
    return this.sources.get(id);
  }

  annotationSourceId(id: string): string | undefined {
    return this.annotations.get(id)?.sourceId;
  }

  /** Ids of the annotations indexed for a source. */
  annotationIdsOf(sourceId: string): string[] {
    return [...(this.bySource.get(sourceId) ?? [])];
  }

  /** Ids of the indexed sources. */
  sourceIds(): string[] {
    return [...this.sources.keys()];
  }

  /** Whether a source is indexed. */
  hasSource(id: string): boolean {
    return this.sources.has(id);
  }

  stats(): { sources: number; annotations: number; actors: number; documents: number; terms: number } {
    return {
      sources: this.sources.size,
      annotations: this.annotations.size,
      actors: this.actors.size,
      documents: this.idx.documentCount,
      terms: this.idx.termCount,
    };
  }

  // ------------------------------------------------------------ search

  /** Passages, titles and annotations matching `query`, best first. */
  search(query: string, filters: SearchFilters = {}, limit = 20): SearchHit[] {
    const groups = this.queryGroups(query);
    if (!groups) return [];
    const f = filterFor(this, filters);
    const expanded = this.idx.expandAll(groups);
    // a result yields up to a few hits (a passage and the claims in it) or none (filtered out): ask for some spare
    const top = limit * 3 + 10;
    const run = (mode: 'AND' | 'OR', topK?: number) =>
      this.idx.score(expanded, { mode, fields: SEARCH_FIELDS, filter: f.docOk, top: topK });
    let mode: 'AND' | 'OR' = 'AND';
    let results = run(mode, top);
    if (results.length === 0 && groups.length > 1) results = run((mode = 'OR'), top);
    const terms = this.idx.expandedTerms(expanded);
    const collect = () => this.collectHits(results, f, terms, limit);
    let hits = collect();
    if (hits.length < limit && results.length >= top) {
      results = run(mode);
      hits = collect();
    }
    return hits;
  }

  private collectHits(results: ScoredDoc[], f: SearchFilter, terms: Set<string>, limit: number): SearchHit[] {
    const hits: SearchHit[] = [];
    const seenAnnotations = new Set<string>();
    const pushAnnotation = (a: AnnotationEntry, score: number, inNote: boolean) => {
      if (seenAnnotations.has(a.id) || !f.annotationOk(a)) return;
      seenAnnotations.add(a.id);
      hits.push(this.annotationHit(a, score, terms, inNote));
    };
    for (const r of results) {
      if (hits.length >= limit) break;
      const id = r.key;
      if (id.startsWith('n:')) {
        const a = this.annotations.get(id.slice(2));
        if (a) pushAnnotation(a, r.score, true);
        continue;
      }
      if (id.startsWith('t:')) {
        const s = this.sources.get(id.slice(2));
        if (!s || f.annotationsOnly || !f.passageOk(s, s.title, undefined)) continue;
        const snippet = openingOf(s);
        hits.push({
          sourceId: s.id,
          kind: 'title',
          snippet,
          score: round(r.score),
          highlights: highlightsIn(snippet, s.language, terms),
          titleHighlights: highlightsIn(s.title, s.language, terms),
        });
        continue;
      }
      const loc = this.paragraphOf(id);
      if (!loc) continue;
      const { source, range } = loc;
      const para = source.text.slice(range[0], range[1]);
      if (!f.annotationsOnly && f.passageOk(source, para, range)) {
        const [ws, we] = snippetWindow(para, source.language, terms);
        const snippet = para.slice(ws, we);
        const highlights = highlightsIn(snippet, source.language, terms);
        hits.push({
          sourceId: source.id,
          kind: 'passage',
          snippet,
          score: round(r.score),
          start: range[0] + ws,
          end: range[0] + we,
          highlights,
          marks: shift(highlights, range[0] + ws),
        });
      }
      // the claims marked in this paragraph that hold a matched word
      for (const annId of this.bySource.get(source.id) ?? []) {
        if (hits.length >= limit) break;
        const a = this.annotations.get(annId)!;
        if (a.start >= range[1] || a.end <= range[0]) continue;
        if (highlightsIn(a.exact, source.language, terms).length === 0) continue;
        pushAnnotation(a, r.score, false);
      }
    }
    return hits.slice(0, limit);
  }

  /** Actors whose name or an alias matches `query` (for a command palette). */
  searchActors(query: string, limit = 10): ActorHit[] {
    const groups = this.queryGroups(query);
    if (!groups) return [];
    return this.idx
      .score(groups, { mode: 'AND', fields: { [Field.Name]: 1 } })
      .slice(0, limit)
      .map((r) => {
        const actorId = r.key.slice(2);
        return { actorId, name: this.actors.get(actorId)?.name ?? actorId, score: round(r.score) };
      });
  }

  /** One group per query word, holding the word's variants. */
  private queryGroups(query: string): QueryGroup[] | undefined {
    const tokens = tokenize(query.normalize('NFC'));
    const langs = new Set<string>(['en', ...[...this.languages.keys()].filter((l) => STEMMED_LANGUAGES.includes(l))]);
    const words = tokens.map((t) => ({ tok: t, ...queryVariants(t.text, t.numeric, langs) }));
    const kept = words.filter((w) => !w.stop && w.variants.length > 0);
    const chosen =
      kept.length > 0
        ? kept
        : words
            .filter((w) => w.variants.length > 0)
            .slice(0, 1)
            .map((w) => ({ ...w, variants: [w.raw] }));
    if (chosen.length === 0) return undefined;
    const group = (w: (typeof chosen)[number]): QueryGroup => {
      // typo tolerance only for words the index does not hold as written
      const known = w.variants.some((v) => this.idx.docFrequency(v) > 0);
      return w.variants.map((v) => ({
        term: v,
        prefix: v.length >= 3 && !isCanonicalTerm(v),
        fuzzy: !known && v.length >= 5 && !isCanonicalTerm(v) ? Math.min(2, Math.round(v.length * 0.2)) : 0,
      }));
    };
    return chosen.map(group);
  }

  paragraphOf(key: string): { source: SourceEntry; range: [number, number] } | undefined {
    if (!key.startsWith('p:')) return undefined;
    const cut = key.lastIndexOf(':');
    const source = this.sources.get(key.slice(2, cut));
    const range = source?.paragraphs[Number(key.slice(cut + 1))];
    return source && range ? { source, range } : undefined;
  }

  private annotationHit(a: AnnotationEntry, score: number, terms: Set<string>, inNote: boolean): SearchHit {
    const lang = this.sources.get(a.sourceId)?.language ?? 'und';
    const base = inNote ? a.note : a.exact;
    const [ws, we] = snippetWindow(base, lang, terms);
    const snippet = base.slice(ws, we);
    // the quote's matched words where the reader shows them (a match in the note has no place in the text)
    const quote = this.sources.get(a.sourceId)?.text.slice(a.start, a.end);
    const marks = !inNote && quote === a.exact ? shift(highlightsIn(quote, lang, terms), a.start) : [];
    return {
      sourceId: a.sourceId,
      annotationId: a.id,
      kind: 'annotation',
      snippet,
      score: round(score),
      start: a.start,
      end: a.end,
      highlights: highlightsIn(snippet, lang, terms),
      ...(marks.length ? { marks } : {}),
    };
  }

  // ------------------------------------------------------------ corroboration

  /**
   * Passages in other sources that may report the same thing as an
   * annotation, best first (see corroborate.ts).
   */
  corroborate(annotationId: string, options: CorroborateOptions = {}): CorroborationHit[] {
    return corroborate(this, annotationId, options);
  }

  /** Actors named in a text through their names or aliases (the matcher the index uses). */
  actorsIn(text: string): string[] {
    return [...this.matcher.actorIds(text)];
  }
}

/** A window of about SNIPPET_CHARS around the densest run of matched terms, cut at word edges. */
function snippetWindow(text: string, lang: string, terms: Set<string>): [number, number] {
  if (text.length <= SNIPPET_CHARS) return [0, text.length];
  const positions: number[] = [];
  for (const t of tokenize(text))
    if (wordTerms(t.text, lang, t.numeric).some((x) => terms.has(x))) positions.push(t.start);
  let bestStart = positions[0] ?? 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < positions.length; i++) {
    while (j < positions.length && positions[j]! < positions[i]! + SNIPPET_CHARS * 0.7) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      bestStart = positions[i]!;
    }
  }
  let start = Math.max(0, bestStart - Math.floor(SNIPPET_CHARS * 0.25));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < bestStart ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return [start, end];
}

/** A title hit's snippet: the opening of the text, after the title when the text starts with it. */
function openingOf(s: SourceEntry): string {
  const [first, second] = s.paragraphs;
  const from = first && second && s.text.slice(first[0], first[1]).trim() === s.title.trim() ? second[0] : 0;
  const rest = s.text.slice(from);
  return rest.slice(0, snippetWindow(rest, s.language, new Set())[1]);
}

/** Ranges moved by `by` (from a snippet's offsets to the source text's). */
function shift(ranges: Array<[number, number]>, by: number): Array<[number, number]> {
  return ranges.map(([a, b]) => [a + by, b + by]);
}

/** Ranges of words in `text` whose index terms are among `terms`. */
function highlightsIn(text: string, lang: string, terms: Set<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const t of tokenize(text))
    if (wordTerms(t.text, lang, t.numeric).some((x) => terms.has(x))) out.push([t.start, t.end]);
  return out;
}
