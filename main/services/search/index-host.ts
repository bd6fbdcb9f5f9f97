/**
 * The search index's owner inside its worker thread (search-worker.ts): it
 * builds the index from the source files or loads it from the cache
 * (index-store.ts), applies the changes the main thread sends, answers
 * queries and corroboration, and saves. All of it runs on the worker's
 * thread, so none of it can stall the API.
 *
 * What changed is found here: a source's text is compared by hash and its
 * annotations one by one, so an edit re-indexes only what it touched.
 */
import path from 'node:path';
import type { CorroborationHit, SearchFilters, SearchHit, ActorHit } from '../../../shared/api/search';
import type { IndexOrigin } from '../../../shared/enums';
import { DossierError, type Words } from '../../../shared/errors';
import { textHash } from '../../../shared/hash';
import type { Actor, Annotation, Tag } from '../../../shared/model';
import { fingerprintHelper, fingerprintInput, fingerprintNow } from './fingerprint';
import { IndexStore, type LoadedCache, type SaveResult } from './index-store';
import { SearchIndex } from './search-index';
import { FileTexts } from './source-texts';

/** What the index needs of a listed source: [id, title, language, outlet, publishedAt]. */
export type SlimMeta = [id: string, title: string, language: string, outlet: string | null, publishedAt: string | null];

/**
 * The notebook's file names (the store's): sent by the main thread, so the worker starts without loading
 * the store's modules.
 */
export interface NotebookLayout {
  manifest: string;
  sources: string;
  cache: string;
}

export interface OpenRequest {
  dir: string;
  layout: NotebookLayout;
  sources: SlimMeta[];
  actors: Actor[];
  tags: Tag[];
  readOnly: boolean;
  /** The main thread's newest commit when it asked. */
  generation: number;
}

export interface HostTimings {
  loadMs?: number;
  buildMs?: number;
  saveMs?: number;
  saveBytes?: number;
  saveKind?: SaveResult['kind'];
}

export interface OpenResult {
  loadedFrom: Exclude<IndexOrigin, 'none'>;
  /** Listed sources the worker could not read (the main thread sends them, or they stay out like before). */
  unread: string[];
}

/** One committed change, as the main thread sends it. */
export type IndexOp =
  | { kind: 'source'; meta: SlimMeta; text: string; annotations: Annotation[] }
  | { kind: 'manifest'; changed: SlimMeta[]; removed: string[]; actors?: Actor[]; tags?: Tag[] };

export type SaveOutcome = SaveResult | { kind: 'retry' } | { kind: 'none' };

const sameFields = (index: SearchIndex, m: SlimMeta): boolean => {
  const e = index.sourceEntry(m[0]);
  return (
    !!e && e.title === m[1] && e.language === m[2] && (e.outlet ?? null) === m[3] && (e.publishedAt ?? null) === m[4]
  );
};

/** What the worker was started with (search-service.ts): the notebook's cache folder to read ahead. */
export interface SearchWorkerData {
  cacheDir?: string;
}

/** A saved index read and decoded, not yet known to be current. */
type ReadIndex = { cached: LoadedCache; index: SearchIndex } | undefined;

export class IndexHost {
  private index!: SearchIndex;
  private readonly texts = new FileTexts((id) => this.sourceFile(id));
  private store!: IndexStore;
  /** The saved index read ahead of `open` (prefetch), for that cache folder, and a fingerprint helper started. */
  private early:
    { store: IndexStore; reading: Promise<ReadIndex>; fingerprint: ReturnType<typeof fingerprintHelper> } | undefined;
  private sourceFileModule: Promise<typeof import('./source-file')> | undefined;
  private dir = '';
  private layout!: NotebookLayout;
  private readOnly = true;
  private readonly metas = new Map<string, SlimMeta>();
  private readonly textHashes = new Map<string, string>();
  private readonly annotationKeys = new Map<string, Map<string, string>>();
  private readonly actorKeys = new Map<string, string>();
  private readonly tagKeys = new Map<string, string>();
  /** Sources re-indexed since the last save, and those the log names since the base. */
  private readonly changedSinceSave = new Set<string>();
  private readonly logged = new Set<string>();
  private needsBase = true;
  /** The newest commit the main thread announced (a save is valid only if no commit came meanwhile). */
  latestGeneration = 0;
  readonly timings: HostTimings = {};

