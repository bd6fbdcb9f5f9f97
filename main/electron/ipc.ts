/**
 * IPC wiring: one `ipcMain.handle('dossier:<method>')` per renderer-facing
 * API method (RENDERER_METHODS: no method that takes a path) and per desktop
 * extra (DESKTOP_METHODS: grants for files the person dropped, importing
 * them, exporting a brief through a save dialog main shows). Each handler
 * checks that the sender is the app window's main frame on the app's own
 * page, then validates and calls through `callApi` (one place for
 * validation and error shaping, shared with the loopback bridge and the
 * CLI). Nothing is ever thrown across IPC: the renderer always receives a
 * Result.
 *
 * Written against small structural interfaces (no runtime import of
 * electron) so tests can pass fakes for ipcMain, the window and the session.
 */
import path from 'node:path';
import type { Translator } from '../../shared/i18n';
import {
  API_CHANNEL_PREFIX,
  API_EVENT_CHANNEL,
  DESKTOP_METHODS,
  RENDERER_METHODS,
  type DesktopMethodName,
  type MethodName,
} from '../../shared/api-methods';
import { desktopSchemas, type ApiEvent, type DossierService } from '../../shared/api';
import { BRIEF_FORMAT_INFO, type BriefFormat } from '../../shared/enums';
import { DossierError, toApiError, type Result } from '../../shared/errors';
import { exportFileName } from '../services/export-file';
import { callApi } from '../services/session';
import type { WindowGrants } from './grants';
import { teamDesktopHandlers, withFolderNames, type TeamDesktopOptions } from './team-desktop';
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
  /** The person's language, for the errors the API door itself finds (a notebook session has it). */
  translator?(): Translator;
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
  /** The person's language, for the errors the door itself finds (no notebook open, a refused call); else the session's. */
  translator?(): Translator;
  /** The grants handed out to each window (cleared by the caller when the window navigates). */
  grants: WindowGrants;
  /**
   * Shows a save dialog for a brief's export, suggesting `defaultName`;
   * resolves with the chosen path, or null when the person cancelled.
   */
  pickExportPath(defaultName: string, format: BriefFormat): Promise<string | null>;
  /** File › Share notebook… and Open shared notebook… (their dialogs, the keychain); refused without. */
  team?: TeamDesktopOptions;
}

export function channelFor(method: MethodName | DesktopMethodName): string {
  return API_CHANNEL_PREFIX + method;
}

export type Handled = (
  session: SessionLike,
  contents: WebContentsLike,
  input: unknown,
  /** The person's language, for the messages of the answer. */
  t: Translator | undefined,
) => Promise<Result<unknown>>;

/**
 * Registers one handler per renderer-facing method and per desktop extra.
 * Returns a function that removes them (used on shutdown and by tests).
 */
export function registerApiHandlers(ipcMain: IpcMainLike, options: ApiHandlerOptions): () => void {
  const channels: string[] = [];
  const handle = (name: MethodName | DesktopMethodName, run: Handled) => {
    const channel = channelFor(name);
    ipcMain.handle(channel, async (event, ...args) => {
      const frame = event?.senderFrame ?? null;
      const contents = options.getWebContents();
      const session = options.getSession();
      const t = options.translator?.() ?? session?.translator?.();
      const refuse = (err: unknown): Result<never> => ({ ok: false, error: toApiError(err, t) });
      if (!contents || contents.isDestroyed() || !isTrustedSender(frame, contents.mainFrame, options.appEntryUrl)) {
        options.onRefused?.(channel, frame?.url);
        return refuse(DossierError.of('invalid-input', 'electron.refused'));
      }
      if (!session) return refuse(DossierError.of('not-found', 'electron.noNotebook'));
      // Exactly one argument: the input object. Extra arguments are a malformed call.
      if (args.length > 1) return refuse(DossierError.of('invalid-input', 'electron.oneArgument', { name }));
      try {
        return await run(session, contents, args[0], t);
      } catch (err) {
        return refuse(err);
      }
    });
    channels.push(channel);
  };
  for (const method of RENDERER_METHODS)
    handle(method, (session, _contents, input, t) => callApi(session.service, method, input, t));
  const desktop = desktopHandlers(options);
  for (const name of DESKTOP_METHODS) handle(name, desktop[name]);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

function parseDesktop<M extends DesktopMethodName>(name: M, input: unknown) {
  return desktopSchemas[name].input.parse(input ?? {}) as ReturnType<(typeof desktopSchemas)[M]['input']['parse']>;
}

/**
 * The desktop extras. Paths appear only inside main: from the preload's
 * reading of dropped Files (turned into grants at once), from grants (turned
 * back into paths for the trusted `importPaths`), and from the save dialog
 * main shows itself (for the trusted `exportBriefToFile`).
 */
function desktopHandlers(options: ApiHandlerOptions): Record<DesktopMethodName, Handled> {
  return {
    ...teamDesktopHandlers(options.team),
    async grantDroppedFiles(_session, contents, input) {
      const { paths } = parseDesktop('grantDroppedFiles', input);
      if (!paths.every((p) => path.isAbsolute(p)))
        throw DossierError.of('invalid-input', 'electron.onlyFilesDroppedPicked');
      return { ok: true, value: { grants: options.grants.for(contents).issue(paths) } };
    },
    async importGrants(session, contents, input, t) {
      const { grants } = parseDesktop('importGrants', input);
      const paths = options.grants.for(contents).redeem(grants);
      return callApi(session.service, 'importPaths', { paths }, t);
    },
    async exportBriefWithDialog(session, _contents, input, t) {
      const { briefId, format } = parseDesktop('exportBriefWithDialog', input);
      const brief = await callApi(session.service, 'getBrief', { id: briefId }, t);
      if (!brief.ok) return brief;
      const title = (brief.value as { title: string }).title;
      const target = await options.pickExportPath(exportFileName(title, BRIEF_FORMAT_INFO[format].extension), format);
      if (!target) return { ok: true, value: { saved: false } };
      const written = await callApi(session.service, 'exportBriefToFile', { briefId, format, path: target }, t);
      // The person knows where they chose; the page hears the file's name only, as on success.
      if (!written.ok) return withFolderNames(written, target);
      return { ok: true, value: { saved: true, fileName: path.basename((written.value as { path: string }).path) } };
    },
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
