/**
 * The app window and the session-wide guards (docs/security.md):
 * context isolation, sandbox, no Node in the page, web security, CSP header
 * for dev loads, navigation and window-open guards, no <webview>,
 * permissions denied. The window opens where it was last (window-state.ts)
 * and is painted in the page's background colour of the OS theme.
 */
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell, type NativeTheme, type Session, type WebContents } from 'electron';
import type { Theme } from '../../shared/enums';
import { backgroundFor } from '../../shared/theme';
import { contentSecurityPolicy, isAppUrl, isPermissionGranted, safeExternalUrl } from './security';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type Rect } from './window-state';

export interface WindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preload: string;
  title: string;
  /** Where to open (the saved place); the platform places a default-sized window otherwise. */
  bounds?: Rect;
  /** Maximise when first shown. */
  maximized?: boolean;
  /** The OS theme is dark: paint the window dark before the page has drawn. */
  dark?: boolean;
}

/** Keeps the window's own background in step with the OS theme (light ↔ dark) while the app runs. */
export function followSystemTheme(
  theme: Pick<NativeTheme, 'on' | 'shouldUseDarkColors'>,
  getWindow: () => Pick<BrowserWindow, 'setBackgroundColor'> | null,
): void {
  theme.on('updated', () => getWindow()?.setBackgroundColor(backgroundFor(theme.shouldUseDarkColors)));
}

/**
 * The person's theme setting ('system', 'light' or 'dark' — Electron's own
 * `themeSource` values) drives the native menus and dialogs and the page's
 * `prefers-color-scheme`, now and after each change. Resolves once applied.
 */
export async function followThemeSetting(
  theme: Pick<NativeTheme, 'themeSource'>,
  settings: { get(): Promise<{ theme: Theme }>; onChange(listener: (s: { theme: Theme }) => void): () => void },
): Promise<void> {
  settings.onChange((s) => {
    theme.themeSource = s.theme;
  });
  theme.themeSource = (await settings.get()).theme;
}

/** Session-wide guards; call once, before the window loads anything. */
export function hardenSession(ses: Session, devServerUrl: string | undefined): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isPermissionGranted(permission));
  });
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));

  const csp = contentSecurityPolicy(devServerUrl ? { devServerUrl } : {});
  ses.webRequest.onHeadersReceived({ urls: ['http://*/*', 'https://*/*'] }, (details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [csp],
      },
    });
  });
}

/**
 * Spellcheck without the network: on macOS Electron uses the OS spellchecker
 * (no dictionary files at all); elsewhere Chromium looks for Hunspell
 * dictionaries (`<lang>.bdic`) in its Dictionaries folder and downloads missing
 * ones from Google's CDN. The download URL is pointed at that same local
 * folder, so a dictionary the person (or the OS package) put there is used and
 * a missing one is simply not checked — an offline app makes no such call.
 */
export function keepSpellcheckOffline(ses: Session, dictionariesDir: string): void {
  ses.setSpellCheckerDictionaryDownloadURL(`${pathToFileURL(dictionariesDir).href}/`);
}

/** Opens an http(s) link in the person's browser; anything else is dropped. */
export function openExternalSafely(raw: string): boolean {
  const url = safeExternalUrl(raw);
  if (!url) return false;
  void shell.openExternal(url);
  return true;
}

/** Per-webContents guards for the app window. */
export function hardenWebContents(contents: WebContents, appEntryUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    // In dev the page may reload itself (HMR full reload); nothing else may replace it.
    if (!isAppUrl(url, appEntryUrl) || !appEntryUrl.startsWith('http')) {
      event.preventDefault();
      openExternalSafely(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appEntryUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...(options.bounds ?? DEFAULT_WINDOW_SIZE),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: options.title,
    show: false,
    backgroundColor: backgroundFor(options.dark ?? false),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A middle-click (auxclick) on a link would otherwise open it in a new Electron window.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
  // The navigation/window-open guards are installed for every webContents by
  // index.ts ('web-contents-created'), which also covers this window.
  // The title names the open notebook (set by index.ts); the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    if (options.maximized) win.maximize();
    win.show();
  });
  return win;
}
