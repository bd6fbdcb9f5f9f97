/**
 * Sharing and syncing as session methods (docs/team.md): they replace the
 * notebook's files through git, so the session flushes the store first and
 * opens it again after (`reopenAround`), and every window reloads what the
 * merge made (a `notebook-changed` event, reason `external`). git
 * (isomorphic-git) is loaded on the first share or sync, not with every session.
 */
import os from 'node:os';
import type { DossierService } from '../../../shared/api';
import { DossierError } from '../../../shared/errors';
import type { ServiceContext } from '../service-context';
import type { GitCredentials } from './git-repo';
import type { SyncResult, TeamOptions } from './sync';
import { foldPendingConflicts } from './team-methods';

export interface TeamSessionOptions {
  /** Where tokens for https remotes come from (default: `$DOSSIER_GIT_TOKEN`). */
  credentials?: GitCredentials;
  /** The command git runs as Dossier's merge driver; `share` registers it (the CLI passes itself). */
  mergeDriver?: string;
  /** For tests: called at each step of a sync. */
  onStep?: TeamOptions['onStep'];
}

interface Deps {
  ctx: () => ServiceContext;
  options: TeamSessionOptions | undefined;
  reopenAround<T>(label: string, work: () => Promise<T>, reopenIf?: (value: T) => boolean): Promise<T>;
}

/** Who commits: the person's settings, else their account name. */
async function author(ctx: ServiceContext) {
  const s = await ctx.settings.get();
  const name = s.authorName?.trim() || os.userInfo().username || 'Dossier';
  const email = s.authorEmail?.trim() || `${name.replace(/\s+/g, '.').toLowerCase()}@localhost`;
  return { name, email };
}

const summary = (r: SyncResult) => ({
  state: r.state,
  ...(r.commit ? { commit: r.commit } : {}),
  conflicts: r.conflicts.length,
});

export function teamSessionMethods(deps: Deps): Pick<DossierService, 'shareNotebook' | 'syncNotebook'> {
  const teamOptions = async (): Promise<TeamOptions> => {
    const ctx = deps.ctx();
    if (ctx.store.readOnly) throw DossierError.of('read-only', 'session.notebookOpenReadOnly');
    const { environmentCredentials } = await import('./git-repo');
    return {
      author: await author(ctx),
      credentials: deps.options?.credentials ?? environmentCredentials,
      ...(deps.options?.mergeDriver ? { mergeDriver: deps.options.mergeDriver } : {}),
      ...(deps.options?.onStep ? { onStep: deps.options.onStep } : {}),
    };
  };
  /** Conflicts a plain `git pull` left pending go into the manifest first, so they are committed and shared. */
  const foldPending = async () => {
    const ctx = deps.ctx();
    let cleanup = async () => {};
    await ctx.transact(
      ctx.translator().t('history:undo.recordConflicts'),
      async (tx) => void (cleanup = await foldPendingConflicts(ctx, tx)),
    );
    await cleanup();
  };
  return {
    async shareNotebook({ remote }) {
      const { shareNotebook } = await import('./sync');
      const options = await teamOptions();
      await foldPending();
      const dir = deps.ctx().store.dir;
      return summary(
        await deps.reopenAround(
          'Share notebook',
          () => shareNotebook(dir, remote, options),
          (r) => r.changedFiles,
        ),
      );
    },
    async syncNotebook() {
      const { lastSyncAt, syncNotebook } = await import('./sync');
      const options = await teamOptions();
      await foldPending();
      const ctx = deps.ctx();
      const since = await lastSyncAt(ctx.store.dir);
      const { entries, current } = ctx.history.timeline();
      const labels = entries
        .slice(0, current)
        .filter((e) => !since || e.at > since)
        .map((e) => e.label);
      return summary(
        await deps.reopenAround(
          'Sync',
          () => syncNotebook(ctx.store.dir, labels, options),
          (r) => r.changedFiles,
        ),
      );
    },
  };
}
