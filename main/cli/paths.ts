/** Paths the person gives the CLI, checked against the notebook folder. */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../../shared/errors';

/** `file` with every link in it resolved, as far as it exists (a new file's folder, a new folder's parent …). */
async function resolvedPath(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await realpath(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(await resolvedPath(parent), path.basename(absolute));
  }
}

/**
 * Refuses an output file inside the notebook folder — through `..`, a link or
 * not: it could overwrite the notebook's own files (`notebook.json`, a source).
 */
export async function refuseInside(file: string, notebook: string): Promise<void> {
  const [target, folder] = await Promise.all([resolvedPath(file), resolvedPath(notebook)]);
  const rel = path.relative(folder, target);
  if (rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)))
    throw DossierError.of('invalid-input', 'cli.insideNotebookFolderWrite', { file: path.resolve(file), notebook });
}
