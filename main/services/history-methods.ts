/**
 * API methods for undo / redo (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, the Edit menu)
 * and the History panel's list. The jump to a point of the history
 * (`goToHistory`) is the session's (it may take a snapshot first) and runs
 * `goToHistory` below.
 */
import type { HistoryTimeline } from '../../shared/api/history';
import type { ServiceContext, ServiceMethods } from './service-context';

/** A jump across at least this many steps takes a snapshot of the notebook first. */
export const JUMP_SNAPSHOT_STEPS = 5;

function timeline(ctx: ServiceContext): HistoryTimeline {
  const { entries, current } = ctx.history.timeline();
  return { entries: entries.map(({ label, at }) => ({ label, at })), current };
}

/**
 * Undoes or redoes through the same history, one step after the other (each
 * announced like Ctrl+Z), until `index` actions are done. Stops with the
 * error of a step that fails, the steps before it made.
 */
export async function goToHistory(ctx: ServiceContext, index: number): Promise<HistoryTimeline> {
  for (let { current } = ctx.history.timeline(); current !== index; current = ctx.history.timeline().current) {
    const label = current > index ? await ctx.undo() : await ctx.redo();
    if (label === undefined) break;
  }
  return timeline(ctx);
}

export function historyMethods(ctx: ServiceContext): ServiceMethods<'undo' | 'redo' | 'getHistory' | 'listHistory'> {
  const step = async (which: 'undo' | 'redo') => {
    const label = await ctx[which]();
    return { label, ...ctx.history.state() };
  };
  return {
    undo: () => step('undo'),
    redo: () => step('redo'),
    async getHistory() {
      return ctx.history.state();
    },
    async listHistory() {
      return timeline(ctx);
    },
  };
}
