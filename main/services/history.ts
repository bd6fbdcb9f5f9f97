/**
 * Undo / redo for every notebook change: a command log kept in main (so it
 * survives a window reload). Each entry is one person-level action — "Tag
 * claim", "Import 12 files" — holding the immer patches of every file it
 * touched; undo applies the inverse patches in reverse order, redo the patches.
 * A source file an action wrote or removed (an import, a deleted source) is
 * removed or written again with it, so undo leaves no file behind.
 * With a HistoryLog (a writable notebook) every step is also saved, so the
 * history outlives the session.
 */
import type { HistoryLog, Stacks } from './history-log';
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

/** Adds an action to the stacks: merged into the last one when their mergeKey allows, else pushed (clearing redo). */
function push(stacks: Stacks, entry: HistoryEntry): void {
  if (entry.changes.every((c) => c.patches.length === 0 && !c.lifecycle)) return;
  const last = stacks.undo.at(-1);
  if (
    entry.mergeKey &&
    last?.mergeKey === entry.mergeKey &&
    stacks.redo.length === 0 &&
    Date.parse(entry.at) - Date.parse(last.at) <= MERGE_MS
  ) {
    last.changes.push(...entry.changes);
    last.at = entry.at;
    return;
  }
  stacks.undo.push(entry);
  if (stacks.undo.length > LIMIT) stacks.undo.shift();
  stacks.redo = [];
}

export class History {
  private stacks: Stacks = { undo: [], redo: [] };

  constructor(
    private readonly store: NotebookStore,
    private readonly log?: HistoryLog,
  ) {}

  private get undoStack(): HistoryEntry[] {
    return this.stacks.undo;
  }

  private get redoStack(): HistoryEntry[] {
    return this.stacks.redo;
  }

  /** Takes up the saved history, when there is one that still fits the files. */
  async load(): Promise<void> {
    const saved = await this.log?.load(push);
    if (saved) this.stacks = saved;
  }

  /** Records an action, once its files are written (the log saves it in the background: see idle). */
  record(entry: HistoryEntry): void {
    if (entry.changes.every((c) => c.patches.length === 0 && !c.lifecycle)) return;
    push(this.stacks, entry);
    this.log?.write({ op: 'record', entry }, this.stacks);
  }

  /** Resolves when the saved history has caught up. */
  async idle(): Promise<void> {
    await this.log?.idle();
  }

  /**
   * Every action the history holds, oldest first — those done, then those
   * undone (redoable) in the order they would be redone — and `current`, how
   * many of them are done: the point the notebook is at.
   */
  timeline(): { entries: HistoryEntry[]; current: number } {
    return { entries: [...this.undoStack, ...[...this.redoStack].reverse()], current: this.undoStack.length };
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
      for (const change of [...entry.changes].reverse()) {
        await this.log?.resolve(change);
        await this.store.applyChange(change, 'undo');
      }
    } catch (err) {
      this.undoStack.push(entry);
      throw err;
    }
    this.redoStack.push(entry);
    this.log?.write({ op: 'undo', entry }, this.stacks);
    return entry;
  }

  async redo(): Promise<HistoryEntry | undefined> {
    const entry = this.redoStack.pop();
    if (!entry) return undefined;
    try {
      for (const change of entry.changes) {
        await this.log?.resolve(change);
        await this.store.applyChange(change, 'redo');
      }
    } catch (err) {
      this.redoStack.push(entry);
      throw err;
    }
    this.undoStack.push(entry);
    this.log?.write({ op: 'redo', entry }, this.stacks);
    return entry;
  }
}
