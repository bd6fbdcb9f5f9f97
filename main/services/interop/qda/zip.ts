/**
 * Zip reading with caps, for files from elsewhere (fflate, streamed): nothing
 * is written to disk; entry names are checked before anything is inflated, and
 * inflating stops as soon as an entry or the whole archive passes its limit
 * or its compression ratio (a zip bomb).
 */
// The browser build, as snapshots use: one copy of fflate per process (the async, worker-based functions are not used).
import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate/browser';
import { DossierError } from '../../../../shared/errors';

export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries read. */
  maxTotalBytes: number;
  /** Uncompressed / compressed bytes of one entry (past a few KB: small entries compress well legitimately). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
};

/** Below this an entry's ratio is not judged (a short text of repeated spaces compresses 100:1). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

function reject(error: DossierError): never {
  throw error;
}

/**
 * Why an entry name is unsafe, or undefined: absolute paths, drive letters,
 * backslashes, `..` segments and control characters are refused even though
 * nothing is extracted to disk — a file that carries them was not made by a
 * QDA program and is treated as hostile.
 */
export function unsafeEntryName(name: string): string | undefined {
  if (name.length === 0) return 'an empty name';
  if (name.includes('\\')) return 'a backslash';
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f]/.test(name)) return 'a control character';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'a ".." segment';
  return undefined;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads the entries `want` accepts (by name) into memory. Every entry name is
 * checked first; the archive is rejected (DossierError 'invalid-input') when a
 * name is unsafe or a limit is passed.
 */
export function readZip(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  label: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  if (!isZip(bytes)) reject(DossierError.of('invalid-input', 'exchange.zipArchive', { label }));
  const out = new Map<string, Uint8Array>();
  let entries = 0;
  let total = 0;
  let failure: DossierError | undefined;
  const unzip = new Unzip((file) => {
    if (failure) return;
    entries++;
    if (entries > limits.maxEntries) {
      failure = DossierError.of('invalid-input', 'exchange.hasMoreThanEntries', {
        label,
        maxEntries: limits.maxEntries,
      });
      return;
    }
    const unsafe = unsafeEntryName(file.name);
    if (unsafe) {
      failure = DossierError.of('invalid-input', 'exchange.hasEntryWhoseName', {
        label,
        unsafe,
        name: file.name.slice(0, 80),
      });
      return;
    }
    if (file.name.endsWith('/') || !want(file.name)) return;
    if (file.originalSize !== undefined && file.originalSize > limits.maxEntryBytes) {
      failure = DossierError.of('invalid-input', 'exchange.wouldUnpackMoreThan', {
        label,
        name: file.name,
        maxEntryBytes: limits.maxEntryBytes,
      });
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = DossierError.of('invalid-input', 'exchange.damaged', {
          label,
          name: file.name,
          message: err.message,
        });
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes)
        failure = DossierError.of('invalid-input', 'exchange.unpacksMoreThanBytes', {
          label,
          name: file.name,
          maxEntryBytes: limits.maxEntryBytes,
        });
      else if (total > limits.maxTotalBytes)
        failure = DossierError.of('invalid-input', 'exchange.unpacksMoreThanBytes2', {
          label,
          maxTotalBytes: limits.maxTotalBytes,
        });
      else if (size > RATIO_FLOOR_BYTES && (file.size ?? 0) > 0 && size / (file.size ?? 1) > limits.maxRatio)
        failure = DossierError.of('invalid-input', 'exchange.compressedMoreThan1', {
          label,
          name: file.name,
          maxRatio: limits.maxRatio,
        });
      if (failure) {
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const data = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          data.set(c, at);
          at += c.length;
        }
        out.set(file.name, data);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Pushed in pieces so a failure stops inflating early.
    const CHUNK = 1 << 16;
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) {
      unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
    }
  } catch (err) {
    failure ??= DossierError.of('invalid-input', 'exchange.damagedZipArchive', {
      label,
      message: (err as Error).message,
    });
  }
  if (failure) reject(failure);
  return out;
}

/** A zip of `files` (name → bytes), deflated, with a fixed date so equal notebooks give equal files. */
export function writeZip(files: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files))
    zippable[name] = [data, { mtime: new Date('2000-01-01T00:00:00Z') }];
  return zipSync(zippable, { level: 6 });
}
