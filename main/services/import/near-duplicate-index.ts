/**
 * The notebook's near-duplicate index: the MinHash signature of every source
 * (near-duplicate.ts), found through locality-sensitive hashing and kept in
 * `.cache/near-duplicates.bin`, so that importing an article compares it
 * with a few candidates instead of reading every source.
 *
 * LSH: the 128 signature slots are cut into 16 bands of 8; two sources are
 * candidates when any band is equal in both, and each candidate is then
 * compared slot by slot exactly as before. Two signatures at or above the
 * 0.9 threshold differ in at most 12 slots, and 12 differing slots can touch
 * at most 12 of the 16 bands: such a pair always shares a band, so the index
 * finds every near-duplicate the comparison with every source would.
 *
 * The file (derived data, safe to delete) is a header and fixed-size records
 * appended as signatures are computed: the id, the signature and a CRC-32.
 * A torn last record (a crash mid-append) is dropped; a bad header, a bad
 * checksum, a record that is not ours or a file larger than the notebook can
 * explain discards the whole file, and the index is built again. Signatures
 * of sources the file lacks are computed in the import worker (a few in
 * process), a chunk at a time, off the API's event loop, and appended.
 */
import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { CACHE_DIR, type NotebookStore } from '../store/notebook-store';
import { linkRefused, writeFileDurably } from '../store/atomic-json-file';
import { importWorker } from './extract-pool';
import { NEAR_DUPLICATE_THRESHOLD, SHINGLE_WORDS, SIGNATURE_SIZE, findNearDuplicate } from './near-duplicate';
import { signaturesOfSourceFiles } from './source-signature';

export const NEAR_DUPLICATE_FILE = 'near-duplicates.bin';

const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
const EMPTY_SLOT = 0xffffffff;

/** "DSNDUP" + format version, then the signature's shape: a file of other signatures is not ours to read. */
const MAGIC = Buffer.from('DSNDUP01', 'latin1');
const HEADER_BYTES = MAGIC.length + 8;
const ID_BYTES = 64; // one length byte, then the id (ASCII), zero-padded
const RECORD_BYTES = ID_BYTES + SIGNATURE_SIZE * 4 + 4;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,63}$/;
const LITTLE_ENDIAN = os.endianness() === 'LE';
/** Past this many records per listed source (plus slack) the file is not ours or long overdue for compaction. */
const MAX_RECORDS_PER_SOURCE = 4;
const RECORD_SLACK = 1024;
/** Files whose signatures are computed in this process rather than in the worker (a worker's start costs more). */
export const IN_PROCESS_MAX = 32;
/** Source files per worker request: the worker answers between chunks, so imports are not held up long. */
const CHUNK = 256;
/** Signatures put in memory between two turns of the event loop while the file loads. */
const LOAD_SLICE = 2000;
/** Signatures put in memory between two turns of the event loop as the worker hands them over. */
const INSERT_SLICE = 32;
/** After opening, the index is brought up to date this much later, in the background. */
const WARM_DELAY_MS = 3000;

/** Computes signatures of source files (null: unreadable); the import worker by default. */
export type SignatureReader = (files: string[], signal?: AbortSignal) => Promise<Array<Uint32Array | null>>;

function header(): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(h, 0);
  h.writeUInt32LE(SIGNATURE_SIZE, MAGIC.length);
  h.writeUInt32LE(SHINGLE_WORDS, MAGIC.length + 4);
  return h;
}

function encodeRecord(id: string, signature: Uint32Array): Buffer {
  const r = Buffer.alloc(RECORD_BYTES);
  r.writeUInt8(id.length, 0);
  r.write(id, 1, 'latin1');
  // On a little-endian machine the words are copied as they are (a whole file of 20,000 records is
  // encoded in milliseconds, not in a hundred); elsewhere one at a time.
  if (LITTLE_ENDIAN) r.set(new Uint8Array(signature.buffer, signature.byteOffset, SIGNATURE_SIZE * 4), ID_BYTES);
  else for (let i = 0; i < SIGNATURE_SIZE; i++) r.writeUInt32LE(signature[i]!, ID_BYTES + i * 4);
  r.writeUInt32LE(crc32(r.subarray(0, RECORD_BYTES - 4)), RECORD_BYTES - 4);
  return r;
}

