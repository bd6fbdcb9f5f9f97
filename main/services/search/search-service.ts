/**
 * The search index's life in a session, seen from the main thread. The
 * index itself lives in a worker thread (search-worker.ts, index-host.ts):
 * building, loading, saving, queries and corroboration all run there, so the
 * API keeps answering — opening a source never waits for index work.
 *
 * This side starts the worker (on first use, or shortly after open), hands
 * it the manifest's source list, actors and tags, forwards every committed
 * change (`ctx.onCommit`: transactions, undo, redo) as the source's new text
 * and annotations or the manifest entries that changed, and asks it to save
 * after a quiet spell and at close. The cache is derived data: a missing,
 * stale or corrupt one is rebuilt, never fatal (index-store.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexOrigin } from '../../../shared/enums';
import { DossierError } from '../../../shared/errors';
import type { SearchFilters } from '../../../shared/api/search';
import type { Actor, SourceIndexEntry, Tag } from '../../../shared/model';
import type { ServiceContext } from '../service-context';
import type { FileRef } from '../store/notebook-store';
import { CACHE_DIR, MANIFEST_FILE, SOURCES_DIR } from '../store/notebook-store';
import { workerEntry } from '../workers/entry';
import type {
  HostMethod,
  HostMethods,
  HostReply,
  HostRequest,
  HostTimings,
  IndexOp,
  NotebookLayout,
  SearchWorkerData,
  SlimMeta,
} from './index-host';
import { INDEX_DIR, STAMP_FILE } from './index-store';

export { CACHE_DIR };
export { INDEX_DIR, STAMP_FILE };

export interface SearchServiceOptions {
  /** Quiet time before the index is saved after a change (ms). Default 5000. */
  saveDelayMs?: number;
  /**
   * Delay before the background load/build starts after open (ms); -1: only on first use. Default 1500:
   * the app's first query starts it at once anyway, and short CLI commands finish before it; 0 with `worker`.
   */
  startDelayMs?: number;
  /** A worker started ahead of the store's opening (startSearchWorker): used instead of spawning one. */
  worker?: Worker;
}

export type LoadedFrom = IndexOrigin;

/** The store's file names, for the worker (which does not load the store). */
const LAYOUT: NotebookLayout = { manifest: MANIFEST_FILE, sources: SOURCES_DIR, cache: CACHE_DIR };

const slimMeta = (m: SourceIndexEntry): SlimMeta => [
  m.id,
  m.title,
  m.language,
  m.outlet ?? null,
  m.publishedAt ?? null,
];

/**
 * The manifest as last sent to the worker: entries are compared by identity (the store never
 * mutates one). The sets are made at the first change of the source list, not at open.
 */
interface Sent {
  sources: readonly SourceIndexEntry[];
  entries?: Set<SourceIndexEntry>;
  ids?: Set<string>;
  actors: readonly Actor[];
  tags: readonly Tag[];
}

type Result<M extends HostMethod> = Awaited<ReturnType<HostMethods[M]>>;

function newWorker(data?: SearchWorkerData): Worker {
  const entry = workerEntry('search');
  const worker = new Worker(entry.file, {
    execArgv: entry.execArgv,
    resourceLimits: entry.resourceLimits,
    stdout: false,
    stderr: false,
    workerData: data,
  });
  worker.unref(); // an idle worker never keeps the process alive
  return worker;
}

/**
 * Starts the search worker before the notebook's store opens, when the notebook has a saved index: the
 * worker loads its modules and reads and decodes the index while this thread reads the manifest (the
 * index is checked against the files when the service opens it). Undefined when there is no saved index
 * (a build needs the manifest first) or no worker can start. Hand it to the service (`worker`), or
 * terminate it if the store does not open.
 */
export function startSearchWorker(dir: string): Worker | undefined {
  const cacheDir = path.join(path.resolve(dir), CACHE_DIR);
  if (!existsSync(path.join(cacheDir, INDEX_DIR, STAMP_FILE))) return undefined;
  try {
    const worker = newWorker({ cacheDir });
    // until the service adopts it; one that failed by then is replaced (adopt)
    worker.on('error', () => undefined);
    return worker;
  } catch {
    return undefined;
  }
}

