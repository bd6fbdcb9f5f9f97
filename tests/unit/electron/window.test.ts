/**
 * window.ts against a stand-in for the electron module (the real one cannot
 * load outside Electron): the options the window is created with, and what
 * the session and webContents guards do when Electron calls them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SECURE_WEB_PREFERENCES } from './fixtures/secure-web-preferences';

type Handler = (...args: unknown[]) => unknown;

const state = vi.hoisted(() => ({
  windowOptions: [] as Array<Record<string, unknown>>,
  opened: [] as string[],
  calls: [] as string[],
}));

vi.mock('electron', () => {
  class FakeEmitter {
    readonly handlers = new Map<string, Handler[]>();
    on(name: string, handler: Handler) {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
      return this;
    }
    once(name: string, handler: Handler) {
      return this.on(name, handler);
    }
  }
  class BrowserWindow extends FakeEmitter {
    readonly webContents = new FakeEmitter();
    constructor(options: Record<string, unknown>) {
      super();
      state.windowOptions.push(options);
    }
    show() {
      state.calls.push('show');
    }
    maximize() {
      state.calls.push('maximize');
    }
  }
  return {
    BrowserWindow,
    shell: {
      openExternal: async (url: string) => {
        state.opened.push(url);
      },
    },
  };
});

const { createMainWindow, followSystemTheme, hardenSession, hardenWebContents, openExternalSafely } =
  await import('../../../main/electron/window');
const { BACKGROUND } = await import('../../../shared/theme');

function fakeEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

class FakeContents {
  readonly handlers = new Map<string, Handler>();
  openHandler: Handler | null = null;
  on(name: string, handler: Handler) {
    this.handlers.set(name, handler);
    return this;
  }
  setWindowOpenHandler(handler: Handler) {
    this.openHandler = handler;
  }
}

beforeEach(() => {
  state.windowOptions.length = 0;
  state.opened.length = 0;
  state.calls.length = 0;
});

describe('createMainWindow', () => {
  it('creates the window with every security preference of docs/security.md', () => {
    createMainWindow({ preload: '/app/out/preload/index.cjs', title: 'Dossier' });
    const prefs = state.windowOptions[0]!.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ preload: '/app/out/preload/index.cjs', ...SECURE_WEB_PREFERENCES });
    expect(String(prefs.disableBlinkFeatures)).toContain('Auxclick');
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });

  it('opens at the given place, painted in the page background of the OS theme', () => {
    createMainWindow({
      preload: '/p.cjs',
      title: 'Dossier',
      bounds: { x: 40, y: 50, width: 900, height: 700 },
      dark: true,
    });
    createMainWindow({ preload: '/p.cjs', title: 'Dossier' });
    expect(state.windowOptions[0]).toMatchObject({
      x: 40,
      y: 50,
      width: 900,
      height: 700,
      backgroundColor: BACKGROUND.dark,
      show: false,
    });
    expect(state.windowOptions[1]).toMatchObject({ width: 1280, height: 820, backgroundColor: BACKGROUND.light });
    expect(state.windowOptions[1]).not.toHaveProperty('x');
  });

  it('maximises a window that was maximised, before showing it once ready', () => {
    const win = createMainWindow({ preload: '/p.cjs', title: 'Dossier', maximized: true }) as unknown as {
      handlers: Map<string, Handler[]>;
    };
    expect(state.calls).toEqual([]);
    for (const h of win.handlers.get('ready-to-show') ?? []) h();
    expect(state.calls).toEqual(['maximize', 'show']);
    state.calls.length = 0;
    const plain = createMainWindow({ preload: '/p.cjs', title: 'Dossier' }) as unknown as {
      handlers: Map<string, Handler[]>;
    };
    for (const h of plain.handlers.get('ready-to-show') ?? []) h();
    expect(state.calls).toEqual(['show']);
  });

  it('repaints the window background when the OS theme changes', () => {
    const listeners: Array<() => void> = [];
    const theme = { shouldUseDarkColors: false, on: (_e: string, fn: () => void) => listeners.push(fn) };
    const colours: string[] = [];
    let win: { setBackgroundColor(c: string): void } | null = { setBackgroundColor: (c) => colours.push(c) };
    followSystemTheme(theme as never, () => win as never);
    theme.shouldUseDarkColors = true;
    for (const l of listeners) l();
    theme.shouldUseDarkColors = false;
    for (const l of listeners) l();
    win = null;
    for (const l of listeners) l();
    expect(colours).toEqual([BACKGROUND.dark, BACKGROUND.light]);
  });

  it('keeps its own title when the page sets <title>', () => {
    const win = createMainWindow({ preload: '/p.cjs', title: 'Dossier' }) as unknown as {
      handlers: Map<string, Handler[]>;
    };
    const event = fakeEvent();
    for (const h of win.handlers.get('page-title-updated') ?? []) h(event, 'Something else');
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('hardenWebContents', () => {
  const entry = 'file:///app/out/renderer/index.html';

  it('blocks every navigation of the packaged page and hands only http(s) links to the browser', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, entry);
    const navigate = contents.handlers.get('will-navigate')!;
    for (const url of ['https://example.org/story', 'file:///etc/passwd', 'javascript:alert(1)', entry]) {
      const event = fakeEvent();
      navigate(event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
    expect(state.opened).toEqual(['https://example.org/story']);
  });

  it('lets the dev server page reload itself, nothing else', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, 'http://localhost:5173/');
    const navigate = contents.handlers.get('will-navigate')!;
    const reload = fakeEvent();
    navigate(reload, 'http://localhost:5173/');
    expect(reload.defaultPrevented).toBe(false);
    const away = fakeEvent();
    navigate(away, 'http://localhost:8080/');
    expect(away.defaultPrevented).toBe(true);
  });

  it('denies every new window, opening only allowlisted links externally', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, entry);
    expect(contents.openHandler!({ url: 'https://example.org/a' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'data:text/html,<h1>x' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'smb://host/share' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://example.org/a']);
  });

  it('prevents <webview> attachment and redirects away from the app', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, entry);
    const attach = fakeEvent();
    contents.handlers.get('will-attach-webview')!(attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
    const redirect = fakeEvent();
    contents.handlers.get('will-redirect')!(redirect, 'https://evil.example/');
    expect(redirect.defaultPrevented).toBe(true);
  });

  it('openExternalSafely refuses dangerous schemes', () => {
    expect(openExternalSafely('file:///bin/sh')).toBe(false);
    expect(openExternalSafely('https://example.org')).toBe(true);
    expect(state.opened).toEqual(['https://example.org/']);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const s = {
      requestHandler: null as Handler | null,
      checkHandler: null as Handler | null,
      headersHandler: null as Handler | null,
      headersFilter: null as unknown,
      setPermissionRequestHandler(h: Handler) {
        s.requestHandler = h;
      },
      setPermissionCheckHandler(h: Handler) {
        s.checkHandler = h;
      },
      webRequest: {
        onHeadersReceived(filter: unknown, h: Handler) {
          s.headersFilter = filter;
          s.headersHandler = h;
        },
      },
    };
    return s;
  }

  it('denies permission requests and checks', () => {
    const s = fakeSession();
    hardenSession(s as never, undefined);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | undefined;
      s.requestHandler!({}, permission, (g: boolean) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(s.checkHandler!({}, permission)).toBe(false);
    }
  });

  it('adds the CSP header to http(s) responses, keeping the other headers', () => {
    const s = fakeSession();
    hardenSession(s as never, 'http://localhost:5173/');
    expect(s.headersFilter).toEqual({ urls: ['http://*/*', 'https://*/*'] });
    let headers: Record<string, string[]> = {};
    s.headersHandler!(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/default-src 'none'; script-src 'self' 'unsafe-inline'/);
    expect(headers['Content-Security-Policy']?.[0]).toContain('ws://localhost:5173');
  });
});
