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
 * columns (which parse far faster than 50,000 small arrays). Loading
 * re-analyses no text.
 *
 * No source text is kept in the index or its file: a source's text comes
 * from `SourceTexts` when a snippet, a passage or a quote needs it (in the
 * search worker: the source file, read on demand and kept in a bounded
 * cache — source-texts.ts).
 */
import type { Actor, Tag } from '../../../shared/model';
import { DossierError } from '../../../shared/errors';
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

const FORMAT = 4;
const MAGIC = 0x49585344; // "DSXI" read as a little-endian u32
const HEADER_BYTES = 12;

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
      ...contentsJson(c),
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

function contentsJson(c: IndexContents) {
  return {
    sources: [...c.sources.values()].map((s) => [
      s.id,
      s.title,
      s.language,
      s.outlet ?? null,
      s.publishedAt ?? null,
      s.paragraphs.flat(),
    ]),
    annotations: annotationColumns(c),
    actors: [...c.actors.values()],
    tags: [...c.tags.values()],
  };
}

/** Annotations as a few long strings (columns), which parse far faster than 50,000 small arrays. */
function annotationColumns(c: IndexContents): AnnotationColumns {
  const list = [...c.annotations.values()];
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

/** Reads bytes written by `encodeIndex`; throws `corrupt` for anything else. */
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
    sources: Array<[string, string, string, string | null, string | null, number[]]>;
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
  // views over the bytes read (copied once to a fresh, aligned buffer if they are not 4-byte aligned)
  const aligned = (bytes.byteOffset + intsAt) % 4 === 0 ? bytes : new Uint8Array(bytes);
  let at = aligned.byteOffset + intsAt;
  const [counts, postings, docs] = lengths.map((n) => {
    const view = new Int32Array(aligned.buffer, at, n);
    at += 4 * n;
    return view;
  }) as [Int32Array, Int32Array, Int32Array];
  const index = emptyContents();
  for (const [id, title, language, outlet, publishedAt, flat] of data.sources) {
    const fields = { id, title, language, outlet: outlet ?? undefined, publishedAt: publishedAt ?? undefined };
    index.sources.set(id, new SourceEntry(fields, { flat }, texts));
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
      const status = c.statuses[c.status[i]!] ?? 'unverified';
      const [tags, actors, note] = [listOf(tagIds[i]!), listOf(actorIds[i]!), c.notes[i] ?? ''];
      index.annotations.set(
        id,
        new AnnotationEntry(id, sourceId, start, end, c.exact[i], tags, status, actors, note, texts),
      );
      let set = index.bySource.get(sourceId);
      if (!set) index.bySource.set(sourceId, (set = new Set()));
      set.add(id);
    }
  }
  for (const actor of data.actors) index.actors.set(actor.id, actor);
  for (const tag of data.tags) index.tags.set(tag.id, tag);
  return { snapshot: { ...data.index, counts, postings, docs }, contents: index };
}
