/**
 * What goes into the log file besides ordinary lines: unexpected errors in
 * main (logged, and shown to the person once per distinct error, naming the
 * log file), console.error/warn of main, and the window's troubles (its
 * console errors, a renderer process that ended, a page that stopped
 * responding, a preload that failed). No runtime import of electron: the
 * dialog and the webContents are passed in, so tests drive it directly.
 */
import { format } from 'node:util';
import type { WebContents } from 'electron';
import type { ParseKeys } from 'i18next';
import { DossierError } from '../../shared/errors';
import type { Translator } from '../../shared/i18n';
import { describeError, type LogFile } from '../services/log-file';
import { say, translatorFor } from '../services/settings/language';

/** Dialogs about unexpected errors in one session, at most: an error storm must not become a dialog storm. */
export const MAX_ERROR_DIALOGS = 3;

/** Shows the person one error; resolves when the dialog is closed. */
export type ErrorDialog = (title: string, detail: string) => Promise<void> | void;

/** A dialog title of the `menu` catalogue: what went wrong, in a few words. */
export type ErrorTitle = Extract<ParseKeys<'menu'>, `dialog.${string}`>;

/** The error's first line; one of Dossier's own in the translator's language. */
function firstLine(value: unknown, t: Translator): string {
  const text =
    value instanceof DossierError
      ? value.inLanguage(t)
      : value instanceof Error
        ? `${value.name}: ${value.message}`
        : describeError(value);
  return text.split('\n')[0]!.slice(0, 300);
}

/** Same error = same type, message and throwing place (the stack's first frame). */
function signature(value: unknown): string {
  if (!(value instanceof Error)) return describeError(value).split('\n')[0]!;
  const frame = (value.stack ?? '').split('\n').find((l) => l.trim().startsWith('at ')) ?? '';
  return `${value.name}: ${value.message} ${frame.trim()}`;
}

export class UnexpectedErrors {
  private readonly seen = new Set<string>();
  private shown = 0;
  private showing = false;

  /** `translator`: the person's language, as their setting is now (the log is written in English). */
  constructor(
    private readonly log: LogFile,
    private readonly show: ErrorDialog,
    private readonly maxDialogs = MAX_ERROR_DIALOGS,
    private readonly translator: () => Translator = () => translatorFor('en'),
  ) {}

  /**
   * Logs the error, then tells the person (title, the error's first line and
   * the log file's path, in their language) unless this error was already
   * shown, another error dialog is open, or the session's quota is used up.
   * Never throws.
   */
  report(title: ErrorTitle, error: unknown, source = 'main'): void {
    this.log.write('error', source, `${say(translatorFor('en'), `menu:${title}`)}: ${describeError(error)}`);
    const key = signature(error);
    if (this.seen.has(key) || this.showing || this.shown >= this.maxDialogs) return;
    this.seen.add(key);
    this.shown++;
    this.showing = true;
    const t = this.translator();
    const detail = say(t, 'menu:dialog.errorDetail', { error: firstLine(error, t), log: this.log.path });
    new Promise<void>((resolve) => resolve(this.show(say(t, `menu:${title}`), detail)))
      .catch((err: unknown) =>
        this.log.write('error', 'main', `The error dialog could not be shown: ${describeError(err)}`),
      )
      .finally(() => {
        this.showing = false;
      });
  }
}

/** Also writes console.error and console.warn of main into the log (they still print). */
export function routeConsoleToLog(log: LogFile, target: Pick<Console, 'error' | 'warn'> = console): void {
  for (const level of ['error', 'warn'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => {
      original(...args);
      log.write(level, 'main', format(...args));
    };
  }
}

/** Records the troubles of one webContents (the window's page). */
export function watchRenderer(contents: WebContents, log: LogFile, errors: UnexpectedErrors): void {
  contents.on('console-message', (event) => {
    const { level, message, sourceId, lineNumber } = event as unknown as {
      level: string;
      message: string;
      sourceId?: string;
      lineNumber?: number;
    };
    if (level !== 'error') return;
    log.write('error', 'renderer', sourceId ? `${message} (${sourceId}:${lineNumber ?? 0})` : message);
  });
  contents.on('render-process-gone', (_event, details) => {
    const ended = DossierError.of('internal', 'electron.windowProcessEnded', {
      reason: details.reason,
      exitCode: details.exitCode,
    });
    if (details.reason === 'clean-exit') log.write('info', 'renderer', ended.message);
    else errors.report('dialog.windowStopped', ended, 'renderer');
  });
  contents.on('unresponsive', () => log.write('warn', 'renderer', 'The window stopped responding'));
  contents.on('responsive', () => log.write('info', 'renderer', 'The window responds again'));
  contents.on('preload-error', (_event, preloadPath, error) =>
    errors.report('dialog.windowNotSetUp', error, `preload ${preloadPath}`),
  );
}
