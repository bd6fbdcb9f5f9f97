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
/** After opening, the index is brought up to date this much later, in the background (a saved one loads in about 0.1 s at 20,000 sources: done before most first imports). */
const WARM_DELAY_MS = 1000;

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

interface IndexFileLayout {
  buf: Buffer;
  count: number;
  /** The file as 32-bit words (little-endian platforms), for the signatures. */
  words: Uint32Array | null;
  torn: boolean;
}

/** The shape of a file's bytes, or null when its header is not ours. */
function layoutOf(bytes: Uint8Array): IndexFileLayout | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES || !buf.subarray(0, HEADER_BYTES).equals(header())) return null;
  const count = Math.floor((buf.length - HEADER_BYTES) / RECORD_BYTES);
  const used = HEADER_BYTES + count * RECORD_BYTES;
  // The signatures are read as one aligned array (records and header are multiples of four bytes).
  let words: Uint32Array | null = null;
  if (LITTLE_ENDIAN && buf.byteOffset % 4 === 0) words = new Uint32Array(buf.buffer, buf.byteOffset, used / 4);
  else if (LITTLE_ENDIAN) words = new Uint32Array(Uint8Array.prototype.slice.call(buf, 0, used).buffer);
  return { buf, count, words, torn: (buf.length - HEADER_BYTES) % RECORD_BYTES !== 0 };
}

/** The bytes of an id: A–Z, a–z, 0–9, '_' and '-' (one to 63 of them). */
const ID_BYTE = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-') ID_BYTE[c.charCodeAt(0)] = 1;

/** Record `n` of a file is whole (its checksum) and ours (an id, zero-padded): checked without making anything. */
function validRecord({ buf }: IndexFileLayout, n: number): boolean {
  const at = HEADER_BYTES + n * RECORD_BYTES;
  const body = new Uint8Array(buf.buffer, buf.byteOffset + at, RECORD_BYTES - 4);
  if (crc32(body) !== buf.readUInt32LE(at + RECORD_BYTES - 4)) return false;
  const length = buf[at]!;
  if (length < 1 || length >= ID_BYTES) return false;
  for (let i = 1; i <= length; i++) if (!ID_BYTE[buf[at + i]!]) return false;
  for (let i = 1 + length; i < ID_BYTES; i++) if (buf[at + i] !== 0) return false;
  return true;
}

const idAt = ({ buf }: IndexFileLayout, n: number): string => {
  const at = HEADER_BYTES + n * RECORD_BYTES;
  return buf.toString('latin1', at + 1, at + 1 + buf[at]!);
};

/** Where record `n`'s signature starts in the file's words. */
const signatureOffset = (n: number): number => (HEADER_BYTES + n * RECORD_BYTES + ID_BYTES) / 4;

/**
 * Record `n` of a file, or null when it is not valid. Its signature is a view of the file's words
 * (of an aligned copy when the bytes are not four-byte aligned): no buffer is made per record.
 */
function recordAt(layout: IndexFileLayout, n: number): [string, Uint32Array] | null {
  if (!validRecord(layout, n)) return null;
  const { buf, words } = layout;
  const id = idAt(layout, n);
  if (words) return [id, words.subarray(signatureOffset(n), signatureOffset(n) + SIGNATURE_SIZE)];
  const at = HEADER_BYTES + n * RECORD_BYTES;
  const signature = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) signature[i] = buf.readUInt32LE(at + ID_BYTES + i * 4);
  return [id, signature];
}

/** The records of a file's bytes, or null when the file is not a valid index (it is then rebuilt). */
export function decodeIndexFile(bytes: Uint8Array): { records: Array<[string, Uint32Array]>; torn: boolean } | null {
  const layout = layoutOf(bytes);
  if (!layout) return null;
  const records: Array<[string, Uint32Array]> = [];
  for (let n = 0; n < layout.count; n++) {
    const record = recordAt(layout, n);
    if (!record) return null;
    records.push(record);
  }
  return { records, torn: layout.torn };
}

/** A band's eight slots folded into one 32-bit key (a collision only adds a candidate, checked exactly). */
function bandKey(signature: Uint32Array, band: number, base = 0): number {
  let h = band;
  for (let i = band * ROWS; i < (band + 1) * ROWS; i++) h = Math.imul(h ^ signature[base + i]!, 0x9e3779b1) + i;
  return h >>> 2; // 30 bits: fits the Int32Array of band keys as it is
}

function isEmpty(signature: Uint32Array): boolean {
  for (let i = 0; i < signature.length; i++) if (signature[i] !== EMPTY_SLOT) return false;
  return true;
}

