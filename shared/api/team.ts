/**
 * API schemas for team notebooks over git (docs/team.md): share a notebook,
 * sync it, list and resolve the conflicts a merge kept, read the shared
 * timeline and restore a source or brief from it.
 */
import { z } from 'zod';
import { validation } from '../i18n/zod';
import { Brief, SourceFile } from '../model';
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

/** A commit of the shared timeline: who, when, what (the message lists the undo labels of the changes). */
export const TimelineCommit = z.object({
  id: z.string(),
  parents: z.array(z.string()),
  author: z.object({ name: z.string(), email: z.string() }),
  /** When it was made (ISO 8601). */
  at: z.string(),
  /** The message's first line. */
  summary: z.string(),
  /** The changes the message lists, one a line (its "- …" lines); empty for a one-line message. */
  changes: z.array(z.string()),
});
export type TimelineCommit = z.infer<typeof TimelineCommit>;

/** What a commit changed in one source or brief, compared with its first parent. */
export const TimelineTouch = z.object({
  kind: z.enum(['source', 'brief']),
  id: z.string(),
  title: z.string(),
  change: z.enum(['added', 'changed', 'removed']),
});
export type TimelineTouch = z.infer<typeof TimelineTouch>;

/** A commit (a full id or an abbreviation of at least 4 hex digits). */
const CommitRef = z.string().regex(/^[0-9a-f]{4,40}$/i, validation('validation.commitId'));
/** One source or brief at one commit. */
const TimelineItem = z
  .object({ commit: CommitRef, kind: TimelineTouch.shape.kind, id: z.string().min(1).max(64) })
  .strict();

export const TimelineState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('source'), commit: z.string(), file: SourceFile }),
  z.object({ kind: z.literal('brief'), commit: z.string(), brief: Brief }),
]);
export type TimelineState = z.infer<typeof TimelineState>;

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
  /** The shared timeline, newest first, a page at a time. */
  listTimeline: {
    input: z
      .object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) })
      .strict()
      .default({ offset: 0, limit: 50 }),
    output: z.object({ commits: z.array(TimelineCommit), more: z.boolean() }),
  },
  /** One commit and the sources and briefs it changed. */
  getTimelineCommit: {
    input: z.object({ commit: CommitRef }).strict(),
    output: z.object({ commit: TimelineCommit, touched: z.array(TimelineTouch) }),
  },
  /** A source (text and annotations) or a brief as it was at a commit, read from git's objects. */
  getTimelineState: { input: TimelineItem, output: TimelineState },
  /** Puts a source or brief back as it was at a commit: a new, undoable change (history is never rewritten). */
  restoreFromTimeline: { input: TimelineItem, output: z.object({ label: z.string() }) },
} as const;
