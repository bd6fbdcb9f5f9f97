/**
 * The one typed API between the renderer and main (docs/ARCHITECTURE.md, "One typed API").
 *
 * Each method has an input and an output schema. Main validates every payload
 * with the input schema before it reaches a service; the renderer calls the
 * methods through `window.dossier` (Electron preload) or the loopback bridge
 * (dev:web and end-to-end tests), which both return `Result` envelopes.
 *
 * To add a method: add its name to its area's list in api-methods.ts, its
 * schemas to the area's file in shared/api/ (spread into `apiSchemas` below),
 * and its implementation to the area's `…-methods.ts` in main/services/
 * (composed in main/services/session.ts).
 */
import { z } from 'zod';
import { validation } from '../i18n/zod';
import { API_METHODS, type DesktopMethodName, type MethodName, type RendererMethodName } from '../api-methods';
import type { Result } from '../errors';
import { actorSchemas } from './actors';
import { sourceSchemas } from './sources';
import { annotationSchemas } from './annotations';
import { briefSchemas } from './briefs';
import { searchSchemas } from './search';
import { doctorSchemas } from './doctor';
import { AutoSyncEvent, RemoteChoice, SyncResult, teamSchemas } from './team';
import { interopSchemas, InteropImportSummary } from './interop';
import { LookupInput } from './lookup';
import { historySchemas } from './history';
import { NotebookChangedEvent } from './events';
import { Annotation, DEFAULT_STATUSES, FactCheckSettings, Id, Source, SourceMeta } from '../model';
import { BriefFormat, MenuCommand } from '../enums';
import { SettingsPatch, UserSettings } from '../settings';

export {
  API_METHODS,
  DESKTOP_METHODS,
  RENDERER_METHODS,
  TRUSTED_METHODS,
  type DesktopMethodName,
  type MethodName,
  type RendererMethodName,
  type TrustedMethodName,
} from '../api-methods';
export * from './events';
export * from './doctor';
export * from './team';
export * from './interop';

const Empty = z.object({}).strict().default({});

export const NotebookInfo = z.object({
  path: z.string(),
  title: z.string(),
  /** True when the notebook could not be opened for writing; `problem` says why. */
  readOnly: z.boolean(),
  problem: z.string().optional(),
  /** Files in sources/ the manifest does not list (a crash mid-import): `dossier doctor` checks and repairs them. */
  unlistedFiles: z.number().int().optional(),
  sourceCount: z.number().int(),
  statuses: z.array(z.string()).default([...DEFAULT_STATUSES]),
  /** The fact-check settings (organisation, rating scale, each status's rating); absent before any was set. */
  factCheck: FactCheckSettings.optional(),
});
export type NotebookInfo = z.infer<typeof NotebookInfo>;

export const ImportedFile = z.object({
  name: z.string().min(1).max(1024),
  bytes: z.instanceof(Uint8Array),
});

export const ImportIssue = z.object({
  name: z.string(),
  reason: z.string(),
  /** For a skipped duplicate: the source it duplicates. */
  sourceId: z.string().optional(),
});