export class SearchService {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private opening: Promise<void> | undefined;
  private opened = false;
  private queue: Promise<void> = Promise.resolve();
  private sent: Sent | undefined;
  private generation = 0;
  private savedGeneration = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private closed = false;
  private closing = false;
  private readonly unsubscribe: () => void;
  loadedFrom: LoadedFrom = 'none';
  private readonly saveDelayMs: number;

  constructor(
    private readonly ctx: ServiceContext,
    options: SearchServiceOptions = {},
  ) {
    this.saveDelayMs = options.saveDelayMs ?? 5000;
    this.unsubscribe = ctx.onCommit((files) => this.onCommit(files));
    if (options.worker) this.worker = this.adopt(options.worker);
    const delay = options.startDelayMs ?? (options.worker ? 0 : 1500);
    if (delay >= 0) {
      this.startTimer = setTimeout(() => {
        this.startTimer = undefined;
        void this.ready().catch(() => undefined);
      }, delay);
      this.startTimer.unref?.();
    }
  }

  /** True once the index is loaded or built. */
  get isReady(): boolean {
    return this.opened;
  }

  /** Resolves once the index is loaded or built, with every committed change sent to it. */
  async ready(): Promise<void> {
    if (this.closed || this.closing) throw DossierError.of('internal', 'store.notebookClosed');
    this.opening ??= this.open();
    await this.opening;
    await this.queue;
  }

  // ------------------------------------------------------------ queries (answered by the worker)

  async search(query: string, filters: SearchFilters, limit: number | undefined, withActors: boolean) {
    await this.ready();
    return this.call('search', query, filters, limit, withActors);
  }

  async corroborate(annotationId: string, limit: number | undefined) {
    await this.ready();
    return this.call('corroborate', annotationId, limit);
  }

  /** The source of each annotation id the index knows (annotation ids are global). */
  async annotationSources(ids: readonly string[]): Promise<Record<string, string>> {
    await this.ready();
    return this.call('annotationSources', ids);
  }

  async stats() {
    await this.ready();
    return this.call('stats');
  }

  /** How the index came to be and what its last save wrote (for tests and benchmarks). */
  async timings(): Promise<HostTimings> {
    await this.ready();
    return this.call('timings');
  }

  // ------------------------------------------------------------ the worker

  /** Listens to a worker started ahead (a new one if it has stopped meanwhile). */
  private adopt(worker: Worker): Worker {
    if (worker.threadId === -1) return this.spawn();
    return this.listen(worker);
  }

  private spawn(): Worker {
    return this.listen(newWorker());
  }

  private listen(worker: Worker): Worker {
    worker.on('message', (reply: HostReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting.resolve(reply.value);
      else
        waiting.reject(
          reply.code
            ? new DossierError(reply.code as DossierError['code'], reply.message, reply.words)
            : new Error(reply.message),
        );
    });
    const fail = (err: Error) => {
      if (this.worker !== worker) return;
      // a crashed worker: what it held is gone; the next use starts another, which loads or rebuilds
      this.worker = undefined;
      this.opening = undefined;
      this.opened = false;
      this.loadedFrom = 'none';
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(DossierError.of('internal', 'search.workerStopped')));
    return worker;
  }

