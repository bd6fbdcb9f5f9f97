/**
 * Reading a W3C Web Annotation file: bytes → a checked, normalised list of
 * annotations and the Dossier extension data beside them. Nothing here touches
 * the notebook; anything damaged or hostile throws `invalid-input` with a
 * message naming what and where, before the import changes anything.
 *
 * Accepted: an AnnotationCollection with its first page embedded, an
 * AnnotationPage, one Annotation, or a JSON array of Annotations — each naming
 * the W3C context (http://www.w3.org/ns/anno.jsonld) in `@context`. Values the
 * model allows as one or many (body, target, selector, type, motivation,
 * purpose) are read either way. Contexts are never fetched: other context
 * IRIs are allowed beside the W3C one, embedded context objects are not
 * (they could rename the very terms this reader trusts).
 */
import { z } from 'zod';
import { DossierError } from '../../../shared/errors';
import { ANNOTATION_KINDS, ActorKind, ActorRole, Stance, type AnnotationKind } from '../../../shared/enums';
import { SUPPORTED_MARKS, SUPPORTED_NODES, walkDoc } from '../../../shared/brief-doc';
import { RemovedBlock, RichDoc } from '../../../shared/model';
import { safeHref } from '../briefs/blocks';
import { ANNO_CONTEXT, ANNO_CONTEXT_HTTPS, KIND_MOTIVATION, PURPOSE, X } from './w3c-vocab';

/**
 * The largest file read (bytes). A Dossier export carries its sources' text: 256 MB holds some
 * 30,000 news articles with their annotations, and still parses in a desktop's memory.
 */
export const W3C_MAX_BYTES = 256 * 1024 * 1024;
/** How deeply values may nest (a note's rich text is the deepest part of an export, well below this). */
export const W3C_MAX_DEPTH = 64;
/** Keys that never belong in annotation data and could reach an object's prototype if merged. */
const POISON_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedSource {
  iri: string;
  title?: string;
  url?: string;
  sha256?: string;
  sourceId?: string;
  language?: string;
  outlet?: string;
  author?: string;
  publishedAt?: string;
  importedAt?: string;
  originKind?: string;
  originName?: string;
  text?: string;
  removed?: RemovedBlock[];
}

export interface ParsedTag {
  iri: string;
  name: string;
  color?: string;
  parent?: string;
}

export interface ParsedActorLink {
  iri?: string;
  name: string;
  kind?: ActorKind;
  aliases: string[];
  description?: string;
  color?: string;
  role: ActorRole;
  stance?: Stance;
}

export interface ParsedNote {
  doc?: RichDoc;
  html?: string;
  text?: string;
}

export interface ParsedAnnotation {
  /** 1-based place in the file, for messages. */
  n: number;
  iri?: string;
  kind: AnnotationKind;
  created?: string;
  modified?: string;
  source: string;
  quote?: { exact: string; prefix: string; suffix: string };
  /** Code points, as the model counts. */
  position?: { start: number; end: number };
  tags: Array<{ name: string; iri?: string }>;
  notes: ParsedNote[];
  status?: string;
  actors: ParsedActorLink[];
}

export interface ParsedFile {
  statuses: string[];
  tags: Map<string, ParsedTag>;
  sources: Map<string, ParsedSource>;
  annotations: ParsedAnnotation[];
}

// ---------------------------------------------------------------- raw JSON checks

