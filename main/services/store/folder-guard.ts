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

/** Throws linkRefused for the first symbolic link found inside `root` (a missing folder passes). */
export async function refuseLinksInside(root: string, depth = 0): Promise<void> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    throw err;
  }
  // The path is made only for a link or a folder: 20,000 source files cost no 20,000 joins (a stall).
  for (const entry of entries) {
    if (entry.isSymbolicLink()) throw linkRefused(path.join(root, entry.name));
    if (entry.isDirectory() && depth < MAX_DEPTH) await refuseLinksInside(path.join(root, entry.name), depth + 1);
  }
}

/** Temp files of the durable writer: `.<name>.<16 hex>.tmp`, and the `.<name>.<pid>.<n>.tmp` of earlier versions. */
const TEMP_FILE = /^\..+\.(?:[0-9a-f]{16}|\d+\.\d+)\.tmp$/;

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
 * Removes the temp files a crash or a full disk left in the notebook's own
 * folders (only names of the writer's pattern; nothing else is touched).
 * Only the writer calls this, holding the lock, so no write is in flight.
 */
export async function removeStaleTempFiles(root: string, folders: readonly string[]): Promise<string[]> {
  const found = await findStaleTempFiles(root, folders);
  for (const file of found) await unlink(path.join(root, file)).catch(() => undefined);
  return found;
}
