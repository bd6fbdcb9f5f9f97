/**
 * Builds the object the preload exposes as `window.dossier`: exactly one
 * function per renderer-facing API method (RENDERER_METHODS — no method that
 * takes a path), each invoking its own fixed channel (no generic invoke),
 * plus `onEvent`, which hides Electron's IpcRendererEvent from the page, and
 * the desktop extras for files the person chose (DESKTOP_METHODS).
 *
 * `grantDroppedFiles(files)` reads each File's path here, with webUtils (a
 * page cannot make a File that has a path), and asks main for grant ids; the
 * page gets the ids, never a path. It imports them with `importGrants`.
 *
 * Only types come from electron here, so tests can pass a fake ipcRenderer.
 */
import { API_CHANNEL_PREFIX, API_EVENT_CHANNEL, DESKTOP_METHODS, RENDERER_METHODS } from '../../shared/api-methods';
import type { ApiEvent, DesktopDossierApi } from '../../shared/api';

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type GrantAnswer = { ok: true; value: { grants: string[] } } | { ok: false; error: unknown };

/** `window.dossier` in the desktop app. */
export function createDossierApi(ipc: IpcRendererLike, getPathForFile: (file: File) => string): DesktopDossierApi {
  const api: Record<string, unknown> = {};
  for (const method of RENDERER_METHODS) {
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
  api.grantDroppedFiles = async (files: File[]) => {
    const paths = Array.from(files ?? [], (file) => {
      try {
        return getPathForFile(file) || '';
      } catch {
        return '';
      }
    });
    const fromDisk = paths.filter((p) => p.length > 0);
    if (fromDisk.length === 0) return { ok: true, value: { grants: paths.map(() => null) } };
    const answer = (await ipc.invoke(API_CHANNEL_PREFIX + 'grantDroppedFiles', { paths: fromDisk })) as GrantAnswer;
    if (!answer.ok) return answer;
    const issued = [...answer.value.grants];
    return { ok: true, value: { grants: paths.map((p) => (p ? (issued.shift() ?? null) : null)) } };
  };
  // The other desktop extras forward their input on their own channel, as the API methods do.
  for (const name of DESKTOP_METHODS) {
    if (name === 'grantDroppedFiles') continue;
    const channel = API_CHANNEL_PREFIX + name;
    api[name] = (input?: unknown) => ipc.invoke(channel, input ?? {});
  }
  return Object.freeze(api) as DesktopDossierApi;
}
