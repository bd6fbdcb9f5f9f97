/**
 * A notebook session: one open notebook store plus the implementation of
 * every API method over it. The Electron IPC handlers, the loopback bridge
 * (dev:web, end-to-end tests) and the CLI all go through this, so the same
 * code runs everywhere. Never imports electron.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { API_METHODS, apiSchemas, type ApiEvent, type DossierService, type MethodName } from '../../shared/api';
import type { SnapshotReason } from '../../shared/enums';
import { DossierError, toApiError, type Result } from '../../shared/errors';
import type { Translator } from '../../shared/i18n';
import { zodMessagesIn } from '../../shared/i18n/zod';
import { actorMethods } from './actors/actor-methods';
import { sourceMethods } from './sources/source-methods';
import { annotationMethods } from './annotations/annotation-methods';
import { briefMethods } from './briefs/brief-methods';
import { createSearchArea } from './search/search-methods';
import { startSearchWorker } from './search/search-service';
import { goToHistory, historyMethods, JUMP_SNAPSHOT_STEPS } from './history-methods';
import { HISTORY_LOG } from './history-log';
import { nearDuplicateIndex } from './import/near-duplicate-index';
import { notebookMethods } from './notebook-methods';
import { interopMethods } from './interop/interop-methods';
import { doctorMethods } from './notebook-doctor';
import { createServiceContext, type ServiceContext } from './service-context';
import { NotebookSnapshots, writeSnapshotFiles } from './snapshots';
import { NotebookStore, type OpenOptions } from './store/notebook-store';
import { UserSettingsStore } from './settings/user-settings';
import { importWorker } from './import/extract-pool';
import { teamMethods } from './team/team-methods';
import { timelineMethods } from './team/timeline-methods';
import { teamSessionMethods, teamTimers, type TeamSessionOptions } from './team/team-session';
import type { CloseSyncOutcome } from './team/auto-sync';

/** For a bundle's entry point: imports run in the worker the build wrote beside it (extract-pool.ts). */
export { useWorkerBesideBundle } from './workers/entry';
/** For the CLI, which reaches the services only through this module (a lock is looked at without opening). */
export { MANIFEST_FILE } from './store/notebook-store';
export { userConfigDir, UserSettingsStore } from './settings/user-settings';
export { environmentLanguages, resolveLanguage, say, translatorFor, useSystemLanguages } from './settings/language';
export { inspectNotebookLock, removeNotebookLock, type LockState } from './store/notebook-lock';
/** Where snapshots go: the desktop app passes its user-data folder, the CLI and dev:web nothing. */
export { snapshotRoot } from './snapshots';
/** git's merge driver works on files, not an open notebook: the CLI's `merge-driver` calls it directly. */
export { runMergeDriver } from './team/merge-driver';
/** Copying a shared notebook into a new folder (the desktop's File › Open shared notebook…) opens none yet. */
export { cloneSharedNotebook } from './team/team-session';

export interface NotebookSession {
  readonly dir: string;
  /** The open store; another one after a snapshot was restored (the notebook was reopened). */
  readonly store: NotebookStore;
  readonly service: DossierService;
  /** A translator in the person's language, as their setting is now (for messages of the caller's own). */
  translator(): Translator;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /**
   * Before closing, in a host that syncs automatically (`team.autoSync`): the sync on close the
   * person's settings ask for, at most `timeoutMs` long; never rejects (docs/team.md).
   */
  syncBeforeClose(timeoutMs: number): Promise<CloseSyncOutcome>;
  close(): Promise<void>;
}

export interface SessionOptions extends OpenOptions {
  /**
   * The folder snapshots of notebooks go under (snapshotRoot in snapshots.ts);
   * without it the session takes no snapshots and lists none.
   */
  snapshotRoot?: string;
  /**
   * The person's configuration folder (userConfigDir in settings/user-settings.ts), where their settings
   * are kept; without it settings live in memory for this session only (tests).
   */
  settingsDir?: string;
  /**
   * Start the import worker as the notebook opens, so the session's first import does not wait for it
   * (default true; the CLI, whose commands are over in moments, passes false). It loads only what a text
   * import needs (the web-page, PDF and Word readers load with their first file), on its own thread.
   */
  prepareImports?: boolean;
  /**
   * When the notebook has a saved search index, start the search worker before the store opens and load
   * the index at once, so the first search does not wait for the worker's start and the index's read
   * (default true; the CLI, whose commands mostly never search, passes false).
   */
  prepareSearch?: boolean;
  /** Sharing through git: where tokens come from, and the merge driver command `dossier share` registers. */
  team?: TeamSessionOptions;
}

