/**
 * The search index's life in a session: load the persisted
 * index when its fingerprint still matches the notebook's files, else build it
 * in the background; keep it right through `ctx.onCommit` (transactions, undo,
 * redo) by re-indexing only what changed; save it after a quiet spell and at
 * close. The cache is derived data: a missing, stale or corrupt file is simply
 * rebuilt, never fatal.
 *
 *   <notebook>/.cache/search-index.json        SearchIndex.toJSON()
 *   <notebook>/.cache/search-index.stamp.json  {format, fingerprint} of the files it was built from
 *
 * Fingerprint: a hash of size + mtime of notebook.json and of every listed
 * source file (one stat per file, no reading), so any change made while the
 * notebook was closed — by another tool, a restore from backup — is noticed.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IndexOrigin } from '../../../shared/enums';
import { textHash } from '../../../shared/hash';
import type { Actor, Annotation, SourceIndexEntry, Tag } from '../../../shared/model';
import { readFileNoFollow, refuseLink, writeFileDurably } from '../store/atomic-json-file';
import type { FileRef } from '../store/notebook-store';
import { CACHE_DIR, MANIFEST_FILE } from '../store/notebook-store';

export { CACHE_DIR };
import type { ServiceContext } from '../service-context';
import { SearchIndex, type IndexData } from './search-index';

export const INDEX_FILE = 'search-index.json';
export const STAMP_FILE = 'search-index.stamp.json';
const STAMP_FORMAT = 1;

export interface SearchServiceOptions {
  /** Quiet time before the index is saved after a change (ms). Default 5000. */
  saveDelayMs?: number;
  /**
   * Delay before the background load/build starts after open (ms); -1: only on first use. Default 1500:
   * the app's first query starts it at once anyway, and short CLI commands finish before it.
   */
  startDelayMs?: number;
}

export type LoadedFrom = IndexOrigin;

type IndexedSource = IndexData['sources'][number];

const sourceFields = (m: Pick<SourceIndexEntry, 'title' | 'language' | 'outlet' | 'publishedAt'>) =>
  JSON.stringify([m.title, m.language, m.outlet ?? null, m.publishedAt ?? null]);

export class SearchService {
  private index: SearchIndex | undefined;
  private loading: Promise<SearchIndex> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private generation = 0;
  private savedGeneration = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private closed = false;
  private closing = false;
  /** The build was cut short by close: never save it. */
  private partial = false;
  private readonly unsubscribe: () => void;
  /** What is indexed, to re-index only what changed. */
  private readonly sourceMeta = new Map<string, string>();
  private readonly sourceText = new Map<string, string>();
  private readonly annotationKeys = new Map<string, Map<string, string>>();
  private readonly actorKeys = new Map<string, string>();
  private readonly tagKeys = new Map<string, string>();
  loadedFrom: LoadedFrom = 'none';
  /** For tests and the benchmark: how the index came to be, and how long it took. */
  readonly timings: { loadMs?: number; buildMs?: number; saveMs?: number } = {};
  private readonly saveDelayMs: number;

  constructor(
    private readonly ctx: ServiceContext,
    options: SearchServiceOptions = {},
  ) {
    this.saveDelayMs = options.saveDelayMs ?? 5000;
    this.unsubscribe = ctx.onCommit((files) => this.onCommit(files));
    const delay = options.startDelayMs ?? 1500;
    if (delay >= 0) {
      this.startTimer = setTimeout(() => {
        this.startTimer = undefined;
        void this.ready().catch(() => undefined);
      }, delay);
      this.startTimer.unref?.();
    }
  }

  get cacheDir(): string {
    return path.join(this.ctx.store.dir, CACHE_DIR);
  }

  /** True once the index is loaded or built. */
  get isReady(): boolean {
    return this.index !== undefined;
  }

  /** The index, loading or building it first if needed, with every committed change applied. */
  async ready(): Promise<SearchIndex> {
    if (this.closed) throw new Error('The notebook is closed.');
    this.loading ??= this.loadOrBuild();
    const index = await this.loading;
    await this.queue;
    return index;
  }

  // ------------------------------------------------------------ load / build

