/**
 * A notebook session: one open notebook store plus the implementation of
 * every API method over it. The Electron IPC handlers, the loopback bridge
 * (dev:web, end-to-end tests) and the CLI all go through this, so the same
 * code runs everywhere. Never imports electron.
 */
import { apiSchemas, type ApiEvent, type DossierService, type MethodName } from '../../shared/api';
import { DossierError, toApiError, type Result } from '../../shared/errors';
import { actorMethods } from './actors/actor-methods';
import { sourceMethods } from './sources/source-methods';
import { annotationMethods } from './annotations/annotation-methods';
import { briefMethods } from './briefs/brief-methods';
import { createSearchArea } from './search/search-methods';
import { historyMethods } from './history-methods';
import { notebookMethods } from './notebook-methods';
import { doctorMethods } from './notebook-doctor';
import { createServiceContext } from './service-context';
import { NotebookStore, type OpenOptions } from './store/notebook-store';

/** For a bundle's entry point: imports run in the worker the build wrote beside it (extract-pool.ts). */
export { useWorkerBesideBundle } from './import/extract-pool';
/** For the CLI, which reaches the services only through this module (a lock is looked at without opening). */
export { MANIFEST_FILE } from './store/notebook-store';
export { inspectNotebookLock, removeNotebookLock, type LockState } from './store/notebook-lock';

export interface NotebookSession {
  readonly dir: string;
  readonly store: NotebookStore;
  readonly service: DossierService;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  close(): Promise<void>;
}

export async function openNotebookSession(dir: string, options: OpenOptions = {}): Promise<NotebookSession> {
  const store = await NotebookStore.open(dir, options);
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
  const ctx = createServiceContext(store, emit);
  await ctx.history.load();
  const search = createSearchArea(ctx);
  // Each area contributes its slice of the API; together they must cover every method.
  const service: DossierService = serialiseWrites({
    ...notebookMethods(ctx),
    ...historyMethods(ctx),
    ...annotationMethods(ctx),
    ...actorMethods(ctx),
    ...sourceMethods(ctx),
    ...briefMethods(ctx),
    ...search.methods,
    ...doctorMethods(ctx),
  });

  return {
    dir: store.dir,
    store,
    service,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await ctx.history.idle();
      await search.close();
      await store.close();
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
  'getSource',
  'lookupSource',
  'getHistory',
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
  'resolveCitations',
  'listClaims',
  'cancelImport',
  'search',
  'searchStatus',
  'corroborate',
  'listRelations',
  'getClaimGroup',
  'getAnnotation',
  'checkNotebook',
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
function serialiseWrites(service: DossierService): DossierService {
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
  return queued as unknown as DossierService;
}

/**
 * The one door every transport uses: validates `rawInput` with the method's
 * schema, calls the service, and wraps the value or the error in a Result.
 * Never throws.
 */
export async function callApi(
  service: DossierService,
  method: MethodName,
  rawInput: unknown,
): Promise<Result<unknown>> {
  try {
    const schema = apiSchemas[method];
    if (!schema) throw new DossierError('invalid-input', `Unknown method "${String(method)}".`);
    const input = schema.input.parse(rawInput ?? {});
    const fn = service[method] as (input: unknown) => Promise<unknown>;
    const value = await fn(input);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}
