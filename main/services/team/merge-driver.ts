/**
 * Dossier as git's merge driver (docs/team.md): `git pull` in a shared
 * notebook merges `notebook.json`, `sources/<id>.json` and `briefs/<id>.json` record by record
 * instead of line by line. git gives the three versions as files (%O %A %B)
 * and the file's path (%P); the merged file is written over %A and the merge
 * succeeds (exit 0): no conflict markers. The manifest records its own
 * conflicts; those of a source or brief file wait in `.cache/merge-conflicts.json`
 * until the notebook next syncs or resolves one, which moves them into the
 * manifest.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../../../shared/errors';
import { mergeNotebookFile, MANIFEST } from './merge/notebook-merge';
import { addPendingConflicts } from './team-methods';

export interface MergeDriverFiles {
  base: string;
  ours: string;
  theirs: string;
  /** The file's path in the repository (%P), relative to `cwd` (git runs drivers at the top of the working copy). */
  pathName: string;
  cwd?: string;
}

/** Merges one file as git's driver; returns how many conflicts it kept. */
export async function runMergeDriver({ base, ours, theirs, pathName, cwd = process.cwd() }: MergeDriverFiles) {
  const m = /^(?:(.*)\/)?(notebook\.json|(?:sources|briefs)\/[A-Za-z0-9_-]+\.json)$/.exec(pathName.replace(/\\/g, '/'));
  if (!m) throw DossierError.of('invalid-input', 'team.notNotebookFile', { path: pathName });
  const file = m[2]!;
  const notebookDir = path.resolve(cwd, m[1] ?? '');
  // git passes an empty file for a side the file is absent from (added on both sides: no base).
  const text = async (p: string) => {
    const t = await readFile(p, 'utf8');
    return t.trim() ? t : undefined;
  };
  const [b, o, t] = await Promise.all([text(base), text(ours), text(theirs)]);
  const merged = mergeNotebookFile(file, { base: b, ours: o, theirs: t }, { at: new Date().toISOString() });
  if (merged.text !== undefined) await writeFile(ours, merged.text);
  if (file !== MANIFEST) await addPendingConflicts(notebookDir, merged.conflicts);
  return { file: pathName, conflicts: merged.conflicts.length };
}
