/**
 * The app window and the session-wide guards (docs/security.md): context
 * isolation, sandbox, no Node in the page, web security,
 * CSP header for dev loads, navigation and window-open guards, no
 * <webview>, permissions denied.
 */
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy, isAppUrl, isPermissionGranted, safeExternalUrl } from './security';

export interface WindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preload: string;
  title: string;
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
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: options.title,
    show: false,
    backgroundColor: '#ffffff',
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
  win.once('ready-to-show', () => win.show());
  return win;
}
