/**
 * Building a BriefContext from a notebook's files.
 * No Node APIs: the caller passes a loader for source files.
 */
import { makeBriefContext, type BriefContext } from '../../../shared/brief-doc';
import type { NotebookManifest, SourceFile } from '../../../shared/model';

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
  return makeBriefContext({
    sources,
    annotations,
    actors: manifest.actors,
    tags: manifest.tags,
    relations: manifest.relations,
  });
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
