/**
 * The search index on disk, in the notebook's `.cache/search-index/`: a base
 * and an append log, so one edit writes a line, not the whole index.
 *
 *   base-<id>.idx    SearchIndex.serialize() (postings, passages' offsets,
 *                    annotations; no source text — sources are in sources/)
 *   log-<id>.jsonl   one line per save since the base: the ids of the
 *                    sources whose text or annotations changed
 *   stamp.json       {format, fingerprint, base, logBytes}: the files it
 *                    stands for, which base, how much of the log is valid
 *
 * Loading reads the base and re-indexes the sources the log names from their
 * files (they match: the fingerprint says so); metadata, actors and tags are
 * compared with the manifest after every load. The base is rewritten (and
 * the log emptied) after a build and when the log names many sources.
 *
 * Derived data: a missing, stale or damaged cache is rebuilt, never trusted.
 * Every read refuses a link and a file over its size cap; every write goes
 * through the store's atomic no-follow writer (without fsync: a cache), the
 * log through an O_NOFOLLOW append cut back to the length the stamp vouches for.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../../../shared/errors';
import { NOFOLLOW, readBytesNoFollow, readFileNoFollow, refuseLink, writeFileDurably } from '../store/atomic-json-file';

export const INDEX_DIR = 'search-index';
export const STAMP_FILE = 'stamp.json';
/** 3: the base's format 5 (index-format.ts), a log naming removed sources too. */
const STAMP_FORMAT = 3;
const baseFile = (id: string) => `base-${id}.idx`;
const logFile = (id: string) => `log-${id}.jsonl`;

/** Caps on what is read: far above any real notebook's, far below what would exhaust memory. */
export const MAX_BASE_BYTES = 1024 * 1024 * 1024;
export const MAX_LOG_BYTES = 64 * 1024 * 1024;
const MAX_STAMP_BYTES = 64 * 1024;

export interface Stamp {
  format: number;
  fingerprint: string;
  base: string;
  logBytes: number;
}

export interface LoadedCache {
  /** The base's bytes. */
  base: Buffer;
  /** Sources changed since the base (to re-index from their files). */
  changed: Set<string>;
  stamp: Stamp;
}

export interface SaveResult {
  kind: 'base' | 'log';
  /** Bytes written (base or log line, plus the stamp). */
  bytes: number;
}

export class IndexStore {
  private stamp: Stamp | undefined;

  constructor(readonly cacheDir: string) {}

  get dir(): string {
    return path.join(this.cacheDir, INDEX_DIR);
  }

  /**
   * The cache as its stamp describes it; undefined when missing or of another format; throws when damaged.
   * Whether it is current is the caller's to tell: `stamp.fingerprint` against the files' (fingerprint.ts),
   * which the caller computes while the base (tens of MB at 20,000 sources) is read and decoded.
   * `onStamp` is told the stamp before the base is read (the caller may start work that overlaps the read).
   */
  async load(onStamp?: (stamp: Stamp) => void): Promise<LoadedCache | undefined> {
    let stampRaw: string;
    try {
      stampRaw = await readFileNoFollow(path.join(this.dir, STAMP_FILE), { maxBytes: MAX_STAMP_BYTES });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const stamp = JSON.parse(stampRaw) as Partial<Stamp>;
    if (stamp.format !== STAMP_FORMAT) return undefined;
    if (typeof stamp.base !== 'string' || !/^[0-9a-f]{16}$/.test(stamp.base)) throw corrupt('its stamp');
    if (typeof stamp.fingerprint !== 'string') throw corrupt('its stamp');
    if (typeof stamp.logBytes !== 'number' || !(stamp.logBytes >= 0) || stamp.logBytes > MAX_LOG_BYTES)
      throw corrupt('its stamp');
    const reading = readBytesNoFollow(path.join(this.dir, baseFile(stamp.base)), { maxBytes: MAX_BASE_BYTES });
    onStamp?.(stamp as Stamp);
    const base = await reading;
    const changed = new Set<string>();
    if (stamp.logBytes > 0) {
      const log = Buffer.from(
        await readFileNoFollow(path.join(this.dir, logFile(stamp.base)), { maxBytes: MAX_LOG_BYTES }),
      );
      if (log.length < stamp.logBytes) throw corrupt('its log');
      for (const line of log.subarray(0, stamp.logBytes).toString('utf8').split('\n')) {
        if (!line) continue;
        const record = JSON.parse(line) as { sources?: unknown };
        if (!Array.isArray(record.sources) || !record.sources.every((id) => typeof id === 'string'))
          throw corrupt('its log');
        for (const id of record.sources as string[]) changed.add(id);
      }
    }
    this.stamp = stamp as Stamp;
    return { base, changed, stamp: this.stamp };
  }

  /** Writes a new base (and an empty log), then the stamp; removes the files of older bases. */
  async writeBase(bytes: Uint8Array, fingerprint: string): Promise<SaveResult> {
    await this.prepare();
    const id = randomBytes(8).toString('hex');
    await writeFileDurably(path.join(this.dir, baseFile(id)), bytes, { durable: false });
    const stamp: Stamp = { format: STAMP_FORMAT, fingerprint, base: id, logBytes: 0 };
    const stampBytes = await this.writeStamp(stamp);
    // older bases and logs: no stamp names them any more
    for (const name of await readdir(this.dir).catch(() => [] as string[]))
      if (/^(base|log)-[0-9a-f]{16}\.(idx|jsonl)$/.test(name) && !name.includes(id))
        await unlink(path.join(this.dir, name)).catch(() => undefined);
    return { kind: 'base', bytes: bytes.length + stampBytes };
  }

  /** Appends one line naming `sources` to the log of the current base, then the stamp. */
  async appendLog(sources: readonly string[], fingerprint: string): Promise<SaveResult> {
    const current = this.stamp;
    if (!current) throw new Error('No base to append to.');
    await this.prepare();
    const line = Buffer.from(`${JSON.stringify({ sources })}\n`);
    const handle = await open(
      path.join(this.dir, logFile(current.base)),
      constants.O_WRONLY | constants.O_CREAT | NOFOLLOW,
      0o666,
    );
    try {
      // cut whatever a crash left past what the stamp vouches for, then append
      await handle.truncate(current.logBytes);
      await handle.write(line, 0, line.length, current.logBytes);
    } finally {
      await handle.close();
    }
    const stamp: Stamp = { ...current, fingerprint, logBytes: current.logBytes + line.length };
    const stampBytes = await this.writeStamp(stamp);
    return { kind: 'log', bytes: line.length + stampBytes };
  }

  /** Whether there is a base to append to. */
  get hasBase(): boolean {
    return this.stamp !== undefined;
  }

  private async prepare(): Promise<void> {
    await refuseLink(this.cacheDir);
    await mkdir(this.dir, { recursive: true });
    await refuseLink(this.dir);
  }

  private async writeStamp(stamp: Stamp): Promise<number> {
    const json = JSON.stringify({ ...stamp, savedAt: new Date().toISOString() });
    // The stamp goes last: a crash before it leaves the old stamp, whose fingerprint no longer matches.
    await writeFileDurably(path.join(this.dir, STAMP_FILE), json, { durable: false });
    this.stamp = stamp;
    return Buffer.byteLength(json);
  }
}

function corrupt(what: string): DossierError {
  return DossierError.of('corrupt', 'search.indexUnreadableWhy', { what });
}
