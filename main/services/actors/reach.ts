/**
 * What counts as an actor's claims, in one place: the annotations linked to
 * the actor itself or to one of its members (memberOf, transitively — a
 * minister's claims count for the state). The registry's counts and the
 * actor page both come from `actorReach`, so they cannot disagree.
 */
import type { Actor, ActorLink, Annotation } from '../../../shared/model';

/** Members of an actor, transitively (actors whose memberOf chain reaches it). Cycles are tolerated. */
export function membersOf(actors: readonly Actor[], id: string): Actor[] {
  const out: Actor[] = [];
  const seen = new Set([id]);
  const queue = [id];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const a of actors) {
      if (seen.has(a.id) || !a.memberOf.includes(parent)) continue;
      seen.add(a.id);
      out.push(a);
      queue.push(a.id);
    }
  }
  return out;
}

export interface ActorReach {
  /** The actor and its members: a link to any of them brings an annotation to the actor. */
  actorIds: ReadonlySet<string>;
  members: Actor[];
  /** Annotations linked to the actor or a member. */
  claims: number;
  /** Sources holding those annotations. */
  sources: number;
  /** Of `claims`, those linked only through a member. */
  throughMembers: number;
  /** The links of one annotation that bring it here (empty: it is not the actor's). */
  linksOf(annotation: Pick<Annotation, 'actors'>): ActorLink[];
}

/** The claims an actor reaches, counted over every source's annotations. */
export function actorReach(
  actors: readonly Actor[],
  annotations: Iterable<Pick<Annotation, 'sourceId' | 'actors'>>,
  actorId: string,
): ActorReach {
  const members = membersOf(actors, actorId);
  const actorIds = new Set([actorId, ...members.map((m) => m.id)]);
  const linksOf = (a: Pick<Annotation, 'actors'>) => a.actors.filter((l) => actorIds.has(l.actorId));
  let claims = 0;
  let throughMembers = 0;
  const sources = new Set<string>();
  for (const a of annotations) {
    const links = linksOf(a);
    if (links.length === 0) continue;
    claims++;
    sources.add(a.sourceId);
    if (!links.some((l) => l.actorId === actorId)) throughMembers++;
  }
  return { actorIds, members, claims, sources: sources.size, throughMembers, linksOf };
}
