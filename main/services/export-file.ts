/** Writing an export where a trusted caller asked (the CLI's --out, main's save dialog), and naming it. */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../../shared/errors';

/** A file name for an export: `title` without characters file systems refuse (`fallback` when nothing is left). */
export function exportFileName(title: string, extension: string, fallback = 'Brief'): string {
  const base = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return `${base || fallback}.${extension}`;
}

/**
 * Writes `bytes` to `target` (resolved) and returns its absolute path: into an
 * existing folder only — a mistyped path must not leave new folders behind.
 * `make` is called only once the folder is known to exist.
 */
export async function writeExportFile(
  target: string,
  make: () => Promise<Uint8Array>,
): Promise<{ path: string; bytes: number }> {
  const file = path.resolve(target);
  const folder = path.dirname(file);
  const found = await stat(folder).catch(() => null);
  if (!found) throw DossierError.of('not-found', 'exportFile.folderDoesExistCreate', { folder });
  if (!found.isDirectory()) throw DossierError.of('invalid-input', 'exportFile.folder', { folder });
  const bytes = await make();
  try {
    await writeFile(file, bytes);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    throw DossierError.of('invalid-input', 'exportFile.couldWrite', { file, reason });
  }
  return { path: file, bytes: bytes.length };
}
