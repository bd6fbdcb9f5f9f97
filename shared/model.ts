/**
 * The data model of a Dossier notebook (docs/data-model.md).
 *
 * These zod schemas are the single definition of every record the notebook
 * stores, the API carries and the CLI prints. Types are inferred from them.
 * Pure: no Node, DOM or Electron.
 */
import { z } from 'zod';
import { validation } from './i18n/zod';
import { ActorKind, ActorRole, AnnotationKind, OriginKind, RelationType, Stance, UiLanguage } from './enums';
import { Conflict } from './team/conflicts';

/** The closed lists (kinds, roles, stances, relation types) live in enums.ts; re-exported here with the records that use them. */
export { ActorKind, ActorRole, AnnotationKind, OriginKind, RelationType, Stance };

/** Version of the on-disk format written by this build. Bump it and add a migration. */
export const SCHEMA_VERSION = 1;

export const Id = z.string().min(1).max(64);
/** ISO-8601 timestamp (date and time). */
export const Timestamp = z.string().min(10);
/** ISO date, `YYYY-MM-DD`, optionally with time. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, validation('validation.date'));
/** ISO 639-1 code, or `und` when unknown. */
export const LanguageCode = z.string().regex(/^([a-z]{2}|und)$/, 'expected an ISO 639-1 code or "und"');

// ---------------------------------------------------------------- sources

export const Origin = z.object({
  kind: OriginKind,
  name: z.string().optional(),
  /** sha256 (hex) of the bytes that were imported; duplicate detection keys on it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const RemovedBlock = z.object({
  /** The text that import took out (a paragraph or line). */
  text: z.string(),
  /** Why: "navigation", "caption", "copyright", "empty", … */
  reason: z.string(),
  /** Paragraph index in the clean text before which the block stood. */
  beforeParagraph: z.number().int().min(0).optional(),
});

export const SourceMeta = z.object({
  id: Id,
  title: z.string(),
  outlet: z.string().optional(),
  author: z.string().optional(),
  url: z.string().optional(),
  publishedAt: IsoDate.optional(),
  language: LanguageCode,
  importedAt: Timestamp,
  origin: Origin,
  /** Id of a near-duplicate twin already in the notebook, when import found one. */
  nearDuplicateOf: Id.optional(),
});

/** A short head of a source, for labels (title, outlet, date): what search results and actor pages carry. */
export const SourceHead = SourceMeta.pick({ id: true, title: true, outlet: true, publishedAt: true, language: true });
export type SourceHead = z.infer<typeof SourceHead>;

/** The head of a source's metadata; an empty outlet or date is left out. */
export function sourceHead(meta: SourceMeta): SourceHead {
  return {
    id: meta.id,
    title: meta.title,
    language: meta.language,
    ...(meta.outlet ? { outlet: meta.outlet } : {}),
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
  };
}

export const Source = SourceMeta.extend({
  /** The normalised reading text (see shared/text.ts). Frozen after import. */
  text: z.string(),
  removed: z.array(RemovedBlock).default([]),
});

// ---------------------------------------------------------------- annotations

export const DEFAULT_STATUSES = ['unverified', 'corroborated', 'disputed', 'refuted'] as const;

/** W3C TextPositionSelector + TextQuoteSelector in one record. Offsets are UTF-16 code units. */
export const TextTarget = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  })
  .refine((t) => t.end > t.start, { message: 'target end must be after start' });

export const ActorLink = z.object({
  actorId: Id,
  role: ActorRole,
  stance: Stance.optional(),
});

/** tiptap / ProseMirror JSON document. Validated loosely: its schema lives in the editor. */
export const RichDoc = z.object({ type: z.literal('doc'), content: z.array(z.any()).optional() }).passthrough();