  private async loadOrBuild(): Promise<SearchIndex> {
    const fromCache = await this.tryLoad();
    if (fromCache) {
      this.index = fromCache;
      this.loadedFrom = 'cache';
      this.rememberManifest(false);
      return fromCache;
    }
    const t0 = performance.now();
    const { store } = this.ctx;
    const data: IndexData = { sources: [], annotations: [], actors: store.manifest.actors, tags: store.manifest.tags };
    const metas = [...store.manifest.sources];
    // a few files at a time: reading overlaps parsing without flooding the disk
    const BATCH = 16;
    for (let i = 0; i < metas.length; i += BATCH) {
      if (this.closing) {
        this.partial = true;
        break;
      }
      const batch = metas.slice(i, i + BATCH);
      const files = await Promise.all(batch.map((meta) => store.loadSource(meta.id).catch(() => undefined))); // an unreadable source is reported elsewhere
      batch.forEach((meta, k) => {
        const file = files[k];
        if (!file) return;
        data.sources.push(this.indexedSource(meta, file.source.text));
        data.annotations.push(...file.annotations);
        // annotations are compared on their source's first change (cheaper than keeping keys for all now)
        this.rememberSource(meta, file.source.text, undefined);
      });
    }
    const index = SearchIndex.build(data);
    this.timings.buildMs = performance.now() - t0;
    this.index = index;
    this.loadedFrom = 'build';
    this.rememberManifest(true);
    this.savedGeneration = -1; // a fresh build is worth saving
    this.scheduleSave();
    return index;
  }

  private async tryLoad(): Promise<SearchIndex | undefined> {
    const t0 = performance.now();
    const generation = this.generation;
    try {
      const [stampRaw, fingerprint] = await Promise.all([
        readFileNoFollow(path.join(this.cacheDir, STAMP_FILE)),
        this.fingerprint(),
      ]);
      const stamp = JSON.parse(stampRaw) as { format?: number; fingerprint?: string };
      if (stamp.format !== STAMP_FORMAT || stamp.fingerprint !== fingerprint) return undefined;
      const json = await readFileNoFollow(path.join(this.cacheDir, INDEX_FILE));
      const index = SearchIndex.load(json);
      this.timings.loadMs = performance.now() - t0;
      // the cache matched the files as they were at `generation`: later commits are applied (and saved) as usual
      this.savedGeneration = generation;
      return index;
    } catch {
      return undefined; // missing, stale or corrupt: rebuild
    }
  }

  /** size + mtime of the manifest and every listed source file, hashed. */
  async fingerprint(): Promise<string> {
    const { store } = this.ctx;
    const files = [
      path.join(store.dir, MANIFEST_FILE),
      ...store.manifest.sources.map((s) => store.sourceFilePath(s.id)),
    ];
    const hash = createHash('sha1');
    const stats = await Promise.all(
      files.map((f) =>
        stat(f).then(
          (s) => `${s.size}:${Math.trunc(s.mtimeMs)}`,
          () => 'missing',
        ),
      ),
    );
    files.forEach((f, i) => hash.update(`${path.basename(f)}=${stats[i]}\n`));
    return hash.digest('hex');
  }

  private indexedSource(meta: SourceIndexEntry, text: string): IndexedSource {
    return {
      id: meta.id,
      title: meta.title,
      language: meta.language,
      text,
      ...(meta.outlet ? { outlet: meta.outlet } : {}),
      ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    };
  }

  private rememberSource(
    meta: SourceIndexEntry,
    text: string | undefined,
    annotations: Annotation[] | undefined,
  ): void {
    this.sourceMeta.set(meta.id, sourceFields(meta));
    if (text !== undefined) this.sourceText.set(meta.id, textHash(text));
    if (annotations) this.annotationKeys.set(meta.id, new Map(annotations.map((a) => [a.id, JSON.stringify(a)])));
  }

  private rememberManifest(withSources: boolean): void {
    const m = this.ctx.store.manifest;
    this.actorKeys.clear();
    for (const a of m.actors) this.actorKeys.set(a.id, JSON.stringify(a));
    this.tagKeys.clear();
    for (const t of m.tags) this.tagKeys.set(t.id, JSON.stringify(t));
    // Loaded from the cache: metadata is known to match; texts and annotations are checked on their first change.
    if (!withSources) for (const s of m.sources) this.rememberSource(s, undefined, undefined);
  }

  // ------------------------------------------------------------ incremental updates

  private onCommit(files: FileRef[]): void {
    this.generation++;
    if (!this.loading) return; // the load or build will read the current state
    const loading = this.loading;
    this.queue = this.queue
      .then(async () => {
        const index = await loading;
        for (const file of files) {
          if (file.kind === 'manifest') await this.applyManifest(index);
          else await this.applySource(index, file.id);
        }
      })
      .catch(() => undefined); // derived data must never break the change that was made
    this.scheduleSave();
  }