/** A snapshot on opening at most this often (per notebook). */
const OPEN_SNAPSHOT_EVERY_MS = 6 * 3600 * 1000;

/** Before these writes a snapshot is taken (when anything changed since the last one). */
const SNAPSHOT_BEFORE: Partial<Record<MethodName, SnapshotReason>> = {
  deleteSource: 'delete',
  mergeTags: 'merge',
  mergeActors: 'merge',
  deleteBrief: 'delete',
};

/** One opening of the store: what a restore replaces. */
interface Opened {
  store: NotebookStore;
  ctx: ServiceContext;
  methods: Omit<DossierService, SessionMethodName>;
  snapshots?: NotebookSnapshots;
  close(): Promise<void>;
}

type SessionMethodName =
  | 'goToHistory'
  | 'listSnapshots'
  | 'takeSnapshot'
  | 'restoreSnapshot'
  | 'getSettings'
  | 'updateSettings'
  | 'shareNotebook'
  | 'syncNotebook';

async function openStore(
  dir: string,
  options: SessionOptions,
  emit: (event: ApiEvent) => void,
  onCommit: () => void,
): Promise<Opened> {
  const {
    snapshotRoot,
    settingsDir,
    prepareImports = true,
    prepareSearch = true,
    team: _team,
    ...storeOptions
  } = options;
  // it reads and decodes the saved index meanwhile (checked against the files once the store is open)
  const searchWorker = prepareSearch ? startSearchWorker(dir) : undefined;
  let store: NotebookStore;
  let ctx: ServiceContext;
  try {
    store = await NotebookStore.open(dir, storeOptions);
    ctx = createServiceContext(store, emit, UserSettingsStore.for(settingsDir));
    await ctx.settings.get();
    await ctx.history.load();
  } catch (err) {
    void searchWorker?.terminate();
    throw err;
  }
  ctx.onCommit(onCommit);
  const search = createSearchArea(ctx, { worker: searchWorker });
  // The near-duplicate signatures of existing sources are brought up to date off the event loop, before an import needs them.
  const nearDuplicates = nearDuplicateIndex(store);
  nearDuplicates.warm();
  if (prepareImports && !store.readOnly) importWorker().warm();
  // Each area contributes its slice of the API; together they must cover every method.
  const methods = {
    ...notebookMethods(ctx),
    ...historyMethods(ctx),
    ...annotationMethods(ctx),
    ...actorMethods(ctx),
    ...sourceMethods(ctx),
    ...briefMethods(ctx),
    ...search.methods,
    ...doctorMethods(ctx),
    ...interopMethods(ctx),
    ...teamMethods(ctx),
    ...timelineMethods(ctx),
  };
  return {
    store,
    ctx,
    methods,
    ...(snapshotRoot ? { snapshots: new NotebookSnapshots(snapshotRoot, store.manifest.id, store.dir) } : {}),
    async close() {
      await ctx.history.idle();
      await search.close();
      await nearDuplicates.close();
      await store.close();
    },
  };
}

