/**
 * API methods for search and corroboration. The index lives in a worker
 * thread behind a SearchService (search-service.ts): queries wait for it and
 * are answered there; changes go through ctx.transact like everywhere else,
 * and reach the index through onCommit.
 */
import { describeTarget } from '../../../shared/anchoring';
import type { SourceHead } from '../../../shared/api/search';
import { DossierError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { sourceHead, type Annotation, type Relation, type SourceIndexEntry } from '../../../shared/model';
import type { ServiceContext, ServiceMethods } from '../service-context';
import { computeGroups, findDiscrepancies } from './relations';
import { SearchService, type SearchServiceOptions } from './search-service';

type SearchMethodName =
  | 'search'
  | 'searchStatus'
  | 'corroborate'
  | 'acceptCorroboration'
  | 'listRelations'
  | 'deleteRelation'
  | 'getClaimGroup'
  | 'createRelation'
  | 'getAnnotation';

/** The undo step's name when a suggested passage is linked to a claim. */
export interface SearchArea {
  methods: ServiceMethods<SearchMethodName>;
  service: SearchService;
  /** Saves the index if it changed and stops background work. */
  close(): Promise<void>;
}

export function createSearchArea(ctx: ServiceContext, options: SearchServiceOptions = {}): SearchArea {
  const { store } = ctx;
  const service = new SearchService(ctx, options);

  // source id → metadata, rebuilt when the manifest's source list is replaced (immutable updates)
  let metaMap: { list: readonly SourceIndexEntry[]; byId: Map<string, SourceIndexEntry> } | undefined;
  const metaOf = (id: string): SourceIndexEntry | undefined => {
    const list = store.manifest.sources;
    if (metaMap?.list !== list) metaMap = { list, byId: new Map(list.map((s) => [s.id, s])) };
    return metaMap.byId.get(id);
  };
  const headOf = (id: string): SourceHead | undefined => {
    const meta = metaOf(id);
    return meta ? sourceHead(meta) : undefined;
  };

  /** The annotation with this id, wherever it is (annotation ids are global); `known`: ids → source ids already asked. */
  const findAnnotation = async (id: string, known?: Record<string, string>): Promise<Annotation> => {
    const sourceId = known ? known[id] : (await service.annotationSources([id]))[id];
    if (sourceId) {
      const file = await store.loadSource(sourceId);
      const found = file.annotations.find((a) => a.id === id);
      if (found) return found;
    }
    throw DossierError.of('not-found', 'search.noAnnotation', { id });
  };

  const methods: ServiceMethods<SearchMethodName> = {
    async search({ query, filters, limit, wait, withActors }) {
      if (!wait && !service.isReady) {
        void service.ready().catch(() => undefined);
        return { hits: [], actors: [], sources: [], ready: false };
      }
      // matching actor names costs a second term expansion: only when not turned off and when there are actors
      const { hits, actors } = await service.search(
        query,
        filters ?? {},
        limit,
        withActors !== false && !!query.trim() && store.manifest.actors.length > 0,
      );
      const sources = [...new Set(hits.map((h) => h.sourceId))].flatMap((id) => headOf(id) ?? []);
      return { hits, actors, sources, ready: true };
    },

    async searchStatus() {
      const stats = service.isReady ? await service.stats() : undefined;
      return {
        ready: service.isReady,
        sources: stats?.sources ?? 0,
        annotations: stats?.annotations ?? 0,
        loadedFrom: service.loadedFrom,
      };
    },

    async corroborate({ annotationId, limit }) {
      // passages in other sources than the claim's own; not-found when the index does not know it
      return (await service.corroborate(annotationId, limit)).flatMap((h) => {
        const source = headOf(h.sourceId);
        return source ? [{ ...h, source }] : [];
      });
    },

    async acceptCorroboration({ annotationId, sourceId, start, end, type }) {
      const original = await findAnnotation(annotationId);
      if (original.sourceId === sourceId) throw DossierError.of('invalid-input', 'search.claimLinkedPassageAnother');
      const file = await store.loadSource(sourceId);
      const target = describeTarget(file.source.text, start, end);
      const existing = file.annotations.find((a) => a.target.start === target.start && a.target.end === target.end);
      const now = new Date().toISOString();
      const annotation: Annotation = existing ?? {
        id: newId('ann'),
        sourceId,
        kind: 'claim',
        target,
        tagIds: [],
        status: store.manifest.statuses[0] ?? 'unverified',
        actors: [],
        createdAt: now,
        updatedAt: now,
      };
      const already = store.manifest.relations.find(
        (r) =>
          r.type === type &&
          ((r.from === annotation.id && r.to === annotationId) || (r.from === annotationId && r.to === annotation.id)),
      );
      if (existing && already) return { annotation: existing, relation: already };
      const relation: Relation = { id: newId('rel'), from: annotation.id, to: annotationId, type, createdAt: now };
      const label = ctx.translator().t(`history:undo.relation.${type}`);
      await ctx.transact(label, async (tx) => {
        if (!existing) {
          await tx.updateSource(sourceId, (f) => {
            const at = f.annotations.findIndex(
              (a) => a.target.start > target.start || (a.target.start === target.start && a.target.end > target.end),
            );
            if (at < 0) f.annotations.push(annotation);
            else f.annotations.splice(at, 0, annotation);
          });
        }
        await tx.updateManifest((m) => {
          m.relations.push(relation);
        });
      });
      return { annotation, relation };
    },

    async listRelations({ annotationId }) {
      const mine = store.manifest.relations.filter((r) => r.from === annotationId || r.to === annotationId);
      const sourceOf = await service.annotationSources(mine.map((r) => (r.from === annotationId ? r.to : r.from)));
      const out = [];
      for (const r of mine) {
        const otherId = r.from === annotationId ? r.to : r.from;
        const sourceId = sourceOf[otherId];
        let exact: string | undefined;
        if (sourceId) {
          try {
            exact = (await store.loadSource(sourceId)).annotations.find((a) => a.id === otherId)?.target.exact;
          } catch {
            // unreadable source: show the relation without its text
          }
        }
        const source = sourceId ? headOf(sourceId) : undefined;
        out.push({
          ...r,
          other: {
            annotationId: otherId,
            ...(sourceId ? { sourceId } : {}),
            ...(exact ? { exact } : {}),
            ...(source ? { source } : {}),
          },
        });
      }
      return out;
    },

    async deleteRelation({ id }) {
      const relation = store.manifest.relations.find((r) => r.id === id);
      if (!relation) throw DossierError.of('not-found', 'search.relationId', { id });
      await ctx.transact(ctx.translator().t('history:undo.deleteRelation'), async (tx) => {
        await tx.updateManifest((m) => {
          m.relations = m.relations.filter((r) => r.id !== id);
        });
      });
      return { deleted: relation };
    },

    async getAnnotation({ id }) {
      return findAnnotation(id);
    },

    async createRelation({ fromId, toId, type }) {
      if (fromId === toId) throw DossierError.of('invalid-input', 'search.annotationRelatedItself');
      const known = await service.annotationSources([fromId, toId]);
      await findAnnotation(fromId, known);
      await findAnnotation(toId, known);
      const already = store.manifest.relations.find(
        (r) => r.type === type && ((r.from === fromId && r.to === toId) || (r.from === toId && r.to === fromId)),
      );
      if (already)
        throw DossierError.of('invalid-input', 'search.theseAnnotationsAreAlready', { type, id: already.id });
      const relation: Relation = {
        id: newId('rel'),
        from: fromId,
        to: toId,
        type,
        createdAt: new Date().toISOString(),
      };
      await ctx.transact(ctx.translator().t('history:undo.relateClaims', { type }), (tx) =>
        tx.updateManifest((m) => void m.relations.push(relation)),
      );
      return relation;
    },

    async getClaimGroup({ annotationId }) {
      const { relations } = store.manifest;
      const ids = new Set<string>([annotationId]);
      for (const r of relations) {
        ids.add(r.from);
        ids.add(r.to);
      }
      const sourceOf = await service.annotationSources([...ids]);
      const self = await findAnnotation(annotationId, sourceOf);
      const annotations = [...ids].flatMap((id) => {
        const sourceId = sourceOf[id];
        return sourceId ? [{ id, sourceId }] : [];
      });
      const { byAnnotation } = computeGroups({ relations, annotations, sources: store.manifest.sources });
      const group = byAnnotation.get(annotationId);
      const memberIds = group?.annotationIds ?? [annotationId];
      const members = [];
      const loaded: Annotation[] = [];
      for (const id of memberIds) {
        const a = id === annotationId ? self : await findAnnotation(id, sourceOf).catch(() => undefined);
        const meta = a && metaOf(a.sourceId);
        if (!a || !meta) continue;
        loaded.push(a);
        members.push({
          annotationId: a.id,
          sourceId: a.sourceId,
          exact: a.target.exact,
          status: a.status,
          source: sourceHead(meta),
        });
      }
      const discrepancies = findDiscrepancies(
        loaded.map((a) => {
          const meta = metaOf(a.sourceId);
          return {
            annotationId: a.id,
            text: a.target.exact,
            language: meta?.language ?? 'en',
            actorIds: a.actors.map((l) => l.actorId),
            ...(meta?.outlet ? { outlet: meta.outlet } : {}),
          };
        }),
        { actors: store.manifest.actors },
      );
      return {
        ...(group ? { groupId: group.id } : {}),
        members,
        independentSources: group?.independentSources ?? 1,
        discrepancies,
      };
    },
  };

  return { methods, service, close: () => service.close() };
}

/** The methods alone, for callers that manage no lifecycle (prefer createSearchArea). */
export function searchMethods(ctx: ServiceContext, options?: SearchServiceOptions): ServiceMethods<SearchMethodName> {
  return createSearchArea(ctx, options).methods;
}
