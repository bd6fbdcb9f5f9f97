/**
 * One full-text index over a notebook: source paragraphs (so a hit points at
 * a passage), titles, annotation notes, actor names and aliases; annotation
 * quotes are found through the paragraphs that hold them. Updated
 * incrementally, persisted with `toJSON` / `load`, and the base of
 * `corroborate` ("who else reports this?").
 *
 * Matching: per-language stop words and stemming, diacritics folded, prefix
 * and fuzzy matching, actor aliases; snippets are shown as written.
 */
import type { Actor, Annotation, Source, Tag } from '../../../shared/model';
import type { ActorHit, CorroborationHit, SearchFilters, SearchHit } from '../../../shared/api/search';
import { AliasMatcher, extractCounts, extractDates, richDocToText, tokenize, type Quantity } from '../../../shared/text';
import { DossierError } from '../../../shared/errors';
import { analyze, isCanonicalTerm, queryVariants, STEMMED_LANGUAGES, wordTerms } from './analyzer';
import { Field, TermIndex, type QueryGroup, type ScoredDoc, type TermIndexSnapshot } from './term-index';

export interface IndexData {
  sources: Array<Pick<Source, 'id' | 'title' | 'language' | 'text'> & Partial<Pick<Source, 'outlet' | 'publishedAt'>>>;
  annotations: Annotation[];
  actors: Actor[];
  tags: Tag[];
}

type IndexedSource = IndexData['sources'][number];

/** What the index keeps of a source (the text, for snippets and passages). */
interface SourceEntry {
  id: string;
  title: string;
  language: string;
  outlet?: string;
  publishedAt?: string;
  text: string;
  /** [start, end) of each paragraph in `text`. */
  paragraphs: Array<[number, number]>;
}

interface AnnotationEntry {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  exact: string;
  tagIds: string[];
  status: string;
  actorIds: string[];
  note: string;
}

/*
 * Document keys: `p:<sourceId>:<n>` (paragraph n), `t:<sourceId>` (title),
 * `n:<annotationId>` (note), `r:<actorId>` (actor name and aliases).
 */

const FORMAT = 3;
const SNIPPET_CHARS = 220;
const SEARCH_FIELDS = { [Field.Text]: 1, [Field.Title]: 1.5, [Field.Note]: 1 };

export interface CorroborateOptions {
  limit?: number;
  /** Passages per other source (default 1: the best one). */
  perSource?: number;
}

function paragraphRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /\S[\s\S]*?(?=\n[ \t\u00a0]*\n|$)/g;
  for (const m of text.matchAll(re)) {
    const trimmed = m[0].replace(/\s+$/, '');
    if (trimmed) out.push([m.index, m.index + trimmed.length]);
  }
  return out;
}

/** Sentences: ends at . ! ? (with closing quotes) before a space and a capital, digit or quote; or a line break. */
function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[.!?…]+["”’)»]*\s+(?=[\p{Lu}\p{N}"“„«])|\n+/gu;
  let start = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push([a, b]);
  };
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].trimEnd().length;
    push(start, end);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

interface SentenceInfo {
  words: Set<string>;
  actors: Set<string>;
  counts: Quantity[];
  dates: Set<string>;
}

interface AnnotationColumns {
  ids: string;
  sourceIds: string;
  /** start, end per annotation. */
  offsets: number[];
  statuses: string[];
  /** Index into `statuses` per annotation. */
  status: number[];
  tagIds: string;
  actorIds: string;
  /** Quotes that differ from the source text at their offsets, by position. */
  exact: Record<number, string>;
  notes: Record<number, string>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const actorTerms = (actor: Actor) => analyze([actor.name, ...actor.aliases].join(' \n '), 'und');

export class SearchIndex {
  private idx: TermIndex;
  private readonly sources = new Map<string, SourceEntry>();
  private readonly annotations = new Map<string, AnnotationEntry>();
  private readonly bySource = new Map<string, Set<string>>();
  private readonly actors = new Map<string, Actor>();
  private readonly tags = new Map<string, Tag>();
  private readonly languages = new Map<string, number>();
  private matcherCache: AliasMatcher | undefined;

  private constructor(snapshot?: TermIndexSnapshot) {
    this.idx = snapshot ? TermIndex.fromSnapshot(snapshot, (key) => this.termsOf(key)) : new TermIndex();
  }

