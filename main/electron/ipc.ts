/**
 * IPC wiring: one `ipcMain.handle('dossier:<method>')` per API method, each
 * checking that the sender is the app window's main frame on the app's own
 * page, then validating and calling through `callApi` (one place for
 * validation and error shaping, shared with the loopback bridge). Nothing
 * is ever thrown across IPC: the renderer always receives a Result.
 *
 * Written against small structural interfaces (no runtime import of
 * electron) so tests can pass fakes for ipcMain, the window and the session.
 */
import { API_CHANNEL_PREFIX, API_EVENT_CHANNEL, API_METHODS, type MethodName } from '../../shared/api-methods';
import type { ApiEvent, DossierService } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { callApi } from '../services/session';
import { isTrustedSender, type FrameLike } from './security';

/** The part of Electron's IpcMainInvokeEvent the handlers read. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

export type InvokeHandler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeHandler): void;
  removeHandler(channel: string): void;
}

/** The part of a BrowserWindow's webContents used here. */
export interface WebContentsLike {
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** What the handlers need from the currently open notebook. */
export interface SessionLike {
  readonly service: DossierService;
}

export interface ApiHandlerOptions {
  /** The session to call; null while no notebook is open (e.g. during a switch). */
  getSession(): SessionLike | null;
  /** The app window's webContents; null before it exists or after it closed. */
  getWebContents(): WebContentsLike | null;
  /** The URL the app page was loaded from (file://…/index.html or the dev server URL). */
  appEntryUrl: string;
  /** Called for each refused call, for logging. */
  onRefused?(channel: string, url: string | undefined): void;
}

export function channelFor(method: MethodName): string {
  return API_CHANNEL_PREFIX + method;
}

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'invalid-input', message: 'This request did not come from the Dossier window and was refused.' },
};

const NO_NOTEBOOK: Result<never> = {
  ok: false,
  error: { code: 'not-found', message: 'No notebook is open. Use File › Open notebook… to open one.' },
};

/**
 * Registers one handler per API method. Returns a function that removes them
 * (used on shutdown and by tests).
 */
export function registerApiHandlers(ipcMain: IpcMainLike, options: ApiHandlerOptions): () => void {
  const channels: string[] = [];
  for (const method of API_METHODS) {
    const channel = channelFor(method);
    ipcMain.handle(channel, async (event, ...args) => {
      const frame = event?.senderFrame ?? null;
      const contents = options.getWebContents();
      if (!contents || contents.isDestroyed() || !isTrustedSender(frame, contents.mainFrame, options.appEntryUrl)) {
        options.onRefused?.(channel, frame?.url);
        return REFUSED;
      }
      const session = options.getSession();
      if (!session) return NO_NOTEBOOK;
      // Exactly one argument: the input object. Extra arguments are a malformed call.
      if (args.length > 1) {
        return {
          ok: false,
          error: { code: 'invalid-input', message: `${method} takes one argument.` },
        } satisfies Result<never>;
      }
      return callApi(session.service, method, args[0]);
    });
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Forwards events of a session to the window; returns the unsubscribe function. */
export function forwardEvents(
  session: { onEvent(listener: (event: ApiEvent) => void): () => void },
  getWebContents: () => WebContentsLike | null,
): () => void {
  return session.onEvent((event) => sendEvent(getWebContents(), event));
}

/** Sends one event to the window if it is still alive. */
export function sendEvent(contents: WebContentsLike | null, event: ApiEvent): void {
  if (!contents || contents.isDestroyed()) return;
  contents.send(API_EVENT_CHANNEL, event);
}
