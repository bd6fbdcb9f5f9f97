/**
 * Sharing and syncing a notebook folder through git (docs/team.md). Works on
 * the folder's files; the session flushes the open store before and reopens
 * it after, so the app shows what the merge made.
 *
 * A sync: commit what changed here (the message lists the undo labels since
 * the last sync); fetch; when both sides moved on, merge the notebook's
 * files record by record (notebook-merge.ts) over the three trees — base is
 * the merge-base commit — and commit the merge with both parents; bring the
 * folder to the new commit; push. Bringing the folder to a commit is
 * journalled: `.git/dossier-checkout` names the commit before the branch
 * moves, and the next sync finishes a checkout a crash interrupted.
 */
import path from 'node:path';
import { DossierError } from '../../../shared/errors';
import { createTranslator, type Translator } from '../../../shared/i18n';
import type { Conflict } from '../../../shared/team/conflicts';
import {
  BRANCH,
  ensureLocalRemote,
  fetchRemote,
  fs,
  git,
  isRepo,
  pushRemote,
  readText,
  remoteUrl,
  resolve,
  safeAddress,
  setRemote,
  treeFiles,
  writeFilesTree,
  writeText,
  type GitCredentials,
} from './git-repo';
import { fileKind, mergeNotebook, splitLegacyBriefs, type FileVersions } from './merge/notebook-merge';

export interface GitAuthor {
  name: string;
  email: string;
}

export interface TeamOptions {
  author: GitAuthor;
  credentials: GitCredentials;
  /** The command git runs as the merge driver (`… merge-driver %O %A %B %P`); registered by share when given. */
  mergeDriver?: string;
  /** Called at the steps of a sync, for tests that stop it part way. */
  onStep?: (step: SyncStep) => void | Promise<void>;
  /** The words of the commits this copy makes (the person's language, as its undo labels); English if none. */
  words?: Translator;
}

export type SyncStep = 'committed' | 'fetched' | 'merged' | 'checkout' | 'moved' | 'pushed';

export interface SyncResult {
  state: 'up-to-date' | 'pushed' | 'pulled' | 'merged' | 'local';
  /** The commit the notebook is at after the sync. */
  commit?: string;
  /** Conflicts this sync's merge found. */
  conflicts: Conflict[];
  /** Whether the notebook's files changed (the store must be reopened). */
  changedFiles: boolean;
}

const JOURNAL = 'dossier-checkout';
const SYNC_STATE = 'dossier-sync.json';

const GITIGNORE = ['.lock', '.cache/', '*.bak'];
const GITATTRIBUTES = ['notebook.json merge=dossier', 'sources/*.json merge=dossier', 'briefs/*.json merge=dossier'];

