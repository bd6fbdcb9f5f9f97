/**
 * Reading a notebook file someone else may have written: bring it to the
 * current schema version and validate it, or say in words why it cannot be
 * used (UnreadableFileError), so the caller never overwrites it.
 */
import type { z } from 'zod';
import type { Words } from '../../../shared/errors';
import { UnreadableFileError, readFileNoFollow, writeFileDurably } from './atomic-json-file';
import { isValidIndexEntry } from './index-entry-guard';
import { FIRST_SCHEMA_VERSION, type Migration } from './migrations';

function describeIssues(error: z.ZodError): Words | string {
  const issue = error.issues[0];
  if (!issue) return { key: 'store.unreadable.noShape' };
  return issue.path.length
    ? { key: 'store.unreadable.shapeAt', params: { problem: issue.message, where: issue.path.join('.') } }
    : issue.message;
}

/**
 * Brings a parsed file to the current schema version (keeping a copy of the
 * original next to it, unless the notebook was opened read-only: a reader
 * writes nothing), then validates it. Throws UnreadableFileError when it
 * cannot, so the caller never overwrites it.
 */
export async function migrateAndValidate<S extends z.ZodType>(
  raw: unknown,
  file: string,
  schema: S,
  version: number,
  migrations: readonly Migration[],
  kind: Migration['file'],
  { keepOriginal }: { keepOriginal: boolean },
): Promise<z.output<S>> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UnreadableFileError(file, { key: 'store.unreadable.notObject' });
  }
  let data = raw as Record<string, unknown>;
  const found = data.schemaVersion;
  if (typeof found !== 'number' || !Number.isInteger(found)) {
    throw new UnreadableFileError(file, { key: 'store.unreadable.noSchemaVersion' });
  }
  if (found > version) {
    throw new UnreadableFileError(file, { key: 'store.unreadable.newerVersion', params: { found, version } });
  }
  if (found < FIRST_SCHEMA_VERSION) {
    throw new UnreadableFileError(file, {
      key: 'store.unreadable.notDossierFormat',
      params: { found, first: FIRST_SCHEMA_VERSION },
    });
  }
  if (found < version) {
    // Through the no-follow writer: a link planted at the backup's name is refused, never written through.
    if (keepOriginal) await writeFileDurably(`${file}.v${found}.bak`, await readFileNoFollow(file));
    for (let v = found; v < version; v++) {
      const step = migrations.find((m) => m.from === v && m.file === kind);
      if (!step) throw new UnreadableFileError(file, { key: 'store.unreadable.noMigration', params: { from: v } });
      data = { ...step.migrate(data), schemaVersion: v + 1 };
    }
  }
  // The manifest's source index is large: entries that pass the fast guard skip zod.
  const index = kind === 'manifest' ? data.sources : undefined;
  if (Array.isArray(index) && index.every(isValidIndexEntry)) {
    const parsed = schema.safeParse({ ...data, sources: [] });
    if (!parsed.success) throw new UnreadableFileError(file, describeIssues(parsed.error));
    return { ...(parsed.data as object), sources: index } as z.output<S>;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new UnreadableFileError(file, describeIssues(parsed.error));
  return parsed.data;
}