/** Decodes and parses the bytes, refusing what is too big, not UTF-8, not JSON, too deep or carrying prototype keys. */
export function readJson(bytes: Uint8Array, fileName: string): unknown {
  if (bytes.byteLength > W3C_MAX_BYTES) {
    throw DossierError.of('invalid-input', 'exchange.largerThanMbLimit', {
      fileName,
      W3C_MAX_BYTES: W3C_MAX_BYTES / 1024 / 1024,
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw DossierError.of('invalid-input', 'exchange.utf8TextSo', { fileName });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw DossierError.of('invalid-input', 'exchange.validJson', { fileName, message: (err as Error).message });
  }
  checkShape(value, fileName);
  return value;
}

/** Walks the parsed value without recursion: depth limit and forbidden keys. */
function checkShape(root: unknown, fileName: string): void {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > W3C_MAX_DEPTH)
      throw DossierError.of('invalid-input', 'exchange.nestsDeeperThanLevels', { fileName, W3C_MAX_DEPTH });
    if (Array.isArray(value)) {
      for (const v of value) stack.push([v, depth + 1]);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (POISON_KEYS.has(key))
        throw DossierError.of('invalid-input', 'exchange.containsKeyWhichAnnotation', { fileName, key });
      stack.push([(value as Record<string, unknown>)[key], depth + 1]);
    }
  }
}

// ---------------------------------------------------------------- schemas

const many = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as Array<z.output<T>>);
const types = many(z.string()).optional().default([]);
const text = z.string().max(10_000_000);

const Selector = z.object({
  type: types,
  exact: text.optional(),
  prefix: text.optional(),
  suffix: text.optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
});

const Target = z.union([
  z.string(),
  z.object({
    source: z.union([z.string(), z.object({ id: z.string() })]).optional(),
    selector: many(z.union([z.string(), Selector])).optional(),
  }),
]);

const ActorResource = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  label: z.string().optional(),
  [X.actorKind]: ActorKind.optional(),
  [X.aliases]: many(z.string()).optional(),
  [X.description]: z.string().optional(),
  [X.color]: z.string().optional(),
});

const Body = z.union([
  z.string(),
  z.object({
    type: types,
    purpose: many(z.string()).optional(),
    value: text.optional(),
    format: z.string().optional(),
    [X.doc]: z.unknown().optional(),
    [X.tag]: z.string().optional(),
    source: z.union([z.string(), ActorResource]).optional(),
    [X.role]: ActorRole.optional(),
    [X.stance]: Stance.optional(),
  }),
]);

const AnnotationJson = z.object({
  '@context': z.unknown().optional(),
  id: z.string().optional(),
  type: types,
  motivation: many(z.string()).optional(),
  body: many(Body).optional(),
  bodyValue: text.optional(),
  target: many(Target),
  created: z.string().optional(),
  modified: z.string().optional(),
  [X.kind]: z.string().optional(),
});

const SourceJson = z.object({
  id: z.string(),
  language: z.string().optional(),
  [X.sourceId]: z.string().optional(),
  [X.title]: z.string().optional(),
  [X.outlet]: z.string().optional(),
  [X.author]: z.string().optional(),
  [X.url]: z.string().optional(),
  [X.publishedAt]: z.string().optional(),
  [X.importedAt]: z.string().optional(),
  [X.sha256]: z.string().optional(),
  [X.originKind]: z.string().optional(),
  [X.originName]: z.string().optional(),
  [X.text]: text.optional(),
  [X.removed]: z.array(RemovedBlock).optional(),
});

const TagJson = z.object({
  id: z.string(),
  label: z.string().min(1),
  [X.color]: z.string().optional(),
  [X.parent]: z.string().optional(),
});

const Extensions = z.object({
  [X.statuses]: many(z.string().min(1)).optional(),
  [X.tags]: many(TagJson).optional(),
  [X.sources]: many(SourceJson).optional(),
});

