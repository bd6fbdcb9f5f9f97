/**
 * API schemas for the History panel: the list of actions the undo history
 * holds, a jump to any point of it, and the snapshots of the whole notebook
 * kept outside it (listed, taken, restored).
 */
import { z } from 'zod';
import { validation } from '../i18n/zod';
import { SnapshotReason } from '../enums';

const Empty = z.object({}).strict().default({});

export const HistoryTimeline = z.object({
  /** Every action, oldest first: the done ones, then the undone (redoable) ones in the order they would be redone. */
  entries: z.array(z.object({ label: z.string(), at: z.string() })),
  /** How many of `entries` are done: the point the notebook is at (0 = before all of them). */
  current: z.number().int().min(0),
});
export type HistoryTimeline = z.infer<typeof HistoryTimeline>;

/** A snapshot's id: the UTC time it was taken and why, e.g. `20261129-105500-123-open`. */
export const SnapshotId = z.string().regex(/^\d{8}-\d{6}-\d{3}-[a-z]+$/, validation('validation.snapshotId'));

export const SnapshotInfo = z.object({
  id: SnapshotId,
  /** ISO time it was taken. */
  at: z.string(),
  reason: SnapshotReason,
  bytes: z.number().int().min(0),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

export const historySchemas = {
  listHistory: { input: Empty, output: HistoryTimeline },
  /**
   * Undoes or redoes, one step after the other, until `index` actions are done
   * (one write: nothing else runs in between). A jump across many steps takes
   * a snapshot first.
   */
  goToHistory: { input: z.object({ index: z.number().int().min(0) }).strict(), output: HistoryTimeline },
  /** Newest first; empty when snapshots are off (no folder for them was given). */
  listSnapshots: { input: Empty, output: z.array(SnapshotInfo) },
  takeSnapshot: { input: Empty, output: SnapshotInfo },
  /**
   * Replaces the notebook's files with the snapshot's, after taking a snapshot
   * of the current state (returned); the undo history starts empty again.
   */
  restoreSnapshot: { input: z.object({ id: SnapshotId }).strict(), output: z.object({ saved: SnapshotInfo }) },
};