export const ImportResult = z.object({
  added: z.array(Source),
  skipped: z.array(ImportIssue),
  rejected: z.array(ImportIssue),
  /** Exchange files (W3C annotations, REFI-QDA) among the imported ones: what each brought in. */
  interop: z.array(InteropImportSummary).optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const SourceWithAnnotations = z.object({
  source: Source,
  annotations: z.array(Annotation),
});
export type SourceWithAnnotations = z.infer<typeof SourceWithAnnotations>;

export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().optional(),
  redoLabel: z.string().optional(),
});
export type HistoryState = z.infer<typeof HistoryState>;
/** After undo/redo: what was undone or redone (absent when there was nothing), and the new state. */
export const HistoryStep = HistoryState.extend({ label: z.string().optional() });

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const apiSchemas = {
  getNotebook: method(Empty, NotebookInfo),
  listSources: method(Empty, z.array(SourceMeta)),
  getSource: method(z.object({ id: z.string().min(1) }), SourceWithAnnotations),
  /** The source a person named: its id, a unique prefix of the id, or its exact title. */
  lookupSource: method(LookupInput, SourceMeta),
  importFiles: method(z.object({ files: z.array(ImportedFile).min(1) }), ImportResult),
  importPaths: method(z.object({ paths: z.array(z.string().min(1)).min(1) }), ImportResult),
  importText: method(
    z.object({
      text: z.string(),
      html: z.string().optional(),
      name: z.string().optional(),
    }),
    ImportResult,
  ),
  undo: method(Empty, HistoryStep),
  redo: method(Empty, HistoryStep),
  getHistory: method(Empty, HistoryState),
  ...historySchemas,
  ...annotationSchemas,
  ...actorSchemas,
  ...sourceSchemas,
  ...briefSchemas,
  ...searchSchemas,
  ...doctorSchemas,
  ...interopSchemas,
  ...teamSchemas,
  getSettings: method(Empty, UserSettings),
  /** Replaces the fields given; every window hears `settings-changed`. */
  updateSettings: method(SettingsPatch, UserSettings),
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

// Compile-time check that API_METHODS lists exactly the schemas' keys.
type _SameKeys = [keyof typeof apiSchemas] extends [MethodName]
  ? [MethodName] extends [keyof typeof apiSchemas]
    ? true
    : never
  : never;
const _check: _SameKeys = true;
void _check;
void API_METHODS;

export type ApiInput<M extends MethodName> = z.input<(typeof apiSchemas)[M]['input']>;
export type ApiParsedInput<M extends MethodName> = z.output<(typeof apiSchemas)[M]['input']>;
export type ApiOutput<M extends MethodName> = z.output<(typeof apiSchemas)[M]['output']>;

/** What main implements: validated input in, plain value out (or a thrown DossierError). */
export type DossierService = {
  [M in MethodName]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>>;
};

/** Events main pushes to the renderer. */
export const ApiEvent = z.discriminatedUnion('type', [
  NotebookChangedEvent,
  /** A person's settings changed (in this window or another, or from the CLI in this process). */
  z.object({ type: z.literal('settings-changed'), settings: UserSettings }),
  z.object({
    type: z.literal('import-progress'),
    done: z.number().int(),
    total: z.number().int(),
    current: z.string().optional(),
    finished: z.boolean().default(false),
  }),
  /** A native menu item the renderer acts on (e.g. "import", "undo"): one of MENU_COMMANDS. */
  z.object({ type: z.literal('menu'), command: MenuCommand }),
  /** An automatic sync of a shared notebook ended (docs/team.md). */
  AutoSyncEvent,
]);
export type ApiEvent = z.infer<typeof ApiEvent>;

/**
 * The shape of `window.dossier`: one function per renderer-facing method (no
 * method that takes a path: TRUSTED_METHODS), plus one event subscription.
 */
export type DossierApi = {
  [M in RendererMethodName]: (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>>;
} & {
  onEvent(listener: (event: ApiEvent) => void): () => void;
};

/** A grant id main handed out for one file the person dropped or picked: opaque, random, single use. */
export const GrantId = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, validation('validation.grantId'));

/**
 * What crosses the desktop channels (DESKTOP_METHODS), validated in main.
 * `grantDroppedFiles` carries the paths the preload read from the Files
 * (webUtils) — the page cannot reach this channel with paths of its own.
 */
export const desktopSchemas = {
  grantDroppedFiles: method(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }).strict(),
    z.object({ grants: z.array(GrantId) }),
  ),
  importGrants: method(z.object({ grants: z.array(z.string().max(100)).min(1).max(10_000) }).strict(), ImportResult),
  exportBriefWithDialog: method(
    z.object({ briefId: Id, format: BriefFormat }).strict(),
    /** `fileName` is the chosen file's name (for a notice), never its folder; absent when the person cancelled. */
    z.object({ saved: z.boolean(), fileName: z.string().optional() }),
  ),
  shareNotebookWithDialog: method(
    z.object({ remote: RemoteChoice }).strict(),
    /** `remote` names the folder (not its path) or the web address; absent when the person cancelled. */
    z.object({ shared: z.boolean(), remote: z.string().optional(), result: SyncResult.optional() }),
  ),
  openSharedNotebookWithDialog: method(
    z.object({ remote: RemoteChoice }).strict(),
    /** `name` is the new notebook folder's name; absent when the person cancelled. */
    z.object({ opened: z.boolean(), name: z.string().optional() }),
  ),
} satisfies Record<DesktopMethodName, { input: z.ZodType; output: z.ZodType }>;

export type DesktopOutput<M extends DesktopMethodName> = z.output<(typeof desktopSchemas)[M]['output']>;

/** What the Electron preload adds to `window.dossier`; the browser binding (dev:web) has none of it. */
export type DesktopExtras = {
  /**
   * Grants for Files the person dropped or picked (files or folders), in order;
   * null for a File that did not come from disk (import its bytes instead).
   */
  grantDroppedFiles(files: File[]): Promise<Result<{ grants: Array<string | null> }>>;
  /** Imports the files behind grants from grantDroppedFiles; each grant works once. */
  importGrants(input: { grants: string[] }): Promise<Result<DesktopOutput<'importGrants'>>>;
  /** Main shows a save dialog and writes the brief there; the answer names the file, not its folder. */
  exportBriefWithDialog(input: {
    briefId: string;
    format: BriefFormat;
  }): Promise<Result<DesktopOutput<'exportBriefWithDialog'>>>;
  /** File › Share notebook…: main asks for the folder itself (a web address comes with an optional token). */
  shareNotebookWithDialog(input: { remote: RemoteChoice }): Promise<Result<DesktopOutput<'shareNotebookWithDialog'>>>;
  /** File › Open shared notebook…: main asks for the remote's folder and where the copy goes, then opens it. */
  openSharedNotebookWithDialog(input: {
    remote: RemoteChoice;
  }): Promise<Result<DesktopOutput<'openSharedNotebookWithDialog'>>>;
};

/** `window.dossier` in the desktop app. */
export type DesktopDossierApi = DossierApi & DesktopExtras;