/** "body.2.purpose: expected string" — the first problem zod found, where. */
function zodProblem(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'its structure is not the W3C model';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

// ---------------------------------------------------------------- structure

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const typesOf = (v: Record<string, unknown>) => {
  const t = v.type ?? v['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

/** Refuses a missing or foreign @context; one `where` names the object for the message. */
function checkContext(value: Record<string, unknown>, where: string, required: boolean): void {
  const raw = value['@context'];
  if (raw === undefined) {
    if (!required) return;
    throw DossierError.of('invalid-input', 'exchange.hasContextW3cWeb', { where, ANNO_CONTEXT });
  }
  const contexts = Array.isArray(raw) ? raw : [raw];
  if (contexts.some((c) => typeof c !== 'string')) {
    throw DossierError.of('invalid-input', 'exchange.embedsJsonLdContext', { where });
  }
  if (!contexts.some((c) => c === ANNO_CONTEXT || c === ANNO_CONTEXT_HTTPS)) {
    throw DossierError.of('invalid-input', 'exchange.hasWrongContextW3c', {
      where,
      value: contexts.map((c) => `"${String(c)}"`).join(', ') || 'empty',
      ANNO_CONTEXT,
    });
  }
}

/** The annotations of the file's root, and the object carrying Dossier's extension data (if any). */
function rootItems(root: unknown, fileName: string): { items: unknown[]; holder?: Record<string, unknown> } {
  if (Array.isArray(root)) {
    root.forEach((item, i) => {
      if (!isObject(item))
        throw DossierError.of('invalid-input', 'exchange.itemAnnotationObject', { fileName, i: i + 1 });
      checkContext(item, `${fileName}, annotation ${i + 1},`, true);
    });
    return { items: root };
  }
  if (!isObject(root)) throw DossierError.of('invalid-input', 'exchange.jsonButW3cAnnotation', { fileName });
  checkContext(root, fileName, true);
  const t = typesOf(root);
  if (t.includes('AnnotationCollection')) {
    const first = root.first;
    if (typeof first === 'string') {
      throw DossierError.of('invalid-input', 'exchange.linksAnnotationsInsteadEmbedding', { fileName, first });
    }
    if (!isObject(first) || !Array.isArray(first.items)) {
      throw DossierError.of('invalid-input', 'exchange.annotationcollectionWithoutEmbeddedFirst', { fileName });
    }
    if (first.next !== undefined) {
      throw DossierError.of('invalid-input', 'exchange.continuesFurtherPagesAre', { fileName });
    }
    return { items: first.items, holder: root };
  }
  if (t.includes('AnnotationPage')) {
    if (!Array.isArray(root.items))
      throw DossierError.of('invalid-input', 'exchange.annotationpageWithoutItems', { fileName });
    return { items: root.items, holder: root };
  }
  if (t.includes('Annotation')) return { items: [root] };
  throw DossierError.of('invalid-input', 'exchange.namesW3cContextBut', { fileName, t: t.join(', ') || 'none' });
}

// ---------------------------------------------------------------- annotations

/** The nodes the note editor makes: what the exporters understand, and code blocks. */
const EDITOR_NODES: readonly string[] = [...SUPPORTED_NODES, 'codeBlock'];

/**
 * True when a note document holds only what the editor makes: known nodes and marks, links
 * to http(s) or mailto. Anything else (a script URL, a foreign node) makes the import use
 * the note's HTML as plain text instead.
 */
function editorSafe(doc: RichDoc): boolean {
  let safe = true;
  walkDoc(doc, (node) => {
    if (!EDITOR_NODES.includes(node.type)) safe = false;
    for (const mark of node.marks ?? []) {
      if (!(SUPPORTED_MARKS as readonly string[]).includes(mark.type)) safe = false;
      if (mark.type === 'link' && !safeHref(mark.attrs?.href)) safe = false;
    }
    return safe;
  });
  return safe;
}

/** Bodies whose text is a comment (a body without a purpose is one too); a classifying body ("ORG") is not. */
const NOTE_PURPOSES = [PURPOSE.note, 'describing', 'questioning', 'replying'];

const sourceIri = (s: string | { id: string } | undefined) => (typeof s === 'string' ? s : s?.id);

/** Dossier's kind when the file says it; else from the motivation; else a claim when it has a status, a note when it has a comment. */
function kindOf(
  explicit: string | undefined,
  motivations: string[],
  purposes: Set<string>,
  noted: boolean,
): AnnotationKind {
  if (explicit && (ANNOTATION_KINDS as readonly string[]).includes(explicit)) return explicit as AnnotationKind;
  const plain = motivations.map((m) => m.replace(/^oa:/, ''));
  for (const kind of ANNOTATION_KINDS) if (plain.includes(KIND_MOTIVATION[kind])) return kind;
  if (purposes.has(PURPOSE.status)) return 'claim';
  return noted ? 'note' : 'highlight';
}

function parseAnnotation(raw: unknown, n: number): ParsedAnnotation {
  const label = `Annotation ${n}${isObject(raw) && typeof raw.id === 'string' ? ` (${raw.id})` : ''}`;
  if (!isObject(raw)) throw DossierError.of('invalid-input', 'exchange.object', { label });
  if (!typesOf(raw).includes('Annotation'))
    throw DossierError.of('invalid-input', 'exchange.typeAnnotation', { label });
  if (raw.target === undefined || (Array.isArray(raw.target) && raw.target.length === 0)) {
    throw DossierError.of('invalid-input', 'exchange.hasTargetW3cAnnotation', { label });
  }
  if (raw['@context'] !== undefined) checkContext(raw, label, false);
  const parsed = AnnotationJson.safeParse(raw);
  if (!parsed.success)
    throw DossierError.of('invalid-input', 'exchange.damagedNothingWasImported', {
      label,
      error: zodProblem(parsed.error),
    });
  const a = parsed.data;

  // The first target that names a source and quotes text; else the first that names a source.
  const targets = a.target.map((t) =>
    typeof t === 'string' ? { source: t, selectors: [] } : { source: sourceIri(t.source), selectors: t.selector ?? [] },
  );
  const withSource = targets.filter((t) => t.source);
  const quoted = (t: (typeof targets)[number]) =>
    t.selectors.some((s) => typeof s !== 'string' && s.type.includes('TextQuoteSelector') && s.exact);
  const target = withSource.find(quoted) ?? withSource[0];
  if (!target?.source) throw DossierError.of('invalid-input', 'exchange.targetNamesSourceNothing', { label });
  const selectors = target.selectors.filter((s): s is z.output<typeof Selector> => typeof s !== 'string');
  const quote = selectors.find((s) => s.type.includes('TextQuoteSelector') && s.exact);
  const position = selectors.find(
    (s) => s.type.includes('TextPositionSelector') && s.start !== undefined && s.end !== undefined,
  );
  if (position && position.end! < position.start!) {
    throw DossierError.of('invalid-input', 'exchange.textpositionselectorEndsBeforeStarts', {
      label,
      end: position.end!,
      start: position.start!,
    });
  }

  const bodies = (a.body ?? []).filter((b) => typeof b !== 'string');
  const purposes = new Set(bodies.flatMap((b) => (b.purpose ?? []).map((p) => p.replace(/^oa:/, ''))));
  const has = (b: (typeof bodies)[number], purpose: string) =>
    (b.purpose ?? []).some((p) => p.replace(/^oa:/, '') === purpose);
  const out: ParsedAnnotation = {
    n,
    ...(a.id ? { iri: a.id } : {}),
    kind: 'highlight',
    ...(a.created ? { created: a.created } : {}),
    ...(a.modified ? { modified: a.modified } : {}),
    source: target.source,
    ...(quote ? { quote: { exact: quote.exact!, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' } } : {}),
    ...(position ? { position: { start: position.start!, end: position.end! } } : {}),
    tags: [],
    notes: a.bodyValue ? [{ text: a.bodyValue }] : [],
    actors: [],
  };
  for (const b of bodies) {
    if (has(b, PURPOSE.tag) && b.value?.trim()) {
      out.tags.push({ name: b.value.trim(), ...(b[X.tag] ? { iri: b[X.tag] } : {}) });
    } else if (has(b, PURPOSE.status) && b.value?.trim()) {
      out.status ??= b.value.trim();
    } else if (has(b, PURPOSE.actor)) {
      const actor = typeof b.source === 'object' ? b.source : undefined;
      const name = (actor?.name ?? actor?.label ?? b.value)?.trim();
      if (!name) continue;
      out.actors.push({
        ...(actor?.id ? { iri: actor.id } : {}),
        name,
        ...(actor?.[X.actorKind] ? { kind: actor[X.actorKind] } : {}),
        aliases: actor?.[X.aliases] ?? [],
        ...(actor?.[X.description] ? { description: actor[X.description] } : {}),
        ...(actor?.[X.color] ? { color: actor[X.color] } : {}),
        role: b[X.role] ?? 'mentioned',
        ...(b[X.stance] ? { stance: b[X.stance] } : {}),
      });
    } else if (NOTE_PURPOSES.some((p) => has(b, p)) || (b.type.includes('TextualBody') && !b.purpose?.length)) {
      const doc = RichDoc.safeParse(b[X.doc]);
      if (doc.success && editorSafe(doc.data)) out.notes.push({ doc: doc.data });
      else if (b.value?.trim()) out.notes.push(b.format === 'text/html' ? { html: b.value } : { text: b.value });
    }
  }
  out.kind = kindOf(a[X.kind], a.motivation ?? [], purposes, out.notes.length > 0);
  return out;
}

// ---------------------------------------------------------------- the file

/** Parses and checks a whole file; throws `invalid-input` on the first problem. */
export function parseW3c(bytes: Uint8Array, fileName: string): ParsedFile {
  const root = readJson(bytes, fileName);
  const { items, holder } = rootItems(root, fileName);
  const ext = Extensions.safeParse(holder ?? {});
  if (!ext.success)
    throw DossierError.of('invalid-input', 'exchange.dossierDataDamaged', { fileName, error: zodProblem(ext.error) });
  const tags = new Map<string, ParsedTag>();
  for (const t of ext.data[X.tags] ?? []) {
    tags.set(t.id, {
      iri: t.id,
      name: t.label,
      ...(t[X.color] ? { color: t[X.color] } : {}),
      ...(t[X.parent] ? { parent: t[X.parent] } : {}),
    });
  }
  const sources = new Map<string, ParsedSource>();
  for (const s of ext.data[X.sources] ?? []) {
    const optional = <K extends keyof ParsedSource>(key: K, value: ParsedSource[K] | undefined) =>
      value !== undefined ? { [key]: value } : {};
    sources.set(s.id, {
      iri: s.id,
      ...optional('title', s[X.title]),
      ...optional('url', s[X.url]),
      ...optional('sha256', s[X.sha256]?.toLowerCase()),
      ...optional('sourceId', s[X.sourceId]),
      ...optional('language', s.language),
      ...optional('outlet', s[X.outlet]),
      ...optional('author', s[X.author]),
      ...optional('publishedAt', s[X.publishedAt]),
      ...optional('importedAt', s[X.importedAt]),
      ...optional('originKind', s[X.originKind]),
      ...optional('originName', s[X.originName]),
      ...optional('text', s[X.text]),
      ...optional('removed', s[X.removed]),
    });
  }
  return {
    statuses: ext.data[X.statuses] ?? [],
    tags,
    sources,
    annotations: items.map((raw, i) => parseAnnotation(raw, i + 1)),
  };
}

/** True when `bytes` look like a W3C annotation file: JSON naming the W3C context, or a `.jsonld` file. Never throws. */
export function detectW3c(bytes: Uint8Array, fileName: string): boolean {
  try {
    const head = new TextDecoder()
      .decode(bytes.subarray(0, 64 * 1024))
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (!head.startsWith('{') && !head.startsWith('[')) return false;
    if (/\.jsonld$/i.test(fileName)) return true;
    return /"@context"\s*:\s*(?:\[\s*)?"https?:\/\/www\.w3\.org\/ns\/anno\.jsonld"/.test(head);
  } catch {
    return false;
  }
}
