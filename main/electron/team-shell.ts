/**
 * The desktop's side of team notebooks (docs/team.md), bound to Electron:
 * the keychain for tokens (safeStorage), the folder dialogs of File › Share
 * notebook… and Open shared notebook…, the sync on close when the app quits
 * or another notebook is opened, and the log lines of automatic syncs that
 * failed. index.ts wires these into the sessions, the IPC door and the
 * notebook controller.
 */
import path from 'node:path';
import { dialog, safeStorage, type BrowserWindow } from 'electron';
import type { ParseKeys } from 'i18next';
import type { Translator } from '../../shared/i18n';
import type { LogFile } from '../services/log-file';
import { say, type UserSettingsStore } from '../services/session';
import { KeychainCredentials } from './keychain';
import type { ControlledSession } from './notebook-controller';
import type { TeamDesktopOptions } from './team-desktop';

/** How long quitting (or opening another notebook) waits for the sync on close at most. */
export const CLOSE_SYNC_MS = 15_000;

export interface TeamShellDeps {
  /** The person's configuration folder: the encrypted tokens are kept there. */
  settingsDir: string;
  settings: UserSettingsStore;
  /** The window the dialogs belong to, if there is one. */
  window(): BrowserWindow | null;
  translator(): Translator;
  /** Where a copy of a shared notebook is suggested: `<documents>/Dossier`. */
  notebooksDir: string;
  openNotebook(dir: string): Promise<boolean>;
  log: LogFile;
}

export function desktopTeam(deps: TeamShellDeps) {
  const tt = (key: `team:${ParseKeys<'team'>}`) => say(deps.translator(), key);
  const credentials = new KeychainCredentials(deps.settingsDir, safeStorage);
  const open = (opts: Electron.OpenDialogOptions) => {
    const win = deps.window();
    return win ? dialog.showOpenDialog(win, opts) : dialog.showOpenDialog(opts);
  };
  const save = (opts: Electron.SaveDialogOptions) => {
    const win = deps.window();
    return win ? dialog.showSaveDialog(win, opts) : dialog.showSaveDialog(opts);
  };
  const options: TeamDesktopOptions = {
    credentials,
    async pickRemoteFolder(purpose) {
      const sharing = purpose === 'share';
      const result = await open({
        title: tt(sharing ? 'team:share.dialog.remoteTitle' : 'team:share.dialog.openRemoteTitle'),
        buttonLabel: tt(sharing ? 'team:share.dialog.remoteButton' : 'team:share.dialog.openRemoteButton'),
        // Sharing may make the folder (Windows asks to create a typed one); opening needs one that is there.
        properties: sharing ? ['openDirectory', 'createDirectory', 'promptToCreate'] : ['openDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickCopyFolder(defaultName) {
      const result = await save({
        title: tt('team:share.dialog.copyTitle'),
        buttonLabel: tt('team:share.dialog.copyButton'),
        defaultPath: path.join(deps.notebooksDir, defaultName),
        nameFieldLabel: tt('team:share.dialog.copyNameField'),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    openNotebook: (dir) => deps.openNotebook(dir),
    settings: () => deps.settings.get(),
  };
  return {
    credentials,
    options,
    /** The sync on close the person's settings ask for, bounded; a failure goes to the log and the close goes on. */
    async beforeClose(session: ControlledSession): Promise<void> {
      const outcome = await session.syncBeforeClose?.(CLOSE_SYNC_MS).catch(() => 'failed');
      if (outcome === 'failed' || outcome === 'timed-out')
        deps.log.write('warn', 'main', `The sync on close of ${session.dir}: ${outcome}`);
    },
    /** Logs every failed automatic sync of a new session (the window tells the person once per run of them). */
    watch<S extends ControlledSession>(session: S): S {
      session.onEvent((e) => {
        if (e.type === 'auto-sync' && e.error) deps.log.write('warn', 'main', `Automatic sync: ${e.error.message}`);
      });
      return session;
    },
  };
}
