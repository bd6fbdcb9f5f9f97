/**
 * `checkNotebook` and `repairNotebook` (docs/cli.md, `dossier doctor`): what a
 * crash, a full disk or a hand edit can leave in a notebook folder, and the
 * repairs that are safe and reversible — an unlisted source file that is valid
 * is listed again (one undoable step); any other unlisted file is moved to
 * `.orphans/`, never deleted. Unreadable listed files are only reported: they
 * are restored from a backup, by hand.
 */
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { NotebookCheck, NotebookRepair, UnlistedFile } from '../../shared/api';
import { DossierError, sayError } from '../../shared/errors';
import type { Translator } from '../../shared/i18n';
import { SCHEMA_VERSION, SourceFile } from '../../shared/model';
import type { ServiceContext, ServiceMethods } from './service-context';
import { AtomicJsonFile, UnreadableFileError } from './store/atomic-json-file';
import { findStaleTempFiles } from './store/folder-guard';
import { MIGRATIONS } from './store/migrations';
import { inspectNotebookLock } from './store/notebook-lock';
import { CACHE_DIR, SOURCES_DIR, type NotebookStore } from './store/notebook-store';
import { BRIEFS_DIR } from './store/brief-files';
import type { SourceFileData } from './store/types';
import { migrateAndValidate } from './store/validate-file';

/** Where repair moves unlisted files it cannot list. */
export const ORPHANS_DIR = '.orphans';

/** An unlisted source file, read and validated like a listed one (nothing is written). */
async function readUnlisted(
  store: NotebookStore,
  name: string,
  t: Translator,
): Promise<{ report: UnlistedFile; data?: SourceFileData }> {
  const file = path.join(SOURCES_DIR, name);
  const full = path.join(store.dir, file);
  try {
    const raw = await new AtomicJsonFile<unknown>(full).read();
    if (raw === null) throw new UnreadableFileError(full, { key: 'store.unreadable.gone' });
    const data = await migrateAndValidate(raw, full, SourceFile, SCHEMA_VERSION, MIGRATIONS, 'source', {
      keepOriginal: false,
    });
    const { id, title, origin } = data.source;
    if (`${id}.json` !== name)
      throw new UnreadableFileError(full, { key: 'store.unreadable.holdsOther', params: { id } });
    const duplicateOf = store.sourceIdBySha256(origin.sha256);
    return { report: { file, id, title, ...(duplicateOf ? { duplicateOf } : {}) }, data };
  } catch (err) {
    if (err instanceof UnreadableFileError)
      return { report: { file, problem: typeof err.reason === 'string' ? err.reason : sayError(t, err.reason) } };
    if (err instanceof DossierError) return { report: { file, problem: err.inLanguage(t) } };
    throw err;
  }
}

async function unlisted(store: NotebookStore, t: Translator) {
  return Promise.all((await store.unlistedSourceFiles()).map((name) => readUnlisted(store, name, t)));
}

async function check(ctx: ServiceContext): Promise<NotebookCheck> {
  const { store } = ctx;
  const lock = await inspectNotebookLock(store.dir);
  // A temp file is a leftover only when no write is in flight: this session's are awaited; while
  // another live process holds the lock (the app), its temp files may be writes in progress.
  await Promise.all([store.flush(), ctx.history.idle()]);
  const mine = lock.state === 'held' && !store.readOnly;
  const othersWriting = lock.state === 'held' && !mine;
  const tempFiles = othersWriting ? [] : await findStaleTempFiles(store.dir, [SOURCES_DIR, BRIEFS_DIR, CACHE_DIR]);
  const base = { path: store.dir, tempFiles, tempFilesRemoved: [...store.tempFilesRemoved], lock };
  if (store.manifestProblem) {
    const empty = { sourcesChecked: 0, unreadableSources: [], unreadableBriefs: [], unlistedFiles: [] };
    return { ...base, ...empty, manifestProblem: sayError(ctx.translator(), store.manifestProblemWords!), ok: false };
  }
  const unreadableSources: NotebookCheck['unreadableSources'] = [];
  for (const { id, title } of store.manifest.sources) {
    await store.loadSource(id).catch((err: unknown) => {
      if (!(err instanceof DossierError)) throw err;
      unreadableSources.push({ id, title, problem: err.inLanguage(ctx.translator()) });
    });
  }
  const unlistedFiles = (await unlisted(store, ctx.translator())).map((u) => u.report);
  await store.listBriefs(); // reads every brief file not known yet
  const unreadableBriefs = store.unreadableBriefs.map(({ file, words }) => ({
    file,
    problem: sayError(ctx.translator(), words),
  }));
  const ok =
    !unreadableSources.length &&
    !unreadableBriefs.length &&
    !unlistedFiles.length &&
    !tempFiles.length &&
    lock.state !== 'unreadable' &&
    lock.state !== 'stale';
  return {
    ...base,
    sourcesChecked: store.manifest.sources.length,
    unreadableSources,
    unreadableBriefs,
    unlistedFiles,
    ok,
  };
}

/** `name` in `dir`, or `name.2`, `name.3` … when taken. */
async function freeName(dir: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}.${n}`;
    const taken = await stat(path.join(dir, candidate)).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

export function doctorMethods(ctx: ServiceContext): ServiceMethods<'checkNotebook' | 'repairNotebook'> {
  const { store } = ctx;
  return {
    async checkNotebook() {
      return check(ctx);
    },
    async repairNotebook() {
      if (store.manifestProblem)
        throw DossierError.of('read-only', 'notebookDoctor.nothingCanRepairedWhile', {
          manifestProblem: store.manifestProblemWords!,
        });
      if (store.readOnly) throw DossierError.of('read-only', 'notebookDoctor.notebookOpenReadOnly');
      const found = await unlisted(store, ctx.translator());
      const relist: SourceFileData[] = [];
      const aside: UnlistedFile[] = [];
      const shas = new Set<string>();
      for (const { report, data } of found) {
        const sha = data?.source.origin.sha256;
        if (data && sha && !report.duplicateOf && !shas.has(sha)) {
          shas.add(sha);
          relist.push(data);
        } else aside.push(report);
      }
      const movedAside: NotebookRepair['movedAside'] = [];
      if (aside.length) await mkdir(path.join(store.dir, ORPHANS_DIR), { recursive: true });
      for (const { file, problem, duplicateOf } of aside) {
        const to = path.join(ORPHANS_DIR, await freeName(path.join(store.dir, ORPHANS_DIR), path.basename(file)));
        await rename(path.join(store.dir, file), path.join(store.dir, to));
        const reason = duplicateOf
          ? sayError(ctx.translator(), { key: 'notebookDoctor.copyOfListed', params: { id: duplicateOf } })
          : (problem ?? sayError(ctx.translator(), { key: 'notebookDoctor.copyOfAnother' }));
        movedAside.push({ file, to, reason });
      }
      if (relist.length) {
        const label =
          relist.length === 1
            ? ctx.translator().t('history:undo.relistOne', { title: relist[0]!.source.title })
            : ctx.translator().t('history:undo.relistMany', { count: relist.length });
        await ctx.transact(label, (tx) =>
          tx.updateManifest((m) => {
            for (const { source } of relist) {
              const { text: _text, removed: _removed, ...meta } = source;
              m.sources.push(meta);
            }
          }),
        );
      }
      store.forgetUnlisted();
      return {
        relisted: relist.map(({ source }) => ({
          id: source.id,
          title: source.title,
          file: path.join(SOURCES_DIR, `${source.id}.json`),
        })),
        movedAside,
      };
    },
  };
}
