/**
 * Export to the W3C Web Annotation Data Model (JSON-LD): one
 * AnnotationCollection whose embedded first page holds every annotation of the
 * chosen sources. Each annotation targets a SpecificResource — its source by
 * URL, or `urn:sha256:<hash of the imported bytes>` — with a TextQuoteSelector
 * and a TextPositionSelector counted in Unicode code points, as the model
 * requires. Tags, the note, the status and actor links are bodies; what the
 * model has no word for (the kind, tag colours and hierarchy, actor kinds and
 * aliases, role and stance, the sources' text) is Dossier extension data under
 * DOSSIER_CONTEXT. docs/interop.md describes the mapping.
 */
import { DossierError } from '../../../shared/errors';
import { makeBriefContext } from '../../../shared/brief-doc';
import type { Actor, Annotation, RichDoc, Source, SourceFile, Tag } from '../../../shared/model';
import { codePointOffset, richDocToText } from '../../../shared/text';
import { NO_CITATION_STYLE, resolveBrief } from '../briefs/blocks';
import { renderHtmlBlocks } from '../briefs/export-text';
import type { ServiceContext } from '../service-context';
import type { InteropExportInput, InteropExportResult } from './registry';
import { ANNO_CONTEXT, DOSSIER_CONTEXT, KIND_MOTIVATION, PURPOSE, X, recordIri, sha256Urn } from './w3c-vocab';

type Json = Record<string, unknown>;

/** Exports the annotations of the chosen sources (all by default) as one JSON-LD AnnotationCollection. */
export async function exportW3c(ctx: ServiceContext, input: InteropExportInput = {}): Promise<InteropExportResult> {
  const manifest = ctx.store.manifest;
  const listed = new Set(manifest.sources.map((s) => s.id));
  const ids = input.sourceIds ?? manifest.sources.map((s) => s.id);
  const unknown = ids.filter((id) => !listed.has(id));
  if (unknown.length) throw DossierError.of('not-found', 'interop.noSources', { value: unknown.join(', ') });
  const files: SourceFile[] = [];
  for (const id of new Set(ids)) files.push(await ctx.store.loadSource(id));

  const sourceIri = sourceIris(files.map((f) => f.source));
  const records: Records = {
    actors: new Map(manifest.actors.map((a) => [a.id, a])),
    tags: new Map(manifest.tags.map((t) => [t.id, t])),
  };
  const usedTags = new Set<string>();
  const items: Json[] = [];
  for (const file of files) {
    for (const a of file.annotations) {
      a.tagIds.forEach((t) => usedTags.add(t));
      items.push(annotationJson(a, file.source.text, sourceIri.get(file.source.id)!, records));
    }
  }
  const collectionId = recordIri('notebook', manifest.id);
  const doc: Json = {
    '@context': [ANNO_CONTEXT, DOSSIER_CONTEXT],
    id: `${collectionId}/annotations`,
    type: 'AnnotationCollection',
    label: `${manifest.title} — annotations`,
    total: items.length,
    generated: new Date().toISOString(),
    generator: { id: 'https://dossier.example.org', type: 'Software', name: 'Dossier' },
    [X.statuses]: manifest.statuses,
    [X.tags]: tagsWithAncestors(manifest.tags, usedTags).map(tagJson),
    [X.sources]: files.map((f) => sourceJson(f.source, sourceIri.get(f.source.id)!)),
    first: {
      id: `${collectionId}/annotations/page/1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
  return { bytes: new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`), items: items.length };
}

/**
 * Each source's IRI: its URL, else the URN of its content hash. Two sources
 * that would share one (the same URL imported twice) fall back to the hash,
 * then to Dossier's own IRI, because one IRI is one resource in JSON-LD.
 */
function sourceIris(sources: Source[]): Map<string, string> {
  const count = new Map<string, number>();
  const bump = (iri: string | undefined) => iri && count.set(iri, (count.get(iri) ?? 0) + 1);
  for (const s of sources) {
    bump(webAddress(s.url));
    bump(sha256Urn(s.origin.sha256));
  }
  const out = new Map<string, string>();
  for (const s of sources) {
    const candidates = [webAddress(s.url), sha256Urn(s.origin.sha256)];
    out.set(s.id, candidates.find((c) => c && count.get(c) === 1) ?? recordIri('source', s.id));
  }
  return out;
}