  private async applyManifest(index: SearchIndex): Promise<void> {
    const m = this.ctx.store.manifest;
    const sync = <T extends { id: string }>(
      items: readonly T[],
      keys: Map<string, string>,
      upsert: (x: T) => void,
      remove: (id: string) => void,
    ) => {
      const seen = new Set<string>();
      for (const item of items) {
        seen.add(item.id);
        const key = JSON.stringify(item);
        if (keys.get(item.id) !== key) {
          upsert(item);
          keys.set(item.id, key);
        }
      }
      for (const id of [...keys.keys()]) {
        if (!seen.has(id)) {
          remove(id);
          keys.delete(id);
        }
      }
    };
    sync<Actor>(
      m.actors,
      this.actorKeys,
      (a) => index.upsertActor(a),
      (id) => index.removeActor(id),
    );
    sync<Tag>(
      m.tags,
      this.tagKeys,
      (t) => index.upsertTag(t),
      (id) => index.removeTag(id),
    );
    const listed = new Set<string>();
    for (const meta of m.sources) {
      listed.add(meta.id);
      if (!index.hasSource(meta.id) || this.sourceMeta.get(meta.id) !== sourceFields(meta))
        await this.applySource(index, meta.id);
    }
    for (const id of [...this.sourceMeta.keys()]) {
      if (listed.has(id)) continue;
      index.removeSource(id);
      this.sourceMeta.delete(id);
      this.sourceText.delete(id);
      this.annotationKeys.delete(id);
    }
  }

  private async applySource(index: SearchIndex, id: string): Promise<void> {
    const { store } = this.ctx;
    const meta = store.manifest.sources.find((s) => s.id === id);
    if (!meta) return; // removed: handled with the manifest
    let file;
    try {
      file = await store.loadSource(id);
    } catch {
      return;
    }
    const text = file.source.text;
    if (
      !index.hasSource(id) ||
      this.sourceMeta.get(id) !== sourceFields(meta) ||
      this.sourceText.get(id) !== textHash(text)
    ) {
      index.upsertSource(this.indexedSource(meta, text));
      // annotation entries keep their quotes from the text: refresh them all
      this.annotationKeys.delete(id);
    }
    const known = this.annotationKeys.get(id);
    const now = new Map<string, string>();
    for (const a of file.annotations) {
      const key = JSON.stringify(a);
      now.set(a.id, key);
      if (known?.get(a.id) !== key) index.upsertAnnotation(a, text);
    }
    for (const annId of index.annotationIdsOf(id)) if (!now.has(annId)) index.removeAnnotation(annId);
    this.sourceMeta.set(id, sourceFields(meta));
    this.sourceText.set(id, textHash(text));
    this.annotationKeys.set(id, now);
  }

  // ------------------------------------------------------------ persistence

  private get dirty(): boolean {
    return this.index !== undefined && this.generation !== this.savedGeneration;
  }

  private scheduleSave(): void {
    if (this.closed || this.ctx.store.readOnly) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, this.saveDelayMs);
    this.saveTimer.unref?.();
  }

  /** Writes the index and its stamp when they changed since the last save. Never throws. */
  async save(): Promise<void> {
    if (this.saving) await this.saving;
    if (!this.dirty || this.partial || this.ctx.store.readOnly) return;
    this.saving = this.writeCache().finally(() => (this.saving = undefined));
    await this.saving;
  }

  private async writeCache(): Promise<void> {
    const index = this.index;
    if (!index) return;
    try {
      const generation = this.generation;
      await this.queue;
      await this.ctx.store.flush();
      const fingerprint = await this.fingerprint();
      // A change arrived meanwhile: the fingerprint may not match the index; try again after it.
      if (generation !== this.generation) {
        this.scheduleSave();
        return;
      }
      const t0 = performance.now();
      const json = index.toJSON();
      await refuseLink(this.cacheDir);
      await mkdir(this.cacheDir, { recursive: true });
      // A cache: atomic and never through a link, but not worth an fsync.
      const write = (name: string, content: string) =>
        writeFileDurably(path.join(this.cacheDir, name), content, { durable: false });
      // The stamp goes last: a crash in between leaves an old stamp that no longer matches.
      await write(INDEX_FILE, json);
      await write(STAMP_FILE, JSON.stringify({ format: STAMP_FORMAT, fingerprint, savedAt: new Date().toISOString() }));
      this.timings.saveMs = performance.now() - t0;
      this.savedGeneration = generation;
    } catch {
      // a cache that cannot be written is rebuilt next time
    }
  }

  /** Stops background work and saves the index if it changed. */
  async close(): Promise<void> {
    if (this.closed || this.closing) return;
    this.closing = true;
    if (this.startTimer) clearTimeout(this.startTimer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.unsubscribe();
    if (this.loading) {
      try {
        await this.loading;
        await this.queue;
        await this.save();
      } catch {
        // nothing to save
      }
    }
    this.closed = true;
  }
}
