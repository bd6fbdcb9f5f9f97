/**
 * Builds the object the preload exposes as `window.dossier`: exactly one
 * function per API method, each invoking its own fixed channel (no generic
 * invoke), plus `onEvent`, which hides Electron's IpcRendererEvent from the
 * page, and `pathForFile` for drag and drop of files and folders.
 *
 * Only types come from electron here, so tests can pass a fake ipcRenderer.
 */
import { API_CHANNEL_PREFIX, API_EVENT_CHANNEL, API_METHODS } from '../../shared/api-methods';
import type { ApiEvent, DesktopDossierApi } from '../../shared/api';

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.dossier` in the desktop app. `pathForFile(file)` returns the
 * absolute path of a File the person dropped onto the window (a file or a
 * folder), or "" for a File that did not come from disk; pass the paths to
 * `importPaths`. It exists only in Electron: the browser binding (dev:web)
 * has no file paths, so check for it before use.
 */
export function createDossierApi(ipc: IpcRendererLike, getPathForFile: (file: File) => string): DesktopDossierApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    const channel = API_CHANNEL_PREFIX + method;
    // A named closure per method over a constant channel string.
    api[method] = (input?: unknown) => ipc.invoke(channel, input ?? {});
  }
  api.onEvent = (listener: (event: ApiEvent) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function.');
    const wrapped = (_event: unknown, payload: unknown) => {
      listener(payload as ApiEvent);
    };
    ipc.on(API_EVENT_CHANNEL, wrapped);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(API_EVENT_CHANNEL, wrapped);
    };
  };
  api.pathForFile = (file: File) => {
    try {
      return getPathForFile(file);
    } catch {
      return '';
    }
  };
  return Object.freeze(api) as DesktopDossierApi;
}
