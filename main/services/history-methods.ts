/** API methods for undo / redo (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, the Edit menu). */
import type { ServiceContext, ServiceMethods } from './service-context';

export function historyMethods(ctx: ServiceContext): ServiceMethods<'undo' | 'redo' | 'getHistory'> {
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
  };
}