  get ready(): boolean {
    return this.index !== undefined;
  }

  async open(req: OpenRequest): Promise<OpenResult> {
    this.dir = req.dir;
    this.layout = req.layout;
    this.readOnly = req.readOnly;
    this.latestGeneration = req.generation;
    for (const m of req.sources) this.metas.set(m[0], m);
    this.store = new IndexStore(path.join(req.dir, req.layout.cache));
    const t0 = performance.now();
    const loaded = await this.tryLoad(req);
    if (loaded) {
      this.timings.loadMs = performance.now() - t0;
      return { loadedFrom: 'cache', unread: loaded.unread };
    }
    const unread = await this.build(req);
    this.timings.buildMs = performance.now() - t0;
    return { loadedFrom: 'build', unread };
  }

  /**
   * Starts reading and decoding the saved index in `cacheDir` before `open` names the notebook and its
   * sources (the worker is started while the main thread still reads the manifest). Whether it is current
   * is told at `open`, by the fingerprint of the files as they are then; a damaged one is rebuilt there.
   */
  prefetch(cacheDir: string): void {
    // its thread starts while this one reads: it has only the stats left to do when `open` lists the sources
    const fingerprint = fingerprintHelper();
    const store = new IndexStore(cacheDir);
    const reading = this.readIndex(store);
    reading.catch(() => undefined); // told at `open`
    this.early = { store, reading, fingerprint };
  }

  private async readIndex(store: IndexStore): Promise<ReadIndex> {
    // sources the log names are re-indexed from their files: their reader loads while the base is read
    const cached = await store.load((stamp) => {
      if (stamp.logBytes > 0) this.sourceFileReader().catch(() => undefined);
    });
    return cached && { cached, index: SearchIndex.load(cached.base, this.texts) };
  }

  /** The source file reader (source-file.ts), loaded with its first use: the worker starts without the schemas. */
  private sourceFileReader() {
    return (this.sourceFileModule ??= import('./source-file'));
  }

  private sourceFile(id: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw DossierError.of('invalid-input', 'store.validSourceId', { id });
    return path.join(this.dir, this.layout.sources, `${id}.json`);
  }

  /** A source file as the store reads it (validated, migrated in memory), or undefined when unreadable. */
  private async readSource(id: string): Promise<{ text: string; annotations: Annotation[] } | undefined> {
    let file: string;
    try {
      file = this.sourceFile(id);
    } catch {
      return undefined;
    }
    const { readCheckedSource } = await this.sourceFileReader();
    return readCheckedSource(file);
  }

  private async tryLoad(req: OpenRequest): Promise<{ unread: string[] } | undefined> {
    try {
      // the stats of every file run in a thread of their own while this one reads and decodes the index
      const early = this.early;
      this.early = undefined;
      const fingerprinting = (early?.fingerprint ?? fingerprintHelper())(this.fingerprintInput());
      // read ahead from this notebook's cache folder, or read now
      if (early?.store.cacheDir === this.store.cacheDir) this.store = early.store;
      const read = await (early?.store === this.store ? early.reading : this.readIndex(this.store));
      if (!read) return undefined;
      const { cached, index } = read;
      if ((await fingerprinting) !== cached.stamp.fingerprint) return undefined; // stale: rebuilt
      this.index = index;
      const unread: string[] = [];
      // the sources changed since the base: re-indexed from their files, which the fingerprint says are current
      for (const id of cached.changed) {
        const meta = this.metas.get(id);
        if (!meta) {
          this.removeSource(id);
          continue;
        }
        const file = await this.readSource(id);
        if (file) this.applySource(meta, file.text, file.annotations);
        else unread.push(id);
        this.logged.add(id);
      }
      this.changedSinceSave.clear();
      // what the base holds, then whatever differs from the manifest
      for (const a of this.index.actors.values()) this.actorKeys.set(a.id, JSON.stringify(a));
      for (const t of this.index.tags.values()) this.tagKeys.set(t.id, JSON.stringify(t));
      this.syncInto(this.index, req.actors, req.tags);
      // The fingerprint covers the manifest: the listed sources are the ones the base and log were saved
      // with (the log names every source added, changed or removed since the base). Each is compared
      // only when the counts differ (a source neither the worker nor the main thread could read stays out).
      if (this.index.sources.size !== this.metas.size) unread.push(...(await this.syncSources()));
      this.needsBase = false;
      return { unread };
    } catch {
      this.index = undefined as unknown as SearchIndex;
      return undefined; // damaged: rebuild
    }
  }