/** An http(s) address usable as an IRI, or undefined. */
export function webAddress(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A source's identity and metadata, and its reading text, so that an import elsewhere can recreate it. */
function sourceJson(source: Source, iri: string): Json {
  const optional = (key: string, value: string | undefined) => (value ? { [key]: value } : {});
  return {
    id: iri,
    type: 'Text',
    format: 'text/plain',
    language: source.language,
    [X.sourceId]: source.id,
    [X.title]: source.title,
    ...optional(X.outlet, source.outlet),
    ...optional(X.author, source.author),
    ...optional(X.url, source.url),
    ...optional(X.publishedAt, source.publishedAt),
    [X.sha256]: source.origin.sha256,
    [X.importedAt]: source.importedAt,
    [X.originKind]: source.origin.kind,
    ...optional(X.originName, source.origin.name),
    [X.text]: source.text,
    [X.removed]: source.removed,
  };
}

/** The tags in `used` and every ancestor of theirs, parents first. */
function tagsWithAncestors(tags: readonly Tag[], used: ReadonlySet<string>): Tag[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out: Tag[] = [];
  const seen = new Set<string>();
  const add = (id: string | undefined, depth = 0) => {
    const tag = id ? byId.get(id) : undefined;
    if (!tag || seen.has(tag.id) || depth > tags.length) return;
    add(tag.parentId, depth + 1);
    if (seen.has(tag.id)) return;
    seen.add(tag.id);
    out.push(tag);
  };
  used.forEach((id) => add(id));
  return out;
}

function tagJson(tag: Tag): Json {
  return {
    id: recordIri('tag', tag.id),
    label: tag.name,
    [X.color]: tag.color,
    ...(tag.parentId ? { [X.parent]: recordIri('tag', tag.parentId) } : {}),
  };
}

function actorJson(actor: Actor): Json {
  return {
    id: recordIri('actor', actor.id),
    name: actor.name,
    [X.actorKind]: actor.kind,
    ...(actor.aliases.length ? { [X.aliases]: actor.aliases } : {}),
    ...(actor.description ? { [X.description]: actor.description } : {}),
    ...(actor.color ? { [X.color]: actor.color } : {}),
  };
}

/** An annotation's note as HTML (the editor's marks and blocks, all text escaped). */
function noteHtml(note: RichDoc): string {
  const brief = { id: 'note', title: '', doc: note, createdAt: '', updatedAt: '' };
  return renderHtmlBlocks(
    resolveBrief(brief, makeBriefContext({ sources: [], annotations: [] }), () => NO_CITATION_STYLE).blocks,
  );
}

interface Records {
  actors: Map<string, Actor>;
  tags: Map<string, Tag>;
}

function annotationJson(a: Annotation, text: string, source: string, { actors, tags }: Records): Json {
  const body: Json[] = [];
  for (const tagId of a.tagIds) {
    const tag = tags.get(tagId);
    if (tag)
      body.push({ type: 'TextualBody', purpose: PURPOSE.tag, value: tag.name, [X.tag]: recordIri('tag', tag.id) });
  }
  if (a.note && richDocToText(a.note).trim()) {
    body.push({
      type: 'TextualBody',
      purpose: PURPOSE.note,
      format: 'text/html',
      value: noteHtml(a.note),
      [X.doc]: a.note,
    });
  }
  body.push({ type: 'TextualBody', purpose: PURPOSE.status, value: a.status });
  for (const link of a.actors) {
    const actor = actors.get(link.actorId);
    if (!actor) continue;
    body.push({
      type: 'SpecificResource',
      purpose: PURPOSE.actor,
      source: actorJson(actor),
      [X.role]: link.role,
      ...(link.stance ? { [X.stance]: link.stance } : {}),
    });
  }
  const t = a.target;
  const start = codePointOffset(text, t.start);
  return {
    id: recordIri('annotation', a.id),
    type: 'Annotation',
    motivation: KIND_MOTIVATION[a.kind],
    [X.kind]: a.kind,
    created: a.createdAt,
    modified: a.updatedAt,
    body,
    target: {
      type: 'SpecificResource',
      source,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: t.exact,
          ...(t.prefix ? { prefix: t.prefix } : {}),
          ...(t.suffix ? { suffix: t.suffix } : {}),
        },
        { type: 'TextPositionSelector', start, end: start + codePointOffset(t.exact, t.exact.length) },
      ],
    },
  };
}
