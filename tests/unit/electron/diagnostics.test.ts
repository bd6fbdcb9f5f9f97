/**
 * The log file (entries, size-bounded rotation keeping N old files, never
 * throwing) and what feeds it: unexpected errors (logged; one dialog per
 * distinct error, never while one is open, at most a few per session),
 * console.error/warn of main, and the window's troubles.
 */
import { EventEmitter } from 'node:events';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_ERROR_DIALOGS,
  routeConsoleToLog,
  UnexpectedErrors,
  watchRenderer,
} from '../../../main/electron/diagnostics';
import { LogFile } from '../../../main/services/log-file';
import { translatorFor } from '../../../main/services/settings/language';
import { DossierError } from '../../../shared/errors';
import type { Translator } from '../../../shared/i18n';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
async function logIn(options: { maxBytes?: number; keep?: number } = {}) {
  const t = await tempDir('dossier-log-');
  cleanups.push(t.cleanup);
  return new LogFile({ dir: path.join(t.dir, 'logs'), now: () => new Date('2026-03-01T12:00:00Z'), ...options });
}
const read = (log: LogFile) => readFile(log.path, 'utf8');

describe('LogFile', () => {
  it('writes one timestamped line per entry, continuation lines indented, creating the folder', async () => {
    const log = await logIn();
    expect(log.write('error', 'main', 'It broke\n    at here\r\n    at there\n')).toBe(true);
    log.write('info', 'renderer', 'ok');
    expect(await read(log)).toBe(
      '2026-03-01T12:00:00.000Z [error] [main] It broke\n        at here\n        at there\n2026-03-01T12:00:00.000Z [info] [renderer] ok\n',
    );
  });

  it('rotates before the file outgrows its bound and keeps only the newest old files', async () => {
    const log = await logIn({ maxBytes: 200, keep: 2 });
    for (let i = 0; i < 12; i++) log.write('info', 'main', `entry ${String(i).padStart(2, '0')} ${'x'.repeat(40)}`);
    const files = (await readdir(log.dir)).sort();
    expect(files).toEqual(['dossier.1.log', 'dossier.2.log', 'dossier.log']);
    for (const f of files) expect((await readFile(path.join(log.dir, f))).length).toBeLessThanOrEqual(200);
    // Newest in the current file, then .1, then .2; the oldest entries are gone.
    expect(await read(log)).toContain('entry 11');
    const one = await readFile(log.rotated(1), 'utf8');
    const two = await readFile(log.rotated(2), 'utf8');
    expect(Number(/entry (\d+)/.exec(one)![1])).toBeGreaterThan(Number(/entry (\d+)/.exec(two)![1]));
    expect(two + one).not.toContain('entry 00');
  });

  it('counts a file left by an earlier run, and cuts one entry larger than the bound', async () => {
    const log = await logIn({ maxBytes: 300, keep: 1 });
    await mkdir(log.dir, { recursive: true });
    await writeFile(log.path, 'y'.repeat(290) + '\n');
    log.write('warn', 'main', 'fresh');
    expect(await read(log)).toMatch(/^\S+ \[warn\] \[main\] fresh\n$/);
    expect(await readFile(log.rotated(1), 'utf8')).toMatch(/^y+\n$/);
    log.write('error', 'main', 'z'.repeat(5000));
    expect((await readFile(log.path)).length).toBeLessThanOrEqual(300);
    expect(await read(log)).toMatch(/…\[cut\]\n$/);
  });

  it('never throws when the log cannot be written', async () => {
    const t = await tempDir('dossier-log-');
    cleanups.push(t.cleanup);
    const blocker = path.join(t.dir, 'a-file');
    await writeFile(blocker, '');
    const log = new LogFile({ dir: blocker });
    expect(log.write('error', 'main', 'nowhere to go')).toBe(false);
  });
});

