/**
 * Electron main entry of Dossier: single instance, one hardened window,
 * the native menu, the IPC door to the notebook services. All real work is
 * in main/services (no electron there); this file binds it to Electron.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import type { ApiEvent, ApiOutput, ImportResult } from '../../shared/api';
import {
  BRIEF_FORMAT_INFO,
  IMPORT_EXTENSIONS,
  INTEROP_FORMAT_INFO,
  INTEROP_IMPORT_EXTENSIONS,
  type BriefFormat,
  type InteropFormat,
} from '../../shared/enums';
import { exportedItems, interopFormatName, interopLine } from '../../shared/interop-summary';
import { exportFileName } from '../services/export-file';
import { describeError, LogFile } from '../services/log-file';
import type { ParseKeys } from 'i18next';
import {
  openNotebookSession,
  callApi,
  resolveLanguage,
  say,
  snapshotRoot,
  translatorFor,
  userConfigDir,
  UserSettingsStore,
  useSystemLanguages,
  useWorkerBesideBundle,
} from '../services/session';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_DEFINITION, serveAppFile } from './app-protocol';
import { parseLaunchOptions } from './args';
import { routeConsoleToLog, UnexpectedErrors, watchRenderer } from './diagnostics';
import { forgetGrantsWithPage, WindowGrants } from './grants';
import { forwardEvents, registerApiHandlers, sendEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import {
  NotebookController,
  type ControlledSession,
  type FailureChoice,
  type ShellDialogs,
} from './notebook-controller';
import { RecentNotebooks } from './recent';
import { desktopTeam } from './team-shell';
import {
  createMainWindow,
  followSystemTheme,
  followThemeSetting,
  hardenSession,
  hardenWebContents,
  keepSpellcheckOffline,
} from './window';
import { initialPlacement, trackWindowState, WindowStateStore } from './window-state';

const APP_NAME = 'Dossier';
const here = path.dirname(fileURLToPath(import.meta.url));
const launch = parseLaunchOptions(process.argv.slice(1), process.env, process.cwd());

// Never load a URL from the environment in a packaged app.
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
// The built page is served from the app's own scheme (app://dossier/), never from file://.
const appEntryUrl = devServerUrl ?? APP_ENTRY_URL;
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
const isDev = !app.isPackaged;

// Imports run in a worker thread; the build writes its entry beside this bundle.
useWorkerBesideBundle(import.meta.url);

app.setName(APP_NAME);
if (launch.userData) app.setPath('userData', launch.userData);
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);

// The log file, in the OS's folder for logs (~/Library/Logs/Dossier on macOS,
// <userData>/logs on Linux and Windows): errors of main and of the window.
app.setAppLogsPath();
const log = new LogFile({ dir: app.getPath('logs') });
routeConsoleToLog(log);
log.write(
  'info',
  'main',
  `${APP_NAME} ${app.getVersion()} starting (Electron ${process.versions.electron ?? 'n/a'}, ${process.platform} ${process.arch})`,
);
const unexpected = new UnexpectedErrors(log, showUnexpectedError, undefined, translator);

let mainWindow: BrowserWindow | null = null;
let controller: NotebookController | null = null;
let stopForwarding: (() => void) | null = null;
let recent: RecentNotebooks;
/** The person's settings (their language names the menu and the dialogs); set when the app is ready. */
let settings: UserSettingsStore | undefined;

/** The translator of the person's language, as their setting is now. */
function translator() {
  return translatorFor(resolveLanguage(settings?.peek().language ?? 'system'));
}
/** A word of the `menu` catalogue in the person's language. */
function t(key: `menu:${ParseKeys<'menu'>}`, params: Readonly<Record<string, string | number>> = {}): string {
  return say(translator(), key, params);
}
/** File grants handed to each window's page (dropped or picked files); never paths. */
const grants = new WindowGrants();

function liveWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

function parentFor<T extends object>(opts: T): [BrowserWindow, T] | [T] {
  const win = liveWindow();
  return win ? [win, opts] : [opts];
}

async function messageBox(options: Electron.MessageBoxOptions): Promise<number> {
  const args = parentFor(options);
  const result =
    args.length === 2 ? await dialog.showMessageBox(args[0], args[1]) : await dialog.showMessageBox(args[0]);
  return result.response;
}

/** A save dialog on the window: the chosen path, or null when cancelled. */
async function savePath(opts: Electron.SaveDialogOptions): Promise<string | null> {
  const args = parentFor(opts);
  const result =
    args.length === 2 ? await dialog.showSaveDialog(args[0], args[1]) : await dialog.showSaveDialog(args[0]);
  return result.canceled || !result.filePath ? null : result.filePath;
}