export async function openNotebookSession(dir: string, options: SessionOptions = {}): Promise<NotebookSession> {
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener must not break the operation that emitted.
      }
    }
  };
  /** Something changed since the last snapshot: the next risky write takes one first. */
  let changedSinceSnapshot = true;
  let opened = await openStore(dir, options, emit, () => void (changedSinceSnapshot = true));
  const stopSettings = opened.ctx.settings.onChange((settings) => emit({ type: 'settings-changed', settings }));
  let closed = false;
  /** While a restore closes the store and opens it again: reads (which are not queued) wait for it. */
  let reopening: Promise<void> | undefined;

  const snapshots = (): NotebookSnapshots => {
    if (!opened.snapshots) throw DossierError.of('unsupported', 'session.snapshotsAreOffSession');
    return opened.snapshots;
  };
  const take = async (reason: SnapshotReason) => {
    if (opened.store.readOnly) throw DossierError.of('read-only', 'session.notebookOpenReadOnly');
    const info = await snapshots().take(reason);
    changedSinceSnapshot = false;
    return info;
  };
  /** A snapshot before a risky write: one that fails does not stop the write (undo still covers it). */
  const takeBefore = async (reason: SnapshotReason) => {
    if (!opened.snapshots || opened.store.readOnly || !changedSinceSnapshot) return;
    await take(reason).catch(() => undefined);
  };

  const sessionMethods: Pick<DossierService, SessionMethodName> = {
    async goToHistory({ index }) {
      const { entries, current } = opened.ctx.history.timeline();
      if (index > entries.length)
        throw DossierError.of('invalid-input', 'session.historyHoldsActionsGo', {
          entriesCount: entries.length,
          index,
        });
      if (Math.abs(index - current) >= JUMP_SNAPSHOT_STEPS) await takeBefore('jump');
      return goToHistory(opened.ctx, index);
    },
    async listSnapshots() {
      return opened.snapshots ? opened.snapshots.list() : [];
    },
    takeSnapshot: () => take('manual'),
    getSettings: () => opened.ctx.settings.get(),
    updateSettings: (patch) => opened.ctx.settings.update(patch),
    async restoreSnapshot({ id }) {
      const files = await snapshots().read(id); // all checked before anything changes
      const saved = await take('restore');
      await reopenAround('Restore snapshot', async () => {
        await writeSnapshotFiles(opened.store.dir, files);
        // The undo history describes the files before: it no longer fits them.
        await rm(path.join(opened.store.dir, HISTORY_LOG), { force: true });
      });
      changedSinceSnapshot = false;
      return { saved };
    },
    ...teamSessionMethods({
      ctx: () => opened.ctx,
      options: options.team,
      reopenAround: (label, work) => reopenAround(label, work),
    }),
  };

  /**
   * Runs `work`, which replaces the notebook's files, with the store flushed before and opened again
   * after (even when it failed, so the session shows the files as they are); reads wait meanwhile.
   */
  async function reopenAround<T>(label: string, work: () => Promise<T>, reopenIf?: (value: T) => boolean): Promise<T> {
    await opened.ctx.history.idle();
    await opened.store.flush();
    let reopened!: () => void;
    reopening = new Promise((resolve) => (reopened = resolve));
    let value: T | undefined;
    let failed = true;
    try {
      value = await work();
      failed = false;
      return value;
    } finally {
      try {
        // A session closed meanwhile (a sync on close that ran out of time) stays closed.
        if (!closed && (failed || !reopenIf || reopenIf(value as T))) {
          await opened.close();
          opened = await openStore(dir, options, emit, () => void (changedSinceSnapshot = true));
          emit({ type: 'notebook-changed', reason: 'external', label });
        }
      } finally {
        reopened();
        reopening = undefined;
      }
    }
  }
  const translator = () => opened.ctx.translator();
  /** A method's failure, said in the person's language. */
  const inPersonsLanguage = (work: Promise<unknown>) =>
    work.catch((err: unknown) => {
      throw sayInLanguage(err, translator());
    });

  const { service, enqueue } = serialiseWrites(
    Object.fromEntries(
      API_METHODS.map((name) => {
        const before = SNAPSHOT_BEFORE[name];
        /** The method of the store open now (a restore opens another). */
        const call = () =>
          ((sessionMethods as Record<string, unknown>)[name] ?? (opened.methods as Record<string, unknown>)[name]) as (
            input: unknown,
          ) => Promise<unknown>;
        return [
          name,
          before
            ? async (input: unknown) => {
                await takeBefore(before);
                return inPersonsLanguage(call()(input));
              }
            : async (input: unknown) => {
                if (reopening) await reopening;
                return inPersonsLanguage(call()(input));
              },
        ];
      }),
    ) as unknown as DossierService,
  );

  // A snapshot on opening (at most every few hours), queued before any write.
  let opening: Promise<void> = Promise.resolve();
  if (opened.snapshots && !opened.store.readOnly) {
    const snaps = opened.snapshots;
    opening = enqueue(async () => {
      const last = (await snaps.list())[0];
      if (!last || Date.now() - Date.parse(last.at) >= OPEN_SNAPSHOT_EVERY_MS) await take('open');
    });
  }

  const timers = await teamTimers({
    dir: opened.store.dir,
    service,
    ctx: () => opened.ctx,
    emit,
    autoSync: options.team?.autoSync === true,
  });

  return {
    dir: opened.store.dir,
    get store() {
      return opened.store;
    },
    service,
    translator,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    syncBeforeClose: (timeoutMs) => timers.syncBeforeClose(timeoutMs),
    async close() {
      // A sync the timer started ends first (its store would otherwise be reopened after the close).
      await timers.stop();
      closed = true;
      listeners.clear();
      stopSettings();
      // The opening snapshot is finished (not abandoned half written); writes still running are not waited for.
      await opening;
      await opened.close();
    },
  };
}