  /** The terms of a document, from the text the index keeps (for documents loaded from a snapshot). */
  private termsOf(key: string): readonly string[] {
    const kind = key[0];
    if (kind === 'p') {
      const loc = this.paragraphOf(key);
      return loc ? analyze(loc.source.text.slice(loc.range[0], loc.range[1]), loc.source.language) : [];
    }
    if (kind === 't') {
      const s = this.sources.get(key.slice(2));
      return s ? analyze(s.title, s.language) : [];
    }
    if (kind === 'n') {
      const a = this.annotations.get(key.slice(2));
      return a ? analyze(a.note, this.sources.get(a.sourceId)?.language ?? 'und') : [];
    }
    const actor = this.actors.get(key.slice(2));
    return actor ? actorTerms(actor) : [];
  }

  // ------------------------------------------------------------ building

  static build(data: IndexData): SearchIndex {
    const index = new SearchIndex();
    for (const tag of data.tags) index.tags.set(tag.id, tag);
    for (const actor of data.actors) index.addActor(actor, true);
    for (const source of data.sources) index.addSource(source, true);
    for (const a of data.annotations) index.addAnnotation(a, index.sources.get(a.sourceId)?.text, true);
    return index;
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
    const entry: SourceEntry = {
      id: source.id,
      title: source.title,
      language: source.language,
      outlet: source.outlet,
      publishedAt: source.publishedAt,
      text: source.text,
      paragraphs: paragraphRanges(source.text),
    };
    this.sources.set(source.id, entry);
    this.languages.set(entry.language, (this.languages.get(entry.language) ?? 0) + 1);
    this.idx.add(`t:${source.id}`, Field.Title, analyze(source.title, entry.language), bulk);
    entry.paragraphs.forEach(([s, e], n) => this.idx.add(`p:${source.id}:${n}`, Field.Text, analyze(source.text.slice(s, e), entry.language), bulk));
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
    const exact = a.target.exact || sourceText?.slice(a.target.start, a.target.end) || '';
    const note = a.note ? richDocToText(a.note) : '';
    this.annotations.set(a.id, {
      id: a.id,
      sourceId: a.sourceId,
      start: a.target.start,
      end: a.target.end,
      exact,
      tagIds: [...a.tagIds],
      status: a.status,
      actorIds: a.actors.map((l) => l.actorId),
      note,
    });
    let set = this.bySource.get(a.sourceId);
    if (!set) this.bySource.set(a.sourceId, (set = new Set()));
    set.add(a.id);
    if (note) this.idx.add(`n:${a.id}`, Field.Note, analyze(note, this.sources.get(a.sourceId)?.language ?? 'und'), bulk);
  }

  private get matcher(): AliasMatcher {
    return (this.matcherCache ??= new AliasMatcher([...this.actors.values()]));
  }

  // ------------------------------------------------------------ persistence

  /** The whole index as one JSON string (postings packed, plus the texts needed for snippets). */
  toJSON(): string {
    return JSON.stringify({
      format: FORMAT,
      index: this.idx.toSnapshot(),
      sources: [...this.sources.values()].map((s) => [s.id, s.title, s.language, s.outlet ?? null, s.publishedAt ?? null, s.text, s.paragraphs.flat()]),
      annotations: this.annotationColumns(),
      actors: [...this.actors.values()],
      tags: [...this.tags.values()],
    });
  }

  /** Annotations as a few long strings (columns), which parse far faster than 50,000 small arrays. */
  private annotationColumns(): AnnotationColumns {
    const list = [...this.annotations.values()];
    const statuses = [...new Set(list.map((a) => a.status))];
    const exact: Record<number, string> = {};
    const notes: Record<number, string> = {};
    list.forEach((a, i) => {
      // the quote is kept only when it is not simply the text at its offsets
      if (this.sources.get(a.sourceId)?.text.slice(a.start, a.end) !== a.exact) exact[i] = a.exact;
      if (a.note) notes[i] = a.note;
    });
    return {
      ids: list.map((a) => a.id).join('\n'),
      sourceIds: list.map((a) => a.sourceId).join('\n'),
      offsets: list.flatMap((a) => [a.start, a.end]),
      statuses,
      status: list.map((a) => statuses.indexOf(a.status)),
      tagIds: list.map((a) => a.tagIds.join(' ')).join('\n'),
      actorIds: list.map((a) => a.actorIds.join(' ')).join('\n'),
      exact,
      notes,
    };
  }

