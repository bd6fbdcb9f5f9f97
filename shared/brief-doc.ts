/**
 * The brief document (docs/data-model.md, "Brief"): tiptap / ProseMirror
 * JSON in which citations are inline atom nodes that point at annotations.
 *
 * The editor (renderer), the drafter and the exporters (main/services/briefs)
 * share what is here: the citation node's name and attrs, small builders for
 * JSON nodes, a walker that collects citations, the lookup (`BriefContext`)
 * through which a brief reaches its claims, and the wording of a citation
 * note. Pure: no Node, DOM, React or Electron.
 */
import type { Actor, Annotation, Relation, RichDoc, SourceMeta, Tag } from './model';
import { trimTrailing } from './text/normalize';
import type { UiLanguage } from './enums';
import { briefDate, briefWords } from './brief-words';

// ---------------------------------------------------------------- JSON nodes

/** A tiptap mark as it appears in JSON. */
export interface JsonMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A tiptap / ProseMirror node as it appears in JSON. */
export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: JsonMark[];
}

/** Name of the citation node in the editor's schema and in stored briefs. */
export const CITATION_NODE = 'citation';

/**
 * Closing punctuation a citation mark joins, with no space between (a
 * character-class body): the exports drop the space, the editor replaces the
 * space it left after a citation when one of these is typed.
 */
export const JOINS_CITATION_MARK = '.,;:)\\]!?\u2026\u201d\u2019»';

/** Attributes of a citation node. Only `annotationId` is required. */
export interface CitationAttrs {
  /** The cited annotation (claim). */
  annotationId: string;
  /** The claim's quote when the citation was made: shown if the claim later disappears. */
  quote?: string | null;
  /** A short label when the citation was made ("Outlet, 3 March 2025"), for the same purpose. */
  label?: string | null;
}

/** Node types the exporters understand (anything else is exported as its plain text). */
export const SUPPORTED_NODES = [
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'hardBreak',
  'horizontalRule',
  'text',
  CITATION_NODE,
] as const;

/** Marks the exporters understand. */
export const SUPPORTED_MARKS = ['bold', 'italic', 'underline', 'strike', 'code', 'link'] as const;
export type SupportedMark = (typeof SUPPORTED_MARKS)[number];

// ---------------------------------------------------------------- builders

export function textNode(text: string, marks?: JsonMark[]): JsonNode {
  return marks && marks.length ? { type: 'text', text, marks } : { type: 'text', text };
}

export function paragraphNode(content: JsonNode[]): JsonNode {
  const kept = content.filter((n) => n.type !== 'text' || (n.text ?? '').length > 0);
  return kept.length ? { type: 'paragraph', content: kept } : { type: 'paragraph' };
}

export function headingNode(level: 1 | 2 | 3, text: string): JsonNode {
  return { type: 'heading', attrs: { level }, content: [textNode(text)] };
}

export function blockquoteNode(content: JsonNode[]): JsonNode {
  return { type: 'blockquote', content };
}

export function bulletListNode(items: JsonNode[][]): JsonNode {
  return { type: 'bulletList', content: items.map((c) => ({ type: 'listItem', content: c })) };
}

export function citationNode(attrs: CitationAttrs): JsonNode {
  const out: Record<string, unknown> = { annotationId: attrs.annotationId };
  if (attrs.quote) out.quote = attrs.quote;
  if (attrs.label) out.label = attrs.label;
  return { type: CITATION_NODE, attrs: out };
}

export function docNode(content: JsonNode[]): RichDoc {
  return { type: 'doc', content };
}

// ---------------------------------------------------------------- walking

/** Visits every node depth-first, in document order. Return `false` to skip a node's children. */
export function walkDoc(
  node: JsonNode | RichDoc,
  visit: (node: JsonNode, parents: readonly JsonNode[]) => void | boolean,
): void {
  const stack: JsonNode[] = [];
  const go = (n: JsonNode): void => {
    if (visit(n, stack) === false) return;
    if (!Array.isArray(n.content)) return;
    stack.push(n);
    for (const child of n.content) if (child && typeof child === 'object') go(child);
    stack.pop();
  };
  go(node as JsonNode);
}

export function isCitation(node: JsonNode): boolean {
  return node.type === CITATION_NODE;
}

