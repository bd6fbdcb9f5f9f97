/**
 * API methods for annotations, the tag codebook and statuses. Every change
 * runs through ctx.transact, so it is durable when it resolves and undoable.
 */
import { describeTarget, findQuote } from '../../../shared/anchoring';
import type { AnnotationPatch } from '../../../shared/api/annotations';
import { DossierError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { Actor, ActorLink, Annotation, NotebookManifest, Tag } from '../../../shared/model';
import { factCheckOf, keepRatingsOf, patchFactCheck } from './fact-check';
import { findActorByName, findTagByName, lookupTag, nameKey } from '../lookup';
import type { ServiceContext, ServiceMethods, Transaction } from '../service-context';

type AnnotationMethodName =
  | 'createAnnotation'
  | 'addClaimByQuote'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'listTags'
  | 'createTag'
  | 'updateTag'
  | 'tagUsage'
  | 'mergeTags'
  | 'deleteTag'
  | 'setStatuses'
  | 'setFactCheckSettings'
  | 'lookupTag';

/** Colours for new tags: distinct, readable as highlights on white (Okabe–Ito based). */
export const TAG_PALETTE = [
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#f0e442',
  '#0072b2',
  '#d55e00',
  '#cc79a7',
  '#8fbc5a',
  '#b07aa1',
  '#ff9da7',
];

/** The colour of a new tag: the next in the palette. */
export function nextColor(tags: readonly Tag[]): string {
  return TAG_PALETTE[tags.length % TAG_PALETTE.length]!;
}

function checkStatus(manifest: NotebookManifest, status: string | undefined): string {
  if (status === undefined) return manifest.statuses[0] ?? 'unverified';
  if (!manifest.statuses.includes(status)) {
    throw DossierError.of('invalid-input', 'annotations.unknownStatusNotebookS', {
      status,
      value: manifest.statuses.join(', '),
    });
  }
  return status;
}

function checkTags(manifest: NotebookManifest, tagIds: readonly string[]): string[] {
  const known = new Set(manifest.tags.map((t) => t.id));
  const unknown = tagIds.filter((id) => !known.has(id));
  if (unknown.length)
    throw DossierError.of('invalid-input', 'annotations.unknownTagIdS', { value: unknown.join(', ') });
  return [...new Set(tagIds)];
}

function checkActors(manifest: NotebookManifest, links: ActorLink[]): ActorLink[] {
  const known = new Set(manifest.actors.map((a) => a.id));
  const unknown = links.filter((l) => !known.has(l.actorId));
  if (unknown.length)
    throw DossierError.of('invalid-input', 'annotations.unknownActorIdS', {
      value: unknown.map((l) => l.actorId).join(', '),
    });
  return links;
}

/** The tag already called `name` (folded: case and diacritics ignored), whose name a new or renamed tag may not take. */
function tagNamed(tags: readonly Tag[], name: string): Tag | undefined {
  const key = nameKey(name);
  return tags.find((t) => nameKey(t.name) === key);
}

export function annotationMethods(ctx: ServiceContext): ServiceMethods<AnnotationMethodName> {
  const { store } = ctx;

  const findAnnotation = async (sourceId: string, id: string): Promise<Annotation> => {
    const file = await store.loadSource(sourceId);
    const found = file.annotations.find((a) => a.id === id);
    if (!found) throw DossierError.of('not-found', 'annotations.noAnnotationInSource', { id, sourceId });
    return found;
  };

  const insert = async (tx: Transaction, sourceId: string, annotation: Annotation): Promise<Annotation> => {
    await tx.updateSource(sourceId, (f) => {
      // Keep reading order: by start, then end.
      const at = f.annotations.findIndex(
        (a) =>
          a.target.start > annotation.target.start ||
          (a.target.start === annotation.target.start && a.target.end > annotation.target.end),
      );
      if (at < 0) f.annotations.push(annotation);
      else f.annotations.splice(at, 0, annotation);
    });
    return annotation;
  };

  /** Every annotation carrying a tag, across all sources. */
  const annotationsWithTag = async (tagId: string): Promise<Array<{ sourceId: string; ids: string[] }>> => {
    const hits: Array<{ sourceId: string; ids: string[] }> = [];
    // One source at a time, without texts; an unreadable source is reported elsewhere and never rewritten.
    for await (const file of store.eachSourceHead()) {
      const ids = file.annotations.filter((a) => a.tagIds.includes(tagId)).map((a) => a.id);
      if (ids.length) hits.push({ sourceId: file.source.id, ids });
    }
    return hits;
  };

  const getTag = (id: string): Tag => {
    const tag = store.manifest.tags.find((t) => t.id === id);
    if (!tag) throw DossierError.of('not-found', 'annotations.noTag', { id });
    return tag;
  };

  return {
    async createAnnotation(input) {
      const file = await store.loadSource(input.sourceId);
      const text = file.source.text;
      if (input.end > text.length || input.start >= input.end) {
        throw DossierError.of('invalid-input', 'annotations.rangeOutsideSourceS', {
          start: input.start,
          end: input.end,
          textCount: text.length,
        });
      }
      if (!text.slice(input.start, input.end).trim())
        throw DossierError.of('invalid-input', 'annotations.selectionEmptySelectSome');
      const now = new Date().toISOString();
      const annotation: Annotation = {
        id: newId('ann'),
        sourceId: input.sourceId,
        kind: input.kind,
        target: describeTarget(text, input.start, input.end),
        tagIds: checkTags(store.manifest, input.tagIds),
        status: checkStatus(store.manifest, input.status),
        actors: checkActors(store.manifest, input.actors),
        ...(input.note ? { note: input.note } : {}),
        createdAt: now,
        updatedAt: now,
      };
      const label = ctx.translator().t(`history:undo.create.${input.kind}`);
      return ctx.transact(label, (tx) => insert(tx, input.sourceId, annotation));
    },

    async addClaimByQuote(input) {
      const file = await store.loadSource(input.sourceId);
      const matches = findQuote(file.source.text, input.quote);
      if (matches.length === 0) {
        throw DossierError.of('not-found', 'annotations.quoteCheckWordingNothing', {
          title: file.source.title,
          sourceId: input.sourceId,
        });
      }
      const match = matches[input.occurrence];
      if (!match)
        throw DossierError.of('invalid-input', 'annotations.quoteOccursTimeS', {
          matchesCount: matches.length,
          occurrence: input.occurrence,
        });
      const status = checkStatus(store.manifest, input.status);
      return ctx.transact(ctx.translator().t(`history:undo.addFromQuote.${input.kind}`), async (tx) => {
        const tagIds: string[] = [];
        const links: ActorLink[] = [];
        const newTags: Tag[] = [];
        const newActors: Actor[] = [];
        for (const name of input.tags) {
          const tag = findTagByName([...store.manifest.tags, ...newTags], name) ?? {
            id: newId('tag'),
            name,
            color: nextColor([...store.manifest.tags, ...newTags]),
          };
          if (!store.manifest.tags.includes(tag) && !newTags.includes(tag)) newTags.push(tag);
          tagIds.push(tag.id);
        }
        for (const a of input.actors) {
          let actor = findActorByName([...store.manifest.actors, ...newActors], a.name);
          if (!actor) {
            actor = { id: newId('act'), name: a.name, kind: a.kind ?? 'other', aliases: [], memberOf: [] };
            newActors.push(actor);
          }
          links.push({ actorId: actor.id, role: a.role, ...(a.stance ? { stance: a.stance } : {}) });
        }
        if (newTags.length || newActors.length) {
          await tx.updateManifest((m) => {
            m.tags.push(...newTags);
            m.actors.push(...newActors);
          });
        }
        const now = new Date().toISOString();
        return insert(tx, input.sourceId, {
          id: newId('ann'),
          sourceId: input.sourceId,
          kind: input.kind,
          target: describeTarget(file.source.text, match.start, match.end),
          tagIds: [...new Set(tagIds)],
          status,
          actors: links,
          createdAt: now,
          updatedAt: now,
        });
      });
    },

    async updateAnnotation({ sourceId, id, patch }) {
      const current = await findAnnotation(sourceId, id);
      const link = patch.stance;
      if (link && !current.actors.some((l) => l.actorId === link.actorId && l.role === link.role)) {
        const name = store.manifest.actors.find((a) => a.id === link.actorId)?.name ?? link.actorId;
        throw DossierError.of('not-found', 'annotations.linkedAnnotation', { name, role: link.role });
      }
      const clean: AnnotationPatch = { ...patch };
      if (patch.tagIds) clean.tagIds = checkTags(store.manifest, patch.tagIds);
      if (patch.status !== undefined) checkStatus(store.manifest, patch.status);
      if (patch.actors) checkActors(store.manifest, patch.actors);
      const label = ctx
        .translator()
        .t(
          patch.status !== undefined
            ? 'history:undo.changeStatus'
            : patch.tagIds
              ? 'history:undo.changeTags'
              : patch.note !== undefined
                ? 'history:undo.editNote'
                : patch.actors
                  ? 'history:undo.changeActors'
                  : link
                    ? 'history:undo.changeStance'
                    : 'history:undo.editAnnotation',
        );
      await ctx.transact(label, (tx) =>
        tx.updateSource(sourceId, (f) => {
          const a = f.annotations.find((x) => x.id === id)!;
          if (clean.kind) a.kind = clean.kind;
          if (clean.tagIds) a.tagIds = clean.tagIds;
          if (clean.status !== undefined) a.status = clean.status;
          if (clean.actors) a.actors = clean.actors;
          for (const l of link ? a.actors : []) {
            if (l.actorId !== link!.actorId || l.role !== link!.role) continue;
            if (link!.stance) l.stance = link!.stance;
            else delete l.stance;
          }
          if (clean.note === null) delete a.note;
          else if (clean.note !== undefined) a.note = clean.note;
          a.updatedAt = new Date().toISOString();
        }),
      );
      return findAnnotation(sourceId, id);
    },

    async deleteAnnotation({ sourceId, id }) {
      const a = await findAnnotation(sourceId, id);
      await ctx.transact(ctx.translator().t(`history:undo.delete.${a.kind}`), async (tx) => {
        await tx.updateSource(sourceId, (f) => {
          f.annotations = f.annotations.filter((x) => x.id !== id);
        });
        if (store.manifest.relations.some((r) => r.from === id || r.to === id)) {
          await tx.updateManifest((m) => {
            m.relations = m.relations.filter((r) => r.from !== id && r.to !== id);
          });
        }
      });
      return { deleted: true as const };
    },

    async listTags() {
      return store.manifest.tags;
    },

    async createTag({ name, color, parentId }) {
      const clash = tagNamed(store.manifest.tags, name);
      if (clash) throw DossierError.of('invalid-input', 'annotations.tagNamedAlreadyExists', { name: clash.name });
      if (parentId) getTag(parentId);
      const tag: Tag = {
        id: newId('tag'),
        name,
        color: color ?? nextColor(store.manifest.tags),
        ...(parentId ? { parentId } : {}),
      };
      await ctx.transact(ctx.translator().t('history:undo.createTag', { name }), (tx) =>
        tx.updateManifest((m) => void m.tags.push(tag)),
      );
      return tag;
    },

    async updateTag({ id, name, color, parentId }) {
      const tag = getTag(id);
      if (name && name !== tag.name) {
        const clash = tagNamed(store.manifest.tags, name);
        if (clash && clash.id !== id)
          throw DossierError.of('invalid-input', 'annotations.tagNamedAlreadyExists', { name: clash.name });
      }
      if (parentId) {
        // No cycles: the new parent may not be the tag or one of its descendants.
        for (let p: string | undefined = parentId; p; p = store.manifest.tags.find((t) => t.id === p)?.parentId) {
          if (p === id) throw DossierError.of('invalid-input', 'annotations.tagPlacedUnderItself');
        }
        getTag(parentId);
      }
      const label = ctx
        .translator()
        .t(
          name && name !== tag.name
            ? 'history:undo.renameTag'
            : parentId !== undefined && !color
              ? 'history:undo.moveTag'
              : 'history:undo.editTag',
          { name: tag.name },
        );
      await ctx.transact(label, (tx) =>
        tx.updateManifest((m) => {
          const t = m.tags.find((x) => x.id === id)!;
          if (name) t.name = name;
          if (color) t.color = color;
          if (parentId === null) delete t.parentId;
          else if (parentId) t.parentId = parentId;
        }),
      );
      return getTag(id);
    },

    async tagUsage({ id }) {
      getTag(id);
      const hits = await annotationsWithTag(id);
      return { annotations: hits.reduce((n, h) => n + h.ids.length, 0), sources: hits.length };
    },

    async mergeTags({ fromId, intoId }) {
      if (fromId === intoId) throw DossierError.of('invalid-input', 'annotations.chooseTwoDifferentTags');
      const from = getTag(fromId);
      const into = getTag(intoId);
      const hits = await annotationsWithTag(fromId);
      await ctx.transact(
        ctx.translator().t('history:undo.mergeTag', { from: from.name, into: into.name }),
        async (tx) => {
          for (const hit of hits) {
            await tx.updateSource(hit.sourceId, (f) => {
              for (const a of f.annotations) {
                if (!a.tagIds.includes(fromId)) continue;
                a.tagIds = [...new Set(a.tagIds.map((t) => (t === fromId ? intoId : t)))];
              }
            });
          }
          await tx.updateManifest((m) => {
            for (const t of m.tags) if (t.parentId === fromId) t.parentId = intoId;
            m.tags = m.tags.filter((t) => t.id !== fromId);
          });
        },
      );
      return { annotationsChanged: hits.reduce((n, h) => n + h.ids.length, 0) };
    },

    async deleteTag({ id }) {
      const tag = getTag(id);
      const hits = await annotationsWithTag(id);
      await ctx.transact(ctx.translator().t('history:undo.deleteTag', { name: tag.name }), async (tx) => {
        for (const hit of hits) {
          await tx.updateSource(hit.sourceId, (f) => {
            for (const a of f.annotations) a.tagIds = a.tagIds.filter((t) => t !== id);
          });
        }
        await tx.updateManifest((m) => {
          for (const t of m.tags) {
            if (t.parentId !== id) continue;
            if (tag.parentId) t.parentId = tag.parentId;
            else delete t.parentId;
          }
          m.tags = m.tags.filter((t) => t.id !== id);
        });
      });
      return { annotationsChanged: hits.reduce((n, h) => n + h.ids.length, 0) };
    },

    async setStatuses({ statuses }) {
      const unique = [...new Set(statuses)];
      await ctx.transact(ctx.translator().t('history:undo.changeStatuses'), (tx) =>
        tx.updateManifest((m) => {
          m.statuses = unique;
          if (m.factCheck) m.factCheck = keepRatingsOf(m.factCheck, unique);
        }),
      );
      return unique;
    },

    async setFactCheckSettings(patch) {
      const next = patchFactCheck(store.manifest, patch);
      await ctx.transact(ctx.translator().t('history:undo.changeFactCheck'), (tx) =>
        tx.updateManifest((m) => void (m.factCheck = next)),
      );
      return factCheckOf(store.manifest);
    },

    async lookupTag({ query }) {
      return lookupTag(store.manifest.tags, query);
    },
  };
}