  /** Restores an index written by `toJSON` without re-analysing any text. */
  static load(json: string): SearchIndex {
    let data: {
      format: number;
      index: TermIndexSnapshot;
      sources: Array<[string, string, string, string | null, string | null, string, number[]]>;
      annotations: AnnotationColumns;
      actors: Actor[];
      tags: Tag[];
    };
    try {
      data = JSON.parse(json);
    } catch {
      throw new DossierError('corrupt', 'The saved search index could not be read; it will be rebuilt.');
    }
    if (!data || data.format !== FORMAT) throw new DossierError('corrupt', 'The saved search index has an unknown format; it will be rebuilt.');
    const index = new SearchIndex(data.index);
    for (const [id, title, language, outlet, publishedAt, text, flat] of data.sources) {
      const paragraphs: Array<[number, number]> = [];
      for (let i = 0; i < flat.length; i += 2) paragraphs.push([flat[i]!, flat[i + 1]!]);
      index.sources.set(id, { id, title, language, outlet: outlet ?? undefined, publishedAt: publishedAt ?? undefined, text, paragraphs });
      index.languages.set(language, (index.languages.get(language) ?? 0) + 1);
    }
    const c = data.annotations;
    if (c.ids) {
      const ids = c.ids.split('\n');
      const sourceIds = c.sourceIds.split('\n');
      const tagIds = c.tagIds.split('\n');
      const actorIds = c.actorIds.split('\n');
      // annotations share their tag and actor lists (entries are never mutated)
      const lists = new Map<string, string[]>();
      const listOf = (joined: string) => {
        let list = lists.get(joined);
        if (!list) lists.set(joined, (list = joined ? joined.split(' ') : []));
        return list;
      };
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const sourceId = sourceIds[i]!;
        const start = c.offsets[2 * i]!;
        const end = c.offsets[2 * i + 1]!;
        index.annotations.set(id, {
          id,
          sourceId,
          start,
          end,
          exact: c.exact[i] ?? index.sources.get(sourceId)?.text.slice(start, end) ?? '',
          tagIds: listOf(tagIds[i]!),
          status: c.statuses[c.status[i]!] ?? 'unverified',
          actorIds: listOf(actorIds[i]!),
          note: c.notes[i] ?? '',
        });
        let set = index.bySource.get(sourceId);
        if (!set) index.bySource.set(sourceId, (set = new Set()));
        set.add(id);
      }
    }
    for (const actor of data.actors) index.actors.set(actor.id, actor);
    for (const tag of data.tags) index.tags.set(tag.id, tag);
    return index;
  }

  /** The source holding an annotation, when the index knows it. */
  annotationSourceId(id: string): string | undefined {
    return this.annotations.get(id)?.sourceId;
  }

  /** Ids of the annotations indexed for a source. */
  annotationIdsOf(sourceId: string): string[] {
    return [...(this.bySource.get(sourceId) ?? [])];
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
    const f = this.filterFor(filters);
    const expanded = this.idx.expandAll(groups);
    // a result yields up to a few hits (a passage and the claims in it) or none (filtered out): ask for some spare
    const top = limit * 3 + 10;
    const run = (mode: 'AND' | 'OR', topK?: number) => this.idx.score(expanded, { mode, fields: SEARCH_FIELDS, filter: f.docOk, top: topK });
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

  private collectHits(results: ScoredDoc[], f: ReturnType<SearchIndex['filterFor']>, terms: Set<string>, limit: number): SearchHit[] {
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
        hits.push({ sourceId: s.id, kind: 'title', snippet: s.title, score: round(r.score), highlights: highlightsIn(s.title, s.language, terms) });
        continue;
      }
      const loc = this.paragraphOf(id);
      if (!loc) continue;
      const { source, range } = loc;
      const para = source.text.slice(range[0], range[1]);
      if (!f.annotationsOnly && f.passageOk(source, para, range)) {
        const [ws, we] = snippetWindow(para, source.language, terms);
        const snippet = para.slice(ws, we);
        hits.push({
          sourceId: source.id,
          kind: 'passage',
          snippet,
          score: round(r.score),
          start: range[0] + ws,
          end: range[0] + we,
          highlights: highlightsIn(snippet, source.language, terms),
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
    const groups = this.queryGroups(query, false);
    if (!groups) return [];
    return this.idx
      .score(groups, { mode: 'AND', fields: { [Field.Name]: 1 } })
      .slice(0, limit)
      .map((r) => {
        const actorId = r.key.slice(2);
        return { actorId, name: this.actors.get(actorId)?.name ?? actorId, score: round(r.score) };
      });
  }

  /** One group per query word, holding the word's variants (and, for an actor's name, its other one-word aliases). */
  private queryGroups(query: string, expandActors = true): QueryGroup[] | undefined {
    const tokens = tokenize(query.normalize('NFC'));
    const langs = new Set<string>(['en', ...[...this.languages.keys()].filter((l) => STEMMED_LANGUAGES.includes(l))]);
    const words = tokens.map((t) => ({ tok: t, ...queryVariants(t.text, t.numeric, langs) }));
    const kept = words.filter((w) => !w.stop && w.variants.length > 0);
    const chosen = kept.length > 0 ? kept : words.filter((w) => w.variants.length > 0).slice(0, 1).map((w) => ({ ...w, variants: [w.raw] }));
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
    const groups = chosen.map(group);
    if (expandActors && this.actors.size) {
      for (const m of this.matcher.find(query)) {
        const i = chosen.findIndex((w) => w.tok.start >= m.start && w.tok.end <= m.end);
        if (i < 0) continue;
        const actor = this.actors.get(m.actorId)!;
        const have = new Set(groups[i]!.map((q) => q.term));
        for (const alias of [actor.name, ...actor.aliases]) {
          const aliasTokens = tokenize(alias);
          if (aliasTokens.length !== 1) continue;
          for (const v of queryVariants(aliasTokens[0]!.text, aliasTokens[0]!.numeric, langs).variants)
            if (!have.has(v)) {
              have.add(v);
              groups[i]!.push({ term: v, boost: 0.5 });
            }
        }
      }
    }
    return groups;
  }

  private descendantsOf(tagIds: string[]): Set<string> {
    const out = new Set(tagIds);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of this.tags.values())
        if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
          out.add(t.id);
          grew = true;
        }
    }
    return out;
  }