/**
 * Signatures in memory with their LSH band keys. Each signature gets a slot
 * number; its words sit in one array (slot after slot) and its 16 band keys in
 * another, so 20,000 sources cost two typed arrays rather than 20,000 little
 * arrays and 16 maps. A source's candidates come from one pass over the band
 * keys (16 integers a source, a megabyte at 20,000: well under a millisecond),
 * and adding a signature is a copy and 16 hashes, so loading a saved index
 * costs little more than reading it. A replaced or deleted signature leaves a
 * dead slot, passed over.
 */
export class SignatureIndex {
  private readonly slotOf = new Map<string, number>();
  private ids: Array<string | undefined> = [];
  /** words[slot * SIGNATURE_SIZE + i]: the signature of each slot. */
  private words = new Uint32Array(0);
  /** keys[slot * BANDS + band]: its band keys. */
  private keys = new Int32Array(0);
  /** candidate[slot]: 1 when the slot holds a live, non-empty signature (an empty text shares nothing). */
  private candidate = new Uint8Array(0);

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Makes room for `more` signatures beyond those held now (a load knows how many it brings). */
  reserve(more: number): void {
    const needed = this.ids.length + more;
    if (needed <= this.candidate.length) return;
    const grow = <A extends Uint32Array | Int32Array | Uint8Array>(old: A, make: (n: number) => A, per: number): A => {
      const grown = make(needed * per);
      grown.set(old);
      return grown;
    };
    this.words = grow(this.words, (n) => new Uint32Array(n), SIGNATURE_SIZE);
    this.keys = grow(this.keys, (n) => new Int32Array(n), BANDS);
    this.candidate = grow(this.candidate, (n) => new Uint8Array(n), 1);
  }

  set(id: string, signature: Uint32Array): void {
    this.setFrom(id, signature, 0);
  }

  /** Like set, with the signature at `offset` in `source` (a file's words: no view is made per record). */
  setFrom(id: string, source: Uint32Array, offset: number): void {
    this.delete(id);
    const slot = this.ids.length;
    if (slot >= this.candidate.length) this.reserve(Math.max(1024, slot));
    this.ids.push(id);
    this.slotOf.set(id, slot);
    const { words } = this;
    const base = slot * SIGNATURE_SIZE;
    let empty = true;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const word = source[offset + i]!;
      words[base + i] = word;
      if (word !== EMPTY_SLOT) empty = false;
    }
    // An empty text shares nothing with anything: it is never a candidate.
    if (empty) return;
    this.candidate[slot] = 1;
    for (let b = 0; b < BANDS; b++) this.keys[slot * BANDS + b] = bandKey(words, b, base);
  }

  delete(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    this.candidate[slot] = 0;
  }

  /** Ids sharing at least one band with `signature`, in the order their signatures were added. */
  candidates(signature: Uint32Array): string[] {
    if (isEmpty(signature)) return [];
    const query = Int32Array.from({ length: BANDS }, (_, b) => bandKey(signature, b));
    const { keys, candidate } = this;
    const out: string[] = [];
    for (let slot = 0, at = 0; slot < this.ids.length; slot++, at += BANDS) {
      if (!candidate[slot]) continue;
      for (let b = 0; b < BANDS; b++) {
        if (keys[at + b] === query[b]) {
          out.push(this.ids[slot]!);
          break;
        }
      }
    }
    return out;
  }

  private signatureAt(slot: number): Uint32Array {
    return this.words.slice(slot * SIGNATURE_SIZE, (slot + 1) * SIGNATURE_SIZE);
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
      .map((item) => ({ item, signature: this.signatureAt(this.slotOf.get(item)!) }));
    return findNearDuplicate(signature, candidates, threshold);
  }

  *entries(): IterableIterator<[string, Uint32Array]> {
    for (const [id, slot] of this.slotOf) yield [id, this.signatureAt(slot)];
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
    // Some thousand records at a time, read and then put in memory: the API answers while a large index loads.
    const sliceEnds = (n: number) => n % LOAD_SLICE === LOAD_SLICE - 1;
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    // Every record is checked before any is used: one that is not whole or not ours discards the file.
    const layout = bytes && layoutOf(bytes);
    let valid = 0;
    while (layout && valid < layout.count) {
      if (sliceEnds(valid)) await nextTurn();
      if (!validRecord(layout, valid)) break;
      valid++;
    }
    if (!layout || valid < layout.count) {
      this.rewrite = true;
      return;
    }
    let live = 0;
    this.index.reserve(layout.count);
    for (let n = 0; n < layout.count; n++) {
      if (sliceEnds(n)) await nextTurn();
      const id = idAt(layout, n);
      if (!this.store.hasSource(id)) continue;
      if (!this.index.has(id)) live++;
      // A later record of the same source replaces the earlier.
      if (layout.words) this.index.setFrom(id, layout.words, signatureOffset(n));
      else this.index.set(id, recordAt(layout, n)![1]);
    }
    this.rewrite = layout.torn || layout.count > 2 * live + RECORD_SLACK;
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