  private call<M extends HostMethod>(method: M, ...args: Parameters<HostMethods[M]>): Promise<Result<M>> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // while a request runs, the worker keeps the process alive (a CLI search waits for it)
      worker.ref();
      worker.postMessage({ id, method, args } satisfies HostRequest);
    });
  }

  private async open(): Promise<void> {
    const { store } = this.ctx;
    await store.flush(); // the worker reads the source files
    const m = store.manifest;
    this.sent = { sources: m.sources, actors: m.actors, tags: m.tags };
    const generation = this.generation;
    const result = await this.call('open', {
      dir: store.dir,
      layout: LAYOUT,
      sources: m.sources.map(slimMeta),
      actors: m.actors,
      tags: m.tags,
      readOnly: store.readOnly,
      generation,
    });
    // the files the worker could not read, as the store reads them (an unreadable one stays out, as before)
    const ops: IndexOp[] = [];
    for (const id of result.unread) {
      const op = await this.sourceOp(id);
      if (op) ops.push(op);
    }
    if (ops.length) await this.call('apply', ops);
    this.loadedFrom = result.loadedFrom;
    // a loaded cache matched the files as they were at `generation`; a fresh build is worth saving
    this.savedGeneration = result.loadedFrom === 'cache' && ops.length === 0 ? generation : -1;
    this.opened = true;
    if (this.savedGeneration === -1) this.scheduleSave();
  }

  private async sourceOp(id: string): Promise<IndexOp | undefined> {
    const { store } = this.ctx;
    const meta = store.manifest.sources.find((s) => s.id === id);
    if (!meta) return undefined; // removed: handled with the manifest
    try {
      const file = await store.loadSource(id);
      return { kind: 'source', meta: slimMeta(meta), text: file.source.text, annotations: file.annotations };
    } catch {
      return undefined; // unreadable: reported elsewhere
    }
  }

  // ------------------------------------------------------------ incremental updates

  private onCommit(files: FileRef[]): void {
    this.generation++;
    this.worker?.postMessage({ generation: this.generation } satisfies HostRequest);
    if (!this.opening) return; // the load or build will read the current state
    const opening = this.opening;
    this.queue = this.queue
      .then(async () => {
        await opening;
        const ops: IndexOp[] = [];
        // the manifest first: a new source is listed before its file is applied
        if (files.some((f) => f.kind === 'manifest')) ops.push(this.manifestOp());
        for (const file of files) {
          if (file.kind === 'manifest') continue;
          const op = await this.sourceOp(file.id);
          if (op) ops.push(op);
        }
        await this.call('apply', ops);
      })
      .catch(() => undefined); // derived data must never break the change that was made
    this.scheduleSave();
  }

  /** What changed in the manifest since it was last sent: only those entries go to the worker. */
  private manifestOp(): IndexOp {
    const m = this.ctx.store.manifest;
    const sent = this.sent!;
    const op: Extract<IndexOp, { kind: 'manifest' }> = { kind: 'manifest', changed: [], removed: [] };
    if (m.actors !== sent.actors) op.actors = (sent.actors = m.actors) as Actor[];
    if (m.tags !== sent.tags) op.tags = (sent.tags = m.tags) as Tag[];
    if (m.sources !== sent.sources) {
      const entries = sent.entries ?? new Set(sent.sources);
      const ids = new Set<string>();
      for (const s of m.sources) {
        ids.add(s.id);
        if (!entries.has(s)) op.changed.push(slimMeta(s));
      }
      for (const id of sent.ids ?? sent.sources.map((s) => s.id)) if (!ids.has(id)) op.removed.push(id);
      Object.assign(sent, { sources: m.sources, entries: new Set(m.sources), ids });
    }
    return op;
  }

  // ------------------------------------------------------------ persistence

  private get dirty(): boolean {
    return this.opened && this.generation !== this.savedGeneration;
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

  /** Asks the worker to save what changed since the last save (index-store.ts). Never throws. */
  async save(): Promise<void> {
    if (this.saving) await this.saving;
    if (!this.dirty || this.ctx.store.readOnly) return;
    this.saving = this.writeCache().finally(() => (this.saving = undefined));
    await this.saving;
  }

  private async writeCache(): Promise<void> {
    try {
      const generation = this.generation;
      await this.queue;
      await this.ctx.store.flush();
      // A change arrived meanwhile: the files may be newer than the index; try again after it.
      if (generation !== this.generation) return this.scheduleSave();
      const outcome = await this.call('save', generation);
      if (outcome.kind === 'retry') return this.scheduleSave();
      this.savedGeneration = generation;
    } catch {
      // a cache that cannot be written is rebuilt next time
    }
  }

  /** Saves the index if it changed and stops the worker (a build still running is dropped, never saved). */
  async close(): Promise<void> {
    if (this.closed || this.closing) return;
    this.closing = true;
    if (this.startTimer) clearTimeout(this.startTimer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.unsubscribe();
    if (this.opened) {
      try {
        await this.queue;
        await this.save();
      } catch {
        // nothing to save
      }
    }
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    for (const waiting of this.pending.values()) waiting.reject(DossierError.of('internal', 'store.notebookClosed'));
    this.pending.clear();
    await worker?.terminate();
  }
}
