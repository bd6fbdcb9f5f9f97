/**
 * What a `notebook-changed` event says changed: the one source of truth for
 * the change kinds main computes (main/services/change-set.ts) and the
 * renderer's query invalidation reads (renderer/src/api/invalidation.ts).
 */
import { z } from 'zod';

/** Why the notebook changed. Never the undo label: code branches on this, people read the label. */
export const ChangeReason = z.enum(['opened', 'edit', 'undo', 'redo', 'import', 'external']);
export type ChangeReason = z.infer<typeof ChangeReason>;

export const RecordChangeKind = z.enum(['added', 'updated', 'removed']);
export type RecordChangeKind = z.infer<typeof RecordChangeKind>;

export const RecordChange = z.object({ id: z.string(), kind: RecordChangeKind });
export type RecordChange = z.infer<typeof RecordChange>;

/**
 * A source whose file or listing changed. `metadata`: its listing (title,
 * outlet, date…) changed, or it was added or removed — false when only its
 * text or its annotations did.
 */
export const SourceChange = RecordChange.extend({ metadata: z.boolean() });
export type SourceChange = z.infer<typeof SourceChange>;

export const AnnotationChange = RecordChange.extend({ sourceId: z.string() });
export type AnnotationChange = z.infer<typeof AnnotationChange>;

/** The record collections a change set lists by id. */
export const RECORD_COLLECTIONS = ['sources', 'annotations', 'actors', 'tags', 'briefs', 'relations'] as const;
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

export const ChangeSet = z.object({
  /** A source's text or metadata (its manifest entry or its file), or any of its annotations. */
  sources: z.array(SourceChange).default([]),
  annotations: z.array(AnnotationChange).default([]),
  actors: z.array(RecordChange).default([]),
  tags: z.array(RecordChange).default([]),
  briefs: z.array(RecordChange).default([]),
  relations: z.array(RecordChange).default([]),
  /** The list of annotation statuses changed. */
  statuses: z.boolean().optional(),
  /** Anything else of the notebook itself (its title, rejected mention suggestions). */
  notebook: z.boolean().default(false),
});
export type ChangeSet = z.infer<typeof ChangeSet>;

export const NotebookChangedEvent = z.object({
  type: z.literal('notebook-changed'),
  reason: ChangeReason,
  /** What changed; absent when anything may have (a notebook was opened, an outside change). */
  changes: ChangeSet.optional(),
  /** The person-readable name of the action (the undo label), for display only. */
  label: z.string().optional(),
  /** The `origin` the caller passed with the write, so a client can recognise its own change. */
  origin: z.string().optional(),
});
export type NotebookChangedEvent = z.infer<typeof NotebookChangedEvent>;

/** A change set with nothing in it, to fill in. */
export function emptyChangeSet(): ChangeSet {
  return { sources: [], annotations: [], actors: [], tags: [], briefs: [], relations: [], notebook: false };
}

/** True when the change set lists nothing. */
export function isEmptyChangeSet(c: ChangeSet): boolean {
  return RECORD_COLLECTIONS.every((k) => c[k].length === 0) && !c.statuses && !c.notebook;
}

/** Whether a write may carry an origin (a short opaque tag the writer chooses). */
export const WriteOrigin = z.string().min(1).max(100);