/** Adds the lines a file lacks (creating it), keeping what is there. */
async function ensureLines(file: string, lines: string[]): Promise<void> {
  const text = await fs.promises.readFile(file, 'utf8').catch(() => '');
  const have = new Set(text.split(/\r?\n/));
  const missing = lines.filter((l) => !have.has(l));
  if (missing.length)
    await fs.promises.writeFile(file, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`);
}

/** Registers Dossier's merge driver for plain git (`git pull`) in this working copy. */
export async function registerMergeDriver(dir: string, command: string): Promise<void> {
  await ensureLines(path.join(dir, '.gitattributes'), GITATTRIBUTES);
  await git.setConfig({ fs, dir, path: 'merge.dossier.name', value: 'Dossier record-level merge' });
  await git.setConfig({ fs, dir, path: 'merge.dossier.driver', value: command });
}

/** Commits every change of the folder (what .gitignore leaves); returns the new commit, or undefined when nothing changed. */
export async function commitAll(dir: string, message: string, author: GitAuthor): Promise<string | undefined> {
  const head = await resolve('HEAD', { dir });
  let changed = !head;
  for (const [file, headStatus, workdir, stage] of await git.statusMatrix({ fs, dir })) {
    if (headStatus === 1 && workdir === 1 && stage === 1) continue;
    changed = true;
    if (workdir === 0) await git.remove({ fs, dir, filepath: file });
    else await git.add({ fs, dir, filepath: file });
  }
  if (!changed) return undefined;
  return git.commit({ fs, dir, message, author: { ...author, timestamp: Math.floor(Date.now() / 1000) } });
}

/**
 * Shares a notebook folder: a git repository in it (when there is none), .gitignore and
 * .gitattributes, a first commit, the remote, a push. A remote that already holds a notebook is
 * synced with instead (the histories merge).
 */
export async function shareNotebook(
  dir: string,
  remote: string | undefined,
  options: TeamOptions,
): Promise<SyncResult> {
  if (!(await isRepo(dir))) {
    await git.init({ fs, dir, defaultBranch: BRANCH });
    if (remote && (await holdsNothing(dir))) {
      // Joining: an empty notebook takes the team's notebook as it is.
      await ensureLocalRemote(remote);
      await setRemote(dir, remote);
      const theirs = await fetchRemote({ dir, credentials: options.credentials }, remote).catch(
        async (err: unknown) => {
          // Not joined: the next try starts afresh.
          await fs.promises.rm(path.join(dir, '.git'), { recursive: true, force: true });
          throw err;
        },
      );
      if (theirs) {
        await checkout(dir, theirs, async () => undefined);
        if (options.mergeDriver) await registerMergeDriver(dir, options.mergeDriver);
        return { state: 'pulled', commit: theirs, conflicts: [], changedFiles: true };
      }
    }
  }
  await ensureLines(path.join(dir, '.gitignore'), GITIGNORE);
  if (options.mergeDriver) await registerMergeDriver(dir, options.mergeDriver);
  else await ensureLines(path.join(dir, '.gitattributes'), GITATTRIBUTES);
  await commitAll(dir, (options.words ?? createTranslator('en')).t('team:commit.share'), options.author);
  // Shared before (a clone, say): registering is done, and a sync shares what is new.
  if (!remote && (await remoteUrl(dir))) return syncNotebook(dir, [], options);
  if (!remote) return { state: 'local', commit: await resolve('HEAD', { dir }), conflicts: [], changedFiles: false };
  await ensureLocalRemote(remote);
  await setRemote(dir, remote);
  return syncNotebook(dir, [], options);
}

/**
 * Makes `dir` a copy of the notebook a remote holds (File › Open shared notebook…): `dir` must be
 * missing or empty; the team's branch is fetched and checked out there. A failure leaves no folder
 * behind that was not there before (an empty one stays empty).
 */
export async function cloneNotebook(dir: string, remote: string, options: TeamOptions): Promise<SyncResult> {
  const existed = await fs.promises.readdir(dir).then(
    (entries) => {
      if (entries.length) throw DossierError.of('invalid-input', 'team.cloneIntoNonEmpty', { dir });
      return true;
    },
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false;
      throw err;
    },
  );
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    await git.init({ fs, dir, defaultBranch: BRANCH });
    await setRemote(dir, remote);
    const theirs = await fetchRemote({ dir, credentials: options.credentials }, remote);
    if (!theirs) throw DossierError.of('not-found', 'team.remoteHoldsNoNotebook', { where: safeAddress(remote) });
    await checkout(dir, theirs, async () => undefined);
    if (!(await fs.promises.stat(path.join(dir, 'notebook.json')).catch(() => undefined)))
      throw DossierError.of('not-found', 'team.remoteHoldsNoNotebook', { where: safeAddress(remote) });
    if (options.mergeDriver) await registerMergeDriver(dir, options.mergeDriver);
    await fs.promises.writeFile(path.join(dir, '.git', SYNC_STATE), JSON.stringify({ at: new Date().toISOString() }));
    return { state: 'pulled', commit: theirs, conflicts: [], changedFiles: true };
  } catch (err) {
    if (existed) {
      for (const entry of await fs.promises.readdir(dir))
        await fs.promises.rm(path.join(dir, entry), { recursive: true, force: true });
    } else await fs.promises.rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** A notebook with nothing in it yet (no source, actor, tag, brief or relation): it may join a team's. */
async function holdsNothing(dir: string): Promise<boolean> {
  try {
    const m = JSON.parse(await fs.promises.readFile(path.join(dir, 'notebook.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const briefFiles = (await fs.promises.readdir(path.join(dir, 'briefs')).catch(() => [] as string[])).filter((n) =>
      n.endsWith('.json'),
    );
    return (
      !briefFiles.length &&
      ['sources', 'actors', 'tags', 'briefs', 'relations'].every((k) => !(m[k] as unknown[] | undefined)?.length)
    );
  } catch {
    return false;
  }
}

/** The undo labels done since the last sync, as a commit message. */
export function syncMessage(labels: readonly string[], words: Translator = createTranslator('en')): string {
  if (!labels.length) return words.t('team:commit.sync');
  const head =
    labels.length === 1 ? labels[0]! : words.t('team:commit.more', { first: labels[0]!, count: labels.length - 1 });
  return labels.length === 1 ? head : `${head}\n\n${labels.map((l) => `- ${l}`).join('\n')}`;
}

/** When the last sync ended (ISO 8601), kept in the repository, not in the notebook. */
export async function lastSyncAt(dir: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await fs.promises.readFile(path.join(dir, '.git', SYNC_STATE), 'utf8')) as { at?: string }).at;
  } catch {
    return undefined;
  }
}

/** Syncs with the remote; `labels` are the undo labels since the last sync (the commit message). */
export async function syncNotebook(dir: string, labels: readonly string[], options: TeamOptions): Promise<SyncResult> {
  if (!(await isRepo(dir))) throw DossierError.of('invalid-input', 'team.notShared');
  const url = await remoteUrl(dir);
  const step = async (s: SyncStep) => options.onStep?.(s);
  let changedFiles = await finishCheckout(dir);
  await commitAll(dir, syncMessage(labels, options.words), options.author);
  await step('committed');
  const repo = { dir, credentials: options.credentials };
  const local = await resolve(`refs/heads/${BRANCH}`, { dir });
  if (!url) return { state: 'local', commit: local, conflicts: [], changedFiles };
  const remote = await fetchRemote(repo, url);
  await step('fetched');
  let state: SyncResult['state'] = 'up-to-date';
  let target = local;
  let conflicts: Conflict[] = [];
  if (remote && remote !== local) {
    if (!local || (await git.isDescendent({ fs, dir, oid: remote, ancestor: local, depth: -1 }))) {
      state = 'pulled';
      target = remote;
    } else if (await git.isDescendent({ fs, dir, oid: local, ancestor: remote, depth: -1 })) {
      state = 'pushed';
    } else {
      state = 'merged';
      ({ commit: target, conflicts } = await mergeCommits(dir, local, remote, options.author, options.words));
      await step('merged');
    }
    if (target !== local) {
      await checkout(dir, target!, step);
      changedFiles = true;
    }
  } else if (!remote && local) state = 'pushed';
  if (target && target !== remote) {
    await pushRemote(repo, url, target, remote);
    if (state === 'up-to-date') state = 'pushed';
  }
  await step('pushed');
  await fs.promises.writeFile(path.join(dir, '.git', SYNC_STATE), JSON.stringify({ at: new Date().toISOString() }));
  return { state, commit: target, conflicts, changedFiles };
}

/** A tree whose manifest still holds the briefs, with each brief in the file the store moves it into instead. */
async function withBriefFiles(dir: string, tree: Map<string, string>): Promise<Map<string, string>> {
  const legacy = splitLegacyBriefs(await readText(dir, tree.get('notebook.json')));
  if (!legacy) return tree;
  const moved = new Map(tree);
  moved.set('notebook.json', await writeText(dir, legacy.manifest));
  for (const [file, text] of legacy.briefs) if (!moved.has(file)) moved.set(file, await writeText(dir, text));
  return moved;
}

/** Merges two commits record by record over their trees; returns the merge commit. */
async function mergeCommits(dir: string, ours: string, theirs: string, author: GitAuthor, words?: Translator) {
  const [base] = await git.findMergeBase({ fs, dir, oids: [ours, theirs] });
  // A side from before briefs had files of their own: its briefs as the files they become (so each merges as one).
  const moved = async (commit: string | undefined) => withBriefFiles(dir, await treeFiles(dir, commit));
  const [b, o, t] = await Promise.all([moved(base), moved(ours), moved(theirs)]);
  const { commit: theirCommit } = await git.readCommit({ fs, dir, oid: theirs });
  const versions = new Map<string, FileVersions>();
  const result = new Map(o);
  for (const file of new Set([...b.keys(), ...o.keys(), ...t.keys()])) {
    const [bo, oo, to] = [b.get(file), o.get(file), t.get(file)];
    if (oo === to || bo === to) continue; // the same on both sides, or only ours changed it
    if (bo === oo) {
      // Only theirs changed it.
      if (to) result.set(file, to);
      else result.delete(file);
      continue;
    }
    if (fileKind(file)) {
      const [base, mine, yours] = await Promise.all([readText(dir, bo), readText(dir, oo), readText(dir, to)]);
      versions.set(file, { base, ours: mine, theirs: yours });
    } // any other file changed on both sides keeps ours
  }
  // The manifest always takes part: it records the conflicts and lists the sources the merge keeps.
  // Not changed on both sides, it is the one already chosen (theirs when only they changed it).
  if (!versions.has('notebook.json')) {
    const text = await readText(dir, result.get('notebook.json'));
    versions.set('notebook.json', { base: text, ours: text, theirs: text });
  }
  const merged = mergeNotebook(versions, {
    oursBy: `${author.name} <${author.email}>`,
    theirsBy: `${theirCommit.author.name} <${theirCommit.author.email}>`,
    at: new Date().toISOString(),
  });
  for (const [file, text] of merged.files) {
    if (text === undefined) result.delete(file);
    else result.set(file, await writeText(dir, text));
  }
  const tree = await writeFilesTree(dir, result);
  const commit = await git.commit({
    fs,
    dir,
    message: (words ?? createTranslator('en')).t('team:commit.merge', { count: merged.conflicts.length }),
    author: { ...author, timestamp: Math.floor(Date.now() / 1000) },
    tree,
    parent: [ours, theirs],
    noUpdateBranch: true,
  });
  return { commit, conflicts: merged.conflicts };
}

/**
 * Brings the folder and the branch to `target`: the journal first, then the branch, then the files
 * (a forced checkout of the branch: every change here was committed before), then the journal goes.
 */
async function checkout(dir: string, target: string, step: (s: SyncStep) => Promise<void>): Promise<void> {
  await fs.promises.writeFile(path.join(dir, '.git', JOURNAL), target);
  await step('checkout');
  await git.writeRef({ fs, dir, ref: `refs/heads/${BRANCH}`, value: target, force: true });
  await step('moved');
  await git.checkout({ fs, dir, ref: BRANCH, force: true });
  await fs.promises.rm(path.join(dir, '.git', JOURNAL), { force: true });
}

/** Finishes a checkout a crash interrupted (see checkout); true when it did one. */
async function finishCheckout(dir: string): Promise<boolean> {
  let target: string;
  try {
    target = (await fs.promises.readFile(path.join(dir, '.git', JOURNAL), 'utf8')).trim();
  } catch {
    return false;
  }
  if (!/^[0-9a-f]{40}$/.test(target)) {
    await fs.promises.rm(path.join(dir, '.git', JOURNAL), { force: true });
    return false;
  }
  await checkout(dir, target, async () => undefined);
  return true;
}
