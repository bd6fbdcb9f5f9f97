/**
 * API schemas for search and corroboration: full-text search with
 * filters, "similar passages in other sources", accepting a suggestion as an
 * annotation linked by a relation, and the group of related claims with its
 * count of independent sources and its discrepancies; and the shapes they
 * are made of (filters, hits, corroboration hits, discrepancies).
 */
import { z } from 'zod';
import { IndexOrigin, RelationType } from '../enums';
import { Annotation, Relation, SourceHead } from '../model';

const Id = z.string().min(1);

export const SearchFilters = z.object({
  /** Annotations linked to one of these actors, and passages that name them. */
  actorIds: z.array(z.string()).optional(),
  /** Annotations carrying one of these tags (and the passages they mark). */
  tagIds: z.array(z.string()).optional(),
  /** Annotations with one of these statuses (and the passages they mark). */
  statuses: z.array(z.string()).optional(),
  sourceIds: z.array(z.string()).optional(),
  /** ISO 639-1 codes of the sources. */
  languages: z.array(z.string()).optional(),
  /** Sources published on or after this ISO date. */
  from: z.string().optional(),
  /** Sources published on or before this ISO date (inclusive, by day). */
  to: z.string().optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchHitKind = z.enum(['passage', 'title', 'annotation']);
export type SearchHitKind = z.infer<typeof SearchHitKind>;

export const SearchHit = z.object({
  sourceId: z.string(),
  annotationId: z.string().optional(),
  kind: SearchHitKind,
  /** The text around the match, as written in the source (for a title hit: the opening of the text). */
  snippet: z.string(),
  score: z.number(),
  /** Offsets (UTF-16) of the snippet in the source text; absent for title hits. */
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  /** Ranges inside `snippet` to mark, [start, end). */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** The matched words' offsets in the source text, for the reader to mark; absent when the match is in a title or a note. */
  marks: z.array(z.tuple([z.number().int(), z.number().int()])).optional(),
  /** For a title hit (whose snippet is the opening of the text): ranges inside the title to mark. */
  titleHighlights: z.array(z.tuple([z.number().int(), z.number().int()])).optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const ActorHit = z.object({ actorId: z.string(), name: z.string(), score: z.number() });
export type ActorHit = z.infer<typeof ActorHit>;

export const CorroborationHit = z.object({
  sourceId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  score: z.number(),
  /** Why this passage was suggested. */
  matched: z.object({
    /** Share (0–1) of the annotation's weighted words found in the passage's paragraph. */
    words: z.number(),
    actorIds: z.array(z.string()),
    numbers: z.array(z.string()),
    dates: z.array(z.string()),
  }),
});
export type CorroborationHit = z.infer<typeof CorroborationHit>;

export const RelationGroup = z.object({
  id: z.string(),
  annotationIds: z.array(z.string()),
  sourceIds: z.array(z.string()),
  /** Distinct outlets (a source without an outlet counts as its own). */
  independentSources: z.number().int(),
});
export type RelationGroup = z.infer<typeof RelationGroup>;

export const DiscrepancyKind = z.enum(['number', 'date', 'weekday', 'actor']);
export const Discrepancy = z.object({
  kind: DiscrepancyKind,
  /** What differs, in words: "injur…", "weekday", "state". */
  about: z.string(),
  /** One entry per member that states a value, side by side. */
  values: z.array(
    z.object({ annotationId: z.string(), outlet: z.string().optional(), value: z.string(), text: z.string() }),
  ),
});
export type Discrepancy = z.infer<typeof Discrepancy>;

export { SourceHead };

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  actors: z.array(ActorHit),
  /** Titles, outlets and dates of the sources the hits point at. */
  sources: z.array(SourceHead),
  /** False while the index is still being built (the answer then waited for it, or is empty with `wait: false`). */
  ready: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const CorroborationSuggestion = CorroborationHit.extend({ source: SourceHead });
export type CorroborationSuggestion = z.infer<typeof CorroborationSuggestion>;

export const RelationView = Relation.extend({
  /** The annotation at the other end, and its source. */
  other: z.object({
    annotationId: z.string(),
    sourceId: z.string().optional(),
    exact: z.string().optional(),
    source: SourceHead.optional(),
  }),
});
export type RelationView = z.infer<typeof RelationView>;

export const ClaimGroupMember = z.object({
  annotationId: z.string(),
  sourceId: z.string(),
  exact: z.string(),
  status: z.string(),
  source: SourceHead,
});
export type ClaimGroupMember = z.infer<typeof ClaimGroupMember>;

export const ClaimGroup = z.object({
  /** Absent when the annotation is in no group (no relations yet). */
  groupId: z.string().optional(),
  members: z.array(ClaimGroupMember),
  /** Distinct outlets among the members' sources. */
  independentSources: z.number().int(),
  discrepancies: z.array(Discrepancy),
});
export type ClaimGroup = z.infer<typeof ClaimGroup>;

export const IndexStatus = z.object({
  ready: z.boolean(),
  sources: z.number().int(),
  annotations: z.number().int(),
  loadedFrom: IndexOrigin,
});
export type IndexStatus = z.infer<typeof IndexStatus>;

export const searchSchemas = {
  search: {
    input: z.object({
      query: z.string().max(1000),
      filters: SearchFilters.optional(),
      limit: z.number().int().min(1).max(200).default(20),
      /** false: answer at once, empty with ready:false, while the index is still being built. */
      wait: z.boolean().default(true),
      /** Also match actor names and aliases, the palette's "Actors" group (default true). */
      withActors: z.boolean().optional(),
    }),
    output: SearchResult,
  },
  searchStatus: { input: z.object({}).default({}), output: IndexStatus },
  corroborate: {
    input: z.object({ annotationId: Id, limit: z.number().int().min(1).max(100).default(10) }),
    output: z.array(CorroborationSuggestion),
  },
  acceptCorroboration: {
    input: z
      .object({
        annotationId: Id,
        sourceId: Id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        type: RelationType,
      })
      .refine((v) => v.end > v.start, { message: 'end must be after start' }),
    output: z.object({ annotation: Annotation, relation: Relation }),
  },
  listRelations: { input: z.object({ annotationId: Id }), output: z.array(RelationView) },
  deleteRelation: { input: z.object({ id: Id }), output: z.object({ deleted: Relation }) },
  /** The annotation with this id, wherever it is (annotation ids are unique across sources). */
  getAnnotation: { input: z.object({ id: Id }), output: Annotation },
  /** A relation between two existing annotations (`from` corroborates, contradicts or elaborates `to`). */
  createRelation: {
    input: z.object({ fromId: Id, toId: Id, type: RelationType }),
    output: Relation,
  },
  getClaimGroup: { input: z.object({ annotationId: Id }), output: ClaimGroup },
} as const;
