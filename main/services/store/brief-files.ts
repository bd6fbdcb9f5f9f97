/**
 * The notebook's briefs, one file each: `briefs/<id>.json` = `{schemaVersion, brief}`
 * (docs/storage.md). A brief is written by its own coalesced, durable writer,
 * so a brief of 20,000 claims costs nothing to the writes of the rest of the
 * notebook (an import rewrote it with the manifest when briefs lived there).
 *
 * The briefs list needs every brief's title and dates but no document: the
 * folder is read once, on first need, keeping each brief's head (all but its
 * document, and how many citations the document holds); a document stays in
 * memory once a call used it (the editor's brief, an export) and is read from
 * its file otherwise. The heads are also kept in `.cache/brief-heads.json`
 * (derived, safe to delete), each with its file's stamp (inode, size, mtime):
 * the next session reads only the brief files that changed since, so listing
 * briefs drafted from thousands of claims parses none of them. A file that
 * cannot be read or validated is never written; the store reports it.
 */
import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Patch } from 'immer';
import { collectCitations } from '../../../shared/brief-doc';
import { DossierError, type Words } from '../../../shared/errors';
import { z } from 'zod';
import { Brief, type BriefFile } from '../../../shared/model';
import { AtomicJsonFile, UnreadableFileError } from './atomic-json-file';
import { saveNew, saveOrRevert, StoredDocument } from './stored-document';

export const BRIEFS_DIR = 'briefs';
/** The heads of the briefs as of their files' stamps (derived: safe to delete). */
export const BRIEF_HEADS_CACHE = path.join('.cache', 'brief-heads.json');

/** What the briefs list needs of a brief: all but its document, and how many citations that holds. */
const BriefHead = Brief.omit({ doc: true }).extend({ citations: z.number().int().min(0) });
export type BriefHead = z.infer<typeof BriefHead>;
const HeadsCache = z.record(z.string(), z.object({ stamp: z.string(), head: BriefHead }));
type HeadsCache = z.infer<typeof HeadsCache>;

/** A file's stamp: it changes whenever the file is written (a new inode) or changed in place. */
async function stampOf(file: string): Promise<string | undefined> {
  const s = await lstat(file).catch(() => undefined);
  return s?.isFile() ? `${s.ino}:${s.size}:${s.mtimeMs}` : undefined;
}

function headOf({ doc, ...rest }: Brief): BriefHead {
  return { ...rest, citations: collectCitations(doc).length };
}

const ID = /^[A-Za-z0-9_-]+$/;

/** Reads and validates one brief file (migrated to the current format), or throws UnreadableFileError. */
export type ReadBriefFile = (file: string) => Promise<BriefFile>;

