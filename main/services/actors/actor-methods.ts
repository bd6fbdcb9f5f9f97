/**
 * API methods for the actor registry: create, edit, merge, delete,
 * mention suggestions (accept / reject), mentions in one source, and the
 * per-actor page. Every change runs through ctx.transact, so it is durable
 * when it resolves and undoable as one step.
 *
 * Mention detection (./detect, compromise + stopwords) costs ~2 s to load, so
 * it is imported lazily: opening a notebook or running a CLI command that does
 * not need it never pays for it. Results are cached in memory, per source
 * (source id + text hash, for the reader's mentions) and per notebook state
 * (every source's id + text hash, the actors, the rejected keys).
 */
import { mentionsInSource, normaliseAlias, type ActorSuggestion } from '../../../shared/actors';
import type {
  ActorPage,
  ActorPageClaim,
  ActorPageFilters,
  ActorUsage,
  SourceMentionOut,
} from '../../../shared/api/actors';
import { DossierError } from '../../../shared/errors';
import { textHash } from '../../../shared/hash';
import { newId } from '../../../shared/ids';
import {
  sourceHead,
  type Actor,
  type Annotation,
  type NotebookManifest,
  type Source,
  type SourceFile,
} from '../../../shared/model';
import { actorCarrying, actorOptions, lookupActor, lookupSuggestion } from '../lookup';
import type { ServiceContext, ServiceMethods } from '../service-context';
import { actorReach, membersOf } from './reach';
import * as registry from './registry';

type ActorMethodName =
  | 'listActors'
  | 'createActor'
  | 'updateActor'
  | 'actorUsage'
  | 'mergeActors'
  | 'deleteActor'
  | 'suggestActors'
  | 'acceptSuggestion'
  | 'rejectSuggestion'
  | 'sourceMentions'
  | 'getActorPage'
  | 'lookupActor'
  | 'lookupSuggestion'
  | 'actorOptions';

type Engine = typeof import('./index');
let enginePromise: Promise<Engine> | undefined;
/** The detection engine, loaded on first use. */
export function loadActorEngine(): Promise<Engine> {
  enginePromise ??= import('./index');
  return enginePromise;
}

/** Source records are immutable (each change makes a new object), so a hash can hang off the object. */
const hashes = new WeakMap<Source, string>();
function sourceKey(source: Source): string {
  let h = hashes.get(source);
  if (!h) {
    h = textHash(source.text);
    hashes.set(source, h);
  }
  return `${source.id}:${h}:${source.language}`;
}

function registrySignature(manifest: Pick<NotebookManifest, 'actors' | 'rejectedSuggestions'>): string {
  return JSON.stringify([manifest.actors.map((a) => [a.id, a.name, a.kind, a.aliases]), manifest.rejectedSuggestions]);
}