  /**
   * Filters. `docOk` runs on every matching document (source-level
   * conditions only); `passageOk` and `annotationOk` run on the few hits shown.
   */
  private filterFor(f: SearchFilters) {
    const sourceIds = f.sourceIds?.length ? new Set(f.sourceIds) : undefined;
    const languages = f.languages?.length ? new Set(f.languages) : undefined;
    const from = f.from?.slice(0, 10);
    const to = f.to?.slice(0, 10);
    const tagIds = f.tagIds?.length ? this.descendantsOf(f.tagIds) : undefined;
    const statuses = f.statuses?.length ? new Set(f.statuses) : undefined;
    const actorIds = f.actorIds?.length ? new Set(f.actorIds) : undefined;
    const sourceOk = (id: string) => {
      if (sourceIds && !sourceIds.has(id)) return false;
      const s = this.sources.get(id);
      if (!s) return false;
      if (languages && !languages.has(s.language)) return false;
      if (from || to) {
        const d = s.publishedAt?.slice(0, 10);
        if (!d || (from && d < from) || (to && d > to)) return false;
      }
      return true;
    };
    const mentions = (text: string) => {
      for (const m of this.matcher.find(text)) if (actorIds!.has(m.actorId)) return true;
      return false;
    };
    const annotationOk = (a: AnnotationEntry) =>
      (!tagIds || a.tagIds.some((t) => tagIds.has(t))) &&
      (!statuses || statuses.has(a.status)) &&
      (!actorIds || a.actorIds.some((id) => actorIds.has(id)) || mentions(a.exact));
    const sourceLevel = !!(sourceIds || languages || from || to);
    const docOkAll = (key: string) => {
      const kind = key[0];
      if (kind === 'n') {
        const a = this.annotations.get(key.slice(2));
        return !!a && sourceOk(a.sourceId);
      }
      if (kind === 't') return sourceOk(key.slice(2));
      if (kind === 'p') return sourceOk(key.slice(2, key.lastIndexOf(':')));
      return false;
    };
    const passageOk = (s: SourceEntry, text: string, range: [number, number] | undefined) => {
      if (!actorIds) return true;
      for (const id of this.bySource.get(s.id) ?? []) {
        const a = this.annotations.get(id)!;
        if ((!range || (a.start < range[1] && a.end > range[0])) && a.actorIds.some((x) => actorIds.has(x))) return true;
      }
      return mentions(text);
    };
    const docOk = sourceLevel ? docOkAll : undefined;
    return { docOk, passageOk, annotationOk, annotationsOnly: !!(tagIds || statuses) };
  }

