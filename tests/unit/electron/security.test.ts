import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAppUrl,
  isPermissionGranted,
  isTrustedSender,
  safeExternalUrl,
} from '../../../main/electron/security';

describe('external link allowlist', () => {
  it('accepts absolute https and http links and returns them normalised', () => {
    expect(safeExternalUrl('https://example.org/news/harbour-accord?id=7#top')).toBe(
      'https://example.org/news/harbour-accord?id=7#top',
    );
    expect(safeExternalUrl('HTTPS://Example.ORG')).toBe('https://example.org/');
    expect(safeExternalUrl('http://tidning.example.se/artikel/1')).toBe('http://tidning.example.se/artikel/1');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'file:///etc/passwd',
    'file://C:/Windows/system32/calc.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://attacker.example/share',
    'dossier-internal://open',
    'mailto:redaktion@example.org',
    'ftp://example.org/file',
    '//example.org/protocol-relative',
    '/relative/path',
    'not a url',
    '',
    'https://user:secret@example.org/',
  ])('refuses %j', (raw) => {
    expect(safeExternalUrl(raw)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(safeExternalUrl(undefined)).toBeNull();
    expect(safeExternalUrl({ href: 'https://example.org' })).toBeNull();
  });
});

describe('app URL and sender checks', () => {
  const entry = 'file:///opt/Dossier/resources/app/out/renderer/index.html';

  it('matches the packaged renderer file only', () => {
    expect(isAppUrl(entry, entry)).toBe(true);
    expect(isAppUrl(entry + '#/sources/abc', entry)).toBe(true);
    expect(isAppUrl('file:///opt/Dossier/resources/app/out/renderer/other.html', entry)).toBe(false);
    expect(isAppUrl('file:///home/someone/Downloads/index.html', entry)).toBe(false);
    expect(isAppUrl('https://example.org/', entry)).toBe(false);
  });

  it('matches the app scheme by scheme and host', () => {
    const entry = 'app://dossier/index.html';
    expect(isAppUrl(entry, entry)).toBe(true);
    expect(isAppUrl('app://dossier/index.html#/briefs', entry)).toBe(true);
    expect(isAppUrl('app://elsewhere/index.html', entry)).toBe(false);
    expect(isAppUrl('file:///opt/Dossier/resources/app/out/renderer/index.html', entry)).toBe(false);
    expect(isAppUrl('https://dossier/index.html', entry)).toBe(false);
  });

  it('matches the dev server by origin', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('file:///tmp/index.html', dev)).toBe(false);
  });

  it('trusts only the main frame of the app window on the app page', () => {
    const main = { url: entry };
    const iframe = { url: entry };
    expect(isTrustedSender(main, main, entry)).toBe(true);
    expect(isTrustedSender(iframe, main, entry)).toBe(false);
    expect(isTrustedSender(null, main, entry)).toBe(false);
    expect(isTrustedSender(main, null, entry)).toBe(false);
    const navigatedAway = { url: 'https://evil.example/' };
    expect(isTrustedSender(navigatedAway, navigatedAway, entry)).toBe(false);
  });

  it('recognises the main frame through another wrapper object by frame token and process', () => {
    const main = { url: entry, frameToken: 'tok-main', processId: 4 };
    expect(isTrustedSender({ url: entry, frameToken: 'tok-main', processId: 4 }, main, entry)).toBe(true);
    expect(isTrustedSender({ url: entry, frameToken: 'tok-iframe', processId: 4 }, main, entry)).toBe(false);
    expect(isTrustedSender({ url: entry, frameToken: 'tok-main', processId: 9 }, main, entry)).toBe(false);
    expect(isTrustedSender({ url: entry }, { url: entry }, entry)).toBe(false);
    expect(isTrustedSender({ url: entry, frameToken: 'tok-main', processId: 4, detached: true }, main, entry)).toBe(
      false,
    );
  });
});

describe('content security policy', () => {
  const directives = (csp: string) =>
    new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );

  it('is strict in production: own scripts only, no eval, no inline script, no framing', () => {
    const d = directives(contentSecurityPolicy());
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy()).not.toMatch(/https?:/);
  });

  it("in dev adds only the inline preamble, the dev server websocket and Vite's blob: ping worker", () => {
    const csp = contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' });
    const d = directives(csp);
    expect(d.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(d.get('worker-src')).toEqual(['blob:']);
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'display-capture'])(
    'denies %s',
    (permission) => {
      expect(isPermissionGranted(permission)).toBe(false);
    },
  );
});