export function actorMethods(ctx: ServiceContext): ServiceMethods<ActorMethodName> {
  const { store } = ctx;

  const getActor = (id: string): Actor => {
    const actor = store.manifest.actors.find((a) => a.id === id);
    if (!actor) throw DossierError.of('not-found', 'actors.noActorQuoted', { id });
    return actor;
  };

  const checkName = (name: string, exceptId?: string) => {
    const key = normaliseAlias(name);
    const clash = store.manifest.actors.find((a) => a.id !== exceptId && normaliseAlias(a.name) === key);
    if (clash) throw DossierError.of('invalid-input', 'actors.actorNamedAlreadyExists', { name: clash.name });
    // An alias of another actor ("Kina" of China): a second actor would split one real-world actor in two.
    const carrier = store.manifest.actors.find(
      (a) => a.id !== exceptId && a.aliases.some((al) => normaliseAlias(al) === key),
    );
    if (carrier)
      throw DossierError.of('invalid-input', 'actors.alreadyAliasUseActor', { value: name.trim(), name: carrier.name });
  };

  /** memberOf must name other, existing actors and must not make a cycle. */
  const checkMemberOf = (memberOf: readonly string[], selfId?: string): string[] => {
    const unique = [...new Set(memberOf)];
    for (const id of unique) {
      if (id === selfId) throw DossierError.of('invalid-input', 'actors.actorMemberItself');
      getActor(id);
      if (selfId && membersOf(store.manifest.actors, selfId).some((m) => m.id === id)) {
        throw DossierError.of('invalid-input', 'actors.alreadyMemberActorMembership', { name: getActor(id).name });
      }
    }
    return unique;
  };

  const cleanAliases = (name: string, aliases: readonly string[]): string[] =>
    registry.withAliases({ id: 'x', name, kind: 'other', aliases: [], memberOf: [] }, aliases).aliases;

  /** Every readable source's metadata and annotations, in manifest order, one at a time (no texts). */
  const eachSource = () => store.eachSourceHead();

  /** Every annotation of every readable source (not their texts). */
  const allAnnotations = async (): Promise<Annotation[]> => {
    const out: Annotation[] = [];
    for await (const file of eachSource()) out.push(...file.annotations);
    return out;
  };

  const usage = async (actorId: string): Promise<ActorUsage> => {
    const annotations = await allAnnotations();
    const impact = registry.actorDeletionImpact(store.manifest, annotations, actorId);
    const claims = annotations.filter((a) => a.kind === 'claim' && a.actors.some((l) => l.actorId === actorId)).length;
    const { claims: reached, sources, throughMembers } = actorReach(store.manifest.actors, annotations, actorId);
    return { ...impact, claims, page: { claims: reached, sources, throughMembers } };
  };

  /** Applies a link plan to every source file that it changes, inside the caller's transaction. */
  const applyPlan = async (
    tx: Parameters<Parameters<ServiceContext['transact']>[1]>[0],
    plan: registry.ActorLinkPlan,
  ): Promise<{ annotationsChanged: number; sourcesChanged: number }> => {
    let annotationsChanged = 0;
    let sourcesChanged = 0;
    const now = new Date().toISOString();
    for await (const file of eachSource()) {
      const { changed } = registry.applyActorLinkPlan(file.annotations, plan, now);
      if (changed === 0) continue;
      annotationsChanged += changed;
      sourcesChanged++;
      await tx.updateSource(file.source.id, (f) => {
        f.annotations = registry.applyActorLinkPlan(f.annotations, plan, now).annotations;
      });
    }
    return { annotationsChanged, sourcesChanged };
  };

  // ---- suggestion caches
  let notebookCache: { key: string; value: ActorSuggestion[] } | undefined;
  let pending: { key: string; value: Promise<ActorSuggestion[]> } | undefined;
  const perSource = new Map<string, ActorSuggestion[]>();

  const suggestions = async (): Promise<ActorSuggestion[]> => {
    // The detector reads the notebook's texts together (names are learnt across sources): held for this call only.
    const files: SourceFile[] = [];
    for await (const file of store.eachSource()) files.push(file);
    const key = registrySignature(store.manifest) + '|' + files.map((f) => sourceKey(f.source)).join(',');
    if (notebookCache?.key === key) return notebookCache.value;
    if (pending?.key === key) return pending.value;
    const value = (async () => {
      const engine = await loadActorEngine();
      return engine.suggestForNotebook(
        store.manifest,
        files.map((f) => f.source),
      );
    })();
    pending = { key, value };
    try {
      const result = await value;
      notebookCache = { key, value: result };
      return result;
    } finally {
      if (pending?.value === value) pending = undefined;
    }
  };

  /** The kind detection knows for a name: the current suggestion of that name (when detection has run), else the name's own evidence. */
  const detectedKind = async (name: string): Promise<Actor['kind']> => {
    const key = normaliseAlias(name);
    const known = notebookCache?.value.find(
      (s) => normaliseAlias(s.name) === key || s.aliasesSeen.some((a) => normaliseAlias(a) === key),
    );
    if (known) return known.kind;
    return (await loadActorEngine()).kindOfName(name) ?? 'other';
  };

  const findSuggestion = async (key: string): Promise<ActorSuggestion> => {
    const all = await suggestions();
    const hit = all.find((s) => s.key === key);
    if (!hit) throw DossierError.of('not-found', 'actors.currentSuggestionKeyMay', { key });
    return hit;
  };

  return {
    async listActors() {
      return store.manifest.actors;
    },

    async createActor(input) {
      checkName(input.name);
      const memberOf = checkMemberOf(input.memberOf);
      const actor: Actor = {
        id: newId('act'),
        name: input.name,
        kind: input.kind ?? (await detectedKind(input.name)),
        aliases: cleanAliases(input.name, input.aliases),
        memberOf,
        ...(input.description ? { description: input.description } : {}),
        ...(input.color ? { color: input.color } : {}),
      };
      await ctx.transact(ctx.translator().t('history:undo.createActor', { name: actor.name }), (tx) =>
        tx.updateManifest((m) => void m.actors.push(actor)),
      );
      return getActor(actor.id);
    },

    async updateActor({ id, ...patch }) {
      const actor = getActor(id);
      if (patch.name !== undefined && patch.name !== actor.name) checkName(patch.name, id);
      const memberOf = patch.memberOf ? checkMemberOf(patch.memberOf, id) : undefined;
      const name = patch.name ?? actor.name;
      const aliases = patch.aliases ? cleanAliases(name, patch.aliases) : undefined;
      await ctx.transact(
        patch.name && patch.name !== actor.name
          ? ctx.translator().t('history:undo.renameActor', { name: actor.name })
          : ctx.translator().t('history:undo.editActor', { name: actor.name }),
        (tx) =>
          tx.updateManifest((m) => {
            const a = m.actors.find((x) => x.id === id)!;
            a.name = name;
            if (patch.kind) a.kind = patch.kind;
            if (aliases) a.aliases = aliases;
            else if (patch.name) a.aliases = a.aliases.filter((al) => normaliseAlias(al) !== normaliseAlias(name));
            if (memberOf) a.memberOf = memberOf;
            if (patch.description === null || patch.description === '') delete a.description;
            else if (patch.description !== undefined) a.description = patch.description;
            if (patch.color === null || patch.color === '') delete a.color;
            else if (patch.color !== undefined) a.color = patch.color;
          }),
      );
      return getActor(id);
    },

    async actorUsage({ id }) {
      getActor(id);
      return usage(id);
    },

    async mergeActors({ keepId, dropId }) {
      const keep = getActor(keepId);
      const drop = getActor(dropId);
      const merged = registry.mergeActors(store.manifest, keepId, dropId);
      const counts = await ctx.transact(
        ctx.translator().t('history:undo.mergeActor', { from: drop.name, into: keep.name }),
        async (tx) => {
          const c = await applyPlan(tx, merged.plan);
          await tx.updateManifest((m) => void (m.actors = merged.manifest.actors));
          return c;
        },
      );
      return { actor: getActor(keepId), ...counts };
    },

    async deleteActor({ id }) {
      const actor = getActor(id);
      const removed = registry.deleteActor(store.manifest, id);
      const memberOfChanged = store.manifest.actors.filter((a) => a.id !== id && a.memberOf.includes(id)).length;
      const counts = await ctx.transact(
        ctx.translator().t('history:undo.deleteActor', { name: actor.name }),
        async (tx) => {
          const c = await applyPlan(tx, removed.plan);
          await tx.updateManifest((m) => void (m.actors = removed.manifest.actors));
          return c;
        },
      );
      return { deleted: actor, ...counts, memberOfChanged };
    },

    async suggestActors() {
      return suggestions();
    },

    async acceptSuggestion({ key, asActorId, name, kind }) {
      const s = await findSuggestion(key);
      if (asActorId) getActor(asActorId);
      const target = asActorId ?? s.existingActorId;
      if (!target) {
        // Its name or a form seen is already a name or an alias of an actor: offer a merge, change nothing.
        const conflict = actorCarrying(store.manifest.actors, [name ?? s.name, s.name, ...s.aliasesSeen]);
        if (conflict) return { actor: conflict.actor, created: false, conflict };
        if (name) checkName(name);
      }
      const result = registry.acceptSuggestion(
        store.manifest,
        target ? { ...s, existingActorId: target, aliasesSeen: [s.name, ...s.aliasesSeen] } : s,
        { ...(name ? { name } : {}), ...(kind ? { kind } : {}) },
      );
      const label = ctx
        .translator()
        .t(result.created ? 'history:undo.acceptActor' : 'history:undo.addAliases', { name: result.actor.name });
      await ctx.transact(label, (tx) => tx.updateManifest((m) => void (m.actors = result.manifest.actors)));
      return { actor: getActor(result.actor.id), created: result.created };
    },

    async rejectSuggestion({ key }) {
      if (!store.manifest.rejectedSuggestions.includes(key)) {
        const s = (await suggestions()).find((x) => x.key === key);
        await ctx.transact(ctx.translator().t('history:undo.rejectSuggestion', { name: s?.name ?? key }), (tx) =>
          tx.updateManifest(
            (m) => void (m.rejectedSuggestions = registry.rejectSuggestion(m, key).rejectedSuggestions),
          ),
        );
      }
      return { rejected: key };
    },

    async sourceMentions({ sourceId }) {
      const file = await store.loadSource(sourceId);
      const key = registrySignature(store.manifest) + '|' + sourceKey(file.source);
      let found = perSource.get(key);
      if (!found) {
        // Known actors only, so rejected keys do not matter here: detect with none rejected.
        const engine = await loadActorEngine();
        found = engine.suggestForNotebook({ actors: store.manifest.actors, rejectedSuggestions: [] }, [file.source]);
        if (perSource.size > 200) perSource.delete(perSource.keys().next().value!);
        perSource.set(key, found);
      }
      const out: SourceMentionOut[] = [];
      for (const m of mentionsInSource(found, sourceId)) {
        if (!m.existingActorId) continue;
        out.push({
          start: m.start,
          end: m.end,
          surface: m.surface,
          key: m.key,
          name: m.name,
          kind: m.kind,
          actorId: m.existingActorId,
        });
      }
      return out;
    },

    async getActorPage({ actorId, filters }) {
      const actor = getActor(actorId);
      const actors = store.manifest.actors;
      const metaById = new Map(store.manifest.sources.map((m) => [m.id, m]));
      // Each source's head and annotations (not its text).
      const files: Array<{ id: string; head: ReturnType<typeof sourceHead>; annotations: Annotation[] }> = [];
      for await (const file of eachSource()) {
        const { id } = file.source;
        files.push({ id, head: sourceHead(metaById.get(id) ?? file.source), annotations: file.annotations });
      }
      const reach = actorReach(
        actors,
        files.flatMap((file) => file.annotations),
        actorId,
      );
      const { members } = reach;
      const relevant = reach.actorIds;
      const byId = new Map(actors.map((a) => [a.id, a]));
      const f: ActorPageFilters = filters ?? {};

      const byRole: Record<string, number> = {};
      const byStance: Record<string, number> = {};
      const byStatus: Record<string, number> = {};
      const bump = (r: Record<string, number>, k: string) => void (r[k] = (r[k] ?? 0) + 1);
      const co = new Map<string, number>();
      const linkedSources = new Set<string>();
      const groups: ActorPage['groups'] = [];
      let shown = 0;

      for (const file of files) {
        const claims: ActorPageClaim[] = [];
        for (const a of file.annotations) {
          const links = reach.linksOf(a);
          if (!links.length) continue;
          linkedSources.add(file.id);
          for (const r of new Set(links.map((l) => l.role))) bump(byRole, r);
          for (const s of new Set(links.map((l) => l.stance ?? 'none'))) bump(byStance, s);
          bump(byStatus, a.status);
          const pass = links.filter(
            (l) =>
              (!f.roles?.length || f.roles.includes(l.role)) &&
              (!f.stances?.length || f.stances.includes(l.stance ?? 'none')),
          );
          if (!pass.length) continue;
          if (f.statuses?.length && !f.statuses.includes(a.status)) continue;
          shown++;
          for (const other of new Set(a.actors.map((l) => l.actorId)))
            if (!relevant.has(other) && byId.has(other)) co.set(other, (co.get(other) ?? 0) + 1);
          claims.push({
            annotation: a,
            links,
            via: [...new Set(links.map((l) => l.actorId).filter((id) => id !== actorId))],
          });
        }
        if (claims.length) groups.push({ source: file.head, claims });
      }
      // Newest source first; undated ones after, in notebook order.
      groups.sort((x, y) => (y.source.publishedAt ?? '').localeCompare(x.source.publishedAt ?? ''));

      // Sources that mention the actor (or a member) with no linked claim yet: from the (cached) suggestions.
      const mentionedOnly: ActorPage['mentionedOnly'] = [];
      if (files.length) {
        const perSourceHits = new Map<string, { mentions: number; surfaces: Set<string> }>();
        for (const s of await suggestions()) {
          if (!s.existingActorId || !relevant.has(s.existingActorId)) continue;
          for (const o of s.occurrences) {
            if (linkedSources.has(o.sourceId)) continue;
            const hit = perSourceHits.get(o.sourceId) ?? { mentions: 0, surfaces: new Set<string>() };
            hit.mentions++;
            hit.surfaces.add(o.surface);
            perSourceHits.set(o.sourceId, hit);
          }
        }
        for (const meta of store.manifest.sources) {
          const hit = perSourceHits.get(meta.id);
          if (hit)
            mentionedOnly.push({ source: sourceHead(meta), mentions: hit.mentions, surfaces: [...hit.surfaces] });
        }
      }

      return {
        actor,
        memberOf: actor.memberOf.map((id) => byId.get(id)).filter((a): a is Actor => a !== undefined),
        members,
        groups,
        counts: {
          claims: shown,
          sources: groups.length,
          total: reach.claims,
          throughMembers: reach.throughMembers,
          byRole,
          byStance,
          byStatus,
        },
        coActors: [...co.entries()]
          .sort((x, y) => y[1] - x[1] || byId.get(x[0])!.name.localeCompare(byId.get(y[0])!.name))
          .map(([id, claims]) => ({ actor: byId.get(id)!, claims })),
        mentionedOnly,
      };
    },

    async lookupActor({ query }) {
      return lookupActor(store.manifest.actors, query);
    },

    async lookupSuggestion({ query }) {
      return lookupSuggestion(await suggestions(), query);
    },

    async actorOptions({ query, limit }) {
      if (!query.trim()) return [];
      return actorOptions(store.manifest.actors, await suggestions(), query, limit);
    },
  };
}