/** The attrs of a citation node, or undefined when it has no usable annotation id. */
export function citationAttrs(node: JsonNode): CitationAttrs | undefined {
  if (!isCitation(node)) return undefined;
  const a = node.attrs ?? {};
  const id = a.annotationId;
  if (typeof id !== 'string' || id.length === 0) return undefined;
  return {
    annotationId: id,
    quote: typeof a.quote === 'string' ? a.quote : null,
    label: typeof a.label === 'string' ? a.label : null,
  };
}

/** Every citation in document order (one entry per citation node, repeats included). */
export function collectCitations(doc: JsonNode | RichDoc): CitationAttrs[] {
  const out: CitationAttrs[] = [];
  walkDoc(doc, (n) => {
    const attrs = citationAttrs(n);
    if (attrs) out.push(attrs);
    else if (isCitation(n)) out.push({ annotationId: '', quote: null, label: null });
  });
  return out;
}

/** The distinct annotation ids a document cites, in order of first citation. */
export function citedAnnotationIds(doc: JsonNode | RichDoc): string[] {
  return [
    ...new Set(
      collectCitations(doc)
        .map((c) => c.annotationId)
        .filter((id) => id.length > 0),
    ),
  ];
}

/** The plain text of a node (citations and hard breaks become spaces; `other` may word other atoms). */
export function plainText(node: JsonNode | RichDoc, other?: (node: JsonNode) => string | undefined): string {
  let out = '';
  walkDoc(node, (n) => {
    if (n.type === 'text') out += n.text ?? '';
    else if (n.type === 'hardBreak' || isCitation(n)) out += ' ';
    else if (other) out += other(n) ?? '';
  });
  return out;
}

// ---------------------------------------------------------------- context

/** One claim with the metadata of its source. */
export interface CitedClaim {
  annotation: Annotation;
  source: SourceMeta;
}

/** What drafting and exporting need to know about the notebook. */
export interface BriefContext {
  annotation(id: string): CitedClaim | undefined;
  actors: Actor[];
  tags: Tag[];
  relations: Relation[];
  annotations: CitedClaim[];
}

/** Builds a BriefContext from plain lists (sources without text are enough). */
export function makeBriefContext(input: {
  sources: SourceMeta[];
  annotations: Annotation[];
  actors?: Actor[];
  tags?: Tag[];
  relations?: Relation[];
}): BriefContext {
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const claims: CitedClaim[] = [];
  const byId = new Map<string, CitedClaim>();
  for (const annotation of input.annotations) {
    const source = sources.get(annotation.sourceId);
    if (!source) continue;
    const claim = { annotation, source };
    claims.push(claim);
    byId.set(annotation.id, claim);
  }
  return {
    annotation: (id) => byId.get(id),
    actors: input.actors ?? [],
    tags: input.tags ?? [],
    relations: input.relations ?? [],
    annotations: claims,
  };
}

// ---------------------------------------------------------------- wording

/** "2025-03-12" → "12 March 2025" ("12 mars 2025" in Swedish); anything unparseable is returned as given. */
export function formatDate(iso: string | undefined, language?: UiLanguage): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? iso : briefDate(d, language);
}

/** What comes before and after a quoted passage in each language, from its `quote` words (asked once). */
const quoteMarks = new Map<UiLanguage, readonly string[]>();

/** Typographic double quotes around a passage, as `language` writes them (“…” in English, ”…” in Swedish). */
export function quoted(text: string, language?: UiLanguage): string {
  if (!language) return `\u201c${text}\u201d`;
  let marks = quoteMarks.get(language);
  if (!marks) {
    marks = briefWords(language)('quote', { text: '\u0000' }).split('\u0000');
    quoteMarks.set(language, marks);
  }
  // A wording that does not hold the passage exactly once is asked each time.
  return marks.length === 2 ? marks[0] + text + marks[1] : briefWords(language)('quote', { text });
}

/** A claim's passage for display: whitespace collapsed, trailing `,;:` and dashes dropped. */
export function cleanQuote(text: string): string {
  return trimTrailing(text.replace(/\s+/g, ' ').trim(), /[\s,;:\u2013\u2014-]/);
}

