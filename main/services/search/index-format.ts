/**
 * What the search index keeps besides its postings (sources with their
 * paragraphs, annotations, actors, tags), and the format it is saved in:
 * one file of bytes —
 *
 *   "DSXI", format (u32), JSON length (u32), the JSON, padding to 4 bytes,
 *   then three Int32 arrays (little-endian): postings per term, the
 *   postings (doc, tf pairs), field and length per document
 *
 * — so the large part loads as views over the bytes read, with no parsing;
 * the JSON holds terms, document keys, sources and annotations as a few long
 * columns (which parse far faster than 50,000 small arrays), annotations
 * grouped by source. Loading re-analyses no text, and makes no entry: the
 * columns are checked whole, then a source's or an annotation's entry is made
 * when first used (lazy-map.ts) — a query needs a handful of 20,000.
 *
 * No source text is kept in the index or its file: a source's text comes
 * from `SourceTexts` when a snippet, a passage or a quote needs it (in the
 * search worker: the source file, read on demand and kept in a bounded
 * cache — source-texts.ts).
 */
import type { Actor, Tag } from '../../../shared/model';
import { DossierError } from '../../../shared/errors';
import { LazyMap } from './lazy-map';
import type { TermIndexSnapshot } from './term-index';

/** Where the index gets a source's text. */
export interface SourceTexts {
  /** The text of a source ('' when it cannot be had). */
  get(id: string): string;
  /** The text the index was just given for a source. */
  put(id: string, text: string): void;
  /** The source left the index. */
  delete(id: string): void;
}

/** Every text in memory: for an index built and queried in one go (tests, benchmarks, the default). */
export class MemoryTexts implements SourceTexts {
  private readonly texts = new Map<string, string>();
  get(id: string): string {
    return this.texts.get(id) ?? '';
  }
  put(id: string, text: string): void {
    this.texts.set(id, text);
  }
  delete(id: string): void {
    this.texts.delete(id);
  }
}

/** What the index keeps of a source; the text is fetched when read. */
export class SourceEntry {
  readonly id: string;
  readonly title: string;
  readonly language: string;
  readonly outlet?: string;
  readonly publishedAt?: string;
  /** Paragraph bounds as loaded (start, end, start, end…), turned into pairs on first use. */
  private flat: readonly number[] | undefined;
  private pairs: Array<[number, number]> | undefined;
  private readonly texts: SourceTexts;

  constructor(
    fields: Pick<SourceEntry, 'id' | 'title' | 'language' | 'outlet' | 'publishedAt'>,
    paragraphs: Array<[number, number]> | { flat: readonly number[] },
    texts: SourceTexts,
  ) {
    this.id = fields.id;
    this.title = fields.title;
    this.language = fields.language;
    if (fields.outlet) this.outlet = fields.outlet;
    if (fields.publishedAt) this.publishedAt = fields.publishedAt;
    if (Array.isArray(paragraphs)) this.pairs = paragraphs;
    else this.flat = paragraphs.flat;
    this.texts = texts;
  }

  /** [start, end) of each paragraph in `text`. */
  get paragraphs(): Array<[number, number]> {
    if (!this.pairs) {
      const flat = this.flat ?? [];
      this.pairs = [];
      for (let i = 0; i < flat.length; i += 2) this.pairs.push([flat[i]!, flat[i + 1]!]);
      this.flat = undefined;
    }
    return this.pairs;
  }

  get text(): string {
    return this.texts.get(this.id);
  }
}

/** What the index keeps of an annotation; the quote is the source's text at its offsets unless it differs. */
export class AnnotationEntry {
  constructor(
    readonly id: string,
    readonly sourceId: string,
    readonly start: number,
    readonly end: number,
    /** The quote, only when it is not simply the source's text at [start, end). */
    readonly ownExact: string | undefined,
    readonly tagIds: string[],
    readonly status: string,
    readonly actorIds: string[],
    readonly note: string,
    private readonly texts: SourceTexts,
  ) {}

  get exact(): string {
    return this.ownExact ?? this.texts.get(this.sourceId).slice(this.start, this.end);
  }
}

/** Everything the index knows about the notebook, by id. */
export interface IndexContents {
  readonly sources: Map<string, SourceEntry>;
  readonly annotations: Map<string, AnnotationEntry>;
  /** Annotation ids per source id. */
  readonly bySource: Map<string, Set<string>>;
  readonly actors: Map<string, Actor>;
  readonly tags: Map<string, Tag>;
  /** Sources per language code. */
  readonly languages: Map<string, number>;
}

export function emptyContents(): IndexContents {
  return {
    sources: new Map(),
    annotations: new Map(),
    bySource: new Map(),
    actors: new Map(),
    tags: new Map(),
    languages: new Map(),
  };
}

const FORMAT = 5;
const MAGIC = 0x49585344; // "DSXI" read as a little-endian u32
const HEADER_BYTES = 12;

