/**
 * Import of a W3C Web Annotation file into the open notebook, in the caller's
 * transaction (one undo step). The file is parsed and checked in full first
 * (w3c-parse.ts): a damaged or hostile file throws before anything changes.
 *
 * Each annotation's source is found in the notebook by URL, then by content
 * hash (`urn:sha256:` — the sha256 of the imported bytes, which importing the
 * same article file gives again), then by title; when none matches and the
 * file carries the source's text (Dossier exports do), the source is
 * recreated. The quote is then re-anchored in the notebook's text with the
 * notebook's own anchoring, so an edited text still receives it; an
 * annotation that cannot be placed is kept as an orphan, as the reader keeps
 * orphans (its stored quote, listed apart), and reported. Annotations whose
 * source is missing cannot be kept — they are reported as "missing source",
 * so the person can import the articles and then the file again (annotations
 * already present are not added twice).
 */
import { createHash } from 'node:crypto';
import type { InteropImportSummary } from '../../../shared/api';
import { docNode, paragraphNode, textNode } from '../../../shared/brief-doc';
import { DossierError, sayError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import {
  Annotation,
  IsoDate,
  LanguageCode,
  OriginKind,
  SCHEMA_VERSION,
  Source,
  type Actor,
  type ActorLink,
  type RichDoc,
  type SourceIndexEntry,
  type Tag,
  type TextTarget,
} from '../../../shared/model';
import { anchorTarget, describeTarget, orphanReasonWords } from '../../../shared/anchoring';
import { normaliseAlias } from '../../../shared/actors';
import { utf16Offset } from '../../../shared/text';
import { nextColor } from '../annotations/annotation-methods';
import type { ServiceContext, Transaction } from '../service-context';
import { parseW3c, type ParsedAnnotation, type ParsedFile, type ParsedNote, type ParsedSource } from './w3c-parse';
import { recordId, sha256OfUrn } from './w3c-vocab';
import { webAddress } from './w3c-export';

/** Where one source of the file lands in the notebook. */
type Placement =
  | { kind: 'matched'; id: string; title: string; text: string; existing: Annotation[] }
  | { kind: 'new'; source: Source; existing: Annotation[] }
  | { kind: 'missing'; label: string };

const key = normaliseAlias;

/** Applies a W3C annotation file to the notebook through `tx`. */
export async function importW3c(
  ctx: ServiceContext,
  tx: Pick<Transaction, 'updateManifest' | 'updateSource' | 'addSource'>,
  bytes: Uint8Array,
  fileName: string,
): Promise<InteropImportSummary> {
  if (ctx.store.readOnly)
    throw DossierError.of('read-only', 'interop.readOnly', { problem: ctx.store.problemWords ?? '' });
  const file = parseW3c(bytes, fileName);
  const plan = new ImportPlan(ctx, file);
  const summary: InteropImportSummary = {
    file: fileName,
    format: 'w3c',
    sources: { added: 0, matched: 0 },
    annotations: 0,
    tags: 0,
    actors: 0,
    notes: 0,
    orphans: [],
  };
  const added = new Map<string, Annotation[]>();
  for (const a of file.annotations) {
    const place = await plan.place(a.source);
    if (place.kind === 'missing') {
      summary.orphans.push({
        quote: a.quote?.exact ?? '',
        reason: sayError(ctx.translator(), { key: 'exchange.orphanMissingSource', params: { label: place.label } }),
      });
      continue;
    }
    const title = place.kind === 'new' ? place.source.title : place.title;
    if (!a.quote) {
      summary.orphans.push({
        quote: '',
        reason: sayError(ctx.translator(), { key: 'exchange.orphanNoQuote', params: { n: a.n, title } }),
      });
      continue;
    }
    const text = place.kind === 'new' ? place.source.text : place.text;
    const sourceId = place.kind === 'new' ? place.source.id : place.id;
    const anchored = anchor(text, a);
    const twin = place.existing.find(
      (e) =>
        e.id === recordId('annotation', a.iri) ||
        (e.kind === a.kind && e.target.start === anchored.target.start && e.target.end === anchored.target.end),
    );
    if (twin) continue; // already in the notebook (the file imported before)
    if (anchored.orphan)
      summary.orphans.push({
        quote: a.quote.exact,
        reason: sayError(ctx.translator(), {
          key: 'exchange.orphanKept',
          params: { title, problem: ctx.translator().t(`reader:${anchored.orphan.key}`, anchored.orphan.params) },
        }),
      });
    const annotation = await plan.annotation(a, sourceId, anchored.target, place.kind === 'new');
    place.existing.push(annotation);
    if (place.kind === 'matched') added.set(sourceId, [...(added.get(sourceId) ?? []), annotation]);
    summary.annotations++;
    if (annotation.note) summary.notes++;
  }

  // Apply: the codebook and actors first, then the sources and their annotations.
  const { tags, actors, statuses } = plan.additions();
  summary.tags = tags.length;
  summary.actors = actors.length;
  if (tags.length || actors.length || statuses.length) {
    await tx.updateManifest((m) => {
      m.tags.push(...tags);
      m.actors.push(...actors);
      m.statuses.push(...statuses);
    });
  }
  const saved: Promise<void>[] = [];
  for (const place of plan.placements()) {
    if (place.kind === 'new') {
      const { manifestSaved } = await tx.addSource({
        schemaVersion: SCHEMA_VERSION,
        source: place.source,
        annotations: place.existing,
      });
      saved.push(manifestSaved);
      summary.sources.added++;
    } else if (place.kind === 'matched') {
      summary.sources.matched++;
      const fresh = added.get(place.id);
      if (fresh?.length) await tx.updateSource(place.id, (f) => void f.annotations.push(...fresh));
    }
  }
  await Promise.all(saved);
  return summary;
}

/** The target an annotation gets in `text`: re-anchored through its quote, or its stored selectors as an orphan. */
function anchor(
  text: string,
  a: ParsedAnnotation,
): { target: TextTarget; orphan?: ReturnType<typeof orphanReasonWords> } {
  const q = a.quote!;
  const start = a.position ? utf16Offset(text, a.position.start) : 0;
  const stored: TextTarget = { start, end: start + q.exact.length, exact: q.exact, prefix: q.prefix, suffix: q.suffix };
  const found = anchorTarget(text, stored);
  if (found.status === 'orphan') return { target: stored, orphan: orphanReasonWords(found) };
  return { target: describeTarget(text, found.start, found.end) };
}

/** A date the model accepts, or undefined. */
const timestamp = (s: string | undefined) =>
  s && !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}/.test(s) ? s : undefined;