/** The full stop that ends a note after `text`: none when the text already ends a sentence. */
export function periodAfter(text: string): string {
  return /[.!?\u2026]["'\u201d\u2019\u00bb\u201c]*$/.test(text) ? '' : '.';
}

/** Ends a sentence after `text` unless it already ends with closing punctuation (inside quotes too). */
export function endSentence(text: string): string {
  return text + periodAfter(text);
}

/** A quote shortened to at most `max` characters at a word boundary. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${trimTrailing(space > max / 2 ? cut.slice(0, space) : cut, /[\s,;:.\-–—]/)}…`;
}

/**
 * The outlet a source was published in, or undefined when import found none.
 * Never the name of the imported file: that belongs in the source's details only.
 */
export function outletName(source: SourceMeta): string | undefined {
  return source.outlet?.trim() || undefined;
}

/** The host of a source's URL without "www.", or undefined when it has no usable URL. */
export function urlDomain(url: string | undefined): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/:?#]+)/i.exec(url?.trim() ?? '');
  return m ? m[1]!.toLowerCase().replace(/^www\./, '') : undefined;
}

/** A source's title for citing: its own, or "Untitled source" in `language` (never its file name). */
export function sourceTitle(source: SourceMeta, language?: UiLanguage): string {
  const title = source.title.replace(/\s+/g, ' ').trim();
  const file = source.origin.name?.trim();
  if (!title || (file && (title === file || title === file.replace(/\.[^.]+$/, ''))))
    return briefWords(language)('untitledSource');
  return title;
}

/**
 * Who a citation names: the outlet, else the source's title in quotes with its
 * domain when it has a URL (`“Title”, example.org`).
 */
export function citedName(source: SourceMeta, language?: UiLanguage): string {
  const outlet = outletName(source);
  if (outlet) return outlet;
  const domain = urlDomain(source.url);
  const title = quoted(sourceTitle(source, language), language);
  return domain ? `${title}, ${domain}` : title;
}

/** A short label for a chip or a draft: "Outlet, 12 March 2025" (or "“Title”, domain, 12 March 2025"). */
export function citationLabel(claim: CitedClaim, language?: UiLanguage): string {
  const date = formatDate(claim.source.publishedAt, language);
  const name = citedName(claim.source, language);
  return date ? `${name}, ${date}` : name;
}

/** A title cut to its first few words, for short notes. */
export function shortTitle(title: string, words = 5): string {
  const all = title.split(/\s+/).filter(Boolean);
  return all.length <= words
    ? all.join(' ')
    : `${trimTrailing(all.slice(0, words).join(' '), /[,;:.\u2013\u2014-]/)}\u2026`;
}

/**
 * The short form of a note that was given in full before, as notes in the
 * Chicago style repeat a source: `Outlet, “Short title”, above.`
 */
export function shortNoteText(claim: CitedClaim): string {
  const head = [outletName(claim.source), quoted(shortTitle(sourceTitle(claim.source)))].filter(Boolean).join(', ');
  return `${head}, above.`;
}

/** The parts of a citation note, in note order; exporters style each part. */
export interface CitationNoteParts {
  /** Absent when the outlet is unknown: the note then starts with the title. */
  outlet?: string;
  title: string;
  author?: string;
  date?: string;
  url?: string;
  quote: string;
}

export function citationNoteParts(claim: CitedClaim): CitationNoteParts {
  const { source, annotation } = claim;
  const parts: CitationNoteParts = { title: sourceTitle(source), quote: cleanQuote(annotation.target.exact) };
  const outlet = outletName(source);
  if (outlet) parts.outlet = outlet;
  if (source.author?.trim()) parts.author = source.author.trim();
  if (source.publishedAt) parts.date = formatDate(source.publishedAt);
  if (source.url?.trim()) parts.url = source.url.trim();
  return parts;
}

/**
 * A note as one line of plain text, in a recognisable note style:
 * `Outlet, “Title”, Author, 12 March 2025, URL. Quoted: “passage”.`
 */
export function citationNoteText(claim: CitedClaim): string {
  const p = citationNoteParts(claim);
  const head = [p.outlet, quoted(p.title), p.author, p.date, p.url].filter(Boolean).join(', ');
  return endSentence(`${head}. Quoted: ${quoted(p.quote)}`);
}

/** What a citation whose annotation is missing shows instead. */
export const CITATION_REMOVED = '[citation removed]';

/** How one source is listed under "Sources": `Outlet. “Title”. Author. 12 March 2025. URL` (no outlet when unknown). */
export function sourceListEntry(source: SourceMeta): string {
  const date = formatDate(source.publishedAt);
  return [outletName(source), quoted(sourceTitle(source)), source.author?.trim(), date, source.url?.trim()]
    .filter(Boolean)
    .join('. ');
}
