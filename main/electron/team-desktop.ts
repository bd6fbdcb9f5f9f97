/**
 * File › Share notebook… and File › Open shared notebook… in the desktop app
 * (docs/team.md). The page shows the dialog (a folder, or a web address with
 * an optional token); main does the rest, so no page names a path:
 *
 *   - a folder remote is chosen with main's own folder dialog; a folder with
 *     other files in it gets a new `<notebook>.git` inside rather than git's
 *     files among them;
 *   - a token goes into the system's keychain (keychain.ts), never into the
 *     notebook, and the sessions read it from there;
 *   - sharing calls the trusted `shareNotebook`; opening clones into a folder
 *     the person picks and opens it in the window.
 *
 * The page hears folders' names, never their paths, as with File › Export.
 */
import path from 'node:path';
import { readdir, stat } from 'node:fs/promises';
import { desktopSchemas, type RemoteChoice } from '../../shared/api';
import { DossierError, toApiError, type Result } from '../../shared/errors';
import type { Translator } from '../../shared/i18n';
import type { UserSettings } from '../../shared/settings';
import { callApi, cloneSharedNotebook } from '../services/session';
import type { Handled } from './ipc';
import { tokenKey, type KeychainCredentials } from './keychain';
import { NOTEBOOK_SUFFIX, withNotebookSuffix } from './notebook-controller';

export interface TeamDesktopOptions {
  credentials: KeychainCredentials;
  /** A folder picker for a remote (one that does not exist yet may be made); null when cancelled. */
  pickRemoteFolder(purpose: 'share' | 'open'): Promise<string | null>;
  /** Where the copy of a shared notebook goes, suggesting `defaultName`; null when cancelled. */
  pickCopyFolder(defaultName: string): Promise<string | null>;
  /** Opens a notebook folder in the window; true when it opened. */
  openNotebook(dir: string): Promise<boolean>;
  /** The person's settings (who commits). */
  settings(): Promise<UserSettings>;
}

/** A result whose message names each of `folders` by its name only (the page never learns where they are). */
export function withFolderNames<T>(result: Result<T>, ...folders: Array<string | undefined>): Result<T> {
  if (result.ok) return result;
  let message = result.error.message;
  for (const folder of folders) if (folder) message = message.split(path.resolve(folder)).join(path.basename(folder));
  return { ok: false, error: { ...result.error, message } };
}

const isRepository = async (dir: string) =>
  (await stat(path.join(dir, 'HEAD')).catch(() => null)) !== null ||
  (await stat(path.join(dir, '.git', 'HEAD')).catch(() => null)) !== null;

/** The remote a picked folder stands for: itself when empty, missing or a repository; else a new one inside. */
export async function remoteInFolder(picked: string, notebookDir: string): Promise<string> {
  const entries = await readdir(picked).catch(() => [] as string[]);
  if (!entries.length || (await isRepository(picked))) return picked;
  const name = path.basename(notebookDir).replace(new RegExp(`\\${NOTEBOOK_SUFFIX}$`, 'i'), '') || 'notebook';
  return path.join(picked, `${name}.git`);
}

/** The name a copy of `remote` is suggested under: `team.git` → `team.dossier`. */
export function copyName(remote: string): string {
  const last =
    remote
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? '';
  return withNotebookSuffix(last.replace(/\.git$/i, '') || 'Shared notebook');
}

export function teamDesktopHandlers(
  options: TeamDesktopOptions | undefined,
): Record<'shareNotebookWithDialog' | 'openSharedNotebookWithDialog', Handled> {
  const unsupported = (t: Translator | undefined): Result<never> => ({
    ok: false,
    error: toApiError(DossierError.of('unsupported', 'electron.sharingUnavailable'), t),
  });
  /** The remote the person chose: a folder main asked for, or a web address (its token kept first). */
  const choose = async (choice: RemoteChoice, purpose: 'share' | 'open', notebookDir: string) => {
    if (!options) return null;
    if (choice.kind === 'folder') {
      const picked = await options.pickRemoteFolder(purpose);
      if (!picked) return null;
      const remote = purpose === 'share' ? await remoteInFolder(picked, notebookDir) : picked;
      return { remote, shown: path.basename(remote), folder: remote };
    }
    const url = tokenKey(choice.url);
    if (choice.token) await options.credentials.save(url, choice.token, choice.username || undefined);
    return { remote: url, shown: url, folder: undefined };
  };
  return {
    async shareNotebookWithDialog(session, _contents, input, t) {
      if (!options) return unsupported(t);
      const { remote } = desktopSchemas.shareNotebookWithDialog.input.parse(input ?? {});
      const notebook = (await callApi(session.service, 'getNotebook', {})) as Result<{ path: string }>;
      const dir = notebook.ok ? notebook.value.path : '';
      let chosen;
      try {
        chosen = await choose(remote, 'share', dir);
      } catch (err) {
        return { ok: false, error: toApiError(err, session.translator?.()) };
      }
      if (!chosen) return { ok: true, value: { shared: false } };
      const result = await callApi(session.service, 'shareNotebook', { remote: chosen.remote }, session.translator?.());
      if (!result.ok) return withFolderNames(result, chosen.folder);
      return { ok: true, value: { shared: true, remote: chosen.shown, result: result.value } };
    },
    async openSharedNotebookWithDialog(session, _contents, input, t) {
      if (!options) return unsupported(t);
      const { remote } = desktopSchemas.openSharedNotebookWithDialog.input.parse(input ?? {});
      let dir: string | undefined;
      let from: string | undefined;
      try {
        const chosen = await choose(remote, 'open', '');
        from = chosen?.folder;
        if (!chosen) return { ok: true, value: { opened: false } };
        const target = await options.pickCopyFolder(copyName(chosen.remote));
        if (!target) return { ok: true, value: { opened: false } };
        dir = withNotebookSuffix(target);
        await cloneSharedNotebook(dir, chosen.remote, {
          credentials: options.credentials,
          settings: await options.settings(),
        });
        const opened = await options.openNotebook(dir);
        return { ok: true, value: { opened, name: path.basename(dir) } };
      } catch (err) {
        return withFolderNames({ ok: false, error: toApiError(err, session.translator?.()) }, dir, from);
      }
    },
  };
}
