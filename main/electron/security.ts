/**
 * Pure security policy of the Electron shell: which URLs count as the app's
 * own, which links may leave the app, and the Content-Security-Policy.
 * No runtime import of electron, so it is unit-testable in plain Node.
 */

import { APP_SCHEME } from './app-protocol';

/** Protocols a link may use to be handed to the operating system (shell.openExternal). */
export const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'http:']);

/**
 * Returns the normalised URL when `raw` is an absolute http(s) URL that may
 * be opened in the person's browser, or null for anything else
 * (javascript:, file:, data:, custom schemes, relative or malformed URLs,
 * URLs carrying credentials).
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (!url.hostname) return null;
  // user:password@host links are a classic phishing disguise.
  if (url.username || url.password) return null;
  return url.href;
}

/** The app scheme's protocol as URL.protocol spells it. */
const APP_PROTOCOL = `${APP_SCHEME}:`;

/**
 * True when `candidate` is the app's own page: for the app scheme
 * (app://dossier/index.html) or the dev server (http://localhost:5173/) the
 * same origin, for a file:// entry the same file (query and hash ignored).
 */
export function isAppUrl(candidate: unknown, appEntryUrl: string): boolean {
  if (typeof candidate !== 'string' || !candidate) return false;
  let url: URL;
  let entry: URL;
  try {
    url = new URL(candidate);
    entry = new URL(appEntryUrl);
  } catch {
    return false;
  }
  if (entry.protocol === 'file:') {
    return (
      url.protocol === 'file:' &&
      url.host === entry.host &&
      decodeURIComponent(url.pathname) === decodeURIComponent(entry.pathname)
    );
  }
  if (entry.protocol === 'http:' || entry.protocol === 'https:') {
    return url.origin === entry.origin;
  }
  // The app's own scheme (app://dossier/): the same scheme and host. URL.origin is
  // "null" for schemes Node does not know, so compare the parts.
  if (entry.protocol === APP_PROTOCOL) {
    return url.protocol === APP_PROTOCOL && url.host === entry.host && url.host !== '';
  }
  return false;
}

/** The part of a WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  /** Identify a frame across WebFrameMain wrapper objects (Electron ≥ 28). */
  readonly frameToken?: string;
  readonly processId?: number;
  /** True once the frame left the page (navigated away or removed). */
  readonly detached?: boolean;
}

/** Same frame: the same wrapper object, or the same frame token in the same renderer process. */
export function isSameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true;
  return (
    a.frameToken !== undefined &&
    a.frameToken === b.frameToken &&
    a.processId !== undefined &&
    a.processId === b.processId
  );
}

/**
 * The IPC sender check: the call must come from the app window's main frame
 * (not an iframe, not another window, not a detached frame) showing the
 * app's own page.
 */
export function isTrustedSender(
  frame: FrameLike | null | undefined,
  appMainFrame: FrameLike | null | undefined,
  appEntryUrl: string,
): boolean {
  if (!frame || !appMainFrame) return false;
  if (frame.detached) return false;
  if (!isSameFrame(frame, appMainFrame)) return false;
  return isAppUrl(frame.url, appEntryUrl);
}

/**
 * The Content-Security-Policy, from its one definition (shared with the
 * renderer build, which writes it into index.html's <meta> tag). Main sends
 * it as a response header for http(s) loads, i.e. the dev server, with
 * `{ devServerUrl }`; production (file://) gets the same policy from the <meta> tag.
 */
export { contentSecurityPolicy } from '../../shared/csp';

/** Permissions the app grants to its own page. None: Dossier needs no camera, geolocation, notifications… */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}
