/**
 * The team area's methods over an open notebook (docs/team.md): its sharing
 * status, the conflicts merges kept, and resolving one as an undoable change.
 * Sharing and syncing replace the notebook's files, so the session runs them
 * (it reopens the store after): see team-session.ts.
 */
import path from 'node:path';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { DossierError } from '../../../shared/errors';
import { BriefFile, NotebookManifest, SCHEMA_VERSION, SourceFile } from '../../../shared/model';
import { PendingConflicts, type Conflict } from '../../../shared/team/conflicts';
import type { ServiceContext, ServiceMethods, Transaction } from '../service-context';
import { MANIFEST, mergeConflictLists, resolveInFile } from './merge/notebook-merge';
import { chosenValue } from './merge/resolve';

/** Conflicts `dossier merge-driver` found in source files during a plain `git pull`, until folded into the manifest. */
export const PENDING_CONFLICTS = path.join('.cache', 'merge-conflicts.json');

export async function readPendingConflicts(dir: string): Promise<Conflict[]> {
  try {
    const parsed = PendingConflicts.safeParse(JSON.parse(await readFile(path.join(dir, PENDING_CONFLICTS), 'utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Adds conflicts to the pending list (merged by id). */
export async function addPendingConflicts(dir: string, found: readonly Conflict[]): Promise<void> {
  if (!found.length) return;
  const list = mergeConflictLists(undefined, await readPendingConflicts(dir), undefined, found);
  await mkdir(path.join(dir, '.cache'), { recursive: true });
  await writeFile(path.join(dir, PENDING_CONFLICTS), `${JSON.stringify(list, null, 1)}\n`);
}

/** Every open conflict: the manifest's and those a merge driver left pending. */
async function openConflicts(ctx: ServiceContext): Promise<Conflict[]> {
  return mergeConflictLists(
    undefined,
    ctx.store.manifest.conflicts ?? [],
    undefined,
    await readPendingConflicts(ctx.store.dir),
  );
}

/** Replaces a draft's fields with `next`'s (an immer draft must be changed in place). */
export function replaceFields(draft: object, next: object): void {
  const d = draft as Record<string, unknown>;
  for (const k of Object.keys(d)) if (!(k in next)) delete d[k];
  Object.assign(d, next);
}

/**
 * Folds the pending conflicts into the manifest inside a transaction, and returns the cleanup to
 * run once it committed (the pending file goes).
 */
export async function foldPendingConflicts(ctx: ServiceContext, tx: Transaction): Promise<() => Promise<void>> {
  const pending = await readPendingConflicts(ctx.store.dir);
  if (!pending.length) return async () => undefined;
  await tx.updateManifest((m) => {
    m.conflicts = mergeConflictLists(undefined, m.conflicts ?? [], undefined, pending);
  });
  return () => rm(path.join(ctx.store.dir, PENDING_CONFLICTS), { force: true });
}

export function teamMethods(
  ctx: ServiceContext,
): ServiceMethods<'getTeamStatus' | 'listConflicts' | 'resolveConflict'> {
  return {
    async getTeamStatus() {
      // git is loaded when a notebook's sharing is asked about, not with every session.
      const { isRepo, remoteUrl, safeAddress } = await import('./git-repo');
      const { lastSyncAt } = await import('./sync');
      const dir = ctx.store.dir;
      const shared = await isRepo(dir);
      const url = shared ? await remoteUrl(dir) : undefined;
      const at = shared ? await lastSyncAt(dir) : undefined;
      return {
        shared,
        ...(url ? { remote: safeAddress(url) } : {}),
        ...(at ? { lastSyncAt: at } : {}),
        conflicts: (await openConflicts(ctx)).length,
      };
    },
    listConflicts: () => openConflicts(ctx),
    async resolveConflict({ id, take }) {
      const conflict = (await openConflicts(ctx)).find((c) => c.id === id);
      if (!conflict) throw DossierError.of('not-found', 'team.noConflict', { id });
      const chosen = chosenValue(conflict, take);
      const label = ctx.translator().t('history:undo.resolveConflict', { label: conflict.label });
      const sourceId = /^sources\/(.+)\.json$/.exec(conflict.file)?.[1];
      const briefId = /^briefs\/(.+)\.json$/.exec(conflict.file)?.[1];
      let cleanup = async () => {};
      await ctx.transact(label, async (tx) => {
        cleanup = await foldPendingConflicts(ctx, tx);
        if (conflict.file === MANIFEST) {
          const { conflicts: _open, ...current } = structuredClone(ctx.store.manifest);
          const next = resolveInFile(current, conflict, chosen);
          if (!NotebookManifest.safeParse(next).success)
            throw DossierError.of('invalid-input', 'team.valueDoesNotFit', { label: conflict.label });
          await tx.updateManifest((m) => replaceFields(m, { ...(next as object), conflicts: m.conflicts }));
        } else if (sourceId) {
          await resolveInSource(ctx, tx, sourceId, conflict, chosen);
        } else if (briefId) {
          await resolveInBrief(ctx, tx, briefId, conflict, chosen);
        }
        await tx.updateManifest((m) => {
          const rest = (m.conflicts ?? []).filter((c) => c.id !== id);
          if (rest.length) m.conflicts = rest;
          else delete m.conflicts;
        });
      });
      await cleanup();
      return { label };
    },
  };
}

async function resolveInBrief(ctx: ServiceContext, tx: Transaction, id: string, conflict: Conflict, chosen: unknown) {
  const present = await ctx.store.hasBrief(id);
  const current = present
    ? { schemaVersion: SCHEMA_VERSION, brief: structuredClone(await ctx.store.loadBrief(id)) }
    : undefined;
  const next = resolveInFile(current, conflict, chosen);
  if (next === undefined) {
    if (present) await tx.removeBrief(id);
    return;
  }
  const parsed = BriefFile.safeParse(next);
  if (!parsed.success || parsed.data.brief.id !== id)
    throw DossierError.of('invalid-input', 'team.valueDoesNotFit', { label: conflict.label });
  if (present) await tx.updateBrief(id, (b) => replaceFields(b, parsed.data.brief));
  else await tx.addBrief(parsed.data.brief);
}

async function resolveInSource(ctx: ServiceContext, tx: Transaction, id: string, conflict: Conflict, chosen: unknown) {
  const present = ctx.store.hasSource(id);
  const current = present ? structuredClone(await ctx.store.loadSource(id)) : undefined;
  const next = resolveInFile(current, conflict, chosen);
  if (next === undefined) {
    if (!present) return;
    await tx.updateManifest((m) => {
      m.sources = m.sources.filter((s) => s.id !== id);
    });
    await tx.removeSource(id);
    return;
  }
  const parsed = SourceFile.safeParse(next);
  if (!parsed.success || parsed.data.source.id !== id)
    throw DossierError.of('invalid-input', 'team.valueDoesNotFit', { label: conflict.label });
  if (present) await tx.updateSource(id, (f) => replaceFields(f, parsed.data));
  else await tx.addSource(parsed.data);
}
