/**
 * Merge conflicts of a shared notebook (docs/team.md): what a record-level
 * merge could not decide, kept in the manifest's `conflicts` so they travel
 * with the notebook to the rest of the team, and resolving one is undoable
 * like any edit. The merged files show the local value ("ours"); a conflict
 * keeps base, ours and theirs until someone takes one. Pure: no Node, DOM or
 * Electron.
 */
import { z } from 'zod';
import { textHash } from '../hash';

/**
 * One step into a file's JSON: a field name, or a record of a list by its key
 * (`{id}` is the value of the list's key field — `id` for most records,
 * `actorId` for an annotation's actor links).
 */
export const ConflictPathStep = z.union([z.string(), z.object({ id: z.string() })]);
export type ConflictPathStep = z.infer<typeof ConflictPathStep>;

export const Conflict = z.object({
  /** Stable: the same place conflicting on two computers gets the same id, so their lists merge. */
  id: z.string().min(1).max(64),
  /** The notebook file: `notebook.json` or `sources/<id>.json`. */
  file: z.string().min(1),
  /** Where in that file; empty for the whole file (deleted on one side, edited on the other). */
  path: z.array(ConflictPathStep),
  /** A readable name of the place: "actors › Anna Lindqvist › name". */
  label: z.string(),
  /** The three values; an absent one was absent (no such record, field or file). */
  base: z.unknown().optional(),
  ours: z.unknown().optional(),
  theirs: z.unknown().optional(),
  /** Who made each side's change, when known ("Name <e-mail>"). */
  oursBy: z.string().optional(),
  theirsBy: z.string().optional(),
  /** When the merge found it (ISO 8601). */
  at: z.string().optional(),
});
export type Conflict = z.infer<typeof Conflict>;

/** Conflicts a git merge driver found in a source file, kept until the notebook next opens for writing. */
export const PendingConflicts = z.array(Conflict);

/** What a person takes to resolve a conflict: one side, or a value of their own. */
export const ConflictChoice = z.union([z.literal('ours'), z.literal('theirs'), z.object({ value: z.unknown() })]);
export type ConflictChoice = z.infer<typeof ConflictChoice>;

/** The stable id of a conflict at a place, the same on every computer. */
export function conflictId(file: string, path: Conflict['path']): string {
  return `cf_${textHash(`${file}\n${JSON.stringify(path)}`).replace(/\./g, '_')}`;
}
