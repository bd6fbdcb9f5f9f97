/**
 * The notebook on disk (docs/storage.md):
 *
 *   <Name>.dossier/
 *     notebook.json        manifest: schema version, title, actors, tags, relations, source index
 *     sources/<id>.json    one source: metadata, text, its annotations
 *     briefs/<id>.json     one brief (BriefFiles)
 *     .lock                one writer per notebook
 *
 * Each file is its own lowdb instance on an atomic adapter; writes are
 * coalesced per file and durable before the promise that asked for them
 * resolves. Source files load lazily, so opening costs the manifest alone,
 * and stay in memory in a least-recently-used cache with a byte budget
 * (SourceCache): a notebook of any size holds a bounded amount of text. A
 * source with a write pending or in flight is never evicted; an evicted one
 * is read again from its file, which holds exactly what was in memory.
 * A file that cannot be parsed or validated is never overwritten: the
 * notebook (or that source) becomes read-only with a message naming the file.
 *
 * Size: one class, because the cache, the scans past it, the unreadable
 * sources and every write path share one invariant (the document written is
 * the document kept, and a busy one is never evicted); split apart, each
 * part would need the others' private state.
 */
import { mkdirSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { enablePatches, setAutoFreeze, type Patch } from 'immer';
import { DossierError, englishTranslator, sayError, type Words } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import {
  BriefFile,
  NotebookManifest,
  SCHEMA_VERSION,
  SourceFile,
  type Brief,
  type BriefFile as BriefFileData,
  type NotebookManifest as Manifest,
  type SourceFile as SourceFileData,
} from '../../../shared/model';
import { BRIEFS_DIR, BriefFiles, type BriefHead } from './brief-files';
import { conflictId, type Conflict } from '../../../shared/team/conflicts';
import { isDeepStrictEqual } from 'node:util';
import { AtomicJsonFile, UnreadableFileError } from './atomic-json-file';
import { refuseLinksInside, removeStaleTempFiles } from './folder-guard';
import { MIGRATIONS, type Migration } from './migrations';
import { migrateAndValidate } from './validate-file';
import { acquireNotebookLock } from './notebook-lock';
import { estimateHeadBytes, estimateSourceBytes, SourceCache } from './source-cache';
import { saveNew, saveOrRevert, StoredDocument } from './stored-document';

enablePatches();
// Services hold on to records they read; freezing them would only cost time.
setAutoFreeze(false);

export const MANIFEST_FILE = 'notebook.json';
const OPENED_READ_ONLY: Words = { key: 'store.openedReadOnly' }; // on purpose: no problem in itself

/** Which file of the notebook a change touched. */
export type FileRef = { kind: 'manifest' } | { kind: 'source'; id: string } | { kind: 'brief'; id: string };

/** One key per file of the notebook (to gather a step's changes by file). */
export const fileKey = (file: FileRef): string => (file.kind === 'manifest' ? 'manifest' : `${file.kind}:${file.id}`);

/** A change to one file, with the patches that redo and undo it. */
export interface FileChange {
  file: FileRef;
  patches: Patch[];
  inverse: Patch[];
  /**
   * A whole source or brief file written (an import, a new brief) or removed
   * (a deleted source or brief), with its contents — a SourceFile or a
   * BriefFile, as `file.kind` says: undo and redo remove the file or write it again.
   */
  lifecycle?: {
    kind: 'created' | 'removed';
    /** Absent only while a brief's file is kept beside the undo log (`blob`): read back before it is applied. */
    data?: SourceFileData | BriefFileData;
    /** The undo log's blob holding `data` (a brief written or removed whole), once it was saved there. */
    blob?: string;
  };
}

/** Which way a recorded change is applied: undo (its inverse) or redo. */
export type ChangeDirection = 'undo' | 'redo';
export const SOURCES_DIR = 'sources';
/** Derived data (the search index): safe to delete, rebuilt when missing. */
export const CACHE_DIR = '.cache';

/** Written into a new notebook (never over an existing one): what is local to one machine stays out of git. */
const GITIGNORE = `# Local to this computer: the writer's lock, the search cache, copies kept before a format change.
.lock
.cache/
*.bak
`;

export interface OpenOptions {
  /** Title for a notebook created by this call. */
  title?: string;
  /** Open without taking the lock and without ever writing. */
  readOnly?: boolean;
  /** For tests of the migration mechanism: the version this build writes, and the steps to reach it. */
  schemaVersion?: number;
  migrations?: readonly Migration[];
  /** How many bytes of loaded source files to keep in memory (estimated; default DEFAULT_SOURCE_CACHE_BYTES). */
  sourceCacheBytes?: number;
  /**
   * How many bytes of metadata and annotations of sources not loaded to keep in memory
   * (estimated; default DEFAULT_SOURCE_HEAD_BYTES).
   */
  sourceHeadBytes?: number;
}

/** The default byte budget of loaded source files: some thousands of articles. */
export const DEFAULT_SOURCE_CACHE_BYTES = 64 * 1024 * 1024;
/**
 * The default byte budget of the metadata and annotations kept of sources not loaded: those of a
 * 20,000-source notebook (about 34 MB), so whole-notebook scans (claims panel, actor pages) read no file twice.
 */
export const DEFAULT_SOURCE_HEAD_BYTES = 48 * 1024 * 1024;

export class NotebookStore {
  private readonly sourceDocs: SourceCache<StoredDocument<SourceFileData>>;
  /** The briefs, one file each. */
  private readonly briefFiles: BriefFiles;
  private readonly loading = new Map<string, Promise<StoredDocument<SourceFileData>>>();
  /** Source files that failed to load: id → why, in words. They are never written. */
  private readonly brokenSources = new Map<string, Words>();
  private release: (() => Promise<void>) | null = null;
  private unreadableManifest: Words | undefined;
  private removedOnOpen: readonly string[] = [];
  private closed = false;
  private filesRead = 0;
  private readonly textListeners = new Set<(sourceId: string) => void>();
  /**
   * The metadata and annotations of sources read but not in memory now (small
   * beside the texts), within a byte budget of their own: whole-notebook work
   * that needs no text reads these files no more. Taken when a document is
   * evicted (least recently used out) or scanned (while there is room), idle,
   * so as on disk; a source in memory is always read from its document instead.
   */
  private readonly heads: SourceCache<SourceHeadAndAnnotations>;
  /** Which source each annotation met in a scan is in (annotations never move): a few ids need not scan all. */
  private readonly sourceOfAnnotation = new Map<string, string>();
  /** How many times a document was kept: a scan's read is not kept as a head past one. */
  private keeps = 0;
  private bySha: Map<string, string> | null = null;
  private listed: Set<string> | null = null;

  private constructor(
    readonly dir: string,
    private readonly manifestDoc: StoredDocument<Manifest>,
    private readOnlyReason: Words | undefined,
    private readonly options: Required<Pick<OpenOptions, 'schemaVersion' | 'migrations' | 'readOnly'>>,
    sourceCacheBytes = DEFAULT_SOURCE_CACHE_BYTES,
    sourceHeadBytes = DEFAULT_SOURCE_HEAD_BYTES,
  ) {
    this.heads = new SourceCache(sourceHeadBytes, () => false);
    this.sourceDocs = new SourceCache(
      sourceCacheBytes,
      (doc) => doc.busy,
      (id, doc) => {
        const head = headOf(doc.data);
        this.heads.set(id, head, estimateHeadBytes(head));
      },
    );
    this.briefFiles = new BriefFiles(
      dir,
      async (file) => {
        const raw = await new AtomicJsonFile<unknown>(file).read();
        if (raw === null) throw new UnreadableFileError(file, { key: 'store.unreadable.missing' });
        const { schemaVersion, migrations, readOnly } = this.options;
        return migrateAndValidate(raw, file, BriefFile, schemaVersion, migrations, 'brief', {
          keepOriginal: !readOnly,
        });
      },
      options.schemaVersion,
      () => !this.readOnlyReason && !this.closed,
    );
  }

  /** Opens (creating if missing) the notebook folder `dir`. */
  static async open(dir: string, options: OpenOptions = {}): Promise<NotebookStore> {
    const root = path.resolve(dir);
    const version = options.schemaVersion ?? SCHEMA_VERSION;
    const migrations = options.migrations ?? MIGRATIONS;
    const manifestFile = path.join(root, MANIFEST_FILE);
    await refuseLinksInside(root);

    // Take the lock while the manifest is read: the two do not depend on each other.
    const locking = options.readOnly
      ? Promise.resolve(null)
      : (mkdirSync(path.join(root, SOURCES_DIR), { recursive: true }), acquireNotebookLock(root));
    const reading = new AtomicJsonFile<unknown>(manifestFile).read().then(
      (raw) => ({ raw, error: undefined as unknown }),
      (error: unknown) => ({ raw: null, error }),
    );
    const release = await locking; // throws 'locked' before anything is used

    let readOnlyReason: Words | undefined = options.readOnly ? OPENED_READ_ONLY : undefined;
    let manifest: Manifest;
    let created = false;
    let migrated = false;
    try {
      const { raw, error } = await reading;
      if (error) throw error;
      if (raw === null) {
        manifest = NotebookManifest.parse({
          schemaVersion: version,
          id: newId('nb'),
          title: options.title ?? path.basename(root).replace(/\.dossier$/i, ''),
          createdAt: new Date().toISOString(),
        });
        created = true;
      } else {
        manifest = await migrateAndValidate(raw, manifestFile, NotebookManifest, version, migrations, 'manifest', {
          keepOriginal: !options.readOnly,
        });
        migrated = (raw as { schemaVersion?: unknown }).schemaVersion !== version;
      }
    } catch (err) {
      if (!(err instanceof UnreadableFileError)) {
        await release?.();
        throw err;
      }
      readOnlyReason = {
        key: 'store.manifestUnreadable',
        params: { file: path.relative(root, err.file) || err.file, detail: err.reason },
      };
      manifest = NotebookManifest.parse({
        schemaVersion: version,
        id: 'unreadable',
        title: path.basename(root).replace(/\.dossier$/i, ''),
        createdAt: new Date(0).toISOString(),
      });
    }

    const store = new NotebookStore(
      root,
      new StoredDocument(manifestFile, manifest),
      readOnlyReason,
      { schemaVersion: version, migrations, readOnly: options.readOnly ?? false },
      options.sourceCacheBytes,
      options.sourceHeadBytes,
    );
    store.release = release;
    if (readOnlyReason !== OPENED_READ_ONLY) store.unreadableManifest = readOnlyReason;
    // A new or migrated manifest is written at once (a migrated one's original is kept as .bak).
    try {
      if (release) store.removedOnOpen = await removeStaleTempFiles(root, [SOURCES_DIR, BRIEFS_DIR, CACHE_DIR]);
      if (manifest.briefs && readOnlyReason) store.briefFiles.holdInMemory(manifest.briefs);
      else if (manifest.briefs) await store.moveBriefsOut(manifest.briefs);
      else if ((created || migrated) && !readOnlyReason) await store.manifestDoc.save();
      if (created && !readOnlyReason) {
        // 'wx' creates exclusively: an existing file (or link) of that name is left as it is.
        await writeFile(path.join(root, '.gitignore'), GITIGNORE, { flag: 'wx' }).catch(
          (err: NodeJS.ErrnoException) => {
            if (err.code !== 'EEXIST') throw err;
          },
        );
      }
    } catch (err) {
      // A full or failing disk: the notebook is not opened, and its lock goes with it.
      await store.close().catch(() => undefined);
      throw err;
    }
    return store;
  }

  get manifest(): Manifest {
    return this.manifestDoc.data;
  }

  /**
   * A notebook written before briefs had files: each brief is written to its own file (durably),
   * then the manifest without them. A crash in between leaves them in both places, and the next
   * opening moves them again (the manifest's copy is the one that counts until it is written).
   * A brief file that is there already and holds something else (a teammate's newer build wrote it,
   * and a plain `git pull` kept an older build's copy in the manifest) is never written over: the
   * two become a conflict on that file, to settle in the Conflicts panel.
   */
  private async moveBriefsOut(briefs: readonly Brief[]): Promise<void> {
    const found: Conflict[] = [];
    for (const brief of briefs) {
      const data: BriefFileData = { schemaVersion: this.options.schemaVersion, brief };
      const there = await this.briefFiles.onDisk(brief.id);
      if (there.exists && !(there.data && isDeepStrictEqual(there.data.brief, brief))) {
        const file = `${BRIEFS_DIR}/${brief.id}.json`;
        found.push({
          id: conflictId(file, []),
          file,
          path: [],
          label: file,
          ...(there.data ? { ours: there.data } : {}),
          theirs: data,
          at: new Date().toISOString(),
        });
        continue;
      }
      await this.briefFiles.write(data);
    }
    const { briefs: _moved, ...rest } = this.manifestDoc.data;
    if (found.length) {
      const ids = new Set(found.map((c) => c.id));
      rest.conflicts = [...(rest.conflicts ?? []).filter((c) => !ids.has(c.id)), ...found];
    }
    this.manifestDoc.db.data = rest;
    await this.manifestDoc.save();
  }

  /** Why notebook.json could not be read (the notebook is then read-only), if it could not: in English, for logs. */
  get manifestProblem(): string | undefined {
    return this.unreadableManifest && sayError(englishTranslator(), this.unreadableManifest);
  }

  /** Why notebook.json could not be read, in words to say in the person's language (`sayError`). */
  get manifestProblemWords(): Words | undefined {
    return this.unreadableManifest;
  }

  /** Temp files a crash or a full disk left, removed as this writer opened the notebook. */
  get tempFilesRemoved(): readonly string[] {
    return this.removedOnOpen;
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== undefined;
  }

  /** Why the notebook is read-only (not merely opened so), or what part of it could not be read: in English, for logs. */
  get problem(): string | undefined {
    const words = this.problemWords;
    return words && sayError(englishTranslator(), words);
  }

  /** The problem in words, to say in the person's language at the API door (`sayError(ctx.translator(), …)`). */
  get problemWords(): Words | undefined {
    if (this.readOnlyReason && this.readOnlyReason !== OPENED_READ_ONLY) return this.readOnlyReason;
    const sources = [...this.brokenSources.keys()].map((id) => this.sourceFilePath(id));
    const briefs = [...this.briefFiles.broken.keys()].map((id) => this.briefFiles.filePath(id));
    if (sources.length + briefs.length <= 1)
      return this.brokenSources.values().next().value ?? this.briefFiles.broken.values().next().value;
    const files = [...sources, ...briefs].map((file) => path.relative(this.dir, file)).join(', ');
    const key = briefs.length ? 'store.filesUnreadable' : 'store.sourcesUnreadable';
    return { key, params: { n: sources.length + briefs.length, files } };
  }

  /** Marks the notebook read-only from now on (e.g. the lock was lost). */
  markReadOnly(reason: Words): void {
    this.readOnlyReason ??= reason;
  }

  private assertWritable(): void {
    if (this.closed) throw DossierError.of('internal', 'store.notebookClosed');
    if (this.readOnlyReason)
      throw DossierError.of('read-only', 'store.notebookReadOnly', { readOnlyReason: this.readOnlyReason });
  }

  /** Applies `change` to the manifest and resolves once it is durable on disk. */
  async updateManifest(change: (manifest: Manifest) => void): Promise<FileChange> {
    this.assertWritable();
    const { patches, inverse } = this.manifestDoc.produce(change);
    this.forgetManifestLookups();
    if (patches.length) await saveOrRevert(this.manifestDoc, inverse);
    return { file: { kind: 'manifest' }, patches, inverse };
  }

  /** Applies patches recorded by an earlier change (undo: its inverse; redo: its patches), durably. */
  async applyPatches(file: FileRef, patches: Patch[]): Promise<void> {
    this.assertWritable();
    if (file.kind === 'manifest') {
      this.manifestDoc.apply(patches);
      this.forgetManifestLookups();
      await this.manifestDoc.save();
    } else if (file.kind === 'brief') {
      await this.briefFiles.apply(file.id, patches);
    } else {
      const doc = await this.sourceDocAnyState(file.id);
      doc.apply(patches);
      this.keep(file.id, doc);
      this.noticeTextChange(file.id, patches);
      await doc.save();
    }
  }

  /** Undoes or redoes one recorded change, durably: its patches, or the file it wrote or removed. */
  async applyChange(change: FileChange, direction: ChangeDirection): Promise<void> {
    const { lifecycle, file } = change;
    if (!lifecycle || file.kind === 'manifest') {
      return this.applyPatches(file, direction === 'undo' ? change.inverse : change.patches);
    }
    this.assertWritable();
    const present = (lifecycle.kind === 'created') === (direction === 'redo');
    if (present && !lifecycle.data) throw DossierError.of('internal', 'store.changeWithoutData');
    if (file.kind === 'brief') {
      if (present) await this.briefFiles.write(lifecycle.data as BriefFileData);
      else await this.briefFiles.remove(file.id);
    } else if (present) await this.writeSourceFile(lifecycle.data as SourceFileData);
    else await this.removeSourceFileNow(file.id);
  }

  sourceFilePath(id: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw DossierError.of('invalid-input', 'store.validSourceId', { id });
    return path.join(this.dir, SOURCES_DIR, `${id}.json`);
  }

  hasSource(id: string): boolean {
    this.listed ??= new Set(this.manifest.sources.map((s) => s.id));
    return this.listed.has(id);
  }

  /** Calls `listener` with a source's id whenever its text changes (derived data of the text goes stale). */
  onSourceTextChange(listener: (sourceId: string) => void): () => void {
    this.textListeners.add(listener);
    return () => this.textListeners.delete(listener);
  }

  private noticeTextChange(id: string, patches: readonly Patch[]): void {
    const touchesText = patches.some(
      ({ path: p }) => p.length === 0 || (p[0] === 'source' && (p.length === 1 || p[1] === 'text')),
    );
    if (!touchesText) return;
    for (const listener of this.textListeners) listener(id);
  }

  private forgetManifestLookups(): void {
    this.bySha = null;
    this.listed = null;
  }

  /** How many source files are in memory now, and their estimated bytes (for tests and benchmarks). */
  get sourceCacheUse(): { files: number; bytes: number; budget: number } {
    return { files: this.sourceDocs.size, bytes: this.sourceDocs.bytes, budget: this.sourceDocs.budget };
  }

  /** How many sources' metadata and annotations are kept beside the loaded files, and their estimated bytes. */
  get sourceHeadUse(): { sources: number; bytes: number; budget: number } {
    return { sources: this.heads.size, bytes: this.heads.bytes, budget: this.heads.budget };
  }

  /** Source files read from disk since opening (a re-read after an eviction counts again). */
  get sourceFilesRead(): number {
    return this.filesRead;
  }

  /**
   * Registers `doc` as the one in memory for `id` (it is about to change, or was
   * just read or written): a reader's load may have evicted it since it was
   * handed out, and the document that is written must be the one kept.
   */
  private keep(id: string, doc: StoredDocument<SourceFileData>): void {
    this.keeps++;
    this.sourceDocs.set(id, doc, estimateSourceBytes(doc.data));
  }

  /** Loads one source file (cached). Throws `not-found` or `corrupt` with a readable message. */
  async loadSource(id: string): Promise<SourceFileData> {
    return (await this.sourceDoc(id)).data;
  }

  private async sourceDoc(id: string): Promise<StoredDocument<SourceFileData>> {
    const cached = this.sourceDocs.get(id);
    if (cached) return cached;
    const broken = this.brokenSources.get(id);
    if (broken) throw DossierError.of('corrupt', broken.key, broken.params);
    if (!this.hasSource(id)) throw DossierError.of('not-found', 'store.sourceIdNotebook', { id });
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.readSourceFile(id);
      this.loading.set(id, pending);
    }
    try {
      return await pending;
    } finally {
      this.loading.delete(id);
    }
  }

  /**
   * Every readable source the manifest lists, one at a time, in manifest
   * order: for whole-notebook work that needs the texts (actor suggestions).
   * A source not in memory is read without entering the cache — a scan would
   * otherwise evict the sources in use, to no gain — a few files ahead so
   * reading overlaps parsing. An unreadable source is passed over (the store
   * reports it).
   */
  eachSource(): AsyncGenerator<SourceFileData> {
    return this.scan(
      this.manifest.sources.map((s) => s.id),
      (id) => this.sourceDocs.peek(id)?.data,
      (file) => file,
    );
  }

  /**
   * Like eachSource, without the texts: each source's metadata and
   * annotations (brief contexts, actor pages, merges). A source read before
   * is not read again while what it needs is kept (`heads`, within its budget).
   */
  eachSourceHead(): AsyncGenerator<SourceHeadAndAnnotations> {
    return this.headsOf(this.manifest.sources.map((s) => s.id));
  }

  /**
   * Like eachSourceHead, over the sources that hold `annotationIds` only —
   * when every one of them was met in a scan before (its source is known);
   * otherwise undefined, and the caller scans every source. A claim deleted
   * since is simply not in its source's annotations any more.
   */
  eachSourceHeadHolding(annotationIds: Iterable<string>): AsyncGenerator<SourceHeadAndAnnotations> | undefined {
    const sources = new Set<string>();
    for (const id of annotationIds) {
      const source = this.sourceOfAnnotation.get(id);
      if (source === undefined) return undefined;
      sources.add(source);
    }
    return this.headsOf(this.manifest.sources.map((s) => s.id).filter((id) => sources.has(id)));
  }

  private async *headsOf(ids: string[]): AsyncGenerator<SourceHeadAndAnnotations> {
    const heads = this.scan(
      ids,
      (id) => {
        const doc = this.sourceDocs.peek(id);
        return doc ? headOf(doc.data) : this.heads.peek(id);
      },
      headOf,
    );
    for await (const head of heads) {
      for (const a of head.annotations) this.sourceOfAnnotation.set(a.id, head.source.id);
      yield head;
    }
  }

  private async *scan<T>(
    ids: readonly string[],
    inMemory: (id: string) => T | undefined,
    fromFile: (file: SourceFileData) => T,
  ): AsyncGenerator<T> {
    const read = (id: string): Promise<T | undefined> => {
      const known = inMemory(id);
      if (known) return Promise.resolve(known);
      if (this.brokenSources.has(id)) return Promise.resolve(undefined);
      return this.readSourceFile(id, { cache: false, keptBefore: this.keeps }).then(
        (doc) => fromFile(doc.data),
        () => undefined,
      );
    };
    const AHEAD = 8;
    const pending = ids.slice(0, AHEAD).map(read);
    for (let i = 0; i < ids.length; i++) {
      const item = await pending[i]!;
      if (i + AHEAD < ids.length) pending.push(read(ids[i + AHEAD]!));
      pending[i] = Promise.resolve(undefined); // let it go once handed out
      if (item) yield item;
    }
  }

  /**
   * Reads a source file. `cache: false` (a scan) leaves the cache alone and
   * keeps the file's head, unless a document was kept since `keptBefore`
   * (the file read may be older than what was written meanwhile).
   */
  private async readSourceFile(
    id: string,
    { cache = true, keptBefore = -1 } = {},
  ): Promise<StoredDocument<SourceFileData>> {
    const file = this.sourceFilePath(id);
    const rel = path.relative(this.dir, file);
    try {
      this.filesRead++;
      const raw = await new AtomicJsonFile<unknown>(file).read();
      if (raw === null) throw new UnreadableFileError(file, { key: 'store.unreadable.missing' });
      const data = await migrateAndValidate(
        raw,
        file,
        SourceFile,
        this.options.schemaVersion,
        this.options.migrations,
        'source',
        { keepOriginal: !this.options.readOnly },
      );
      const doc = new StoredDocument(file, data);
      // A document read while another was already kept (a scan beside a load) is not kept over it.
      if (cache) this.keep(id, this.sourceDocs.get(id) ?? doc);
      else if (!this.sourceDocs.peek(id) && keptBefore === this.keeps) {
        const head = headOf(data);
        this.heads.offer(id, head, estimateHeadBytes(head));
      }
      return this.sourceDocs.peek(id) ?? doc;
    } catch (err) {
      if (!(err instanceof UnreadableFileError)) throw err;
      const words: Words = { key: 'store.sourceUnreadable', params: { file: rel, detail: err.reason } };
      this.brokenSources.set(id, words);
      throw DossierError.of('corrupt', words.key, words.params);
    }
  }

  /** Applies `change` to one source file and resolves once it is durable. */
  async updateSource(id: string, change: (file: SourceFileData) => void): Promise<FileChange> {
    this.assertWritable();
    const doc = await this.sourceDoc(id);
    const { patches, inverse } = doc.produce(change);
    if (patches.length) {
      this.keep(id, doc);
      this.noticeTextChange(id, patches);
      await saveOrRevert(doc, inverse);
    }
    return { file: { kind: 'source', id }, patches, inverse };
  }

  /** A source document even when the manifest no longer lists it (undo of an import, redo; a removal). */
  private async sourceDocAnyState(id: string): Promise<StoredDocument<SourceFileData>> {
    return this.sourceDocs.get(id) ?? (this.hasSource(id) ? this.sourceDoc(id) : this.readSourceFile(id));
  }

  /**
   * Adds a new source: its file is written (durably) first, then its entry in
   * the manifest is scheduled. A crash in between leaves an unlisted file,
   * never a listed source without a file. Returns the manifest write, so a
   * batch can let many additions share one manifest write, and the two
   * changes to record (the file written, then the manifest).
   */
  async addSource(data: SourceFileData): Promise<{ manifestSaved: Promise<void>; changes: [FileChange, FileChange] }> {
    this.assertWritable();
    const { source } = data;
    if (this.hasSource(source.id))
      throw DossierError.of('invalid-input', 'store.sourceAlreadyExists', { id: source.id });
    await this.writeSourceFile(data);
    const { text: _text, removed: _removed, ...meta } = source;
    const { patches, inverse } = this.manifestDoc.produce((m) => void m.sources.push(meta));
    this.bySha?.set(source.origin.sha256, source.id);
    this.listed?.add(source.id);
    const created: FileChange = {
      file: { kind: 'source', id: source.id },
      patches: [],
      inverse: [],
      lifecycle: { kind: 'created', data },
    };
    return {
      manifestSaved: this.manifestDoc.save(),
      changes: [created, { file: { kind: 'manifest' }, patches, inverse }],
    };
  }

  /**
   * Removes a source's file from disk once the manifest no longer lists it
   * (update the manifest first: a crash in between leaves an unlisted file,
   * never a listed source without a file). Returns the change to record; it
   * holds the file's contents, so undo writes the file back.
   */
  async removeSource(id: string): Promise<FileChange> {
    this.assertWritable();
    if (this.hasSource(id)) throw DossierError.of('internal', 'store.sourceStillListedUnlist', { id });
    const doc = await this.sourceDocAnyState(id);
    const data = doc.data;
    await this.removeSourceFileNow(id);
    return { file: { kind: 'source', id }, patches: [], inverse: [], lifecycle: { kind: 'removed', data } };
  }

  /** Writes a whole source file durably and keeps it loaded. */
  private async writeSourceFile(data: SourceFileData): Promise<void> {
    const doc = new StoredDocument(this.sourceFilePath(data.source.id), data);
    await saveNew(doc);
    this.keep(data.source.id, doc);
    this.brokenSources.delete(data.source.id);
  }

  /** Deletes a source file (after its pending writes) and forgets it. */
  private async removeSourceFileNow(id: string): Promise<void> {
    const file = this.sourceFilePath(id);
    const doc = this.sourceDocs.get(id);
    await doc?.idle();
    this.sourceDocs.delete(id);
    this.heads.delete(id);
    await rm(file, { force: true });
  }

  /** The id of the source imported from bytes with this sha256, if any. */
  sourceIdBySha256(sha256: string): string | undefined {
    if (!this.bySha) this.bySha = new Map(this.manifest.sources.map((s) => [s.origin.sha256, s.id]));
    return this.bySha.get(sha256);
  }

  /** Source files on disk that the manifest does not list (left by a crash mid-import). */
  async unlistedSourceFiles(): Promise<string[]> {
    const listed = new Set(this.manifest.sources.map((s) => `${s.id}.json`));
    const names = await readdir(path.join(this.dir, SOURCES_DIR)).catch(() => [] as string[]);
    const unlisted = names.filter((n) => n.endsWith('.json') && !listed.has(n));
    this.unlistedKnown = Promise.resolve(unlisted.length);
    return unlisted;
  }

  /**
   * How many source files the manifest does not list, as of the last look: the folder is read once per
   * opening (20,000 names take tens of milliseconds, and the page asks after every import), again after
   * `forgetUnlisted` — a repair, an undo or redo, a change from outside — or a fresh `unlistedSourceFiles`.
   */
  unlistedCount(): Promise<number> {
    return (this.unlistedKnown ??= this.unlistedSourceFiles().then((u) => u.length));
  }

  forgetUnlisted(): void {
    this.unlistedKnown = undefined;
  }

  private unlistedKnown: Promise<number> | undefined;

  // ---------------------------------------------------------------- briefs

  /** Every readable brief's title, dates, language and citation count (its document stays on disk). */
  listBriefs(): Promise<BriefHead[]> {
    return this.briefFiles.list();
  }

  /** Whether a readable brief with this id is there. */
  hasBrief(id: string): Promise<boolean> {
    return this.briefFiles.has(id);
  }

  /** One brief, whole; `not-found` or `corrupt` with a readable message. */
  loadBrief(id: string): Promise<Brief> {
    return this.briefFiles.get(id);
  }

  /** Every readable brief, one at a time (for whole-notebook checks such as which claims briefs cite). */
  eachBrief(): AsyncGenerator<Brief> {
    return this.briefFiles.each();
  }

  /** Brief files that could not be read, with why (in words). */
  get unreadableBriefs(): Array<{ file: string; words: Words }> {
    return [...this.briefFiles.broken].map(([id, words]) => ({
      file: path.relative(this.dir, this.briefFiles.filePath(id)),
      words,
    }));
  }

  briefFilePath(id: string): string {
    return this.briefFiles.filePath(id);
  }

  /** Applies `change` to one brief and resolves once it is durable. */
  async updateBrief(id: string, change: (brief: Brief) => void): Promise<FileChange> {
    this.assertWritable();
    const { patches, inverse } = await this.briefFiles.update(id, change);
    return { file: { kind: 'brief', id }, patches, inverse };
  }

  /** Writes a new brief's file durably; the change records it, so undo removes the file. */
  async addBrief(brief: Brief): Promise<FileChange> {
    this.assertWritable();
    if (await this.briefFiles.has(brief.id))
      throw DossierError.of('invalid-input', 'store.briefAlreadyExists', { id: brief.id });
    const data: BriefFileData = { schemaVersion: this.options.schemaVersion, brief };
    await this.briefFiles.write(data);
    return { file: { kind: 'brief', id: brief.id }, patches: [], inverse: [], lifecycle: { kind: 'created', data } };
  }

  /** Removes a brief's file; the change holds what it held, so undo writes it back. */
  async removeBrief(id: string): Promise<FileChange> {
    this.assertWritable();
    const data = await this.briefFiles.remove(id);
    return { file: { kind: 'brief', id }, patches: [], inverse: [], lifecycle: { kind: 'removed', data } };
  }

  /** Waits for every pending write. */
  async flush(): Promise<void> {
    await Promise.all([
      this.manifestDoc.idle(),
      ...[...this.sourceDocs.values()].map((d) => d.idle()),
      this.briefFiles.flush(),
    ]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } finally {
      this.closed = true;
      const release = this.release;
      this.release = null;
      await release?.();
    }
  }
}

/** A source's metadata (no text, no removed blocks) and its annotations. */
export interface SourceHeadAndAnnotations {
  source: Omit<SourceFileData['source'], 'text' | 'removed'>;
  annotations: SourceFileData['annotations'];
}

function headOf(file: SourceFileData): SourceHeadAndAnnotations {
  const { text: _text, removed: _removed, ...source } = file.source;
  return { source, annotations: file.annotations };
}
