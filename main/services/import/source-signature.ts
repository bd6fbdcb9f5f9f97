/**
 * The MinHash signature of a source file on disk, read without the store:
 * the near-duplicate index builds signatures for existing sources in the
 * import worker (or in process for a handful), never through the store's
 * cache. A file that is missing, a link or not a source gives null.
 */
import { readFileNoFollow } from '../store/atomic-json-file';
import { minhashSignature } from './near-duplicate';

export async function signatureOfSourceFile(file: string): Promise<Uint32Array | null> {
  try {
    const parsed = JSON.parse(await readFileNoFollow(file)) as { source?: { text?: unknown } } | null;
    const text = parsed?.source?.text;
    return typeof text === 'string' ? minhashSignature(text) : null;
  } catch {
    return null; // an unreadable source is reported where it is opened
  }
}

/** Signatures of several source files, in order. */
export async function signaturesOfSourceFiles(files: readonly string[]): Promise<Array<Uint32Array | null>> {
  const out: Array<Uint32Array | null> = [];
  for (const file of files) out.push(await signatureOfSourceFile(file));
  return out;
}