/** The records of a file's bytes, or null when the file is not a valid index (it is then rebuilt). */
export function decodeIndexFile(bytes: Uint8Array): { records: Array<[string, Uint32Array]>; torn: boolean } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES || !buf.subarray(0, HEADER_BYTES).equals(header())) return null;
  const count = Math.floor((buf.length - HEADER_BYTES) / RECORD_BYTES);
  // The signatures are read as one aligned array (records and header are multiples of four bytes).
  let words: Uint32Array | null = null;
  if (LITTLE_ENDIAN) {
    const aligned = new Uint8Array(HEADER_BYTES + count * RECORD_BYTES);
    aligned.set(buf.subarray(0, aligned.length));
    words = new Uint32Array(aligned.buffer);
  }
  const records: Array<[string, Uint32Array]> = [];
  for (let n = 0; n < count; n++) {
    const at = HEADER_BYTES + n * RECORD_BYTES;
    const r = buf.subarray(at, at + RECORD_BYTES);
    if (crc32(r.subarray(0, RECORD_BYTES - 4)) !== r.readUInt32LE(RECORD_BYTES - 4)) return null;
    const length = r.readUInt8(0);
    const id = r.toString('latin1', 1, 1 + length);
    if (!ID_PATTERN.test(id)) return null;
    for (let i = 1 + length; i < ID_BYTES; i++) if (r[i] !== 0) return null;
    let signature: Uint32Array;
    if (words) signature = words.slice((at + ID_BYTES) / 4, (at + ID_BYTES) / 4 + SIGNATURE_SIZE);
    else {
      signature = new Uint32Array(SIGNATURE_SIZE);
      for (let i = 0; i < SIGNATURE_SIZE; i++) signature[i] = r.readUInt32LE(ID_BYTES + i * 4);
    }
    records.push([id, signature]);
  }
  return { records, torn: (buf.length - HEADER_BYTES) % RECORD_BYTES !== 0 };
}

/** A band's eight slots folded into one 32-bit key (a collision only adds a candidate, checked exactly). */
function bandKey(signature: Uint32Array, band: number): number {
  let h = band;
  for (let i = band * ROWS; i < (band + 1) * ROWS; i++) h = Math.imul(h ^ signature[i]!, 0x9e3779b1) + i;
  return h >>> 2; // 30 bits: a small integer to V8, the cheapest map key
}

function isEmpty(signature: Uint32Array): boolean {
  for (let i = 0; i < signature.length; i++) if (signature[i] !== EMPTY_SLOT) return false;
  return true;
}

/**
 * Signatures in memory with their LSH buckets. Each signature gets a slot
 * number; a band's bucket is a chain of slots (the key's first slot in a
 * map, the next ones in an array), so 20,000 sources cost 16 maps of numbers
 * rather than 320,000 little arrays. A replaced or deleted signature leaves a
 * dead slot in its chains, passed over.
 */
