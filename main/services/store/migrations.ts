/**
 * Forward migrations of the on-disk format, keyed on `schemaVersion`.
 * When the format changes: bump SCHEMA_VERSION in shared/model.ts and add one
 * step per file kind that changed, `from` the old version. The store keeps a
 * copy of the original (`<file>.v<old>.bak`) before the first migrated write.
 */
export interface Migration {
  file: 'manifest' | 'source' | 'brief';
  from: number;
  migrate(data: Record<string, unknown>): Record<string, unknown>;
}

/** The first format Dossier ever wrote; anything below it is refused before any write. */
export const FIRST_SCHEMA_VERSION = 1;

/** Format 1 is the first released format: nothing to migrate yet. */
export const MIGRATIONS: readonly Migration[] = [];
