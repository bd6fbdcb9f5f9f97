/**
 * Building a BriefContext from a notebook's files.
 * No Node APIs: the caller passes a loader for source files.
 */
import { citationAttrs, makeBriefContext, walkDoc, type BriefContext } from '../../../shared/brief-doc';
import { factAttrs } from '../../../shared/brief-facts';
import type { Annotation, NotebookManifest, RichDoc, SourceFile } from '../../../shared/model';

type ManifestPart = Pick<NotebookManifest, 'actors' | 'tags' | 'relations'>;
type FilePart = Pick<SourceFile, 'source' | 'annotations'>;
/** A source's metadata (its text and removed blocks may be there or not) and its annotations. */
type HeadPart = {
  source: Omit<SourceFile['source'], 'text' | 'removed'> & Partial<Pick<SourceFile['source'], 'text' | 'removed'>>;
  annotations: SourceFile['annotations'];
};

/** Which annotations a context keeps (all when absent). */
export type KeepAnnotation = (annotation: Annotation) => boolean;

/**
 * What a context keeps of the source files: their metadata and annotations, never their text;
 * with `keep`, only the annotations it keeps and the sources they are in.
 */
class ContextParts {
  readonly sources: Array<Omit<SourceFile['source'], 'text' | 'removed'>> = [];
  readonly annotations: SourceFile['annotations'] = [];
  constructor(private readonly keep?: KeepAnnotation) {}
  add(file: HeadPart): void {
    const annotations = this.keep ? file.annotations.filter(this.keep) : file.annotations;
    if (this.keep && !annotations.length) return;
    const { text: _text, removed: _removed, ...meta } = file.source;
    this.sources.push(meta);
    this.annotations.push(...annotations);
  }
}

/** A context over source files already in memory. */
export function briefContextFromFiles(manifest: ManifestPart, files: Iterable<FilePart>): BriefContext {
  const parts = new ContextParts();
  for (const file of files) parts.add(file);
  return contextOf(manifest, parts);
}

function contextOf(manifest: ManifestPart, { sources, annotations }: ContextParts): BriefContext {
  return makeBriefContext({
    sources,
    annotations,
    actors: manifest.actors,
    tags: manifest.tags,
    relations: manifest.relations,
  });
}

/**
 * A context from source files handed over one at a time (NotebookStore.eachSource):
 * it keeps what it needs of each (not the text), so a notebook of any size is
 * never held in memory whole; with `keep`, only the annotations a task can use.
 */
export async function briefContextFromStream(
  manifest: ManifestPart,
  files: AsyncIterable<HeadPart>,
  keep?: KeepAnnotation,
): Promise<BriefContext> {
  const parts = new ContextParts(keep);
  for await (const file of files) parts.add(file);
  return contextOf(manifest, parts);
}

/**
 * Loads every source the manifest lists, one at a time, and builds a context.
 * A source file that fails to load is left out (its citations then show
 * "[citation removed]"), and reported through `onError`.
 */
export function loadBriefContext(
  manifest: ManifestPart & Pick<NotebookManifest, 'sources'>,
  loadSource: (id: string) => Promise<FilePart>,
  onError?: (sourceId: string, error: unknown) => void,
): Promise<BriefContext> {
  async function* files(): AsyncGenerator<FilePart> {
    for (const entry of manifest.sources) {
      let file: FilePart;
      try {
        file = await loadSource(entry.id);
      } catch (error) {
        onError?.(entry.id, error);
        continue;
      }
      yield file;
    }
  }
  return briefContextFromStream(manifest, files());
}

/**
 * The annotations a brief's document refers to: those its citations cite and those its live facts
 * word (overview, split, status). An export needs no other claim: a context kept to these holds
 * what one brief uses, not a notebook's every claim.
 */
export function referencedAnnotationIds(doc: RichDoc): Set<string> {
  const ids = new Set<string>();
  walkDoc(doc, (node) => {
    const citation = citationAttrs(node);
    if (citation) ids.add(citation.annotationId);
    for (const id of factAttrs(node)?.annotationIds ?? []) ids.add(id);
  });
  return ids;
}
