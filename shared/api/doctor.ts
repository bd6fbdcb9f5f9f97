/**
 * API schemas for checking a notebook folder and repairing what a crash left
 * (`dossier doctor`, docs/cli.md): an unreadable manifest or source file,
 * source files the manifest does not list, temp files of the durable writer,
 * the lock.
 */
import { z } from 'zod';

const Empty = z.object({}).strict().default({});

export const LockHolder = z.object({
  pid: z.number(),
  host: z.string(),
  since: z.string(),
  app: z.string().optional(),
});

/** Who holds the notebook's `.lock` (docs/storage.md). */
export const LockReport = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('unreadable') }),
  /** Its process runs on this computer (the caller's own lock, when it opened the notebook for writing). */
  z.object({ state: z.literal('held'), lock: LockHolder }),
  /** Its process is gone from this computer: the next writer takes it over. */
  z.object({ state: z.literal('stale'), lock: LockHolder }),
  /** Written on another computer: `dossier unlock` removes it once Dossier is closed there. */
  z.object({ state: z.literal('other-host'), lock: LockHolder }),
]);

/** A file in `sources/` that the manifest does not list (left by a crash between writing it and listing it). */
export const UnlistedFile = z.object({
  /** Relative to the notebook folder: `sources/<name>.json`. */
  file: z.string(),
  /** A valid source file: its source's id and title. */
  id: z.string().optional(),
  title: z.string().optional(),
  /** The listed source imported from the same bytes, when there is one. */
  duplicateOf: z.string().optional(),
  /** Why it cannot be listed, when it cannot (not JSON, invalid, its id not its name). */
  problem: z.string().optional(),
});
export type UnlistedFile = z.infer<typeof UnlistedFile>;

export const NotebookCheck = z.object({
  path: z.string(),
  /** Why notebook.json cannot be read; when set, nothing else was checked. */
  manifestProblem: z.string().optional(),
  /** How many listed sources were read and validated. */
  sourcesChecked: z.number().int(),
  /** Listed sources whose file is missing or cannot be read. */
  unreadableSources: z.array(z.object({ id: z.string(), title: z.string(), problem: z.string() })),
  /** Brief files (`briefs/<id>.json`) that cannot be read or hold another brief. */
  unreadableBriefs: z.array(z.object({ file: z.string(), problem: z.string() })).default([]),
  unlistedFiles: z.array(UnlistedFile),
  /** Temp files of the writer left by a crash or a full disk (removed when the notebook is next opened for writing). */
  tempFiles: z.array(z.string()),
  /** Temp files this session removed as it opened the notebook for writing. */
  tempFilesRemoved: z.array(z.string()),
  lock: LockReport,
  /** True when nothing above needs attention. */
  ok: z.boolean(),
});
export type NotebookCheck = z.infer<typeof NotebookCheck>;

export const NotebookRepair = z.object({
  /** Valid unlisted source files now listed again (one undoable step). */
  relisted: z.array(z.object({ id: z.string(), title: z.string(), file: z.string() })),
  /** Unlisted files that could not be listed, moved to `.orphans/` (nothing is deleted). */
  movedAside: z.array(z.object({ file: z.string(), to: z.string(), reason: z.string() })),
});
export type NotebookRepair = z.infer<typeof NotebookRepair>;

export const doctorSchemas = {
  /** Reads the whole notebook folder and reports what needs attention; changes nothing. */
  checkNotebook: { input: Empty, output: NotebookCheck },
  /** Re-lists valid unlisted source files and moves the rest to `.orphans/`. */
  repairNotebook: { input: Empty, output: NotebookRepair },
} as const;
