/**
 * Pure registry operations over notebook data (no I/O): accept or reject a
 * suggestion, merge two actors, delete one. Actor links live in the
 * annotations of each source file, so operations that touch links return an
 * `ActorLinkPlan` that the store applies to every source file with
 * `applyActorLinkPlan` (writing only the files whose `changed` count is > 0).
 */
import type { Actor, ActorLink, Annotation, NotebookManifest } from '../../../shared/model';
import { DossierError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { actorNameKeys, normaliseAlias, type ActorSuggestion } from '../../../shared/actors';

/** How annotation links must change: move every link from one actor to another, or remove an actor's links. */
export type ActorLinkPlan = { type: 'move'; from: string; to: string } | { type: 'remove'; actorId: string };

function actorById(manifest: NotebookManifest, id: string): Actor {
  const actor = manifest.actors.find((a) => a.id === id);
  if (!actor) throw DossierError.of('not-found', 'actors.noActor', { id });
  return actor;
}

/** Adds aliases an actor does not have yet (compared normalised; its own name is never an alias). */
export function withAliases(actor: Actor, aliases: readonly string[]): Actor {
  const known = new Set(actorNameKeys(actor));
  const added: string[] = [];
  for (const alias of aliases) {
    const trimmed = alias.trim();
    const key = normaliseAlias(trimmed);
    if (!key || known.has(key)) continue;
    known.add(key);
    added.push(trimmed);
  }
  return added.length ? { ...actor, aliases: [...actor.aliases, ...added] } : actor;
}

/**
 * Accepts a suggestion: creates the actor (name, kind, the other surface forms
 * as aliases), or — for a suggestion of an existing actor — adds the new
 * surface forms to its aliases. Returns the changed manifest and the actor.
 */
export function acceptSuggestion(
  manifest: NotebookManifest,
  suggestion: Pick<ActorSuggestion, 'name' | 'kind' | 'aliasesSeen' | 'existingActorId'>,
  overrides: Partial<Pick<Actor, 'name' | 'kind' | 'description' | 'color' | 'memberOf'>> = {},
): { manifest: NotebookManifest; actor: Actor; created: boolean } {
  if (suggestion.existingActorId) {
    const current = actorById(manifest, suggestion.existingActorId);
    const actor = withAliases(current, suggestion.aliasesSeen);
    return {
      manifest: { ...manifest, actors: manifest.actors.map((a) => (a.id === actor.id ? actor : a)) },
      actor,
      created: false,
    };
  }
  const base: Actor = {
    id: newId('act'),
    name: overrides.name ?? suggestion.name,
    kind: overrides.kind ?? suggestion.kind,
    aliases: [],
    memberOf: overrides.memberOf ?? [],
    ...(overrides.description !== undefined ? { description: overrides.description } : {}),
    ...(overrides.color !== undefined ? { color: overrides.color } : {}),
  };
  const actor = withAliases(base, [suggestion.name, ...suggestion.aliasesSeen]);
  return { manifest: { ...manifest, actors: [...manifest.actors, actor] }, actor, created: true };
}

/** Rejects a suggestion for good: its key goes into `rejectedSuggestions` (once). */
export function rejectSuggestion(manifest: NotebookManifest, key: string): NotebookManifest {
  if (manifest.rejectedSuggestions.includes(key)) return manifest;
  return { ...manifest, rejectedSuggestions: [...manifest.rejectedSuggestions, key] };
}

/**
 * Merges `dropId` into `keepId`: the kept actor gains the dropped one's name
 * and aliases as aliases, its memberOf, and its description and colour when it
 * has none; other actors' memberOf pointing at the dropped actor point at the
 * kept one. Every annotation link must move too: apply the returned plan.
 */
export function mergeActors(
  manifest: NotebookManifest,
  keepId: string,
  dropId: string,
): { manifest: NotebookManifest; actor: Actor; plan: ActorLinkPlan } {
  if (keepId === dropId) throw DossierError.of('invalid-input', 'actors.mergeActorItself');
  const keep = actorById(manifest, keepId);
  const drop = actorById(manifest, dropId);
  let merged = withAliases(keep, [drop.name, ...drop.aliases]);
  merged = {
    ...merged,
    memberOf: [...new Set([...keep.memberOf, ...drop.memberOf].map((id) => (id === dropId ? keepId : id)))].filter(
      (id) => id !== keepId,
    ),
    ...(merged.description === undefined && drop.description !== undefined ? { description: drop.description } : {}),
    ...(merged.color === undefined && drop.color !== undefined ? { color: drop.color } : {}),
  };
  const actors = manifest.actors
    .filter((a) => a.id !== dropId)
    .map((a) => {
      if (a.id === keepId) return merged;
      if (!a.memberOf.includes(dropId)) return a;
      return {
        ...a,
        memberOf: [...new Set(a.memberOf.map((id) => (id === dropId ? keepId : id)))].filter((id) => id !== a.id),
      };
    });
  return { manifest: { ...manifest, actors }, actor: merged, plan: { type: 'move', from: dropId, to: keepId } };
}

/** Deletes an actor from the registry (and from other actors' memberOf). Apply the returned plan to drop its links. */
export function deleteActor(
  manifest: NotebookManifest,
  actorId: string,
): { manifest: NotebookManifest; plan: ActorLinkPlan } {
  actorById(manifest, actorId);
  const actors = manifest.actors
    .filter((a) => a.id !== actorId)
    .map((a) => (a.memberOf.includes(actorId) ? { ...a, memberOf: a.memberOf.filter((id) => id !== actorId) } : a));
  return { manifest: { ...manifest, actors }, plan: { type: 'remove', actorId } };
}

function rewriteLinks(links: readonly ActorLink[], plan: ActorLinkPlan): ActorLink[] | undefined {
  const target = plan.type === 'move' ? plan.from : plan.actorId;
  if (!links.some((l) => l.actorId === target)) return undefined;
  if (plan.type === 'remove') return links.filter((l) => l.actorId !== target);
  const out: ActorLink[] = [];
  for (const link of links) {
    const moved = link.actorId === plan.from ? { ...link, actorId: plan.to } : link;
    // One link per actor and role: when both actors had the same role, the kept actor's link (or the first) stays.
    const twin = out.findIndex((l) => l.actorId === moved.actorId && l.role === moved.role);
    if (twin === -1) out.push(moved);
    else if (out[twin]!.stance === undefined && moved.stance !== undefined)
      out[twin] = { ...out[twin]!, stance: moved.stance };
  }
  return out;
}

/**
 * Applies a link plan to one source file's annotations. Unchanged annotations
 * are returned as the same objects; changed ones get `updatedAt = now`.
 */
export function applyActorLinkPlan(
  annotations: readonly Annotation[],
  plan: ActorLinkPlan,
  now: string = new Date().toISOString(),
): { annotations: Annotation[]; changed: number } {
  let changed = 0;
  const out = annotations.map((a) => {
    const links = rewriteLinks(a.actors, plan);
    if (!links) return a;
    changed++;
    return { ...a, actors: links, updatedAt: now };
  });
  return { annotations: out, changed };
}

export interface ActorDeletionImpact {
  /** Links (annotation × role) that name the actor. */
  links: number;
  /** Annotations with at least one link to the actor. */
  annotations: number;
  /** Sources holding those annotations. */
  sources: number;
  /** Other actors whose memberOf names it. */
  memberOf: number;
}

/** What deleting (or merging away) an actor touches, counted over every source's annotations. */
export function actorDeletionImpact(
  manifest: NotebookManifest,
  annotations: Iterable<Pick<Annotation, 'sourceId' | 'actors'>>,
  actorId: string,
): ActorDeletionImpact {
  actorById(manifest, actorId);
  let links = 0;
  let count = 0;
  const sources = new Set<string>();
  for (const a of annotations) {
    const n = a.actors.filter((l) => l.actorId === actorId).length;
    if (n === 0) continue;
    links += n;
    count++;
    sources.add(a.sourceId);
  }
  const memberOf = manifest.actors.filter((a) => a.id !== actorId && a.memberOf.includes(actorId)).length;
  return { links, annotations: count, sources: sources.size, memberOf };
}
