/**
 * What every area's API methods get: the open store, the undo history, the
 * event emitter, and `transact` — the one way to change the notebook, so every
 * change is durable when it resolves and undoable as one step.
 */
import type { ApiEvent, DossierService, MethodName } from '../../shared/api';
import type { Manifest, SourceFileData } from './store/types';
import { History } from './history';
import type { FileChange, NotebookStore } from './store/notebook-store';

export interface Transaction {
  updateManifest(change: (manifest: Manifest) => void): Promise<void>;
  updateSource(id: string, change: (file: SourceFileData) => void): Promise<void>;
  addSource(data: SourceFileData): Promise<{ manifestSaved: Promise<void> }>;
}

export interface ServiceContext {
  readonly store: NotebookStore;
  readonly history: History;
  emit(event: ApiEvent): void;
  /**
   * Runs `fn` as one undoable action named `label` and emits
   * `notebook-changed` when it changed anything. Changes already made stay
   * recorded even if `fn` throws part way, so they can still be undone.
   */
  transact<T>(label: string, fn: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** A slice of the API implemented by one area (notebook, annotations, actors…). */
export type ServiceMethods<M extends MethodName> = Pick<DossierService, M>;

export function createServiceContext(store: NotebookStore, emit: (event: ApiEvent) => void): ServiceContext {
  const history = new History(store);
  return {
    store,
    history,
    emit,
    async transact(label, fn) {
      const changes: FileChange[] = [];
      const tx: Transaction = {
        async updateManifest(change) {
          changes.push(await store.updateManifest(change));
        },
        async updateSource(id, change) {
          changes.push(await store.updateSource(id, change));
        },
        async addSource(data) {
          const { manifestSaved, change } = await store.addSource(data);
          changes.push(change);
          return { manifestSaved };
        },
      };
      try {
        return await fn(tx);
      } finally {
        if (changes.some((c) => c.patches.length)) {
          history.record({ label, at: new Date().toISOString(), changes });
          emit({ type: 'notebook-changed', reason: label });
        }
      }
    },
  };
}
