/**
 * API schemas for the actor registry: create, edit, merge, delete; mention
 * suggestions (accept / reject); mentions in one source for the reader; and
 * the per-actor page (claims by or about an actor across all sources).
 */
import { z } from 'zod';
import { ActorSuggestion } from '../actors';
import { LookupInput } from './lookup';
import { StanceFilter } from '../enums';
import { Actor, ActorKind, ActorLink, ActorRole, Annotation, SourceHead } from '../model';

const Name = z.string().trim().min(1).max(200);
const Aliases = z.array(z.string().trim().min(1).max(200)).max(200);

export const ActorUsage = z.object({
  /** Claims (kind "claim") with at least one link to the actor. */
  claims: z.number().int(),
  /** Annotations of any kind with at least one link to the actor. */
  annotations: z.number().int(),
  /** Links (annotation × role) that name the actor. */
  links: z.number().int(),
  /** Sources holding those annotations. */
  sources: z.number().int(),
  /** Other actors whose memberOf names it. */
  memberOf: z.number().int(),
  /**
   * What the registry and the actor page count (above: only direct links, what deleting it touches):
   * annotations linked to the actor or to one of its members, their sources, and how many of them come only through a member.
   */
  page: z.object({ claims: z.number().int(), sources: z.number().int(), throughMembers: z.number().int() }),
});
export type ActorUsage = z.infer<typeof ActorUsage>;

export const SourceMentionOut = z.object({
  start: z.number().int(),
  end: z.number().int(),
  surface: z.string(),
  key: z.string(),
  name: z.string(),
  kind: ActorKind,
  actorId: z.string(),
});
export type SourceMentionOut = z.infer<typeof SourceMentionOut>;

export const ActorPageFilters = z.object({
  roles: z.array(ActorRole).optional(),
  /** "none" selects links without a stance. */
  stances: z.array(StanceFilter).optional(),
  statuses: z.array(z.string()).optional(),
});
export type ActorPageFilters = z.infer<typeof ActorPageFilters>;

export const ActorPageClaim = z.object({
  annotation: Annotation,
  /** The annotation's links to this actor or to one of its members (see `via`). */
  links: z.array(ActorLink),
  /** Ids of member actors (memberOf) among `links`: the claim reaches this page through them. Empty when only the actor itself is linked. */
  via: z.array(z.string()),
});
export type ActorPageClaim = z.infer<typeof ActorPageClaim>;

export const ActorPage = z.object({
  actor: Actor,
  /** Actors this one is a member of (memberOf resolved). */
  memberOf: z.array(Actor),
  /** Actors that are (directly or transitively) members of this one; their claims count towards it. */
  members: z.array(Actor),
  groups: z.array(z.object({ source: SourceHead, claims: z.array(ActorPageClaim) })),
  counts: z.object({
    /** After filters. */
    claims: z.number().int(),
    sources: z.number().int(),
    /** Before filters, so the filter chips can show them. */
    total: z.number().int(),
    /** Before filters: of `total`, the claims linked only through a member. */
    throughMembers: z.number().int(),
    byRole: z.record(z.string(), z.number().int()),
    byStance: z.record(z.string(), z.number().int()),
    byStatus: z.record(z.string(), z.number().int()),
  }),
  /** Actors linked in the same (filtered) claims, most frequent first. */
  coActors: z.array(z.object({ actor: Actor, claims: z.number().int() })),
  /** Sources where the actor (or a member) is mentioned but no claim links it yet. */
  mentionedOnly: z.array(z.object({ source: SourceHead, mentions: z.number().int(), surfaces: z.array(z.string()) })),
});
export type ActorPage = z.infer<typeof ActorPage>;

/** One option of the claim editor's actor type-ahead: an actor of the notebook, or a detected suggestion not yet accepted. */
export const ActorOption = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('actor'),
    actor: Actor,
    /** The alias that matched, when not the name. */
    via: z.string().optional(),
  }),
  z.object({
    type: z.literal('suggestion'),
    key: z.string(),
    name: z.string(),
    kind: ActorKind,
    aliasesSeen: z.array(z.string()),
    mentions: z.number().int(),
  }),
]);
export type ActorOption = z.infer<typeof ActorOption>;

/** Accepting would make a second actor for one already in the registry: the names it shares with that actor. */
export const ActorConflict = z.object({ actor: Actor, names: z.array(z.string()) });
export type ActorConflict = z.infer<typeof ActorConflict>;

export const actorSchemas = {
  listActors: { input: z.object({}).default({}), output: z.array(Actor) },
  createActor: {
    input: z.object({
      name: Name,
      /** Left out: the kind detection gives the name (a state, a company, a person…), else "other". */
      kind: ActorKind.optional(),
      aliases: Aliases.default([]),
      description: z.string().max(5000).optional(),
      memberOf: z.array(z.string().min(1)).default([]),
      color: z.string().max(64).optional(),
    }),
    output: Actor,
  },
  updateActor: {
    input: z.object({
      id: z.string().min(1),
      name: Name.optional(),
      kind: ActorKind.optional(),
      aliases: Aliases.optional(),
      /** null removes it. */
      description: z.string().max(5000).nullable().optional(),
      memberOf: z.array(z.string().min(1)).optional(),
      /** null removes it. */
      color: z.string().max(64).nullable().optional(),
    }),
    output: Actor,
  },
  actorUsage: { input: z.object({ id: z.string().min(1) }), output: ActorUsage },
  mergeActors: {
    input: z.object({ keepId: z.string().min(1), dropId: z.string().min(1) }),
    output: z.object({ actor: Actor, annotationsChanged: z.number().int(), sourcesChanged: z.number().int() }),
  },
  deleteActor: {
    input: z.object({ id: z.string().min(1) }),
    output: z.object({
      deleted: Actor,
      annotationsChanged: z.number().int(),
      sourcesChanged: z.number().int(),
      memberOfChanged: z.number().int(),
    }),
  },
  suggestActors: { input: z.object({}).default({}), output: z.array(ActorSuggestion) },
  acceptSuggestion: {
    input: z.object({
      key: z.string().min(1),
      /** Add the suggestion's surface forms to this actor instead of creating one. */
      asActorId: z.string().min(1).optional(),
      name: Name.optional(),
      kind: ActorKind.optional(),
    }),
    /**
     * With `conflict`, nothing was changed: the suggestion's name or one of its forms is already a name or an
     * alias of `conflict.actor` (then `actor` is that actor). Accept again with `asActorId` to merge into it.
     */
    output: z.object({ actor: Actor, created: z.boolean(), conflict: ActorConflict.optional() }),
  },
  rejectSuggestion: { input: z.object({ key: z.string().min(1) }), output: z.object({ rejected: z.string() }) },
  sourceMentions: { input: z.object({ sourceId: z.string().min(1) }), output: z.array(SourceMentionOut) },
  getActorPage: {
    input: z.object({ actorId: z.string().min(1), filters: ActorPageFilters.optional() }),
    output: ActorPage,
  },
  /** Type-ahead for linking an actor: the notebook's actors (by name or alias) and the detected suggestions not yet accepted, each with its kind. */
  actorOptions: {
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }),
    output: z.array(ActorOption),
  },
  /** The actor a person named: its id, name, an alias, an inflected form, or a unique prefix (a surname). */
  lookupActor: { input: LookupInput, output: Actor },
  /** The current suggestion a person named: its key, name, a surface form seen in the sources, or a unique prefix of the name. */
  lookupSuggestion: { input: LookupInput, output: ActorSuggestion },
} as const;