const dialogs: ShellDialogs = {
  async pickNotebookFolder() {
    const opts: Electron.OpenDialogOptions = {
      title: t('menu:dialog.openTitle'),
      buttonLabel: t('menu:dialog.openButton'),
      properties: ['openDirectory', 'createDirectory'],
    };
    const args = parentFor(opts);
    const result =
      args.length === 2 ? await dialog.showOpenDialog(args[0], args[1]) : await dialog.showOpenDialog(args[0]);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async pickNewNotebookPath(defaultPath) {
    const opts: Electron.SaveDialogOptions = {
      title: t('menu:dialog.newTitle'),
      buttonLabel: t('menu:dialog.newButton'),
      defaultPath,
      nameFieldLabel: t('menu:dialog.newNameField'),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    return savePath(opts);
  },
  async confirmCreateIn(dir) {
    const response = await messageBox({
      type: 'question',
      buttons: [t('menu:dialog.createHere'), t('menu:dialog.cancel')],
      defaultId: 1,
      cancelId: 1,
      message: t('menu:dialog.notNotebook'),
      detail: t('menu:dialog.notNotebookDetail', { dir }),
    });
    return response === 0;
  },
  async askAfterFailure(message) {
    const choices: FailureChoice[] = ['open', 'new', 'quit'];
    const response = await messageBox({
      type: 'error',
      buttons: [t('menu:dialog.openAnother'), t('menu:newNotebook'), t('menu:dialog.quit')],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
      message: t('menu:dialog.couldNotOpen'),
      detail: message,
    });
    return choices[response] ?? 'quit';
  },
  async showError(title, message) {
    await messageBox({ type: 'error', buttons: [t('menu:dialog.ok')], message: title, detail: message });
  },
};

/** An unexpected error: what happened and where the log is, with a way to the log file. */
async function showUnexpectedError(title: string, detail: string): Promise<void> {
  if (!app.isReady()) {
    dialog.showErrorBox(title, detail);
    return;
  }
  const response = await messageBox({
    type: 'error',
    buttons: [t('menu:dialog.ok'), t('menu:dialog.showLogFile')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    message: title,
    detail,
  });
  if (response === 1) shell.showItemInFolder(log.path);
}

async function showLogs(): Promise<void> {
  const error = await shell.openPath(log.dir);
  if (error) await dialogs.showError(t('menu:dialog.logsNotOpened'), `${log.dir}: ${error}`);
}

function updateWindowTitle(title: string | null): void {
  const win = liveWindow();
  if (win) win.setTitle(title ? `${title} — ${APP_NAME}` : APP_NAME);
}

async function refreshMenu(): Promise<void> {
  const template = buildMenuTemplate({
    platform: process.platform,
    isDev,
    appName: APP_NAME,
    recent: await recent.list(),
    translator: translator(),
    actions: {
      newNotebook: () => void controller?.newWithDialog(),
      openNotebook: () => void controller?.openWithDialog(),
      openRecent: (dir) => void controller?.openRecent(dir),
      clearRecent: () => void recent.clear().then(refreshMenu),
      importFiles: () =>
        void importWithDialog(process.platform === 'darwin' ? ['openFile', 'openDirectory'] : ['openFile']),
      importFolder: () => void importWithDialog(['openDirectory']),
      exportInterop: (format) => void exportInteropWithDialog(format),
      print: () => liveWindow()?.webContents.print(),
      sendToRenderer: (command) => sendEvent(liveWindow()?.webContents ?? null, { type: 'menu', command }),
      about: () => app.showAboutPanel(),
      openReadme: () => void openReadme(),
      showLogs: () => void showLogs(),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function onNotebookChanged(next: ControlledSession | null, title: string | null): void {
  stopForwarding?.();
  stopForwarding = next ? forwardEvents(next, () => liveWindow()?.webContents ?? null) : null;
  if (title) updateWindowTitle(title);
  void refreshMenu();
  const event: ApiEvent = { type: 'notebook-changed', reason: 'opened' };
  sendEvent(liveWindow()?.webContents ?? null, event);
}

async function importWithDialog(kinds: Array<'openFile' | 'openDirectory'>): Promise<void> {
  const current = controller?.current;
  if (!current) return;
  const opts: Electron.OpenDialogOptions = {
    title: t('menu:dialog.importTitle'),
    buttonLabel: t('menu:dialog.importButton'),
    properties: [...kinds, 'multiSelections'],
    filters: kinds.includes('openFile')
      ? [
          { name: t('menu:dialog.filterArticles'), extensions: [...IMPORT_EXTENSIONS] },
          { name: t('menu:dialog.filterExchange'), extensions: [...INTEROP_IMPORT_EXTENSIONS] },
          { name: t('menu:dialog.filterAll'), extensions: ['*'] },
        ]
      : [],
  };
  const args = parentFor(opts);
  const picked =
    args.length === 2 ? await dialog.showOpenDialog(args[0], args[1]) : await dialog.showOpenDialog(args[0]);
  if (picked.canceled || picked.filePaths.length === 0) return;
  const result = await callApi(current.service, 'importPaths', { paths: picked.filePaths }, translator());
  if (!result.ok) {
    await dialogs.showError(t('menu:dialog.importFailed'), result.error.message);
    return;
  }
  const value = result.value as ImportResult;
  if (value.rejected.length || value.interop?.length || (value.skipped.length && !value.added.length)) {
    const lines = [
      ...value.rejected.map((r) => `✗ ${r.name}: ${r.reason}`),
      ...value.skipped.map((s) => `– ${s.name}: ${s.reason}`),
      ...(value.interop ?? []).map((x) => `↳ ${x.file}: ${interopLine(translator(), x)}`),
    ];
    await messageBox({
      type: value.added.length ? 'info' : 'warning',
      buttons: [t('menu:dialog.ok')],
      message: t('menu:dialog.imported', {
        added: value.added.length,
        skipped: value.skipped.length,
        rejected: value.rejected.length,
      }),
      detail:
        lines.slice(0, 20).join('\n') +
        (lines.length > 20 ? `\n${t('menu:dialog.andMore', { n: lines.length - 20 })}` : ''),
    });
  }
}

/** File › Export › a format: the whole notebook, written where the person chooses. */
async function exportInteropWithDialog(format: InteropFormat): Promise<void> {
  const current = controller?.current;
  if (!current) return;
  const info = INTEROP_FORMAT_INFO[format];
  const name = interopFormatName(translator(), format);
  const target = await savePath({
    title: t('menu:dialog.exportTitle', { format: name }),
    buttonLabel: t('menu:export'),
    defaultPath: path.join(
      app.getPath('documents'),
      exportFileName(`${path.basename(current.dir).replace(/\.dossier$/i, '')} ${name}`, info.extension, 'Notebook'),
    ),
    filters: [{ name, extensions: [info.extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (!target) return;
  const result = await callApi(current.service, 'exportInteropToFile', { format, path: target }, translator());
  if (!result.ok) {
    await dialogs.showError(t('menu:dialog.exportFailed'), result.error.message);
    return;
  }
  await messageBox({
    type: 'info',
    buttons: [t('menu:dialog.ok')],
    message: t('menu:dialog.exported', {
      items: exportedItems(translator(), result.value as ApiOutput<'exportInteropToFile'>),
      format: name,
    }),
    detail: target,
  });
}

/** File › Export Brief and the editor's export buttons: main asks where, the page never learns the folder. */
async function pickExportPath(defaultName: string, format: BriefFormat): Promise<string | null> {
  const info = BRIEF_FORMAT_INFO[format];
  const opts: Electron.SaveDialogOptions = {
    title: t('menu:dialog.exportBriefTitle'),
    buttonLabel: t('menu:export'),
    defaultPath: path.join(app.getPath('documents'), defaultName),
    filters: [{ name: say(translator(), `enums:briefFormat.${format}.label`), extensions: [info.extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  return savePath(opts);
}

async function openReadme(): Promise<void> {
  const readme = app.isPackaged
    ? path.join(process.resourcesPath, 'README.md')
    : path.join(app.getAppPath(), 'README.md');
  const error = await shell.openPath(readme);
  if (error) await dialogs.showError(t('menu:dialog.readMeNotOpened'), `${readme}: ${error}`);
}

function createWindow(): BrowserWindow {
  const places = WindowStateStore.inFolder(app.getPath('userData'));
  const place = initialPlacement(places, screen);
  const win = createMainWindow({
    preload: preloadPath,
    title: APP_NAME,
    bounds: place.bounds,
    maximized: place.maximized,
    dark: nativeTheme.shouldUseDarkColors,
  });
  trackWindowState(win, places, screen, {
    onError: (err) => log.write('warn', 'main', `The window's place could not be saved: ${describeError(err)}`),
  });
  mainWindow = win;
  forgetGrantsWithPage(win.webContents, grants);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  const current = controller?.current;
  if (current) updateWindowTitle(path.basename(current.dir).replace(/\.dossier$/i, ''));
  const load = win.loadURL(appEntryUrl);
  load.catch((err: unknown) => {
    void dialogs.showError(t('menu:dialog.windowNotLoaded'), err instanceof Error ? err.message : String(err));
  });
  return win;
}

// One app per person: a second launch focuses the first (and opens the notebook it was given).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const win = liveWindow() ?? (app.isReady() ? createWindow() : null);
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const requested = parseLaunchOptions(argv.slice(1), {}, workingDirectory).notebook;
    if (requested) void controller?.openRecent(requested);
  });

  // Guards for every webContents, including any created later (devtools excluded by Electron).
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, appEntryUrl);
    watchRenderer(contents, log, unexpected);
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit')
      log.write(
        'error',
        'main',
        `A ${details.type} process ended (reason: ${details.reason}, exit code ${details.exitCode})`,
      );
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (!liveWindow() && controller?.current) createWindow();
  });

  // Flush and unlock the notebook before the process ends.
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !controller?.current) return;
    event.preventDefault();
    closing = true;
    stopForwarding?.();
    controller
      .close()
      .catch((err: unknown) => console.error('Closing the notebook failed:', err))
      .finally(() => app.quit());
  });

  // Logged, and shown once per distinct error with the log file's path; the app carries on.
  process.on('uncaughtException', (err) => unexpected.report('dialog.unexpected', err));
  process.on('unhandledRejection', (reason) => unexpected.report('dialog.unexpected', reason));

  void app
    .whenReady()
    .then(startApp)
    .catch((err: unknown) => {
      // Last resort: say what happened instead of leaving a process without a window.
      const message = err instanceof Error ? err.message : String(err);
      console.error('Dossier could not start:', err);
      dialog.showErrorBox(
        t('menu:dialog.couldNotStart'),
        t('menu:dialog.couldNotStartDetail', { message, log: log.path }),
      );
      app.quit();
    });
}

/** After app ready: guards, the API door, the menu, the notebook, then the window. */
async function startApp(): Promise<void> {
  hardenSession(session.defaultSession, devServerUrl);
  keepSpellcheckOffline(session.defaultSession, path.join(app.getPath('userData'), 'Dictionaries'));
  if (!devServerUrl) protocol.handle(APP_SCHEME, (request) => serveAppFile(request, rendererDir));
  followSystemTheme(nativeTheme, liveWindow);
  const settingsDir = userConfigDir({ userData: app.getPath('userData') });
  await followThemeSetting(nativeTheme, UserSettingsStore.for(settingsDir));
  app.setAboutPanelOptions({
    applicationName: APP_NAME,
    applicationVersion: app.getVersion(),
    copyright: t('menu:dialog.aboutCopyright'),
  });
  recent = RecentNotebooks.inFolder(app.getPath('userData'));
  // The menu and the dialogs speak the person's language: their setting, else the system's; the menu follows a change.
  useSystemLanguages(() => [...app.getPreferredSystemLanguages(), app.getLocale()]);
  settings = UserSettingsStore.for(settingsDir);
  await settings.get();
  const documents = path.join(app.getPath('documents'), APP_NAME);
  const team = desktopTeam({
    ...{ settingsDir, settings, window: liveWindow, translator, notebooksDir: documents, log },
    openNotebook: (dir) => controller?.openRecent(dir) ?? Promise.resolve(false),
  });
  settings.onChange(() => void refreshMenu());
  controller = new NotebookController({
    openSession: (dir, options) =>
      openNotebookSession(dir, {
        ...options,
        snapshotRoot: snapshotRoot({ userData: app.getPath('userData') }),
        settingsDir,
        team: { credentials: team.credentials, autoSync: true },
      }).then(team.watch),
    recent,
    dialogs,
    defaultNotebookDir: path.join(documents, 'My Research.dossier'),
    onChanged: onNotebookChanged,
    onRecentChanged: () => void refreshMenu(),
    translator,
    beforeClose: team.beforeClose,
  });
  registerApiHandlers(ipcMain, {
    getSession: () => controller?.current ?? null,
    getWebContents: () => liveWindow()?.webContents ?? null,
    appEntryUrl,
    grants,
    pickExportPath,
    translator,
    team: team.options,
    onRefused: (channel, url) => console.warn(`Refused IPC ${channel} from ${url ?? 'an unknown frame'}`),
  });
  await refreshMenu();
  const opened = await controller.start(launch.notebook);
  if (!opened) {
    app.quit();
    return;
  }
  createWindow();
}