export const Annotation = z.object({
  id: Id,
  sourceId: Id,
  kind: AnnotationKind,
  target: TextTarget,
  tagIds: z.array(Id).default([]),
  status: z.string().min(1).default('unverified'),
  actors: z.array(ActorLink).default([]),
  note: RichDoc.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Relation = z.object({
  id: Id,
  from: Id,
  to: Id,
  type: RelationType,
  createdAt: Timestamp.optional(),
});

// ---------------------------------------------------------------- actors, tags, briefs

export const Actor = z.object({
  id: Id,
  name: z.string().min(1),
  kind: ActorKind,
  aliases: z.array(z.string()).default([]),
  description: z.string().optional(),
  memberOf: z.array(Id).default([]),
  color: z.string().optional(),
});

export const Tag = z.object({
  id: Id,
  name: z.string().min(1),
  color: z.string(),
  parentId: Id.optional(),
});

export const Brief = z.object({
  id: Id,
  title: z.string(),
  doc: RichDoc,
  /** The citation style its exports use (a built-in id or a file in the notebook's styles/); absent: Chicago notes. */
  citationStyle: z.string().min(1).max(200).optional(),
  /** The language its exports and drafts write their fixed words and dates in; absent (briefs before it): English. */
  language: UiLanguage.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

// ---------------------------------------------------------------- fact-check settings

/**
 * What a status means as a fact-check verdict (schema.org `Rating`): its value on the notebook's
 * rating scale and its name ("False", "Mostly true"). A status without one is not a verdict.
 */
export const StatusRating = z.object({ value: z.number().finite(), name: z.string().trim().min(1) });

/** The organisation that publishes the notebook's fact checks (a ClaimReview's `author`). */
export const FactCheckOrganisation = z.object({
  name: z.string().trim().min(1),
  /** The page that publishes the fact checks; each review links to it with `#<claim id>`. */
  url: z.url({ protocol: /^https?$/, message: validation('validation.webAddress') }).optional(),
});

/** The notebook's fact-check settings: who publishes, the rating scale, and each status's rating. */
export const FactCheckSettings = z
  .object({
    organisation: FactCheckOrganisation.optional(),
    /** The scale every rating's value lies on (schema.org `worstRating` and `bestRating`). */
    scale: z.object({ worst: z.number().finite(), best: z.number().finite() }).default({ worst: 1, best: 5 }),
    /** Ratings by status name; a status absent here has no rating. */
    ratings: z.record(z.string(), StatusRating).default({}),
  })
  .refine((s) => s.scale.worst !== s.scale.best, { message: 'the rating scale needs a best and a worst that differ' });

/** The settings of a notebook that has none yet. */
export const NO_FACT_CHECK_SETTINGS: FactCheckSettings = { scale: { worst: 1, best: 5 }, ratings: {} };

// ---------------------------------------------------------------- files on disk

/**
 * One line of the manifest's source index: what the sources list needs without opening each file.
 * It is a cache of the source file's metadata, which is validated in full when the file loads; here
 * the sha256 (used only to spot duplicates) is checked for length, not digit by digit, because
 * opening a notebook validates every entry and 5,000 hex checks cost more than the rest together.
 */
export const SourceIndexEntry = SourceMeta.extend({
  origin: Origin.extend({ sha256: z.string().length(64) }),
});

/**
 * A source deleted while a brief cited its claims: those citations then say
 * "source removed" (by its title) rather than only that the claim is gone.
 */
export const DeletedSource = z.object({ id: Id, title: z.string(), annotationIds: z.array(Id) });

/** notebook.json */
export const NotebookManifest = z.object({
  schemaVersion: z.number().int().min(1),
  id: Id,
  title: z.string(),
  createdAt: Timestamp,
  statuses: z
    .array(z.string().min(1))
    .min(1)
    .default([...DEFAULT_STATUSES]),
  actors: z.array(Actor).default([]),
  tags: z.array(Tag).default([]),
  /**
   * Only in notebooks written before briefs had files of their own (`briefs/<id>.json`): the store
   * moves them out when it first opens the notebook for writing, and never writes this field.
   */
  briefs: z.array(Brief).optional(),
  relations: z.array(Relation).default([]),
  /** Mention suggestions the person rejected (normalised keys), so they stay rejected. */
  rejectedSuggestions: z.array(z.string()).default([]),
  /** Absent until set (`setFactCheckSettings`); an optional field, so older notebooks need no migration. */
  factCheck: FactCheckSettings.optional(),
  /** Absent until a deleted source's claims were cited. */
  deletedSources: z.array(DeletedSource).optional(),
  sources: z.array(SourceIndexEntry).default([]),
  /** What merging a shared notebook could not decide (docs/team.md); absent when nothing is open. */
  conflicts: z.array(Conflict).optional(),
});

/** sources/<id>.json */
export const SourceFile = z.object({
  schemaVersion: z.number().int().min(1),
  source: Source,
  annotations: z.array(Annotation).default([]),
});

/** briefs/<id>.json */
export const BriefFile = z.object({
  schemaVersion: z.number().int().min(1),
  brief: Brief,
});

export type Origin = z.infer<typeof Origin>;
export type RemovedBlock = z.infer<typeof RemovedBlock>;
export type SourceMeta = z.infer<typeof SourceMeta>;
export type Source = z.infer<typeof Source>;
export type TextTarget = z.infer<typeof TextTarget>;
export type ActorLink = z.infer<typeof ActorLink>;
export type RichDoc = z.infer<typeof RichDoc>;
export type Annotation = z.infer<typeof Annotation>;
export type Relation = z.infer<typeof Relation>;
export type Actor = z.infer<typeof Actor>;
export type Tag = z.infer<typeof Tag>;
export type Brief = z.infer<typeof Brief>;
export type SourceIndexEntry = z.infer<typeof SourceIndexEntry>;
export type DeletedSource = z.infer<typeof DeletedSource>;
export type StatusRating = z.infer<typeof StatusRating>;
export type FactCheckOrganisation = z.infer<typeof FactCheckOrganisation>;
export type FactCheckSettings = z.infer<typeof FactCheckSettings>;
export type NotebookManifest = z.infer<typeof NotebookManifest>;
export type SourceFile = z.infer<typeof SourceFile>;
export type BriefFile = z.infer<typeof BriefFile>;

/** A tag's path from the top of the codebook: its ancestors' names, then its own. Cycles are cut. */
export function tagPath(tags: readonly Tag[], tag: Tag): string[] {
  const names = [tag.name];
  const seen = new Set([tag.id]);
  for (let p = tag.parentId; p && !seen.has(p);) {
    seen.add(p);
    const parent = tags.find((t) => t.id === p);
    if (!parent) break;
    names.unshift(parent.name);
    p = parent.parentId;
  }
  return names;
}
