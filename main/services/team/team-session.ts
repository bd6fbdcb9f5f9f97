/**
 * Sharing and syncing as session methods (docs/team.md): they replace the
 * notebook's files through git, so the session flushes the store first and
 * opens it again after (`reopenAround`), and every window reloads what the
 * merge made (a `notebook-changed` event, reason `external`). git
 * (isomorphic-git) is loaded on the first share or sync, not with every session.
 */
import os from 'node:os';
import type { ApiEvent, DossierService } from '../../../shared/api';
import { DossierError, toApiError } from '../../../shared/errors';
import type { UserSettings } from '../../../shared/settings';
import type { ServiceContext } from '../service-context';
import { AutoSync, countSyncs, syncBeforeClose, type AutoSyncDeps, type CloseSyncOutcome } from './auto-sync';
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
  /**
   * Sync automatically as the person's settings say (`sync.everyMinutes`, `sync.onClose`): the desktop
   * app asks for it; the CLI, whose commands are over in moments, does not.
   */
  autoSync?: boolean;
}

interface Deps {
  ctx: () => ServiceContext;
  options: TeamSessionOptions | undefined;
  reopenAround<T>(label: string, work: () => Promise<T>, reopenIf?: (value: T) => boolean): Promise<T>;
}

/** Who commits: the person's settings, else their account name. */
async function author(ctx: ServiceContext) {
  return authorOf(await ctx.settings.get());
}

function authorOf(s: UserSettings) {
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
      words: ctx.translator(),
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

/** The automatic syncs of one session: the timer, and the sync on close its host asks for. */
export interface TeamTimers {
  /** Stops the timer; resolves once a sync it started has ended. */
  stop(): Promise<void>;
  /** Syncs when the settings ask for it on close and the notebook has a remote; bounded, never rejects. */
  syncBeforeClose(timeoutMs: number): Promise<CloseSyncOutcome>;
}

/** Starts the timer (when `autoSync` and the notebook is writable) over the session's queued service. */
export async function teamTimers(deps: {
  dir: string;
  service: DossierService;
  ctx: () => ServiceContext;
  emit(event: ApiEvent): void;
  autoSync: boolean;
}): Promise<TeamTimers> {
  const busy = countSyncs(deps.service);
  const auto: AutoSyncDeps = {
    settings: {
      get: () => deps.ctx().settings.get(),
      onChange: (listener) => deps.ctx().settings.onChange(listener),
    },
    async hasRemote() {
      if (deps.ctx().store.readOnly) return false;
      const { isRepo, remoteUrl } = await import('./git-repo');
      return (await isRepo(deps.dir)) && Boolean(await remoteUrl(deps.dir));
    },
    sync: () => deps.service.syncNotebook({}),
    busy,
    report(outcome) {
      deps.emit(
        outcome.ok
          ? { type: 'auto-sync', result: outcome.result }
          : {
              type: 'auto-sync',
              error: { message: toApiError(outcome.error, deps.ctx().translator()).message, first: outcome.first },
            },
      );
    },
  };
  const timer = deps.autoSync && !deps.ctx().store.readOnly ? await AutoSync.start(auto) : undefined;
  return {
    stop: async () => timer?.stop(),
    async syncBeforeClose(timeoutMs) {
      if (!deps.autoSync) return 'off';
      await timer?.stop();
      return syncBeforeClose(auto, timeoutMs);
    },
  };
}

/**
 * Copies the notebook a remote holds into `dir` (missing or empty), for the desktop's File › Open
 * shared notebook…; git is loaded only now.
 */
export async function cloneSharedNotebook(
  dir: string,
  remote: string,
  options: { credentials: GitCredentials; settings: UserSettings },
): Promise<void> {
  const { cloneNotebook } = await import('./sync');
  await cloneNotebook(dir, remote, { author: authorOf(options.settings), credentials: options.credentials });
}