/** Sources as columns, one row per source. */
interface SourceColumns {
  /** Ids, one a line. */
  ids: string;
  titles: string[];
  /** Distinct language codes; `language` holds an index into them per source. */
  languages: string[];
  language: number[];
  outlets: Array<string | null>;
  published: Array<string | null>;
  /** Paragraphs per source, and their bounds (start, end…) source after source. */
  paragraphCounts: number[];
  paragraphs: number[];
}

/** Annotations as columns, grouped by source (a source's annotations are consecutive rows). */
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

/** The whole index as bytes (see the top of this file; no source text). */
export function encodeIndex(snapshot: TermIndexSnapshot, c: IndexContents): Buffer {
  const { counts, postings, docs, ...text } = snapshot;
  const json = Buffer.from(
    JSON.stringify({
      lengths: [counts.length, postings.length, docs.length],
      index: text,
      sources: sourceColumns(c),
      annotations: annotationColumns(c),
      actors: [...c.actors.values()],
      tags: [...c.tags.values()],
    }),
  );
  const jsonEnd = HEADER_BYTES + json.length;
  const intsAt = jsonEnd + ((4 - (jsonEnd % 4)) % 4);
  const out = Buffer.alloc(intsAt + 4 * (counts.length + postings.length + docs.length));
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(FORMAT, 4);
  out.writeUInt32LE(json.length, 8);
  json.copy(out, HEADER_BYTES);
  let at = intsAt;
  for (const ints of [counts, postings, docs]) {
    Buffer.from(ints.buffer, ints.byteOffset, ints.byteLength).copy(out, at);
    at += ints.byteLength;
  }
  return out;
}

function sourceColumns(c: IndexContents): SourceColumns {
  const list = [...c.sources.values()];
  const languages = [...new Set(list.map((s) => s.language))];
  return {
    ids: list.map((s) => s.id).join('\n'),
    titles: list.map((s) => s.title),
    languages,
    language: list.map((s) => languages.indexOf(s.language)),
    outlets: list.map((s) => s.outlet ?? null),
    published: list.map((s) => s.publishedAt ?? null),
    paragraphCounts: list.map((s) => s.paragraphs.length),
    paragraphs: list.flatMap((s) => s.paragraphs.flat()),
  };
}