describe('UnexpectedErrors', () => {
  function setup(
    show: (title: string, detail: string) => Promise<void> | void = () => undefined,
    translator?: () => Translator,
  ) {
    return logIn().then((log) => {
      const shown: Array<{ title: string; detail: string }> = [];
      const errors = new UnexpectedErrors(
        log,
        (title, detail) => {
          shown.push({ title, detail });
          return show(title, detail);
        },
        undefined,
        translator,
      );
      return { log, shown, errors };
    });
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('logs every occurrence, shows one dialog per distinct error, naming the log file', async () => {
    const { log, shown, errors } = await setup();
    const boom = () => new Error('Boom');
    for (let i = 0; i < 3; i++) {
      errors.report('dialog.unexpected', boom());
      await tick();
    }
    errors.report('dialog.unexpected', new RangeError('Out of range'));
    await tick();
    expect(shown.map((s) => s.detail.split('\n')[0])).toEqual(['Error: Boom', 'RangeError: Out of range']);
    expect(shown[0]!.detail).toContain(log.path);
    expect(
      (await read(log)).match(/\[error\] \[main\] Dossier ran into an unexpected error: Error: Boom/g),
    ).toHaveLength(3);
  });

  it('shows nothing new while a dialog is open, and stops after the session quota', async () => {
    let close!: () => void;
    const { shown, errors } = await setup(() => new Promise<void>((r) => (close = r)));
    errors.report('dialog.unexpected', new Error('first'));
    errors.report('dialog.unexpected', new Error('second, while the first is open'));
    expect(shown).toHaveLength(1);
    close();
    await tick();
    for (let i = 0; i < MAX_ERROR_DIALOGS + 2; i++) {
      errors.report('dialog.unexpected', new Error(`distinct ${i}`));
      close();
      await tick();
    }
    expect(shown).toHaveLength(MAX_ERROR_DIALOGS);
  });

  it('a dialog that fails is logged, not thrown, and does not block later dialogs', async () => {
    const { log, shown, errors } = await setup(() => {
      throw new Error('no display');
    });
    expect(() => errors.report('dialog.unexpected', new Error('one'))).not.toThrow();
    await tick();
    errors.report('dialog.unexpected', new Error('two'));
    await tick();
    expect(shown).toHaveLength(2);
    expect(await read(log)).toContain('The error dialog could not be shown: Error: no display');
  });

  it('words the dialog in the person’s language as it is now (the log stays English)', async () => {
    let language: 'sv' | 'en' = 'sv';
    const { log, shown, errors } = await setup(undefined, () => translatorFor(language));
    errors.report(
      'dialog.windowStopped',
      DossierError.of('internal', 'electron.windowProcessEnded', { reason: 'oom', exitCode: -1 }),
    );
    await tick();
    expect(shown[0]).toEqual({
      title: 'Fönstret stängdes oväntat',
      detail: `Fönstrets process avslutades (orsak: oom, slutkod -1)\n\nDetaljerna finns i loggfilen:\n${log.path}`,
    });
    language = 'en';
    errors.report('dialog.unexpected', new Error('Boom'));
    await tick();
    expect(shown[1]).toEqual({
      title: 'Dossier ran into an unexpected error',
      detail: `Error: Boom\n\nThe details are in the log file:\n${log.path}`,
    });
    expect(await read(log)).toContain(
      "[error] [main] The window stopped unexpectedly: DossierError: The window's process ended (reason: oom, exit code -1)",
    );
  });

  it('reports values that are not errors too', async () => {
    const { shown, errors } = await setup();
    errors.report('dialog.unexpected', { code: 42 });
    await tick();
    expect(shown[0]!.detail.split('\n')[0]).toBe('{ code: 42 }');
  });
});

describe('routeConsoleToLog and watchRenderer', () => {
  it('console.error and console.warn still print and also reach the log', async () => {
    const log = await logIn();
    const printed: unknown[][] = [];
    const target = { error: (...a: unknown[]) => printed.push(a), warn: (...a: unknown[]) => printed.push(a) };
    routeConsoleToLog(log, target);
    target.error('Closing failed:', new Error('disk full'));
    target.warn('Refused IPC %s', 'dossier:x');
    expect(printed).toHaveLength(2);
    const text = await read(log);
    expect(text).toMatch(/\[error\] \[main\] Closing failed: Error: disk full\n +at /);
    expect(text).toContain('[warn] [main] Refused IPC dossier:x');
  });

  it("logs the page's console errors (not its chatter), a dead or stuck renderer and a failed preload", async () => {
    const log = await logIn();
    const reported: string[] = [];
    const errors = {
      report: (title: string, err: unknown) => reported.push(`${title}: ${(err as Error).message}`),
    } as unknown as UnexpectedErrors;
    const contents = new EventEmitter();
    watchRenderer(contents as never, log, errors);
    contents.emit('console-message', {
      level: 'error',
      message: 'Boom in page',
      sourceId: 'file:///r/index.js',
      lineNumber: 7,
    });
    contents.emit('console-message', { level: 'warning', message: 'meh', sourceId: '', lineNumber: 0 });
    contents.emit('unresponsive');
    contents.emit('responsive');
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: -1 });
    contents.emit('preload-error', {}, '/p/index.cjs', new Error('require is not defined'));
    const text = await read(log);
    expect(text).toContain('[error] [renderer] Boom in page (file:///r/index.js:7)');
    expect(text).not.toContain('meh');
    expect(text).toContain('[warn] [renderer] The window stopped responding');
    expect(text).toContain('[info] [renderer] The window responds again');
    expect(text).toContain("[info] [renderer] The window's process ended (reason: clean-exit, exit code 0)");
    expect(reported).toEqual([
      "dialog.windowStopped: The window's process ended (reason: oom, exit code -1)",
      'dialog.windowNotSetUp: require is not defined',
    ]);
  });
});