  private async build(req: OpenRequest): Promise<string[]> {
    const index = SearchIndex.empty(this.texts);
    this.syncInto(index, req.actors, req.tags);
    const unread: string[] = [];
    for (const m of this.metas.values()) {
      const file = await this.readSource(m[0]);
      if (!file) unread.push(m[0]);
      // (no hash of the text kept: a source's first change re-indexes it whole, as after a load)
      else index.addForBuild(indexed(m, file.text), file.annotations);
    }
    this.index = index;
    this.needsBase = true;
    return unread;
  }

  private syncInto(index: SearchIndex, actors: Actor[] | undefined, tags: Tag[] | undefined): void {
    if (actors)
      syncKeyed(
        actors,
        this.actorKeys,
        (a) => index.upsertActor(a),
        (id) => index.removeActor(id),
      );
    if (tags)
      syncKeyed(
        tags,
        this.tagKeys,
        (t) => index.upsertTag(t),
        (id) => index.removeTag(id),
      );
  }

  /** Brings the indexed sources in line with the listed ones (metadata, added, removed); returns the unreadable. */
  private async syncSources(): Promise<string[]> {
    const unread: string[] = [];
    for (const meta of this.metas.values()) {
      if (sameFields(this.index, meta)) continue;
      const file = await this.readSource(meta[0]);
      if (file) this.applySource(meta, file.text, file.annotations);
      else unread.push(meta[0]);
    }
    for (const id of this.index.sourceIds()) if (!this.metas.has(id)) this.removeSource(id);
    return unread;
  }

  // ------------------------------------------------------------ changes

  async apply(ops: IndexOp[]): Promise<void> {
    for (const op of ops) {
      if (op.kind === 'source') {
        if (this.metas.has(op.meta[0])) this.applySource(op.meta, op.text, op.annotations);
        continue;
      }
      this.syncInto(this.index, op.actors, op.tags);
      for (const id of op.removed) {
        this.metas.delete(id);
        this.removeSource(id);
      }
      for (const meta of op.changed) this.metas.set(meta[0], meta);
      if (op.changed.length) await this.syncSources();
    }
  }

  private removeSource(id: string): void {
    this.index.removeSource(id);
    this.textHashes.delete(id);
    this.annotationKeys.delete(id);
    this.changedSinceSave.add(id); // the log names it: a load removes it from the base
  }

  private applySource(meta: SlimMeta, text: string, annotations: readonly Annotation[]): void {
    const id = meta[0];
    const hash = textHash(text);
    if (!sameFields(this.index, meta) || this.textHashes.get(id) !== hash) {
      this.index.upsertSource(indexed(meta, text));
      // annotation entries take their quotes and note language from the source: refresh them all
      this.annotationKeys.delete(id);
    } else this.texts.put(id, text);
    const known = this.annotationKeys.get(id);
    const now = new Map<string, string>();
    for (const a of annotations) {
      const key = JSON.stringify(a);
      now.set(a.id, key);
      if (known?.get(a.id) !== key) this.index.upsertAnnotation(a, text);
    }
    for (const annId of this.index.annotationIdsOf(id)) if (!now.has(annId)) this.index.removeAnnotation(annId);
    this.textHashes.set(id, hash);
    this.annotationKeys.set(id, now);
    this.changedSinceSave.add(id);
  }