export class SignatureIndex {
  private readonly slotOf = new Map<string, number>();
  private ids: Array<string | undefined> = [];
  private sigs: Array<Uint32Array | undefined> = [];
  private readonly heads = Array.from({ length: BANDS }, () => new Map<number, number>());
  /** next[slot * BANDS + band]: the following slot in that band's bucket, or -1. */
  private next = new Int32Array(1024 * BANDS);

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  set(id: string, signature: Uint32Array): void {
    this.delete(id);
    const slot = this.ids.length;
    this.ids.push(id);
    this.sigs.push(signature);
    this.slotOf.set(id, slot);
    // An empty text shares nothing with anything: it is never a candidate.
    if (isEmpty(signature)) return;
    if ((slot + 1) * BANDS > this.next.length) {
      const grown = new Int32Array(this.next.length * 2);
      grown.set(this.next);
      this.next = grown;
    }
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(signature, b);
      const head = this.heads[b]!;
      this.next[slot * BANDS + b] = head.get(key) ?? -1;
      head.set(key, slot);
    }
  }

  delete(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    this.sigs[slot] = undefined;
  }

  /** Ids sharing at least one band with `signature`, in the order their signatures were added. */
  candidates(signature: Uint32Array): string[] {
    const slots = new Set<number>();
    if (isEmpty(signature)) return [];
    for (let b = 0; b < BANDS; b++) {
      for (let slot = this.heads[b]!.get(bandKey(signature, b)) ?? -1; slot >= 0; slot = this.next[slot * BANDS + b]!) {
        if (this.ids[slot] !== undefined) slots.add(slot);
      }
    }
    return [...slots].sort((a, b) => a - b).map((slot) => this.ids[slot]!);
  }

  /**
   * The most similar source at or above the threshold, among the candidates
   * `keep` accepts; of equally similar ones, the one added first (as the
   * comparison with every source, in notebook order, finds).
   */
  find(
    signature: Uint32Array,
    keep: (id: string) => boolean = () => true,
    threshold = NEAR_DUPLICATE_THRESHOLD,
  ): { item: string; similarity: number } | undefined {
    const candidates = this.candidates(signature)
      .filter(keep)
      .map((item) => ({ item, signature: this.sigs[this.slotOf.get(item)!]! }));
    return findNearDuplicate(signature, candidates, threshold);
  }

  *entries(): IterableIterator<[string, Uint32Array]> {
    for (const [id, slot] of this.slotOf) yield [id, this.sigs[slot]!];
  }
}

export interface NearDuplicateIndexOptions {
  /** Where signatures of existing sources are computed (default: the import worker beyond IN_PROCESS_MAX files). */
  reader?: SignatureReader;
}

/** One notebook's near-duplicate index: loaded from its file, completed lazily, appended to as sources arrive. */
export class NearDuplicateIndex {
  private readonly index = new SignatureIndex();
  private readonly file: string;
  private loaded = false;
  private building: Promise<void> | null = null;
  /** Sources whose file could not be read this session: not tried again at every import. */
  private readonly unreadable = new Set<string>();
  /** Bumped when a source's text changes: a signature computed from the text before is dropped. */
  private readonly generation = new Map<string, number>();
  private writing: Promise<void> = Promise.resolve();
  /** The file must be written whole (it was invalid, torn or holds many dead records) before appending. */
  private rewrite = false;
  private warmTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly closing = new AbortController();

  constructor(
    private readonly store: NotebookStore,
    private readonly options: NearDuplicateIndexOptions = {},
  ) {
    this.file = path.join(store.dir, CACHE_DIR, NEAR_DUPLICATE_FILE);
    // An edit of the text (restoring a removed block, its undo) makes the signature stale.
    store.onSourceTextChange((id) => this.forget(id));
  }

  /** How many signatures are in memory. */
  get size(): number {
    return this.index.size;
  }

  /**
   * Loads the file and computes the signatures it lacks for the sources the
   * manifest lists now. Calls made while a build runs share it.
   */
  ready(): Promise<void> {
    return (this.building ??= this.build().finally(() => (this.building = null)));
  }

  /** Brings the index up to date in the background a little after opening (a no-op when closed first). */
  warm(): void {
    if (this.store.readOnly || this.warmTimer) return;
    this.warmTimer = setTimeout(() => void this.ready().catch(() => undefined), WARM_DELAY_MS);
    this.warmTimer.unref?.();
  }

  /** The near-duplicate twin of a new text's signature among the listed sources, if any. */
  find(signature: Uint32Array): { item: string; similarity: number } | undefined {
    return this.index.find(signature, (id) => this.store.hasSource(id));
  }

  /** Records a new source's signature (in memory now, on disk soon: the cache is not waited for). */
  add(id: string, signature: Uint32Array): void {
    this.index.set(id, signature);
    this.unreadable.delete(id);
    this.persist([[id, signature]]);
  }

  /** Drops a source's signature (its text changed, or it was deleted); it is computed again when needed. */
  forget(id: string): void {
    this.index.delete(id);
    this.unreadable.delete(id);
    this.generation.set(id, (this.generation.get(id) ?? 0) + 1);
  }

  /** Stops any background work and waits for the file writes under way. */
  async close(): Promise<void> {
    clearTimeout(this.warmTimer);
    this.closing.abort();
    await this.building?.catch(() => undefined);
    await this.writing;
  }

