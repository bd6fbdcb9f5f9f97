/**
 * The per-user folders Dossier keeps things in outside notebooks: the
 * platform's place for an app's configuration or data, with `Dossier` below
 * it (the folder Electron chooses for an app of that name).
 */
import os from 'node:os';
import path from 'node:path';

export interface UserFolderOptions {
  /** Electron's userData folder, when the app runs. */
  userData?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * `~/Library/Application Support/Dossier` on macOS, `%APPDATA%\Dossier` on
 * Windows; on Linux `$XDG_CONFIG_HOME` or `~/.config` for configuration,
 * `$XDG_DATA_HOME` or `~/.local/share` for data.
 */
export function platformUserFolder(kind: 'config' | 'data', options: UserFolderOptions = {}): string {
  const env = options.env ?? process.env;
  const home = options.home ?? os.homedir();
  const platform = options.platform ?? process.platform;
  const [xdg, fallback] =
    kind === 'config' ? [env.XDG_CONFIG_HOME, ['.config']] : [env.XDG_DATA_HOME, ['.local', 'share']];
  const base =
    platform === 'darwin'
      ? path.join(home, 'Library', 'Application Support')
      : platform === 'win32'
        ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
        : xdg && path.isAbsolute(xdg)
          ? xdg
          : path.join(home, ...fallback);
  return path.join(base, 'Dossier');
}
