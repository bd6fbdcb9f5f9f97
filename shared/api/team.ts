/**
 * API schemas for team notebooks over git (docs/team.md): share a notebook,
 * sync it, list and resolve the conflicts a merge kept.
 */
import { z } from 'zod';
import { Conflict, ConflictChoice } from '../team/conflicts';

const Empty = z.object({}).strict().default({});

export const SyncResult = z.object({
  /** up-to-date: nothing to do; pushed / pulled: one side moved on; merged: both did; local: no remote. */
  state: z.enum(['up-to-date', 'pushed', 'pulled', 'merged', 'local']),
  commit: z.string().optional(),
  /** The conflicts this sync's merge kept (all open ones: listConflicts). */
  conflicts: z.number().int(),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const TeamStatus = z.object({
  shared: z.boolean(),
  /** The remote's address with any user or token taken out. */
  remote: z.string().optional(),
  lastSyncAt: z.string().optional(),
  conflicts: z.number().int(),
});
export type TeamStatus = z.infer<typeof TeamStatus>;

/**
 * An automatic sync (every few minutes, as the person's settings say) ended: what it did, or why it
 * failed — `first` for the first failure since the last success, so the window tells once.
 */
export const AutoSyncEvent = z.object({
  type: z.literal('auto-sync'),
  result: SyncResult.optional(),
  error: z.object({ message: z.string(), first: z.boolean() }).optional(),
});
export type AutoSyncEvent = z.infer<typeof AutoSyncEvent>;

/**
 * Where the desktop app shares a notebook to, or copies one from: a folder main asks for with its own
 * dialog (the page never names a path), or a web address (https) with an optional token main keeps in
 * the system's keychain.
 */
export const RemoteChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder') }).strict(),
  z
    .object({
      kind: z.literal('web'),
      url: z
        .string()
        .max(2048)
        .regex(/^https:\/\/[^\s/]+/i),
      username: z.string().trim().max(200).optional(),
      token: z.string().trim().max(4096).optional(),
    })
    .strict(),
]);
export type RemoteChoice = z.infer<typeof RemoteChoice>;

export const teamSchemas = {
  /** Puts the notebook under git (once) and, given a remote (a folder or an https address), pushes it there. */
  shareNotebook: { input: z.object({ remote: z.string().min(1).max(4096).optional() }).strict(), output: SyncResult },
  /** Commits what changed here, merges what the team shared (record by record) and pushes. */
  syncNotebook: { input: Empty, output: SyncResult },
  getTeamStatus: { input: Empty, output: TeamStatus },
  listConflicts: { input: Empty, output: z.array(Conflict) },
  /** Takes one side (or a value) for a conflict and forgets it: an undoable change. */
  resolveConflict: {
    input: z.object({ id: z.string().min(1), take: ConflictChoice }).strict(),
    output: z.object({ label: z.string() }),
  },
} as const;
