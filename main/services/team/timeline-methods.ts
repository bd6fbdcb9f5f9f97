/**
 * The shared timeline's methods over an open notebook (docs/team.md): the
 * commits, what one changed, a source or brief as it was at a commit, and
 * restoring one — a new undoable change named after whom and when it comes
 * from; the history is never rewritten. git is loaded when the timeline is
 * first asked for, not with every session.
 */
import type { Brief, SourceFile } from '../../../shared/model';
import type { ServiceContext, ServiceMethods, Transaction } from '../service-context';
import { replaceFields } from './team-methods';

export type TimelineMethodName = 'listTimeline' | 'getTimelineCommit' | 'getTimelineState' | 'restoreFromTimeline';

export function timelineMethods(ctx: ServiceContext): ServiceMethods<TimelineMethodName> {
  const timeline = () => import('./timeline');
  return {
    async listTimeline(page) {
      return (await timeline()).listTimeline(ctx.store.dir, page);
    },
    async getTimelineCommit({ commit }) {
      return (await timeline()).timelineCommit(ctx.store.dir, commit);
    },
    async getTimelineState({ commit, kind, id }) {
      const { state, commit: at } = await (await timeline()).timelineState(ctx.store.dir, commit, kind, id);
      return kind === 'source'
        ? { kind, commit: at.id, file: state as SourceFile }
        : { kind, commit: at.id, brief: state as Brief };
    },
    async restoreFromTimeline({ commit, kind, id }) {
      const { state, commit: from } = await (await timeline()).timelineState(ctx.store.dir, commit, kind, id);
      const translator = ctx.translator();
      const when = new Intl.DateTimeFormat(translator.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(from.at),
      );
      const title = kind === 'source' ? (state as SourceFile).source.title : (state as Brief).title;
      const label = translator.t(kind === 'source' ? 'team:timeline.undo.source' : 'team:timeline.undo.brief', {
        title,
        who: from.author.name,
        when,
      });
      await ctx.transact(label, (tx) =>
        kind === 'source' ? restoreSource(ctx, tx, state as SourceFile) : restoreBrief(ctx, tx, state as Brief),
      );
      return { label };
    },
  };
}

async function restoreBrief(ctx: ServiceContext, tx: Transaction, brief: Brief): Promise<void> {
  const restored = { ...structuredClone(brief), updatedAt: new Date().toISOString() };
  // Deleted since: it comes back whole.
  if (!(await ctx.store.hasBrief(brief.id))) return tx.addBrief(restored);
  await tx.updateBrief(brief.id, (b) => replaceFields(b, restored));
}

async function restoreSource(ctx: ServiceContext, tx: Transaction, file: SourceFile): Promise<void> {
  const data = structuredClone(file);
  const { id } = data.source;
  if (!ctx.store.hasSource(id)) {
    // Removed since: it comes back whole, and no longer counts as deleted for the briefs that cite it.
    await tx.addSource(data);
    if (ctx.store.manifest.deletedSources?.some((d) => d.id === id))
      await tx.updateManifest((m) => {
        const rest = (m.deletedSources ?? []).filter((d) => d.id !== id);
        if (rest.length) m.deletedSources = rest;
        else delete m.deletedSources;
      });
    return;
  }
  await tx.updateSource(id, (f) => replaceFields(f, data));
  const { text: _text, removed: _removed, ...meta } = data.source;
  await tx.updateManifest((m) => {
    const at = m.sources.findIndex((s) => s.id === id);
    if (at >= 0) replaceFields(m.sources[at]!, meta);
  });
}
