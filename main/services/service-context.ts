/**
 * What every area's API methods get: the open store, the undo history, the
 * event emitter, and `transact` — the one way to change the notebook, so every
 * change is durable when it resolves and undoable as one step.
 */
import type { ApiEvent, ChangeReason, DossierService, MethodName } from '../../shared/api';
import type { Manifest, SourceFileData } from './store/types';
import type { Brief } from '../../shared/model';
import { computeChangeSet, type StepDirection } from './change-set';
import { History } from './history';
import { HistoryLog } from './history-log';
import { UserSettingsStore } from './settings/user-settings';
import { resolveLanguage, translatorFor } from './settings/language';
import type { Translator } from '../../shared/i18n';
import { fileKey, type FileChange, type FileRef, type NotebookStore } from './store/notebook-store';

export interface Transaction {
  updateManifest(change: (manifest: Manifest) => void): Promise<void>;
  updateSource(id: string, change: (file: SourceFileData) => void): Promise<void>;
  addSource(data: SourceFileData): Promise<{ manifestSaved: Promise<void> }>;
  /** Removes a source's file; unlist it in the manifest first (in the same transaction). */
  removeSource(id: string): Promise<void>;
  updateBrief(id: string, change: (brief: Brief) => void): Promise<void>;
  addBrief(brief: Brief): Promise<void>;
  removeBrief(id: string): Promise<void>;
}

export interface TransactOptions {
  /**
   * Successive transactions with the same key, each within 2 s of the last,
   * undo as one step (autosave of one document while the person types).
   */
  mergeKey?: string;
  /** Why, on the `notebook-changed` event: 'edit' unless said otherwise. */
  reason?: Extract<ChangeReason, 'edit' | 'import'>;
  /** Passed back on the event so the writer can recognise its own change. */
  origin?: string;
}

export interface ServiceContext {
  readonly store: NotebookStore;
  readonly history: History;
  /** The person's settings (language, organisation, author …): per user, shared by every open notebook. */
  readonly settings: UserSettingsStore;
  /** A translator in the person's language (their setting, else the system's), as the setting is now. */
  translator(): Translator;
  emit(event: ApiEvent): void;
  /**
   * Runs `fn` as one undoable action named `label` and emits
   * `notebook-changed`, with the change set of what it touched, when it
   * changed anything. Changes already made stay
   * recorded even if `fn` throws part way, so they can still be undone.
   */
  transact<T>(label: string, fn: (tx: Transaction) => Promise<T>, options?: TransactOptions): Promise<T>;
  /**
   * Subscribes to committed changes — after every transaction, undo and redo —
   * with the files they touched, so derived data (the search index, caches) can
   * update incrementally. Returns the unsubscribe function.
   */
  onCommit(listener: (files: FileRef[]) => void): () => void;
  /**
   * Undoes / redoes the last action, notifying commit listeners and emitting
   * `notebook-changed` with the change set of what it touched; the label, or
   * undefined when there was none.
   */
  undo(): Promise<string | undefined>;
  redo(): Promise<string | undefined>;
}

/** A slice of the API implemented by one area (notebook, annotations, actors…). */
export type ServiceMethods<M extends MethodName> = Pick<DossierService, M>;

export function createServiceContext(
  store: NotebookStore,
  emit: (event: ApiEvent) => void,
  settings: UserSettingsStore = UserSettingsStore.for(undefined),
): ServiceContext {
  const history = new History(store, store.readOnly ? undefined : new HistoryLog(store.dir));
  const commitListeners = new Set<(files: FileRef[]) => void>();
  const notify = (changes: readonly FileChange[]) => {
    const seen = new Map<string, FileRef>();
    for (const c of changes) seen.set(fileKey(c.file), c.file);
    const files = [...seen.values()];
    for (const listener of commitListeners) {
      try {
        listener(files);
      } catch {
        // Derived data must never break the change that was made.
      }
    }
  };
  const announce = async (
    changes: readonly FileChange[],
    direction: StepDirection,
    event: Omit<Extract<ApiEvent, { type: 'notebook-changed' }>, 'type' | 'changes'>,
  ) => {
    // A brief's change needs no reading: the brief is one record.
    const read = (file: FileRef) =>
      file.kind === 'manifest' ? Promise.resolve(store.manifest) : store.loadSource(file.id);
    let changeSet;
    try {
      changeSet = await computeChangeSet(changes, direction, read);
    } catch {
      // The change is made either way: without a change set, clients take everything as changed.
    }
    emit({ type: 'notebook-changed', ...event, ...(changeSet ? { changes: changeSet } : {}) });
  };
  const step = async (which: 'undo' | 'redo') => {
    const entry = await history[which]();
    if (entry) {
      // Undoing a relisting (or redoing a delete) can leave source files unlisted again.
      store.forgetUnlisted();
      notify(entry.changes);
      await announce(entry.changes, which === 'undo' ? 'backward' : 'forward', { reason: which, label: entry.label });
    }
    return entry?.label;
  };
  return {
    store,
    history,
    settings,
    translator: () => translatorFor(resolveLanguage(settings.peek().language)),
    emit,
    onCommit(listener) {
      commitListeners.add(listener);
      return () => commitListeners.delete(listener);
    },
    undo: () => step('undo'),
    redo: () => step('redo'),
    async transact(label, fn, options) {
      const changes: FileChange[] = [];
      const tx: Transaction = {
        async updateManifest(change) {
          changes.push(await store.updateManifest(change));
        },
        async updateSource(id, change) {
          changes.push(await store.updateSource(id, change));
        },
        async addSource(data) {
          const { manifestSaved, changes: added } = await store.addSource(data);
          changes.push(...added);
          return { manifestSaved };
        },
        async removeSource(id) {
          changes.push(await store.removeSource(id));
        },
        async updateBrief(id, change) {
          changes.push(await store.updateBrief(id, change));
        },
        async addBrief(brief) {
          changes.push(await store.addBrief(brief));
        },
        async removeBrief(id) {
          changes.push(await store.removeBrief(id));
        },
      };
      try {
        return await fn(tx);
      } catch (err) {
        // A call that fails changes nothing: what it changed before the failure is taken back
        // (in memory, and on disk where the disk allows; a source file it wrote is removed).
        for (const change of [...changes].reverse()) await store.applyChange(change, 'undo').catch(() => undefined);
        changes.length = 0;
        throw err;
      } finally {
        if (changes.some((c) => c.patches.length || c.lifecycle)) {
          history.record({
            label,
            at: new Date().toISOString(),
            changes,
            ...(options?.mergeKey ? { mergeKey: options.mergeKey } : {}),
          });
          notify(changes);
          await announce(changes, 'forward', {
            reason: options?.reason ?? 'edit',
            label,
            ...(options?.origin ? { origin: options.origin } : {}),
          });
        }
      }
    },
  };
}
