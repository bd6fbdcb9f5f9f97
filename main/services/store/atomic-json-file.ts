/**
 * A lowdb adapter for one JSON file that is never seen half-written:
 * write a temp file in the same folder → fsync it → rename over the target →
 * fsync the folder (so the rename itself survives a power cut).
 *
 * A notebook folder may come from someone else, so nothing here follows a
 * symbolic link: the temp file is created exclusively (O_EXCL, O_NOFOLLOW)
 * under a random name, a target that is a link is refused rather than
 * replaced, and reads refuse links too.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { DossierError, englishTranslator, sayError, type Words } from '../../../shared/errors';
import { jsonChunks } from './json-chunks';

function* jsonLines(data: unknown): Generator<string> {
  yield* jsonChunks(data, 1);
  yield '\n';
}

/** O_NOFOLLOW where the platform has it (not on Windows, where links need privileges to create). */
export const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Raised when a file exists but cannot be used (not JSON, the wrong shape, a newer format); the store
 * turns it into a read-only notebook. `reason` says why in words of the `errors` catalogue (or, for a
 * parser's or the system's own message, as it is); `detail` is that in English, for logs.
 */
export class UnreadableFileError extends Error {
  readonly detail: string;
  constructor(
    readonly file: string,
    readonly reason: Words | string,
  ) {
    const detail = typeof reason === 'string' ? reason : sayError(englishTranslator(), reason);
    super(`${path.basename(file)} could not be read: ${detail}`);
    this.name = 'UnreadableFileError';
    this.detail = detail;
  }
}

export async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Windows cannot open or fsync a directory; the rename is still atomic there.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err;
  } finally {
    await handle?.close();
  }
}

/** The error for a symbolic link where Dossier expected a plain file or folder of its own. */
export function linkRefused(file: string): DossierError {
  return DossierError.of('corrupt', 'store.symbolicLinkDossierNever', { file });
}

/** Throws linkRefused when `file` exists and is a symbolic link. */
export async function refuseLink(file: string): Promise<void> {
  const stats = await lstat(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (stats?.isSymbolicLink()) throw linkRefused(file);
}

/**
 * Writes `text` (or bytes, or text in pieces — jsonChunks — so a large file is never one
 * string) to `file` atomically; durably (fsync of the file before the rename and of the
 * folder after it) unless `durable` is false, for caches.
 */
export async function writeFileDurably(
  file: string,
  text: string | Uint8Array | Iterable<string | Uint8Array>,
  { durable = true } = {},
): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o666);
  try {
    // A string or pieces of one are written as UTF-8; pieces one at a time, each encoded as it comes.
    await (text instanceof Uint8Array ? handle.writeFile(text) : handle.writeFile(text, 'utf8'));
    if (durable) await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await refuseLink(file);
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  if (durable) await fsyncDirectory(dir);
}

/**
 * The bytes of `file`, refusing a symbolic link (ENOENT passes through) and,
 * with `maxBytes`, a file larger than that (a cache file planted to exhaust memory).
 */
export async function readBytesNoFollow(file: string, { maxBytes }: { maxBytes?: number } = {}): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | NOFOLLOW);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw linkRefused(file);
    throw err;
  }
  try {
    const stats = await handle.stat();
    if (maxBytes !== undefined && (!stats.isFile() || stats.size > maxBytes))
      throw DossierError.of('corrupt', 'store.fileMostBytes', { file: path.basename(file), maxBytes });
    return await readWhole(handle, stats.size);
  } finally {
    await handle.close();
  }
}

/**
 * An open file's bytes, as many as its size said: one read (`readFile` reads 512 KiB at a time, each a
 * trip to the thread pool, a hundred for a search index of 50 MB). A file with no size (not a regular
 * one) is read to its end.
 */
async function readWhole(handle: FileHandle, size: number): Promise<Buffer> {
  if (size === 0) return handle.readFile();
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await handle.read(bytes, at, size - at, at);
    if (bytesRead === 0) return bytes.subarray(0, at);
    at += bytesRead;
  }
  return bytes;
}

/** The text of `file`, read as readBytesNoFollow reads it. */
export async function readFileNoFollow(file: string, options: { maxBytes?: number } = {}): Promise<string> {
  return (await readBytesNoFollow(file, options)).toString('utf8');
}

/** The raw JSON of a file (unknown shape: the store validates and migrates it), or null when absent. */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFileNoFollow(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      if (err instanceof DossierError) throw err;
      throw new UnreadableFileError(this.file, (err as Error).message);
    }
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new UnreadableFileError(this.file, {
        key: 'store.unreadable.notJson',
        params: { reason: (err as Error).message },
      });
    }
  }

  /** Writes `data` as JSON.stringify(data, null, 1) and a newline would, in pieces (a manifest can be tens of MB). */
  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, jsonLines(data));
  }
}
