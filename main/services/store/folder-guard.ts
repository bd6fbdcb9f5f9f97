/**
 * A notebook folder may have been prepared by someone else (a shared drive, a
 * zip, a git clone). Before anything is read or written, every entry inside
 * it is checked: a symbolic link could send a write (a backup copy, a temp
 * file, the search cache) to any file of the person's. Such a folder is
 * refused with a message naming the link; the folder itself may be a link.
 */
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { linkRefused } from './atomic-json-file';

/** How deep Dossier's own layout goes (`sources/<id>.json`, `.cache/<file>`), with room to spare. */
const MAX_DEPTH = 4;

/** Temp files of the durable writer: `.<name>.<16 hex>.tmp`, and the `.<name>.<pid>.<n>.tmp` of earlier versions. */
const TEMP_FILE = /^\..+\.(?:[0-9a-f]{16}|\d+\.\d+)\.tmp$/;

/**
 * Throws linkRefused for the first symbolic link found inside `root` (a missing
 * folder passes). The same walk returns, relative to `root`, the writer's temp
 * files it saw in `tempFolders` (so opening reads each folder once).
 */
export async function refuseLinksInside(
  root: string,
  tempFolders: ReadonlySet<string> = new Set(),
  rel = '',
  temps: string[] = [],
): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, rel), { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return temps;
    throw err;
  }
  const depth = rel ? rel.split(path.sep).length : 0;
  for (const entry of entries) {
    const child = path.join(rel, entry.name);
    if (entry.isSymbolicLink()) throw linkRefused(path.join(root, child));
    if (entry.isDirectory() && depth < MAX_DEPTH) await refuseLinksInside(root, tempFolders, child, temps);
    else if (entry.isFile() && tempFolders.has(rel) && TEMP_FILE.test(entry.name)) temps.push(child);
  }
  return temps;
}

/** The temp files of the writer's pattern in the notebook's own folders, relative to `root`. */
export async function findStaleTempFiles(root: string, folders: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of ['', ...folders]) {
    const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
    for (const name of names) if (TEMP_FILE.test(name)) found.push(path.join(folder, name));
  }
  return found;
}

/**
 * Removes the temp files a crash or a full disk left (`files`, relative to
 * `root`, as refuseLinksInside or findStaleTempFiles found them: only names of
 * the writer's pattern). Only the writer calls this, holding the lock, so no
 * write is in flight.
 */
export async function removeStaleTempFiles(root: string, files: readonly string[]): Promise<string[]> {
  for (const file of files) await unlink(path.join(root, file)).catch(() => undefined);
  return [...files];
}
