/**
 * Command-line and environment options of the desktop app (pure).
 *
 *   DOSSIER_NOTEBOOK=<folder>      open this notebook (tests, scripts)
 *   --notebook=<folder> | --notebook <folder>   the same on the command line
 *   DOSSIER_USER_DATA=<folder>     keep settings (the recent list) there instead of the OS default
 */
import path from 'node:path';

export interface LaunchOptions {
  notebook?: string;
  userData?: string;
}

export function parseLaunchOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  cwd: string,
): LaunchOptions {
  const options: LaunchOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--notebook=')) {
      const value = arg.slice('--notebook='.length);
      if (value) options.notebook = path.resolve(cwd, value);
    } else if (arg === '--notebook' && i + 1 < argv.length) {
      options.notebook = path.resolve(cwd, argv[++i]!);
    }
  }
  if (!options.notebook && env.DOSSIER_NOTEBOOK) options.notebook = path.resolve(cwd, env.DOSSIER_NOTEBOOK);
  if (env.DOSSIER_USER_DATA) options.userData = path.resolve(cwd, env.DOSSIER_USER_DATA);
  return options;
}