  private async build(): Promise<void> {
    if (!this.loaded) {
      await this.load();
      this.loaded = true;
    }
    const missing = this.store.manifest.sources
      .map((s) => s.id)
      .filter((id) => !this.index.has(id) && !this.unreadable.has(id));
    const reader: SignatureReader =
      this.options.reader ??
      (missing.length <= IN_PROCESS_MAX
        ? (files) => signaturesOfSourceFiles(files)
        : (files, signal) => importWorker().signatures(files, signal));
    for (let at = 0; at < missing.length && !this.closing.signal.aborted; at += CHUNK) {
      const ids = missing.slice(at, at + CHUNK);
      const before = ids.map((id) => this.generation.get(id) ?? 0);
      const signatures = await reader(
        ids.map((id) => this.store.sourceFilePath(id)),
        this.closing.signal,
      );
      const fresh: Array<[string, Uint32Array]> = [];
      for (let i = 0; i < ids.length; i++) {
        // A few at a time: the API answers between them.
        if (i % INSERT_SLICE === INSERT_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
        const id = ids[i]!;
        const signature = signatures[i];
        // Its text changed while the file was read, or it was added meanwhile: what is in memory stands.
        if ((this.generation.get(id) ?? 0) !== before[i] || this.index.has(id)) continue;
        if (!signature) this.unreadable.add(id);
        else {
          this.index.set(id, signature);
          fresh.push([id, signature]);
        }
      }
      this.persist(fresh);
    }
    this.persist([]); // an invalid or torn file is written whole even when nothing was missing
  }

  /** Reads the file into memory; an invalid one is to be written again in full. */
  private async load(): Promise<void> {
    const listed = this.store.manifest.sources.length;
    const maxBytes = HEADER_BYTES + RECORD_BYTES * (listed * MAX_RECORDS_PER_SOURCE + RECORD_SLACK);
    let bytes: Buffer | null = null;
    try {
      const handle = await open(this.file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
      try {
        const { size } = await handle.stat();
        if (size <= maxBytes) bytes = await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw linkRefused(this.file);
      if (code !== 'ENOENT') bytes = null;
    }
    const decoded = bytes && decodeIndexFile(bytes);
    if (!decoded) {
      this.rewrite = true;
      return;
    }
    let live = 0;
    for (const [n, [id, signature]] of decoded.records.entries()) {
      // Some thousand signatures at a time: the API answers while a large index loads.
      if (n % LOAD_SLICE === LOAD_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
      if (!this.store.hasSource(id)) continue;
      if (!this.index.has(id)) live++;
      this.index.set(id, signature); // a later record of the same source replaces the earlier
    }
    this.rewrite = decoded.torn || decoded.records.length > 2 * live + RECORD_SLACK;
  }

  /** Appends records to the file (or writes it whole when it must be); a failure only costs a rebuild later. */
  private persist(records: Array<[string, Uint32Array]>): void {
    if (this.store.readOnly || (!records.length && !this.rewrite)) return;
    this.writing = this.writing
      .then(async () => {
        await mkdir(path.dirname(this.file), { recursive: true });
        if (this.rewrite) {
          this.rewrite = false;
          const all = [...this.index.entries()].filter(([id]) => this.store.hasSource(id));
          await writeFileDurably(this.file, Buffer.concat([header(), ...all.map(([id, s]) => encodeRecord(id, s))]), {
            durable: false,
          });
          return;
        }
        const handle = await open(
          this.file,
          constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0),
          0o666,
        );
        try {
          const { size } = await handle.stat();
          const body = Buffer.concat(records.map(([id, s]) => encodeRecord(id, s)));
          await handle.write(size === 0 ? Buffer.concat([header(), body]) : body);
        } finally {
          await handle.close();
        }
      })
      .catch(() => {
        this.rewrite = true; // a cache: the next write starts the file over
      });
  }
}

const indexes = new WeakMap<NotebookStore, NearDuplicateIndex>();

/** The near-duplicate index of an open store (one per store). */
export function nearDuplicateIndex(store: NotebookStore, options?: NearDuplicateIndexOptions): NearDuplicateIndex {
  let index = indexes.get(store);
  if (!index) {
    index = new NearDuplicateIndex(store, options);
    indexes.set(store, index);
  }
  return index;
}