  private paragraphOf(key: string): { source: SourceEntry; range: [number, number] } | undefined {
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
    return {
      sourceId: a.sourceId,
      annotationId: a.id,
      kind: 'annotation',
      snippet,
      score: round(score),
      start: a.start,
      end: a.end,
      highlights: highlightsIn(snippet, lang, terms),
    };
  }

  // ------------------------------------------------------------ corroboration

  /**
   * Passages in other sources that may report the same thing as an
   * annotation, best first: word overlap (BM25 over stemmed, folded terms),
   * actors named through any alias, numbers and dates in common.
   */
  corroborate(annotationId: string, options: CorroborateOptions = {}): CorroborationHit[] {
    const limit = options.limit ?? 10;
    const perSource = options.perSource ?? 1;
    const ann = this.annotations.get(annotationId);
    if (!ann) throw new DossierError('not-found', `No annotation ${annotationId} in the search index.`);
    const lang = this.sources.get(ann.sourceId)?.language ?? 'und';
    const quote = ann.exact;
    const quoteTokens = tokenize(quote);
    const terms = analyze(quote, lang);
    const wordTermSet = new Set(terms.filter((t) => !isCanonicalTerm(t)));
    const canonical = new Set(terms.filter(isCanonicalTerm));

    const actorIds = new Set([...ann.actorIds.filter((id) => this.actors.has(id)), ...this.matcher.actorIds(quote)]);
    const aliasTerms = new Set<string>();
    const langs = new Set(['en', ...this.languages.keys()]);
    for (const id of actorIds) {
      const actor = this.actors.get(id)!;
      for (const name of [actor.name, ...actor.aliases]) for (const l of langs) for (const t of analyze(name, l)) aliasTerms.add(t);
    }
    const quantities = extractCounts(quote, lang, quoteTokens);
    const numberValues = new Set(quantities.map((q) => q.value));
    const dates = extractDates(quote, quoteTokens);
    const dateValues = new Set(dates.map((d) => d.value));
    for (const q of quantities) canonical.add(String(q.value));

    // Retrieval uses the rarer words only: very common ones add cost, not evidence.
    const docs = Math.max(1, this.idx.documentCount);
    const common = Math.max(50, docs * 0.08);
    const rare = (list: Iterable<string>, max: number) =>
      [...list]
        .map((t) => [t, this.idx.docFrequency(t)] as const)
        .filter(([, df]) => df > 0 && df <= common)
        .sort((a, b) => a[1] - b[1])
        .slice(0, max)
        .map(([t]) => t);
    const wordQuery = rare(wordTermSet, 16);
    const aliasQuery = rare(aliasTerms, 24);
    const numberQuery = rare(canonical, 8);

    const ownSource = ann.sourceId;
    const ownIndex = this.sources.get(ownSource)?.paragraphs.findIndex(([a, b]) => ann.start >= a && ann.start < b) ?? -1;
    // the annotation's own paragraph scores what a passage holding every word of the quote would
    const ownDoc = `p:${ownSource}:${ownIndex}`;
    const ownPrefix = `p:${ownSource}:`;
    const paragraphFilter = (key: string) => key.startsWith('p:') && (!key.startsWith(ownPrefix) || key === ownDoc);
    const allTerms = [...new Set([...wordQuery, ...aliasQuery, ...numberQuery])];
    if (allTerms.length === 0) return [];
    const lexical = this.idx.score(
      allTerms.map((t) => [{ term: t, boost: isCanonicalTerm(t) ? 1.5 : 1 }]),
      { mode: 'OR', fields: { [Field.Text]: 1 }, filter: paragraphFilter },
    );
    const lexicalScore = new Map<string, number>();
    for (const r of lexical) lexicalScore.set(r.key, r.score);
    const self = lexicalScore.get(ownDoc) ?? lexical[0]?.score ?? 1;
    const candidates = new Map<string, number>();
    for (const r of lexical) {
      if (candidates.size >= 40) break;
      if (r.key !== ownDoc) candidates.set(r.key, r.score);
    }
    // passages that share an actor and a number or date, however few words they share
    if (aliasQuery.length && numberQuery.length) {
      const linked = this.idx.score([aliasQuery.map((term) => ({ term })), numberQuery.map((term) => ({ term }))], {
        mode: 'AND',
        fields: { [Field.Text]: 1 },
        filter: paragraphFilter,
      });
      let added = 0;
      for (const r of linked) {
        if (added >= 20) break;
        if (r.key === ownDoc || candidates.has(r.key)) continue;
        candidates.set(r.key, lexicalScore.get(r.key) ?? r.score * 0.5);
        added++;
      }
    }

    const quoteSentences = Math.max(1, Math.min(3, sentenceRanges(quote).length));
    const scored: CorroborationHit[] = [];
    for (const [key, bm25] of candidates) {
      const loc = this.paragraphOf(key);
      if (!loc) continue;
      const { source: s, range } = loc;
      const para = s.text.slice(range[0], range[1]);
      // analyse the paragraph once, then share the findings out to its sentences
      const toks = tokenize(para);
      const actorHits = actorIds.size ? this.matcher.find(para).filter((m) => actorIds.has(m.actorId)) : [];
      const counts = numberValues.size ? extractCounts(para, s.language, toks).filter((q) => numberValues.has(q.value)) : [];
      const dateHits = dateValues.size ? extractDates(para, toks).filter((d) => dateValues.has(d.value)) : [];
      const sentences = sentenceRanges(para);
      const info: SentenceInfo[] = [];
      for (const [a, b] of sentences) {
        const x: SentenceInfo = { words: new Set(), actors: new Set(), counts: [], dates: new Set() };
        for (const t of toks) {
          if (t.start < a || t.end > b) continue;
          for (const term of wordTerms(t.text, s.language, t.numeric)) if (wordTermSet.has(term)) x.words.add(term);
        }
        for (const m of actorHits) if (m.start >= a && m.end <= b) x.actors.add(m.actorId);
        for (const q of counts) if (q.start >= a && q.end <= b) x.counts.push(q);
        for (const d of dateHits) if (d.start >= a && d.end <= b) x.dates.add(d.value);
        info.push(x);
      }
      let best: { score: number; from: number; to: number; words: number; actors: Set<string>; numbers: Set<string>; dates: Set<string> } | undefined;
      const width = Math.min(quoteSentences, sentences.length);
      for (let i = 0; i + width <= sentences.length; i++) {
        const words = new Set<string>();
        const actors = new Set<string>();
        const numbers = new Set<string>();
        const numberVals = new Set<number>();
        const datesHit = new Set<string>();
        for (let k = i; k < i + width; k++) {
          const x = info[k]!;
          for (const w of x.words) words.add(w);
          for (const id of x.actors) actors.add(id);
          for (const q of x.counts) {
            numbers.add(q.text);
            numberVals.add(q.value);
          }
          for (const d of x.dates) datesHit.add(d);
        }
        const wordShare = wordTermSet.size ? words.size / wordTermSet.size : 0;
        const actorShare = actorIds.size ? actors.size / actorIds.size : 0;
        const numberShare = numberValues.size ? numberVals.size / numberValues.size : 0;
        const dateShare = dateValues.size ? datesHit.size / dateValues.size : 0;
        const score = 0.5 * Math.min(1, bm25 / self) + wordShare + 0.6 * actorShare + 0.6 * numberShare + 0.3 * dateShare;
        if (!best || score > best.score) best = { score, from: i, to: i + width - 1, words: wordShare, actors, numbers, dates: datesHit };
      }
      if (!best) continue;
      const start = range[0] + sentences[best.from]![0];
      const end = range[0] + sentences[best.to]![1];
      scored.push({
        sourceId: s.id,
        start,
        end,
        text: s.text.slice(start, end),
        score: round(best.score),
        matched: { words: round(best.words), actorIds: [...best.actors], numbers: [...best.numbers], dates: [...best.dates] },
      });
    }
    scored.sort((a, b) => b.score - a.score || a.sourceId.localeCompare(b.sourceId) || a.start - b.start);
    const perSourceCount = new Map<string, number>();
    const out: CorroborationHit[] = [];
    for (const hit of scored) {
      const n = perSourceCount.get(hit.sourceId) ?? 0;
      if (n >= perSource) continue;
      perSourceCount.set(hit.sourceId, n + 1);
      out.push(hit);
      if (out.length >= limit) break;
    }
    return out;
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
  for (const t of tokenize(text)) if (wordTerms(t.text, lang, t.numeric).some((x) => terms.has(x))) positions.push(t.start);
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

/** Ranges of words in `text` whose index terms are among `terms`. */
function highlightsIn(text: string, lang: string, terms: Set<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const t of tokenize(text)) if (wordTerms(t.text, lang, t.numeric).some((x) => terms.has(x))) out.push([t.start, t.end]);
  return out;
}