  // ------------------------------------------------------------ queries
  // (called only once `open` resolved: the worker queues every request behind it)

  search(query: string, filters: SearchFilters, limit: number | undefined, withActors: boolean) {
    const hits: SearchHit[] = this.index.search(query, filters, limit);
    const actors: ActorHit[] = withActors ? this.index.searchActors(query, 5) : [];
    return { hits, actors };
  }

  /** Passages in other sources than the annotation's own (corroborate.ts). */
  corroborate(annotationId: string, limit: number | undefined): CorroborationHit[] {
    const own = this.index.annotationSourceId(annotationId);
    if (!own) throw DossierError.of('not-found', 'search.noAnnotationQuoted', { annotationId });
    return this.index.corroborate(annotationId, { limit }).filter((h) => h.sourceId !== own);
  }

  /** The source of each annotation id the index knows. */
  annotationSources(ids: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const id of ids) {
      const sourceId = this.index.annotationSourceId(id);
      if (sourceId) out[id] = sourceId;
    }
    return out;
  }

  stats() {
    return this.index.stats();
  }

  // ------------------------------------------------------------ persistence

  /** size + mtime of the manifest and every listed source file (fingerprint.ts). */
  private fingerprintInput() {
    return fingerprintInput(this.dir, this.layout.manifest, this.layout.sources, this.metas.keys());
  }

  /**
   * Saves what changed since the last save: a log line naming the changed
   * sources, or a new base after a build or once the log names many sources.
   * `generation` is the main thread's newest commit when it asked; a commit
   * announced meanwhile makes the files newer than the index: nothing is written.
   */
  async save(generation: number): Promise<SaveOutcome> {
    if (this.readOnly || !this.index) return { kind: 'none' };
    const fingerprint = fingerprintNow(this.fingerprintInput());
    await new Promise((resolve) => setImmediate(resolve)); // let an announcement sent meanwhile arrive
    if (generation !== this.latestGeneration) return { kind: 'retry' };
    const t0 = performance.now();
    const compactAt = Math.max(256, this.metas.size / 20);
    let result: SaveResult;
    if (this.needsBase || !this.store.hasBase || this.logged.size + this.changedSinceSave.size > compactAt) {
      result = await this.store.writeBase(this.index.serialize(), fingerprint);
      this.logged.clear();
      this.needsBase = false;
    } else {
      result = await this.store.appendLog([...this.changedSinceSave].sort(), fingerprint);
      for (const id of this.changedSinceSave) this.logged.add(id);
    }
    this.changedSinceSave.clear();
    Object.assign(this.timings, { saveMs: performance.now() - t0, saveBytes: result.bytes, saveKind: result.kind });
    return result;
  }
}

function indexed(m: SlimMeta, text: string) {
  return {
    id: m[0],
    title: m[1],
    language: m[2],
    text,
    ...(m[3] ? { outlet: m[3] } : {}),
    ...(m[4] ? { publishedAt: m[4] } : {}),
  };
}

/** Upserts the items whose JSON changed and removes the ones gone, by id. */
function syncKeyed<T extends { id: string }>(
  items: readonly T[],
  keys: Map<string, string>,
  upsert: (x: T) => void,
  remove: (id: string) => void,
): void {
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
}

/** What the main thread may call in the worker (search-worker.ts answers, search-service.ts asks). */
export type HostMethods = Pick<
  IndexHost,
  'open' | 'apply' | 'search' | 'corroborate' | 'annotationSources' | 'stats' | 'save'
> & { timings(): HostTimings };
export type HostMethod = keyof HostMethods;

export type HostRequest = { id: number; method: HostMethod; args: unknown[] } | { generation: number };
export type HostReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; code?: string; message: string; words?: Words };