export class BriefFiles {
  /** Brief documents in memory: those a call used this session (and every one of an unwritable legacy notebook). */
  private readonly docs = new Map<string, StoredDocument<BriefFile>>();
  private readonly loading = new Map<string, Promise<StoredDocument<BriefFile>>>();
  /** Every brief's head, once the folder was read. */
  private heads: Map<string, BriefHead> | undefined;
  private listing: Promise<Map<string, BriefHead>> | undefined;
  /** Brief files that could not be read: id → why. They are never written. */
  readonly broken = new Map<string, Words>();
  /** A brief was written or removed since the heads cache was: it is written again at the next flush. */
  private headsChanged = false;
  /** Briefs a write failed for this session: their heads are not cached. */
  private readonly unsure = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly read: ReadBriefFile,
    private readonly schemaVersion: number,
    /** Whether the heads cache may be written (not in a notebook opened read-only). */
    private readonly writable: () => boolean,
  ) {}

  private get cacheFile(): string {
    return path.join(this.root, BRIEF_HEADS_CACHE);
  }

  private async readCache(): Promise<HeadsCache> {
    try {
      return HeadsCache.parse(await new AtomicJsonFile<unknown>(this.cacheFile).read());
    } catch {
      return {}; // missing, damaged or a link: every brief file is read
    }
  }

  /**
   * Writes the heads with their files' stamps as they are now (after every write is done). A head is
   * left out when its file changed while it was stamped, or a write of it failed (memory and file may
   * differ): the next session reads that file.
   */
  private async writeCache(heads: Map<string, BriefHead>): Promise<void> {
    const cache: HeadsCache = {};
    for (const [id, head] of [...heads]) {
      if (this.unsure.has(id)) continue;
      const stamp = await stampOf(this.filePath(id));
      if (stamp && heads.get(id) === head && stamp === (await stampOf(this.filePath(id)))) cache[id] = { stamp, head };
    }
    // Derived data: a cache that cannot be written is read again from the files next time.
    await mkdir(path.dirname(this.cacheFile), { recursive: true })
      .then(() => new AtomicJsonFile<HeadsCache>(this.cacheFile).write(cache))
      .catch(() => undefined);
  }

  get dir(): string {
    return path.join(this.root, BRIEFS_DIR);
  }

  filePath(id: string): string {
    if (!ID.test(id)) throw DossierError.of('invalid-input', 'briefs.noBrief', { id });
    return path.join(this.dir, `${id}.json`);
  }

  /**
   * Briefs of a notebook written before briefs had files, held in memory only (a notebook opened
   * read-only is never written, so they are not moved out).
   */
  holdInMemory(briefs: readonly Brief[]): void {
    // Over the folder's briefs (an older build may have written an empty list beside them): these win.
    for (const brief of briefs) this.docs.set(brief.id, this.document(brief));
  }

  private document(brief: Brief): StoredDocument<BriefFile> {
    return new StoredDocument(this.filePath(brief.id), { schemaVersion: this.schemaVersion, brief });
  }

  /** Every readable brief's head (the folder is read once; an unreadable file is passed over and reported). */
  async list(): Promise<BriefHead[]> {
    const heads = await this.allHeads();
    return [...heads.values()];
  }

  /** Every brief's head: the folder read once, on first need. */
  private allHeads(): Promise<Map<string, BriefHead>> {
    return (this.listing ??= this.readHeads());
  }

  private async readHeads(): Promise<Map<string, BriefHead>> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const cache = await this.readCache();
    const heads = new Map<string, BriefHead>();
    let stale = Object.keys(cache).length !== names.length;
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!ID.test(id)) continue;
      const cached = cache[id];
      if (cached?.head.id === id && !this.docs.has(id) && cached.stamp === (await stampOf(this.filePath(id)))) {
        heads.set(id, cached.head);
        continue;
      }
      stale = true;
      const brief = await this.peek(id);
      if (brief) heads.set(id, headOf(brief));
    }
    if (stale && this.writable()) this.headsChanged = true;
    // Briefs written while the folder was read are in memory: they win.
    for (const [id, doc] of this.docs) heads.set(id, headOf(doc.data.brief));
    this.heads = heads;
    return heads;
  }

  /** A brief as in memory, else as read from its file without keeping it; undefined when unreadable (reported). */
  private async peek(id: string): Promise<Brief | undefined> {
    const kept = this.docs.get(id);
    if (kept) return kept.data.brief;
    return this.readFile(id).then(
      (f) => f.brief,
      () => undefined,
    );
  }

  private async readFile(id: string): Promise<BriefFile> {
    const file = this.filePath(id);
    try {
      const data = await this.read(file);
      if (data.brief.id !== id)
        throw new UnreadableFileError(file, { key: 'store.unreadable.holdsOtherBrief', params: { id: data.brief.id } });
      this.broken.delete(id);
      return data;
    } catch (err) {
      // A file that cannot be used, or a link planted in its place (refused, never followed).
      const refused = err instanceof DossierError && err.code !== 'io';
      if (!(err instanceof UnreadableFileError) && !refused) throw err;
      const words: Words = {
        key: 'store.briefUnreadable',
        params: {
          file: path.relative(this.root, file),
          detail: err instanceof UnreadableFileError ? err.reason : err.message,
        },
      };
      this.broken.set(id, words);
      throw DossierError.of('corrupt', words.key, words.params);
    }
  }

  /** Whether a brief's file is there, and what it holds when it can be read (nothing is kept). */
  async onDisk(id: string): Promise<{ exists: boolean; data?: BriefFile }> {
    if (!(await stampOf(this.filePath(id)))) return { exists: false };
    return { exists: true, data: await this.readFile(id).catch(() => undefined) };
  }

  /** One brief (its document read from its file the first time), or `not-found`. */
  async get(id: string): Promise<Brief> {
    return (await this.doc(id)).data.brief;
  }

  private async doc(id: string): Promise<StoredDocument<BriefFile>> {
    const kept = this.docs.get(id);
    if (kept) return kept;
    const broken = this.broken.get(id);
    if (broken) throw DossierError.of('corrupt', broken.key, broken.params);
    const heads = await this.allHeads();
    if (!heads.has(id)) throw DossierError.of('not-found', 'briefs.noBrief', { id });
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.readFile(id).then((data) => {
        const doc = this.docs.get(id) ?? new StoredDocument(this.filePath(id), data);
        this.docs.set(id, doc);
        return doc;
      });
      this.loading.set(id, pending);
    }
    try {
      return await pending;
    } finally {
      this.loading.delete(id);
    }
  }

  /** Every readable brief, one at a time, its document read and let go unless it is in memory already. */
  async *each(): AsyncGenerator<Brief> {
    for (const { id } of await this.list()) {
      const brief = await this.peek(id);
      if (brief) yield brief;
    }
  }

  private noteHead(brief: Brief): void {
    this.heads?.set(brief.id, headOf(brief));
    this.headsChanged = true;
  }

  /** Applies `change` to a brief and resolves once it is durable; returns its patches. */
  async update(id: string, change: (brief: Brief) => void): Promise<{ patches: Patch[]; inverse: Patch[] }> {
    const doc = await this.doc(id);
    const { patches, inverse } = doc.produce((file) => change(file.brief));
    if (patches.length) await this.saved(id, doc, () => saveOrRevert(doc, inverse));
    return { patches, inverse };
  }

  /** Applies recorded patches (undo, redo) to a brief, durably. */
  async apply(id: string, patches: Patch[]): Promise<void> {
    const doc = await this.doc(id);
    doc.apply(patches);
    await this.saved(id, doc, () => doc.save());
  }

  /** Runs a save, then notes the brief's head as the document now holds it; a failed save leaves the head unsure. */
  private async saved(id: string, doc: StoredDocument<BriefFile>, save: () => Promise<void>): Promise<void> {
    try {
      await save();
    } catch (err) {
      this.unsure.add(id);
      throw err;
    } finally {
      this.noteHead(doc.data.brief);
    }
  }

  /** Writes a whole brief file durably (a new brief; undo of a delete) and keeps it. */
  async write(data: BriefFile): Promise<void> {
    const doc = new StoredDocument(this.filePath(data.brief.id), data);
    await this.allHeads();
    await this.docs.get(data.brief.id)?.idle();
    await saveNew(doc);
    this.docs.set(data.brief.id, doc);
    this.broken.delete(data.brief.id);
    this.noteHead(data.brief);
  }

  /** Removes a brief's file (after its pending writes); returns what it held, or `not-found`. */
  async remove(id: string): Promise<BriefFile> {
    const doc = await this.doc(id);
    await doc.idle();
    await rm(doc.file, { force: true });
    this.docs.delete(id);
    this.heads?.delete(id);
    this.headsChanged = true;
    return doc.data;
  }

  /** Whether a brief with this id exists (its file was read or written). */
  async has(id: string): Promise<boolean> {
    return (await this.allHeads()).has(id);
  }

  /** Waits for every pending write, then brings the heads cache up to date. */
  async flush(): Promise<void> {
    await Promise.all([...this.docs.values()].map((d) => d.idle()));
    if (!this.headsChanged || !this.heads || !this.writable()) return;
    this.headsChanged = false;
    await this.writeCache(this.heads);
  }
}
