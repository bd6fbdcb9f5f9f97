/**
 * Building a BriefContext from a notebook's files, and finding the actor or
 * tag a person named (for `dossier brief draft --actor NAME | --tag T`).
 * No Node APIs: the caller passes a loader for source files.
 */
import { normaliseAlias, resolveActor } from '../../../shared/actors';
import { makeBriefContext, type BriefContext } from '../../../shared/brief-doc';
import { DossierError } from '../../../shared/errors';
import type { Actor, NotebookManifest, SourceFile, Tag } from '../../../shared/model';

type ManifestPart = Pick<NotebookManifest, 'actors' | 'tags' | 'relations'>;
type FilePart = Pick<SourceFile, 'source' | 'annotations'>;

/** A context over source files already in memory. */
export function briefContextFromFiles(manifest: ManifestPart, files: Iterable<FilePart>): BriefContext {
  const sources = [];
  const annotations = [];
  for (const file of files) {
    const { text: _text, removed: _removed, ...meta } = file.source;
    sources.push(meta);
    annotations.push(...file.annotations);
  }
  return makeBriefContext({ sources, annotations, actors: manifest.actors, tags: manifest.tags, relations: manifest.relations });
}

/**
 * Loads every source the manifest lists and builds a context. A source file
 * that fails to load is left out (its citations then show "[citation removed]"),
 * and reported through `onError`.
 */
export async function loadBriefContext(
  manifest: ManifestPart & Pick<NotebookManifest, 'sources'>,
  loadSource: (id: string) => Promise<FilePart>,
  onError?: (sourceId: string, error: unknown) => void,
): Promise<BriefContext> {
  const files: FilePart[] = [];
  for (const entry of manifest.sources) {
    try {
      files.push(await loadSource(entry.id));
    } catch (error) {
      onError?.(entry.id, error);
    }
  }
  return briefContextFromFiles(manifest, files);
}

function fold(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/** The actor whose id, name or alias is `query` (case-insensitive); a clear error when none or several match. */
export function findActor(actors: readonly Actor[], query: string): Actor {
  const byId = actors.find((a) => a.id === query);
  if (byId) return byId;
  // The same lookup as everywhere else (names, aliases, inflections, a lone surname), but two actors
  // with the very same name are reported rather than one picked.
  const q = normaliseAlias(query);
  const sameName = actors.filter((a) => normaliseAlias(a.name) === q);
  if (sameName.length > 1) {
    throw new DossierError('invalid-input', `"${query}" matches ${sameName.length} actors (${sameName.map((a) => a.name).join(', ')}): use the actor's id.`);
  }
  const hit = resolveActor(query, actors);
  if (!hit) throw new DossierError('not-found', `No actor named "${query}".`);
  return hit;
}

/** The tag whose id or name is `query` (case-insensitive); a clear error when none or several match. */
export function findTag(tags: readonly Tag[], query: string): Tag {
  const byId = tags.find((t) => t.id === query);
  if (byId) return byId;
  const matches = tags.filter((t) => fold(t.name) === fold(query));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new DossierError('not-found', `No tag named "${query}".`);
  throw new DossierError('invalid-input', `"${query}" matches ${matches.length} tags: use the tag's id.`);
}