/**
 * Methods that never change the notebook. Every other method is a write: see
 * serialiseWrites. (`cancelImport` only signals the running import, so it must
 * not wait behind it.)
 */
export const READ_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'getNotebook',
  'listSources',
  'listSourcePage',
  'getSourceHeads',
  'locateSource',
  'getSource',
  'lookupSource',
  'getHistory',
  'listHistory',
  'listSnapshots',
  'listTags',
  'tagUsage',
  'lookupTag',
  'listActors',
  'actorUsage',
  'suggestActors',
  'sourceMentions',
  'getActorPage',
  'lookupActor',
  'lookupSuggestion',
  'listBriefs',
  'getBrief',
  'exportBrief',
  'exportBriefToFile',
  'listCitationStyles',
  'resolveCitations',
  'listClaims',
  'cancelImport',
  'search',
  'searchStatus',
  'corroborate',
  'listRelations',
  'getClaimGroup',
  'getAnnotation',
  'exportInterop',
  'exportInteropToFile',
  'checkNotebook',
  'getTeamStatus',
  'listConflicts',
]);

/**
 * Runs the write methods one at a time, in the order they were called. A
 * write reads and validates what it changes (the annotation, the tags it
 * names, the files a merge touches) and then awaits before its transaction
 * applies the change; two writes overlapping there would each act on a state
 * the other is about to change — a tag deleted twice, an annotation given a
 * tag merged away a moment earlier, a stale copy written over a newer one.
 * Queued, every write starts on the state the previous one left, as if the
 * caller had awaited each in turn. Reads are not queued.
 */
function serialiseWrites(service: DossierService): {
  service: DossierService;
  /** Queues a task of the session's own (a snapshot) like a write; resolves when it ended (its failure swallowed). */
  enqueue(task: () => Promise<void>): Promise<void>;
} {
  let tail: Promise<unknown> = Promise.resolve();
  const queued: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, fn] of Object.entries(service) as Array<[MethodName, (input: unknown) => Promise<unknown>]>) {
    if (READ_METHODS.has(name)) {
      queued[name] = fn;
      continue;
    }
    queued[name] = (input) => {
      const run = tail.then(() => fn(input));
      tail = run.catch(() => undefined);
      return run;
    };
  }
  return {
    service: queued as unknown as DossierService,
    enqueue(task) {
      const run = tail.then(task).catch(() => undefined);
      tail = run;
      return run;
    },
  };
}

/**
 * The one door every transport uses: validates `rawInput` with the method's
 * schema, calls the service, and wraps the value or the error in a Result —
 * its message in `translator`'s language (English without one). Never throws.
 */
export async function callApi(
  service: DossierService,
  method: MethodName,
  rawInput: unknown,
  translator?: Translator,
): Promise<Result<unknown>> {
  try {
    const schema = apiSchemas[method];
    if (!schema) throw DossierError.of('invalid-input', 'session.unknownMethod', { method: String(method) });
    // zod words its messages while it parses: in the person's language, for this parse only.
    const input = schema.input.parse(rawInput ?? {}, zodMessagesIn(translator?.language));
    const fn = service[method] as (input: unknown) => Promise<unknown>;
    const value = await fn(input);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toApiError(err, translator) };
  }
}

/**
 * An error as the person should read it: a message of the catalogue in their language (said, so no later
 * door puts it back in English), a disk's or an input check's failure in words; anything else (a bug) as it is.
 */
function sayInLanguage(err: unknown, translator: Translator): unknown {
  if (err instanceof DossierError) return err.words ? new DossierError(err.code, err.inLanguage(translator)) : err;
  const shaped = toApiError(err, translator);
  return shaped.code === 'internal' ? err : new DossierError(shaped.code, shaped.message);
}
