/**
 * API methods that edit a source after import: cancel a running import,
 * restore a block import removed (or remove a paragraph by hand), correct
 * metadata, and delete a source. Each change is one transaction: durable when
 * it resolves, undoable as one step.
 */
import { SourceMetaPatch } from '../../../shared/api/sources';
import { collectCitations } from '../../../shared/brief-doc';
import { DossierError } from '../../../shared/errors';
import type { Annotation, Source, SourceMeta } from '../../../shared/model';
import { cancelImports, forgetSignature } from '../import/import-batch';
import type { ServiceContext, ServiceMethods } from '../service-context';
import type { SourceFileData } from '../store/types';
import { removeParagraphFrom, restoreBlock, type EditedText } from './text-edit';
import { sourceListMethods } from './source-list';

type SourceMethodName =
  | 'listSourcePage'
  | 'getSourceHeads'
  | 'locateSource'
  | 'cancelImport'
  | 'restoreRemoved'
  | 'removeParagraph'
  | 'updateSourceMeta'
  | 'deleteSource';

const META_KEYS = ['title', 'outlet', 'author', 'publishedAt', 'language', 'url'] as const;

/** The patch as the values to store: `undefined` means "remove the field". */
function normalisePatch(patch: SourceMetaPatch): Partial<Record<(typeof META_KEYS)[number], string | undefined>> {
  const out: Partial<Record<(typeof META_KEYS)[number], string | undefined>> = {};
  for (const key of META_KEYS) {
    if (!(key in patch)) continue;
    const value = patch[key];
    out[key] = value === null || value === undefined || value === '' ? undefined : value;
  }
  return out;
}

function applyMeta(target: Record<string, unknown>, values: ReturnType<typeof normalisePatch>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) {
      if (key in target) delete target[key];
    } else if (target[key] !== value) {
      target[key] = value;
    }
  }
}

function applyText(file: SourceFileData, edit: EditedText): void {
  file.source.text = edit.text;
  file.source.removed = edit.removed;
  for (const a of file.annotations) {
    const target = edit.targets.get(a.id);
    if (target) a.target = target;
  }
}

function metaOf(source: Source): SourceMeta {
  const { text: _t, removed: _r, ...meta } = source;
  return meta;
}

export function sourceMethods(ctx: ServiceContext): ServiceMethods<SourceMethodName> {
  const { store } = ctx;

  const titleOf = (id: string) => store.manifest.sources.find((s) => s.id === id)?.title || 'Untitled';

  const snapshot = async (id: string): Promise<{ source: Source; annotations: Annotation[] }> => {
    const file = await store.loadSource(id);
    return { source: file.source, annotations: file.annotations };
  };

  return {
    ...sourceListMethods(ctx),
    async cancelImport() {
      return { cancelled: cancelImports(store) > 0 };
    },

    async restoreRemoved({ sourceId, index }) {
      const file = await store.loadSource(sourceId);
      const edit = restoreBlock(file.source.text, file.source.removed, file.annotations, index);
      await ctx.transact(ctx.translator().t('history:undo.restoreRemoved', { title: titleOf(sourceId) }), (tx) =>
        tx.updateSource(sourceId, (f) => applyText(f, edit)),
      );
      forgetSignature(store, sourceId);
      return { ...(await snapshot(sourceId)), start: edit.start, end: edit.end };
    },

    async removeParagraph({ sourceId, paragraphIndex, reason }) {
      const file = await store.loadSource(sourceId);
      const edit = removeParagraphFrom(file.source.text, file.source.removed, file.annotations, paragraphIndex, reason);
      await ctx.transact(ctx.translator().t('history:undo.removeParagraph', { title: titleOf(sourceId) }), (tx) =>
        tx.updateSource(sourceId, (f) => applyText(f, edit)),
      );
      forgetSignature(store, sourceId);
      return snapshot(sourceId);
    },

    async updateSourceMeta({ id, patch }) {
      if (!store.hasSource(id)) throw DossierError.of('not-found', 'sources.sourceIdNotebook', { id });
      // Validated (and trimmed) here too, so callers inside main get the same rules as the API.
      const values = normalisePatch(SourceMetaPatch.parse(patch));
      if (Object.keys(values).length === 0) throw DossierError.of('invalid-input', 'sources.nothingChangePatchEmpty');
      await store.loadSource(id); // fails clearly (not-found, corrupt) before anything is written
      const tr = ctx.translator();
      const fields = Object.keys(values)
        .map((f) => tr.t(`sources:edit.field.${f as keyof typeof values}`))
        .join(', ');
      await ctx.transact(tr.t('history:undo.editSource', { fields, title: titleOf(id) }), async (tx) => {
        await tx.updateSource(id, (f) => applyMeta(f.source as unknown as Record<string, unknown>, values));
        await tx.updateManifest((m) => {
          const entry = m.sources.find((s) => s.id === id);
          if (entry) applyMeta(entry as unknown as Record<string, unknown>, values);
        });
      });
      return metaOf((await store.loadSource(id)).source);
    },

    /*
     * The source's file is removed from disk at once, not kept until the undo
     * history forgets the step: a person who deletes a source expects it gone,
     * and the folder never fills with files no list shows. The history entry
     * holds the file's contents in memory, so undo (in this session) writes it
     * back. Order keeps the folder consistent after a crash: the manifest stops
     * listing the source (durably) before the file goes, and undo writes the
     * file before the manifest lists it again.
     *
     * A source whose file cannot be read is only unlisted: its file is left
     * as it is (an unreadable file is never written or deleted — it may be
     * restored from a backup), and undo lists it again.
     */
    async deleteSource({ id }) {
      const file = await store.loadSource(id).catch((err: unknown) => {
        if (err instanceof DossierError && err.code === 'corrupt') return null;
        throw err; // not-found, read-only…
      });
      if (!file) {
        const title = titleOf(id);
        await ctx.transact(ctx.translator().t('history:undo.deleteSource', { title }), (tx) =>
          tx.updateManifest((m) => {
            m.sources = m.sources.filter((s) => s.id !== id);
          }),
        );
        return { id, title, annotations: 0, relations: 0 };
      }
      const ids = new Set(file.annotations.map((a) => a.id));
      const title = titleOf(id);
      const touches = (r: { from: string; to: string }) => ids.has(r.from) || ids.has(r.to);
      const relations = store.manifest.relations.filter(touches).length;
      const cited = new Set<string>();
      for await (const brief of store.eachBrief())
        for (const c of collectCitations(brief.doc)) if (ids.has(c.annotationId)) cited.add(c.annotationId);
      const citedHere = [...ids].filter((a) => cited.has(a));
      await ctx.transact(ctx.translator().t('history:undo.deleteSource', { title }), async (tx) => {
        await tx.updateManifest((m) => {
          m.sources = m.sources.filter((s) => s.id !== id);
          if (relations) m.relations = m.relations.filter((r) => !touches(r));
          if (citedHere.length) (m.deletedSources ??= []).push({ id, title, annotationIds: citedHere });
        });
        await tx.removeSource(id);
      });
      forgetSignature(store, id);
      return { id, title, annotations: ids.size, relations };
    },
  };
}
