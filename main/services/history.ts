/**
 * Undo / redo for every notebook change: a command log kept in main (so it
 * survives a window reload). Each entry is one person-level action — "Tag
 * claim", "Import 12 files" — holding the immer patches of every file it
 * touched; undo applies the inverse patches in reverse order, redo the patches.
 * A source file an action wrote or removed (an import, a deleted source) is
 * removed or written again with it, so undo leaves no file behind.
 */
import type { FileChange, NotebookStore } from './store/notebook-store';

export interface HistoryEntry {
  label: string;
  at: string;
  changes: FileChange[];
  /** Consecutive entries with the same key within MERGE_MS become one step (e.g. autosaves of one brief). */
  mergeKey?: string;
}

const MERGE_MS = 2000;

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
}

const LIMIT = 500;

export class History {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  constructor(private readonly store: NotebookStore) {}

  record(entry: HistoryEntry): void {
    if (entry.changes.every((c) => c.patches.length === 0 && !c.lifecycle)) return;
    const last = this.undoStack.at(-1);
    if (
      entry.mergeKey &&
      last?.mergeKey === entry.mergeKey &&
      this.redoStack.length === 0 &&
      Date.parse(entry.at) - Date.parse(last.at) <= MERGE_MS
    ) {
      last.changes.push(...entry.changes);
      last.at = entry.at;
      return;
    }
    this.undoStack.push(entry);
    if (this.undoStack.length > LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  state(): HistoryState {
    const u = this.undoStack.at(-1);
    const r = this.redoStack.at(-1);
    return { canUndo: !!u, canRedo: !!r, ...(u ? { undoLabel: u.label } : {}), ...(r ? { redoLabel: r.label } : {}) };
  }

  /** Undoes the last action; returns it, or undefined when there is nothing to undo. */
  async undo(): Promise<HistoryEntry | undefined> {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    try {
      for (const change of [...entry.changes].reverse()) await this.store.applyChange(change, 'undo');
    } catch (err) {
      this.undoStack.push(entry);
      throw err;
    }
    this.redoStack.push(entry);
    return entry;
  }

  async redo(): Promise<HistoryEntry | undefined> {
    const entry = this.redoStack.pop();
    if (!entry) return undefined;
    try {
      for (const change of entry.changes) await this.store.applyChange(change, 'redo');
    } catch (err) {
      this.redoStack.push(entry);
      throw err;
    }
    this.undoStack.push(entry);
    return entry;
  }
}
