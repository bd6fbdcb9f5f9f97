/**
 * The names a Dossier W3C Web Annotation file uses (docs/interop.md, "W3C Web
 * Annotations"): the two JSON-LD contexts, the IRIs Dossier mints for its
 * annotations, actors, tags and sources, and the extension terms. The extension
 * context itself is published as docs/dossier-annotation.jsonld; a test expands
 * every export against it, so a term used here and missing there fails.
 */

/** The W3C Web Annotation context every annotation file names first. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The same context as some tools write it. */
export const ANNO_CONTEXT_HTTPS = 'https://www.w3.org/ns/anno.jsonld';
/** Dossier's extension context (docs/dossier-annotation.jsonld), under the project's homepage. */
export const DOSSIER_CONTEXT = 'https://dossier.example.org/ns/annotation.jsonld';
/** The namespace of the extension terms (`dossier:kind` is `<namespace>kind`). */
export const DOSSIER_NS = 'https://dossier.example.org/ns/annotation#';

/**
 * Dossier's own records are named with tag IRIs (RFC 4151) under the
 * project's domain: stable, unique, and never fetched.
 */
const TAG_IRI = 'tag:dossier.example.org,2026:';
export type RecordKind = 'annotation' | 'actor' | 'tag' | 'source' | 'notebook';

export function recordIri(kind: RecordKind, id: string): string {
  return `${TAG_IRI}${kind}/${encodeURIComponent(id)}`;
}

/** The Dossier id inside one of our IRIs of `kind`, or undefined for anyone else's IRI. */
export function recordId(kind: RecordKind, iri: string | undefined): string | undefined {
  const head = `${TAG_IRI}${kind}/`;
  if (!iri?.startsWith(head)) return undefined;
  try {
    const id = decodeURIComponent(iri.slice(head.length));
    return /^[\w-]{1,64}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** A source without a web address is named by the sha256 of the bytes it was imported from. */
export function sha256Urn(hex: string): string {
  return `urn:sha256:${hex}`;
}

export function sha256OfUrn(iri: string): string | undefined {
  const m = /^urn:sha256:([0-9a-f]{64})$/i.exec(iri);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** The `motivation` of each kind of Dossier annotation; reading a foreign file, the first that matches sets the kind. */
export const KIND_MOTIVATION = { claim: 'assessing', highlight: 'highlighting', note: 'commenting' } as const;

/** Body purposes Dossier writes. */
export const PURPOSE = {
  tag: 'tagging',
  note: 'commenting',
  status: 'assessing',
  actor: 'identifying',
} as const;

/** Extension terms (compact IRIs with the `dossier:` prefix of DOSSIER_CONTEXT). */
export const X = {
  kind: 'dossier:kind',
  doc: 'dossier:doc',
  role: 'dossier:role',
  stance: 'dossier:stance',
  actorKind: 'dossier:actorKind',
  aliases: 'dossier:aliases',
  description: 'dossier:description',
  color: 'dossier:color',
  tag: 'dossier:tag',
  tags: 'dossier:tags',
  parent: 'dossier:parent',
  statuses: 'dossier:statuses',
  sources: 'dossier:sources',
  sourceId: 'dossier:sourceId',
  title: 'dossier:title',
  outlet: 'dossier:outlet',
  author: 'dossier:author',
  url: 'dossier:url',
  publishedAt: 'dossier:publishedAt',
  importedAt: 'dossier:importedAt',
  sha256: 'dossier:sha256',
  originKind: 'dossier:originKind',
  originName: 'dossier:originName',
  text: 'dossier:text',
  removed: 'dossier:removed',
} as const;
