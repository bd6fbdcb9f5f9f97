/**
 * API schemas for search and corroboration: full-text search with
 * filters, "similar passages in other sources", accepting a suggestion as an
 * annotation linked by a relation, and the group of related claims with its
 * count of independent sources and its discrepancies.
 */
import { z } from 'zod';
import { CorroborationType, IndexOrigin } from '../enums';
import { Annotation, Relation, SourceHead } from '../model';
import { ActorHit, CorroborationHit, Discrepancy, SearchFilters, SearchHit } from '../search';

const Id = z.string().min(1);

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
  other: z.object({ annotationId: z.string(), sourceId: z.string().optional(), exact: z.string().optional(), source: SourceHead.optional() }),
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

export const IndexStatus = z.object({ ready: z.boolean(), sources: z.number().int(), annotations: z.number().int(), loadedFrom: IndexOrigin });
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
        type: CorroborationType,
      })
      .refine((v) => v.end > v.start, { message: 'end must be after start' }),
    output: z.object({ annotation: Annotation, relation: Relation }),
  },
  listRelations: { input: z.object({ annotationId: Id }), output: z.array(RelationView) },
  deleteRelation: { input: z.object({ id: Id }), output: z.object({ deleted: Relation }) },
  getClaimGroup: { input: z.object({ annotationId: Id }), output: ClaimGroup },
} as const;
