/** API schemas for annotations (claims, highlights, notes), tags and statuses. */
import { z } from 'zod';
import { LookupInput } from './lookup';
import {
  ActorKind,
  ActorLink,
  ActorRole,
  Annotation,
  AnnotationKind,
  FactCheckOrganisation,
  FactCheckSettings,
  RichDoc,
  Stance,
  StatusRating,
  Tag,
} from '../model';

export const AnnotationPatch = z.object({
  kind: AnnotationKind.optional(),
  tagIds: z.array(z.string()).optional(),
  status: z.string().min(1).optional(),
  /** null removes the note. */
  note: RichDoc.nullable().optional(),
  actors: z.array(ActorLink).optional(),
  /**
   * Sets the stance of one link (the actor in that role; null removes the
   * stance) on the annotation as it is when the change applies — unlike
   * `actors`, which replaces the whole list, so two quick changes each made
   * from the same list would keep only the last.
   */
  stance: z.object({ actorId: z.string().min(1), role: ActorRole, stance: Stance.nullable() }).optional(),
});
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;

export const ActorByName = z.object({
  name: z.string().trim().min(1),
  role: ActorRole,
  stance: Stance.optional(),
  /** Kind for an actor created by this call (default: other). */
  kind: ActorKind.optional(),
});

/** A change to the fact-check settings: each field given replaces its value; a rating of null clears it. */
export const SetFactCheckSettingsInput = z.object({
  /** null removes the organisation. */
  organisation: FactCheckOrganisation.nullable().optional(),
  scale: z.object({ worst: z.number().finite(), best: z.number().finite() }).optional(),
  /** By status name: its new rating, or null for none (the status is then no verdict). */
  ratings: z.record(z.string().min(1), StatusRating.nullable()).optional(),
});
export type SetFactCheckSettingsInput = z.infer<typeof SetFactCheckSettingsInput>;

const Ref = z.object({ sourceId: z.string().min(1), id: z.string().min(1) });
const TagCount = z.object({ annotationsChanged: z.number().int() });

export const annotationSchemas = {
  /** A new annotation on a range of the source's text (a selection in the reader). */
  createAnnotation: {
    input: z.object({
      sourceId: z.string().min(1),
      kind: AnnotationKind.default('claim'),
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      tagIds: z.array(z.string()).default([]),
      status: z.string().min(1).optional(),
      note: RichDoc.optional(),
      actors: z.array(ActorLink).default([]),
    }),
    output: Annotation,
  },
  /**
   * A new annotation from a quote a person typed (CLI `claim add`). The quote
   * must be in the text (typographic quotes, NBSP and Unicode form folded);
   * tags and actors are given by name and created when unknown.
   */
  addClaimByQuote: {
    input: z.object({
      sourceId: z.string().min(1),
      quote: z.string().trim().min(1),
      kind: AnnotationKind.default('claim'),
      tags: z.array(z.string().trim().min(1)).default([]),
      actors: z.array(ActorByName).default([]),
      status: z.string().min(1).optional(),
      /** Which match to use when the quote occurs more than once (0-based; default the first). */
      occurrence: z.number().int().min(0).default(0),
    }),
    output: Annotation,
  },
  updateAnnotation: { input: Ref.extend({ patch: AnnotationPatch }), output: Annotation },
  deleteAnnotation: { input: Ref, output: z.object({ deleted: z.literal(true) }) },
  listTags: { input: z.object({}).default({}), output: z.array(Tag) },
  createTag: {
    input: z.object({ name: z.string().trim().min(1), color: z.string().optional(), parentId: z.string().optional() }),
    output: Tag,
  },
  updateTag: {
    input: z.object({
      id: z.string().min(1),
      name: z.string().trim().min(1).optional(),
      color: z.string().optional(),
      parentId: z.string().nullable().optional(),
    }),
    output: Tag,
  },
  /** How many annotations carry a tag (shown before delete or merge). */
  tagUsage: {
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ annotations: z.number().int(), sources: z.number().int() }),
  },
  /** Moves every use of `fromId` to `intoId`, then removes `fromId`. */
  mergeTags: { input: z.object({ fromId: z.string().min(1), intoId: z.string().min(1) }), output: TagCount },
  /** Removes a tag from every annotation and from the codebook (children move up to its parent). */
  deleteTag: { input: z.object({ id: z.string().min(1) }), output: TagCount },
  /** Replaces the notebook's list of statuses (the first is the default for new claims). */
  setStatuses: { input: z.object({ statuses: z.array(z.string().trim().min(1)).min(1) }), output: z.array(z.string()) },
  /**
   * Sets the fact-check settings the ClaimReview export uses: the publishing
   * organisation, the rating scale and each status's rating.
   */
  setFactCheckSettings: { input: SetFactCheckSettingsInput, output: FactCheckSettings },
  /** The tag a person named: its id, name, path ("Energy/Wind") or a unique prefix of them. */
  lookupTag: { input: LookupInput, output: Tag },
} as const;
