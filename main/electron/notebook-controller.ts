/**
 * Which notebook the window shows: opening at start-up (requested path,
 * else the most recent, else the default notebook in the documents folder),
 * switching through File › New / Open / Open recent, and recovering when a
 * notebook cannot be opened (locked by another process, unreadable folder):
 * the person gets a readable message and a choice, the app never crashes.
 *
 * All dialogs and the session factory are injected, so this is tested in
 * plain Node with fakes; index.ts binds them to Electron.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiEvent, DossierService } from '../../shared/api';
import type { ParseKeys } from 'i18next';
import { toApiError } from '../../shared/errors';
import type { Translator } from '../../shared/i18n';
import { say, translatorFor } from '../services/settings/language';
import type { RecentNotebooks } from './recent';

export const NOTEBOOK_SUFFIX = '.dossier';
export const MANIFEST_NAME = 'notebook.json';

export interface ControlledSession {
  readonly dir: string;
  readonly service: DossierService;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  close(): Promise<void>;
  /** The person's language (a notebook session has it). */
  translator?(): Translator;
  /** The sync on close the person's settings ask for (a notebook session has it): bounded, never rejects. */
  syncBeforeClose?(timeoutMs: number): Promise<string>;
}

export type OpenSession = (dir: string, options: { title?: string }) => Promise<ControlledSession>;

/** What the person is asked when a notebook cannot be opened. */
export type FailureChoice = 'open' | 'new' | 'quit';

export interface ShellDialogs {
  /** Folder picker for File › Open notebook…; null when cancelled. */
  pickNotebookFolder(): Promise<string | null>;
  /** Save-style picker for File › New notebook… (suggests `<Name>.dossier`); null when cancelled. */
  pickNewNotebookPath(defaultPath: string): Promise<string | null>;
  /** The chosen folder holds other files and no notebook: create one in it anyway? */
  confirmCreateIn(dir: string): Promise<boolean>;
  /** Start-up failure with no notebook open: offer Open… / New… / Quit. */
  askAfterFailure(message: string): Promise<FailureChoice>;
  /** A failure while a notebook stays open: just tell the person. */
  showError(title: string, message: string): Promise<void>;
}

export interface ControllerOptions {
  openSession: OpenSession;
  recent: RecentNotebooks;
  dialogs: ShellDialogs;
  /** `<documents>/Dossier/My Research.dossier` */
  defaultNotebookDir: string;
  /** Called after the open notebook changed (or closed, with null). */
  onChanged(session: ControlledSession | null, title: string | null): void;
  /** Called when the recent list changed without a notebook change. */
  onRecentChanged?(): void;
  /** The person's language, as their setting is now (English when not given). */
  translator?(): Translator;
  /** Before a notebook closes (quitting, or opening another): the sync on close. Must not reject. */
  beforeClose?(session: ControlledSession): Promise<void>;
}

/** Title for a new notebook folder: its name without the .dossier suffix. */
export function titleForFolder(dir: string): string {
  const base = path.basename(path.resolve(dir));
  const title = base.toLowerCase().endsWith(NOTEBOOK_SUFFIX) ? base.slice(0, -NOTEBOOK_SUFFIX.length) : base;
  return title.trim() || 'My Research';
}

/** Appends `.dossier` unless the name already ends with it. */
export function withNotebookSuffix(file: string): string {
  return file.toLowerCase().endsWith(NOTEBOOK_SUFFIX) ? file : file + NOTEBOOK_SUFFIX;
}

type FolderKind = 'missing' | 'notebook' | 'empty' | 'other-folder' | 'not-a-folder';

export async function classifyFolder(dir: string): Promise<FolderKind> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    return 'missing';
  }
  if (!info.isDirectory()) return 'not-a-folder';
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    // Unreadable (permissions): treat it as a foreign folder, never as an empty one to write into.
    return 'other-folder';
  }
  if (entries.includes(MANIFEST_NAME)) return 'notebook';
  const visible = entries.filter((e) => !e.startsWith('.'));
  return visible.length === 0 ? 'empty' : 'other-folder';
}

