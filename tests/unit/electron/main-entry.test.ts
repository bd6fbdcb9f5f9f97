/**
 * The real Electron entry (main/electron/index.ts) run in plain Node against
 * a recording stand-in for the electron module (fixtures/fake-electron.mjs):
 * start-up creates the default notebook and one hardened window, IPC is
 * wired and guarded, events reach the window, quitting releases the
 * notebook; a locked notebook gives a dialog and a clean quit, no crash.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../shared/api-methods';
import { BACKGROUND } from '../../../shared/theme';
import { openNotebookSession } from '../../../main/services/session';
import { tempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function runMain(scenario: string, env: Record<string, string>) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/run-main.mjs'), scenario],
    { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ELECTRON_RENDERER_URL: '', ...env } },
  );
  const lines = child.stdout.trim().split('\n');
  try {
    return JSON.parse(lines.at(-1) ?? '') as Record<string, any>;
  } catch {
    throw new Error(`run-main.mjs printed no summary (status ${child.status}):\n${child.stdout}\n${child.stderr}`);
  }
}

describe('main/electron/index.ts with a stand-in electron', () => {
  it('first start: default notebook, hardened window, guarded IPC, events, clean quit', async () => {
    const t = await tempDir('dossier-main-');
    cleanups.push(t.cleanup);
    const out = runMain('first-start', { FAKE_HOME: t.dir, DOSSIER_NOTEBOOK: '' });
    const notebook = path.join(t.dir, 'Documents', 'Dossier', 'My Research.dossier');

    expect(out.windowCreated).toBe(true);
    expect(out.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(out.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(out.loadedUrl).toMatch(/^file:.*renderer\/index\.html$/);
    expect(out.title).toBe('My Research — Dossier');
    expect([...out.channels].sort()).toEqual(API_METHODS.map((m) => `dossier:${m}`).sort());

    expect(out.getNotebook).toMatchObject({ ok: true, value: { path: notebook, title: 'My Research', readOnly: false } });
    expect(out.fromIframe).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(out.badInput).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(out.imported).toMatchObject({ ok: true, value: { added: [{ title: 'Färjan till Norrhamn ställs in' }] } });
    const types = (out.sentEvents as Array<{ channel: string; type: string }>).map((e) => `${e.channel} ${e.type}`);
    expect(types).toContain('dossier:event import-progress');
    expect(types).toContain('dossier:event notebook-changed');

    expect(out.menuLabels).toEqual(['File', 'Edit', 'View', 'help']);
    expect(out.recentLabels).toContain('My Research.dossier');
    expect(out.lastSent).toEqual(['dossier:event', { type: 'menu', command: 'undo' }]);
    expect(out.windowOpen).toEqual({ action: 'deny' });
    expect(out.opened).toEqual(['https://example.org/artikel']);
    expect(out.mediaGranted).toBe(false);

    // Quit waited for the notebook to close: the lock is gone and it opens again.
    expect(out.quitCalls).toBe(2);
    expect(await readdir(notebook)).not.toContain('.lock');
    await (await openNotebookSession(notebook)).close();
  }, 90_000);

  it('a notebook locked elsewhere: readable dialog, Quit, no window, no crash', async () => {
    const t = await tempDir('dossier-main-');
    cleanups.push(t.cleanup);
    const busy = path.join(t.dir, 'Busy.dossier');
    const holder = await openNotebookSession(busy);
    cleanups.push(() => holder.close());
    const out = runMain('locked', { FAKE_HOME: t.dir, DOSSIER_NOTEBOOK: busy, FAKE_DIALOG_RESPONSES: '2' });
    expect(out.windows).toBe(0);
    expect(out.quitCalls).toBe(1);
    expect(out.messageBoxes).toHaveLength(1);
    expect(out.messageBoxes[0].message).toBe('The notebook could not be opened.');
    expect(out.messageBoxes[0].detail).toMatch(/open in another process/);
    expect(out.messageBoxes[0].buttons).toEqual(['Open Another Notebook…', 'New Notebook…', 'Quit']);
    expect(existsSync(path.join(busy, 'notebook.json'))).toBe(true);
  }, 90_000);

  it('window place: centred at first, remembered per display layout, reset when the display is gone; background follows the OS theme', async () => {
    const t = await tempDir('dossier-main-');
    cleanups.push(t.cleanup);
    const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1050 } };
    const monitor = { id: 2, bounds: { x: 1920, y: 0, width: 2560, height: 1440 }, workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };
    const both = JSON.stringify([laptop, monitor]);
    const env = { FAKE_HOME: t.dir, DOSSIER_NOTEBOOK: '' };

    const first = runMain('window-state', { ...env, FAKE_DISPLAYS: both, FAKE_DARK: '1', FAKE_MOVE_TO: JSON.stringify({ x: 2100, y: 80, width: 1400, height: 900 }), FAKE_MAXIMIZE: '1' });
    expect(first.opened).toEqual({ x: 320, y: 115, width: 1280, height: 820, backgroundColor: BACKGROUND.dark });
    expect(first.maximizedOnShow).toBe(false);
    expect(first.backgroundColors).toEqual([BACKGROUND.light]);
    const saved = JSON.parse(await readFile(path.join(t.dir, 'userData', 'window-state.json'), 'utf8'));
    expect(Object.values(saved.layouts)).toEqual([expect.objectContaining({ bounds: { x: 2100, y: 80, width: 1400, height: 900 }, maximized: true, displayId: 2 })]);

    // Same displays: back where it was, maximised; light theme.
    const again = runMain('window-state', { ...env, FAKE_DISPLAYS: both });
    expect(again.opened).toEqual({ x: 2100, y: 80, width: 1400, height: 900, backgroundColor: BACKGROUND.light });
    expect(again.maximizedOnShow).toBe(true);

    // The monitor is gone: centred on the laptop, not maximised.
    const alone = runMain('window-state', { ...env, FAKE_DISPLAYS: JSON.stringify([laptop]) });
    expect(alone.opened).toMatchObject({ x: 320, y: 115, width: 1280, height: 820 });
    expect(alone.maximizedOnShow).toBe(false);
  }, 120_000);

  it('errors of main and of the window are logged; one dialog per distinct error names the log, three at most; Help › Show Logs', async () => {
    const t = await tempDir('dossier-main-');
    cleanups.push(t.cleanup);
    const out = runMain('errors', { FAKE_HOME: t.dir, DOSSIER_NOTEBOOK: '', FAKE_DIALOG_RESPONSES: '1,0,0,0' });
    const logsDir = path.join(t.dir, 'userData', 'logs');
    const logFile = path.join(logsDir, 'dossier.log');
    expect(out.logsPath).toBe(logsDir);
    expect(out.stillRunning).toBe(true);

    const boxes = out.messageBoxes as Array<{ message: string; detail: string; buttons: string[] }>;
    // Two throws of one error and two of one rejection → one dialog each (the rejection comes first: a
    // microtask); a new error → a third; the crashed window is logged, but three dialogs are a session's most.
    expect(boxes.map((b) => b.detail.split('\n')[0])).toEqual([
      'Error: A promise nobody awaited',
      'Error: Kaboom in main',
      'TypeError: Another kind of kaboom',
    ]);
    for (const box of boxes) {
      expect(box.detail).toContain(logFile);
      expect(box.buttons).toEqual(['OK', 'Show Log File']);
    }
    // The first dialog was answered "Show Log File".
    expect(out.shownInFolder).toEqual([logFile]);
    expect(out.openedPaths).toEqual([logsDir]);

    const log = await readFile(logFile, 'utf8');
    expect(log).toMatch(/\[info\] \[main\] Dossier 0\.0\.0-test starting/);
    expect(log.match(/\[error\] \[main\] Dossier ran into an unexpected error: Error: Kaboom in main/g)).toHaveLength(2);
    expect(log).toMatch(/Kaboom in main\n +at /);
    expect(log).toContain('[error] [renderer] Uncaught ReferenceError: x is not defined (file:///app/index.js:12)');
    expect(log).not.toContain('just chatter');
    expect(log).toContain('[warn] [renderer] The window stopped responding');
    expect(log).toContain('[error] [renderer] The window stopped unexpectedly');
  }, 90_000);

  it('a failed start says so in an error box naming the log file, which holds the stack; no window, a clean quit', async () => {
    const t = await tempDir('dossier-main-');
    cleanups.push(t.cleanup);
    const out = runMain('broken-start', { FAKE_HOME: t.dir, DOSSIER_NOTEBOOK: '', FAKE_BREAK: 'session' });
    const logFile = path.join(out.logsPath as string, 'dossier.log');
    expect(out.windows).toBe(0);
    expect(out.errorBoxes).toEqual([{ title: 'Dossier could not start', content: `The session is broken\n\nThe details are in the log file:\n${logFile}` }]);
    expect(await readFile(logFile, 'utf8')).toMatch(/\[error\] \[main\] Dossier could not start: Error: The session is broken\n +at /);
  }, 60_000);
});
