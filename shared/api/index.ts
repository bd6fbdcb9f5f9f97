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
import { API_METHODS, type MethodName } from '../api-methods';
import type { Result } from '../errors';
import { actorSchemas } from './actors';
import { sourceSchemas } from './sources';
import { annotationSchemas } from './annotations';
import { briefSchemas } from './briefs';
import { searchSchemas } from './search';
import { LookupInput } from './lookup';
import { NotebookChangedEvent } from './events';
import { Annotation, DEFAULT_STATUSES, Source, SourceMeta } from '../model';
import { MenuCommand } from '../enums';

export { API_METHODS, type MethodName } from '../api-methods';
export * from './events';

const Empty = z.object({}).strict().default({});

export const NotebookInfo = z.object({
  path: z.string(),
  title: z.string(),
  /** True when the notebook could not be opened for writing; `problem` says why. */
  readOnly: z.boolean(),
  problem: z.string().optional(),
  sourceCount: z.number().int(),
  statuses: z.array(z.string()).default([...DEFAULT_STATUSES]),
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
  ...annotationSchemas,
  ...actorSchemas,
  ...sourceSchemas,
  ...briefSchemas,
  ...searchSchemas,
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
  z.object({
    type: z.literal('import-progress'),
    done: z.number().int(),
    total: z.number().int(),
    current: z.string().optional(),
    finished: z.boolean().default(false),
  }),
  /** A native menu item the renderer acts on (e.g. "import", "undo"): one of MENU_COMMANDS. */
  z.object({ type: z.literal('menu'), command: MenuCommand }),
]);
export type ApiEvent = z.infer<typeof ApiEvent>;

/** The shape of `window.dossier`: one function per method, plus one event subscription. */
export type DossierApi = {
  [M in MethodName]: (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>>;
} & {
  onEvent(listener: (event: ApiEvent) => void): () => void;
};

/** What the Electron preload adds to `window.dossier`; the browser binding (dev:web) has none of it. */
export type DesktopExtras = {
  /** The absolute path of a File dropped or picked (a file or a folder), or "" for one not from disk. */
  pathForFile(file: File): string;
};

/** `window.dossier` in the desktop app. */
export type DesktopDossierApi = DossierApi & DesktopExtras;