export class NotebookController {
  private session: ControlledSession | null = null;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ControllerOptions) {}

  get current(): ControlledSession | null {
    return this.session;
  }

  /**
   * Start-up: opens `requested` if given, else the most recent notebook that
   * still exists, else the default notebook (created on first start).
   * On failure, asks until a notebook is open or the person chooses Quit.
   * Resolves true when a notebook is open, false when the person quit.
   */
  async start(requested?: string): Promise<boolean> {
    let candidate = requested ? path.resolve(requested) : await this.firstCandidate();
    for (;;) {
      const error = await this.tryOpen(candidate);
      if (!error) return true;
      const choice = await this.options.dialogs.askAfterFailure(error);
      if (choice === 'quit') return false;
      const picked = choice === 'open' ? await this.pickExisting() : await this.pickNew();
      if (picked) candidate = picked;
      // Cancelled picker: ask again about the same failure.
    }
  }

  /** File › Open notebook…. Resolves true if a notebook was opened. */
  openWithDialog(): Promise<boolean> {
    return this.serial(async () => {
      const dir = await this.pickExisting();
      return dir ? this.switchTo(dir) : false;
    });
  }

  /** File › New notebook…. */
  newWithDialog(): Promise<boolean> {
    return this.serial(async () => {
      const dir = await this.pickNew();
      return dir ? this.switchTo(dir) : false;
    });
  }

  /** File › Open recent ▸ item. A recent notebook that vanished is dropped from the list. */
  openRecent(dir: string): Promise<boolean> {
    return this.serial(async () => {
      if ((await classifyFolder(dir)) !== 'notebook') {
        await this.options.recent.remove(dir);
        await this.options.dialogs.showError(
          this.t('controller.notFound'),
          this.t('controller.notFoundDetail', { dir }),
        );
        this.options.onRecentChanged?.();
        return false;
      }
      return this.switchTo(dir);
    });
  }

  /** Closes the open notebook (flushes writes, releases the lock). */
  async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (!session) return;
    await this.options.beforeClose?.(session);
    await session.close();
  }

  private translator(): Translator {
    return this.options.translator?.() ?? translatorFor('en');
  }

  /** A word of the `menu` catalogue's controller messages, in the person's language. */
  private t(key: Extract<ParseKeys<'menu'>, `controller.${string}`>, params: Record<string, string> = {}): string {
    return say(this.translator(), `menu:${key}`, params);
  }

  /** Runs menu actions one at a time, so two quick clicks never open two sessions. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.busy.then(fn, fn);
    this.busy = next.catch(() => undefined);
    return next;
  }

  /**
   * Opens `dir` and only then closes the previous notebook, so a failure
   * leaves the person in the notebook they had.
   */
  private async switchTo(dir: string): Promise<boolean> {
    const resolved = path.resolve(dir);
    if (this.session && path.resolve(this.session.dir) === resolved) return true;
    const error = await this.tryOpen(resolved);
    if (error) {
      await this.options.dialogs.showError(this.t('controller.couldNotOpen'), error);
      return false;
    }
    return true;
  }

  /** Returns null on success, else a readable message. */
  private async tryOpen(dir: string): Promise<string | null> {
    let next: ControlledSession;
    try {
      const kind = await classifyFolder(dir);
      if (kind === 'not-a-folder') return this.t('controller.isAFile', { dir });
      next = await this.options.openSession(dir, { title: titleForFolder(dir) });
    } catch (err) {
      return toApiError(err, this.translator()).message;
    }
    const previous = this.session;
    this.session = next;
    try {
      await this.options.recent.add(next.dir);
    } catch {
      // The recent list is a convenience; never fail an open over it.
    }
    if (previous) {
      try {
        await this.options.beforeClose?.(previous);
        await previous.close();
      } catch (err) {
        await this.options.dialogs.showError(
          this.t('controller.previousNotClosed'),
          toApiError(err, this.translator()).message,
        );
      }
    }
    this.options.onChanged(next, titleForFolder(next.dir));
    return null;
  }

  private async firstCandidate(): Promise<string> {
    for (const dir of await this.options.recent.list()) {
      if ((await classifyFolder(dir)) === 'notebook') return dir;
    }
    return this.options.defaultNotebookDir;
  }

  private async pickExisting(): Promise<string | null> {
    const dir = await this.options.dialogs.pickNotebookFolder();
    if (!dir) return null;
    const kind = await classifyFolder(dir);
    if (kind === 'notebook' || kind === 'empty' || kind === 'missing') return dir;
    if (kind === 'not-a-folder') {
      await this.options.dialogs.showError(
        this.t('controller.notAFolder'),
        this.t('controller.notAFolderDetail', { dir }),
      );
      return null;
    }
    return (await this.options.dialogs.confirmCreateIn(dir)) ? dir : null;
  }

  private async pickNew(): Promise<string | null> {
    const defaultPath = path.join(path.dirname(this.options.defaultNotebookDir), 'Untitled' + NOTEBOOK_SUFFIX);
    const picked = await this.options.dialogs.pickNewNotebookPath(defaultPath);
    if (!picked) return null;
    const dir = withNotebookSuffix(picked);
    const kind = await classifyFolder(dir);
    if (kind === 'other-folder' || kind === 'not-a-folder') {
      await this.options.dialogs.showError(
        this.t('controller.cannotCreate'),
        this.t('controller.cannotCreateDetail', { dir }),
      );
      return null;
    }
    return dir;
  }
}
