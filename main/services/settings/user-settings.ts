/**
 * A person's settings on disk: `settings.json` in the user's configuration
 * folder (Electron's userData folder in the app; the same folder from the CLI
 * and dev:web), written atomically. One store per folder per process, so every
 * open notebook session sees a change at once. A missing file means the
 * defaults; an unreadable or invalid one too, with `problem` saying why — and
 * it is only replaced when the person next changes a setting.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS, SettingsPatch, UserSettings } from '../../../shared/settings';
import { platformUserFolder, type UserFolderOptions } from '../user-folders';
import { DossierError, englishTranslator, sayError, type Words } from '../../../shared/errors';
import { AtomicJsonFile, UnreadableFileError } from '../store/atomic-json-file';

export const SETTINGS_FILE = 'settings.json';

/**
 * The per-user configuration folder: `$DOSSIER_CONFIG_DIR`, else Electron's
 * userData folder when given, else the platform's place for it — the folder
 * Electron itself chooses for an app named Dossier, so the app and the CLI
 * share one settings file.
 */
export function userConfigDir(options: UserFolderOptions = {}): string {
  const env = options.env ?? process.env;
  if (env.DOSSIER_CONFIG_DIR) return path.resolve(env.DOSSIER_CONFIG_DIR);
  if (options.userData) return options.userData;
  return platformUserFolder('config', options);
}

export class UserSettingsStore {
  private static readonly byFolder = new Map<string, UserSettingsStore>();

  /** The one store of a folder in this process; without a folder, settings kept in memory only (tests). */
  static for(dir: string | undefined): UserSettingsStore {
    if (dir === undefined) return new UserSettingsStore(undefined);
    const key = path.resolve(dir);
    let store = UserSettingsStore.byFolder.get(key);
    if (!store) UserSettingsStore.byFolder.set(key, (store = new UserSettingsStore(key)));
    return store;
  }

  private current: UserSettings = DEFAULT_SETTINGS;
  private loaded: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(settings: UserSettings) => void>();
  /** Why the stored file could not be used (the defaults are in effect), if it could not: in words, to say in the person's language. */
  problemWords: Words | undefined;

  private constructor(readonly dir: string | undefined) {}

  private get file(): AtomicJsonFile<unknown> | undefined {
    return this.dir === undefined ? undefined : new AtomicJsonFile(path.join(this.dir, SETTINGS_FILE));
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const file = this.file;
      if (!file) return;
      try {
        const raw = await file.read();
        if (raw === null) return;
        const parsed = UserSettings.safeParse(raw);
        if (parsed.success) this.current = parsed.data;
        else this.problemWords = { key: 'settings.invalid', params: { file: file.file } };
      } catch (err) {
        this.problemWords =
          err instanceof UnreadableFileError
            ? { key: 'settings.unreadable', params: { file: file.file, detail: err.reason } }
            : err instanceof DossierError && err.words
              ? err.words
              : { key: 'settings.unreadable', params: { file: file.file, detail: (err as Error).message } };
      }
    })();
    return this.loaded;
  }

  /** The problem in English, for logs. */
  get problem(): string | undefined {
    return this.problemWords && sayError(englishTranslator(), this.problemWords);
  }

  async get(): Promise<UserSettings> {
    await this.load();
    return this.current;
  }

  /** The settings as last read (the defaults before the first `get`), for code that cannot wait. */
  peek(): UserSettings {
    return this.current;
  }

  /** Replaces the given fields, writes the file, tells every listener. */
  update(patch: SettingsPatch): Promise<UserSettings> {
    const run = this.queue.then(async () => {
      await this.load();
      const next = UserSettings.parse({ ...this.current, ...SettingsPatch.parse(patch) });
      const file = this.file;
      if (file) {
        await mkdir(path.dirname(file.file), { recursive: true });
        await file.write(next);
      }
      this.current = next;
      this.problemWords = undefined;
      for (const listener of this.listeners) listener(next);
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Called after each change; returns the unsubscribe function. */
  onChange(listener: (settings: UserSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