/** What the import adds, decided against the notebook as it is (nothing is written here). */
class ImportPlan {
  private readonly places = new Map<string, Placement>();
  private readonly newTags: Tag[] = [];
  private readonly tagByIri = new Map<string, Tag>();
  private readonly newActors: Actor[] = [];
  private readonly newStatuses: string[] = [];
  private readonly now = new Date().toISOString();
  private placed = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly file: ParsedFile,
  ) {}

  placements(): Placement[] {
    return [...this.places.values()];
  }

  /** What the manifest gains; the file's list of statuses (its order) only when an annotation was placed. */
  additions() {
    if (this.placed) for (const name of this.file.statuses) this.status(name);
    return { tags: this.newTags, actors: this.newActors, statuses: this.newStatuses };
  }

  /** Finds (or plans to recreate) the source an IRI names: by URL, then content hash, then title. */
  async place(iri: string): Promise<Placement> {
    const known = this.places.get(iri);
    if (known) return known;
    const info: ParsedSource = this.file.sources.get(iri) ?? { iri };
    const url = webAddress(info.url) ?? webAddress(iri);
    const sha = (info.sha256 && /^[0-9a-f]{64}$/.test(info.sha256) ? info.sha256 : undefined) ?? sha256OfUrn(iri);
    const { store } = this.ctx;
    const heads = store.manifest.sources;
    const hashed = sha ? store.sourceIdBySha256(sha) : undefined;
    const byTitle = info.title ? heads.filter((s) => key(s.title) === key(info.title!)) : [];
    const head: SourceIndexEntry | undefined =
      (url ? heads.find((s) => webAddress(s.url) === url) : undefined) ??
      (sha ? heads.find((s) => s.id === hashed) : undefined) ??
      (byTitle.length === 1 ? byTitle[0] : undefined);
    let place: Placement;
    if (head) {
      const f = await store.loadSource(head.id);
      place = { kind: 'matched', id: head.id, title: head.title, text: f.source.text, existing: [...f.annotations] };
    } else if (info.text !== undefined && info.text.length > 0) {
      place = { kind: 'new', source: this.newSource(info, url), existing: [] };
    } else {
      place = { kind: 'missing', label: info.title ? `“${info.title}” (${iri})` : iri };
    }
    this.places.set(iri, place);
    return place;
  }

  private newSource(info: ParsedSource, url: string | undefined): Source {
    const taken = new Set(this.ctx.store.manifest.sources.map((s) => s.id));
    for (const p of this.places.values()) if (p.kind === 'new') taken.add(p.source.id);
    const id =
      info.sourceId && /^[\w-]{1,64}$/.test(info.sourceId) && !taken.has(info.sourceId) ? info.sourceId : newId('src');
    const text = info.text!;
    const sha =
      info.sha256 && /^[0-9a-f]{64}$/.test(info.sha256) ? info.sha256 : createHash('sha256').update(text).digest('hex');
    const language = LanguageCode.safeParse(info.language);
    const published = IsoDate.safeParse(info.publishedAt);
    const origin = OriginKind.safeParse(info.originKind);
    const source = Source.safeParse({
      id,
      title: info.title?.trim() || info.iri,
      ...(info.outlet ? { outlet: info.outlet } : {}),
      ...(info.author ? { author: info.author } : {}),
      ...((info.url ?? url) ? { url: info.url ?? url } : {}),
      ...(published.success ? { publishedAt: published.data } : {}),
      language: language.success ? language.data : 'und',
      importedAt: timestamp(info.importedAt) ?? this.now,
      origin: {
        kind: origin.success ? origin.data : 'file',
        ...(info.originName ? { name: info.originName } : {}),
        sha256: sha,
      },
      text,
      removed: info.removed ?? [],
    });
    if (!source.success) throw DossierError.of('invalid-input', 'interop.sourceFileDamaged', { iri: info.iri });
    return source.data;
  }

  private status(name: string): string {
    const have = this.ctx.store.manifest.statuses;
    if (!have.includes(name) && !this.newStatuses.includes(name)) this.newStatuses.push(name);
    return name;
  }

  /** The notebook's tag for a tag of the file: same path of names, else created (with the file's colour and parents). */
  private tag(name: string, iri: string | undefined, depth = 0): Tag {
    const cached = iri ? this.tagByIri.get(iri) : undefined;
    if (cached) return cached;
    const info = iri ? this.file.tags.get(iri) : undefined;
    const parent =
      info?.parent && depth < 32
        ? this.tag(this.file.tags.get(info.parent)?.name ?? '', info.parent, depth + 1)
        : undefined;
    const all = [...this.ctx.store.manifest.tags, ...this.newTags];
    const label = info?.name ?? name;
    const siblings = all.filter((t) => key(t.name) === key(label));
    const match =
      siblings.find((t) => (t.parentId ?? undefined) === parent?.id) ??
      // A foreign tag without a path matches a tag of that name anywhere in the codebook, when only one has it.
      (!info && siblings.length === 1 ? siblings[0] : undefined);
    let tag = match;
    if (!tag) {
      const fileId = recordId('tag', iri);
      const free = fileId && !all.some((t) => t.id === fileId);
      tag = {
        id: free ? fileId : newId('tag'),
        name: label,
        color: info?.color ?? nextColor(all),
        ...(parent ? { parentId: parent.id } : {}),
      };
      this.newTags.push(tag);
    }
    if (iri) this.tagByIri.set(iri, tag);
    return tag;
  }

  /** The notebook's actor for an actor of the file: same id and name, else same name or alias, else created. */
  private actor(link: ParsedAnnotation['actors'][number]): Actor {
    const all = [...this.ctx.store.manifest.actors, ...this.newActors];
    const fileId = recordId('actor', link.iri);
    const names = [link.name, ...link.aliases].map(key).filter(Boolean);
    const byId = all.find((a) => a.id === fileId && key(a.name) === key(link.name));
    const byName = all.filter((a) => key(a.name) === key(link.name));
    const byAlias = all.filter((a) => [a.name, ...a.aliases].map(key).some((k) => names.includes(k)));
    const found =
      byId ?? (byName.length === 1 ? byName[0] : undefined) ?? (byAlias.length === 1 ? byAlias[0] : undefined);
    if (found) return found;
    const actor: Actor = {
      id: fileId && !all.some((a) => a.id === fileId) ? fileId : newId('act'),
      name: link.name,
      kind: link.kind ?? 'other',
      aliases: link.aliases,
      ...(link.description ? { description: link.description } : {}),
      memberOf: [],
      ...(link.color ? { color: link.color } : {}),
    };
    this.newActors.push(actor);
    return actor;
  }

  /** The annotation record for `a` on `sourceId` (its own id kept when its source is new to this notebook). */
  async annotation(a: ParsedAnnotation, sourceId: string, target: TextTarget, newSource: boolean): Promise<Annotation> {
    this.placed = true;
    const fileId = recordId('annotation', a.iri);
    const links: ActorLink[] = [];
    for (const l of a.actors) {
      const actorId = this.actor(l).id;
      if (!links.some((x) => x.actorId === actorId && x.role === l.role)) {
        links.push({ actorId, role: l.role, ...(l.stance ? { stance: l.stance } : {}) });
      }
    }
    const note = await noteDoc(a.notes);
    const created = timestamp(a.created) ?? this.now;
    const record = Annotation.safeParse({
      id: newSource && fileId ? fileId : newId('ann'),
      sourceId,
      kind: a.kind,
      target,
      tagIds: [...new Set(a.tags.map((t) => this.tag(t.name, t.iri).id))],
      status: a.status ? this.status(a.status) : (this.ctx.store.manifest.statuses[0] ?? 'unverified'),
      actors: links,
      ...(note ? { note } : {}),
      createdAt: created,
      updatedAt: timestamp(a.modified) ?? created,
    });
    if (!record.success) {
      throw DossierError.of('invalid-input', 'interop.annotationFileStored', {
        n: a.n,
        message: record.error.issues[0]?.message ?? '',
      });
    }
    return record.data;
  }
}

/** One rich-text note from the file's commenting bodies: Dossier's own document when present, else their text. */
async function noteDoc(notes: ParsedNote[]): Promise<RichDoc | undefined> {
  const own = notes.find((n) => n.doc)?.doc;
  if (own) return own;
  const paragraphs: string[] = [];
  for (const n of notes) {
    if (n.html !== undefined) paragraphs.push(...(await htmlParagraphs(n.html)));
    else paragraphs.push(...(n.text ?? '').split(/\n\s*\n/));
  }
  const kept = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return kept.length ? docNode(kept.map((p) => paragraphNode([textNode(p)]))) : undefined;
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, th';

/** The paragraphs of a foreign HTML note as plain text (parsed inert: no scripts, no loads). */
async function htmlParagraphs(html: string): Promise<string[]> {
  const { JSDOM } = await import('jsdom');
  const fragment = JSDOM.fragment(html);
  // The innermost blocks, each a paragraph; a note without blocks is one paragraph.
  const blocks = [...fragment.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  return blocks.length ? blocks.map((el) => el.textContent ?? '') : [fragment.textContent ?? ''];
}