/** Annotations as a few long strings (columns), which parse far faster than 50,000 small arrays. */
function annotationColumns(c: IndexContents): AnnotationColumns {
  // grouped by source, each source's in the order it holds them (the order its hits are listed in)
  const list = [...c.bySource.values()].flatMap((ids) => [...ids].map((id) => c.annotations.get(id)!));
  const statuses = [...new Set(list.map((a) => a.status))];
  const exact: Record<number, string> = {};
  const notes: Record<number, string> = {};
  list.forEach((a, i) => {
    // the quote is kept only when it is not simply the text at its offsets
    if (a.ownExact !== undefined) exact[i] = a.ownExact;
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

/** Lines of a joined column ('' holds none). */
const lines = (joined: string): string[] => (joined ? joined.split('\n') : []);
const strings = (x: unknown, n: number): x is string[] =>
  Array.isArray(x) && x.length === n && x.every((v) => typeof v === 'string');
const optionalStrings = (x: unknown, n: number): x is Array<string | null> =>
  Array.isArray(x) && x.length === n && x.every((v) => v === null || typeof v === 'string');
const counts = (x: unknown, n: number, below = Infinity): x is number[] =>
  Array.isArray(x) && x.length === n && x.every((v) => Number.isInteger(v) && v >= 0 && v < below);

/**
 * Reads bytes written by `encodeIndex`; throws `corrupt` for anything else. The columns are checked
 * whole here (lengths, types), so the entries made later from them (lazy-map.ts) cannot meet a bad one.
 */
export function decodeIndex(
  bytes: Buffer,
  texts: SourceTexts,
): { snapshot: TermIndexSnapshot; contents: IndexContents } {
  const unreadable = () => DossierError.of('corrupt', 'search.indexUnreadable');
  if (bytes.length < HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC) throw unreadable();
  if (bytes.readUInt32LE(4) !== FORMAT) throw DossierError.of('corrupt', 'search.indexUnknownFormat');
  const jsonEnd = HEADER_BYTES + bytes.readUInt32LE(8);
  if (jsonEnd > bytes.length) throw unreadable();
  let data: {
    lengths: [number, number, number];
    index: Pick<TermIndexSnapshot, 'terms' | 'keys'>;
    sources: SourceColumns;
    annotations: AnnotationColumns;
    actors: Actor[];
    tags: Tag[];
  };
  try {
    data = JSON.parse(bytes.toString('utf8', HEADER_BYTES, jsonEnd));
  } catch {
    throw unreadable();
  }
  const intsAt = jsonEnd + ((4 - (jsonEnd % 4)) % 4);
  const lengths = data?.lengths;
  if (!Array.isArray(lengths) || lengths.length !== 3 || !lengths.every((n) => Number.isInteger(n) && n >= 0))
    throw unreadable();
  if (intsAt + 4 * (lengths[0] + lengths[1] + lengths[2]) !== bytes.length) throw unreadable();
  if (typeof data.index?.terms !== 'string' || typeof data.index.keys !== 'string') throw unreadable();
  if (!Array.isArray(data.actors) || !Array.isArray(data.tags)) throw unreadable();
  // views over the bytes read (copied once to a fresh, aligned buffer if they are not 4-byte aligned)
  const aligned = (bytes.byteOffset + intsAt) % 4 === 0 ? bytes : new Uint8Array(bytes);
  let at = aligned.byteOffset + intsAt;
  const [countsView, postings, docs] = lengths.map((n) => {
    const view = new Int32Array(aligned.buffer, at, n);
    at += 4 * n;
    return view;
  }) as [Int32Array, Int32Array, Int32Array];
  const contents = {
    ...decodeSources(data.sources, texts, unreadable),
    ...decodeAnnotations(data.annotations, texts, unreadable),
    actors: new Map(data.actors.map((a) => [a.id, a])),
    tags: new Map(data.tags.map((t) => [t.id, t])),
  };
  return { snapshot: { ...data.index, counts: countsView, postings, docs }, contents };
}

function decodeSources(
  c: SourceColumns,
  texts: SourceTexts,
  unreadable: () => Error,
): Pick<IndexContents, 'sources' | 'languages'> {
  if (typeof c?.ids !== 'string') throw unreadable();
  const ids = lines(c.ids);
  const n = ids.length;
  if (!strings(c.titles, n) || !strings(c.languages, c.languages?.length ?? -1)) throw unreadable();
  if (!counts(c.language, n, c.languages.length) || !counts(c.paragraphCounts, n)) throw unreadable();
  if (!optionalStrings(c.outlets, n) || !optionalStrings(c.published, n)) throw unreadable();
  // where each source's paragraph bounds start
  const firstBound = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) firstBound[i + 1] = firstBound[i]! + 2 * c.paragraphCounts[i]!;
  if (!counts(c.paragraphs, firstBound[n]!)) throw unreadable();
  const languages = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const language = c.languages[c.language[i]!]!;
    languages.set(language, (languages.get(language) ?? 0) + 1);
  }
  const sources = new LazyMap(ids, (i) => {
    const fields = {
      id: ids[i]!,
      title: c.titles[i]!,
      language: c.languages[c.language[i]!]!,
      outlet: c.outlets[i] ?? undefined,
      publishedAt: c.published[i] ?? undefined,
    };
    return new SourceEntry(fields, { flat: c.paragraphs.slice(firstBound[i], firstBound[i + 1]) }, texts);
  });
  if (sources.size !== n) throw unreadable();
  return { sources, languages };
}

function decodeAnnotations(
  c: AnnotationColumns,
  texts: SourceTexts,
  unreadable: () => Error,
): Pick<IndexContents, 'annotations' | 'bySource'> {
  if (typeof c?.ids !== 'string' || typeof c.sourceIds !== 'string') throw unreadable();
  if (typeof c.tagIds !== 'string' || typeof c.actorIds !== 'string') throw unreadable();
  if (typeof c.exact !== 'object' || typeof c.notes !== 'object' || !c.exact || !c.notes) throw unreadable();
  const ids = lines(c.ids);
  const n = ids.length;
  // (a line may be empty: an annotation with no tags)
  const column = (joined: string): string[] => (n ? joined.split('\n') : []);
  const [sourceIds, tagIds, actorIds] = [column(c.sourceIds), column(c.tagIds), column(c.actorIds)];
  if (sourceIds.length !== n || tagIds.length !== n || actorIds.length !== n) throw unreadable();
  if (!strings(c.statuses, c.statuses?.length ?? -1) || !counts(c.status, n, c.statuses.length)) throw unreadable();
  if (!counts(c.offsets, 2 * n)) throw unreadable();
  // annotations share their tag and actor lists (entries are never mutated)
  const lists = new Map<string, string[]>();
  const listOf = (joined: string) => {
    let list = lists.get(joined);
    if (!list) lists.set(joined, (list = joined ? joined.split(' ') : []));
    return list;
  };
  const annotations = new LazyMap(ids, (i) => {
    const [start, end] = [c.offsets[2 * i]!, c.offsets[2 * i + 1]!];
    const note = c.notes[i] ?? '';
    const [tags, actors] = [listOf(tagIds[i]!), listOf(actorIds[i]!)];
    return new AnnotationEntry(
      ids[i]!,
      sourceIds[i]!,
      start,
      end,
      c.exact[i],
      tags,
      c.statuses[c.status[i]!]!,
      actors,
      note,
      texts,
    );
  });
  // a source's annotations are consecutive rows: one group per source
  const groupSources: string[] = [];
  const groupStarts: number[] = [];
  for (let i = 0; i < n; i++)
    if (i === 0 || sourceIds[i] !== sourceIds[i - 1]) {
      groupSources.push(sourceIds[i]!);
      groupStarts.push(i);
    }
  groupStarts.push(n);
  const bySource = new LazyMap(groupSources, (g) => new Set(ids.slice(groupStarts[g], groupStarts[g + 1])));
  // a repeated id or a source in two groups is not what encodeIndex writes
  if (annotations.size !== n || bySource.size !== groupSources.length) throw unreadable();
  return { annotations, bySource };
}
