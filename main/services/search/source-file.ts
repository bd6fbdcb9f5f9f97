/**
 * A source file as the store reads it (checked against the model's schema,
 * migrated in memory): what the search worker indexes when it builds the
 * index or re-indexes a changed source. A module of its own, loaded with the
 * first such read (index-host.ts): the schemas (zod) and migrations are no
 * part of the worker's start, and a saved index with nothing to re-index
 * never needs them.
 */
import { SCHEMA_VERSION, SourceFile, type Annotation } from '../../../shared/model';
import { MIGRATIONS } from '../store/migrations';
import { migrateAndValidate } from '../store/validate-file';
import { readSourceFileSync } from './source-texts';

/** The source's text and annotations, or undefined when the file is missing, unreadable or invalid. */
export async function readCheckedSource(
  file: string,
): Promise<{ text: string; annotations: Annotation[] } | undefined> {
  try {
    const raw = readSourceFileSync(file);
    if (raw === undefined) return undefined;
    const data = await migrateAndValidate(raw, file, SourceFile, SCHEMA_VERSION, MIGRATIONS, 'source', {
      keepOriginal: false,
    });
    return { text: data.source.text, annotations: data.annotations };
  } catch {
    return undefined;
  }
}
