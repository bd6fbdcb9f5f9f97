/**
 * API methods for briefs: list, load, autosave, rename, duplicate, delete,
 * draft in one step, export, and live citation lookups for the editor.
 * Every change runs through ctx.transact, so it is durable and undoable.
 */
import { collectCitations, docNode, type BriefContext } from '../../../shared/brief-doc';
import type { BriefSummary, ClaimHit } from '../../../shared/api/briefs';
import { DossierError } from '../../../shared/errors';
import { sameJson } from '../../../shared/json-doc';
import { newId } from '../../../shared/ids';
import type { Annotation, Brief, RichDoc, Tag } from '../../../shared/model';
import type { ApiInput } from '../../../shared/api';
import type { UiLanguage } from '../../../shared/enums';
import { briefLanguage, briefWords } from '../../../shared/brief-words';
import { interfaceLanguage } from '../settings/interface-language';
import { exportFileName, writeExportFile } from '../export-file';
import { citeMatch, citeWords } from '../search/cite-match';
import { DEFAULT_STYLE } from './style-catalog';
import { addStyle, listStyles, loadStyle } from './style-store';
import type { ServiceContext, ServiceMethods } from '../service-context';
import type { BriefHead } from '../store/brief-files';
import {
  BRIEF_FORMAT_INFO,
  draftBriefFromActor,
  draftBriefFromAnnotations,
  draftBriefFromTag,
  exportBrief,
  briefContextFromStream,
  referencedAnnotationIds,
} from './index';

type BriefMethodName =
  | 'listBriefs'
  | 'getBrief'
  | 'createBrief'
  | 'updateBrief'
  | 'duplicateBrief'
  | 'deleteBrief'
  | 'draftBrief'
  | 'exportBrief'
  | 'exportBriefToFile'
  | 'listCitationStyles'
  | 'addCitationStyle'
  | 'resolveCitations'
  | 'listClaims';

export function summarize(brief: Brief | BriefHead): BriefSummary {
  return {
    id: brief.id,
    title: brief.title,
    createdAt: brief.createdAt,
    updatedAt: brief.updatedAt,
    citations: 'doc' in brief ? collectCitations(brief.doc).length : brief.citations,
  };
}

/** A tag's id and the ids of every tag under it. */
function tagAndBelow(tags: readonly Tag[], rootId: string): Set<string> {
  const out = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of tags)
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
  }
  return out;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `value` and everything in it made read-only (immer changes a frozen record by copying it). */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length) {
    const next = stack.pop();
    if (next === null || typeof next !== 'object' || Object.isFrozen(next)) continue;
    Object.freeze(next);
    for (const child of Object.values(next)) stack.push(child);
  }
  return value;
}

type DraftInput = ApiInput<'draftBrief'>;

export function briefMethods(ctx: ServiceContext): ServiceMethods<BriefMethodName> {
  const { store } = ctx;

  /** A brief, or `not-found` (`corrupt` for a file that cannot be read). */
  const findBrief = (id: string): Promise<Brief> => store.loadBrief(id);

  /** The author an export names: the notebook's fact-check organisation, else the person's setting (none: ''). */
  const organisation = async (): Promise<string> =>
    store.manifest.factCheck?.organisation?.name ?? (await ctx.settings.get()).organisation;

  // Every source's metadata and annotations, one at a time (an unreadable one is reported by the store);
  // with `keep`, only the annotations it keeps.
  const context = (keep?: (annotation: Annotation) => boolean): Promise<BriefContext> =>
    briefContextFromStream(store.manifest, store.eachSourceHead(), keep);

  /**
   * A context of the claims `ids` names only (an export: those its brief refers to; citations to
   * resolve), read from the sources that hold them when the store knows which (every source otherwise).
   */
  const contextOf = (ids: ReadonlySet<string>): Promise<BriefContext> =>
    briefContextFromStream(store.manifest, store.eachSourceHeadHolding(ids) ?? store.eachSourceHead(), (a) =>
      ids.has(a.id),
    );

  /**
   * A context of only the claims a draft can use — those it selects, and any a relation may lead it
   * to — so drafting from one tag of a large notebook holds that tag's claims, not the notebook's.
   */
  const draftContext = (selects: (annotation: Annotation) => boolean): Promise<BriefContext> => {
    const related = new Set(store.manifest.relations.flatMap((r) => [r.from, r.to]));
    return context((a) => selects(a) || related.has(a.id));
  };

  /** The claims a draft request selects. */
  const selectedBy = (input: DraftInput): ((annotation: Annotation) => boolean) => {
    if ('actorId' in input) return (a) => a.actors.some((l) => l.actorId === input.actorId);
    if ('tagId' in input) {
      const tags = tagAndBelow(store.manifest.tags, input.tagId);
      return (a) => a.tagIds.some((id) => tags.has(id));
    }
    const ids = new Set(input.annotationIds);
    return (a) => ids.has(a.id);
  };

  const save = (label: string, brief: Brief): Promise<Brief> =>
    ctx.transact(label, async (tx) => {
      await tx.addBrief(brief);
      return brief;
    });

  const uniqueTitle = async (wanted: string): Promise<string> => {
    const taken = new Set((await store.listBriefs()).map((b) => b.title));
    if (!taken.has(wanted)) return wanted;
    for (let n = 2; ; n++) {
      const candidate = `${wanted} (${n})`;
      if (!taken.has(candidate)) return candidate;
    }
  };

  const newBrief = (title: string, doc: RichDoc, language: UiLanguage): Brief => {
    const now = new Date().toISOString();
    return { id: newId('brf'), title, doc, language, createdAt: now, updatedAt: now };
  };

  // A new brief is in the person's interface language unless they ask for another.
  const languageFor = async (asked: UiLanguage | undefined): Promise<UiLanguage> =>
    asked ?? interfaceLanguage(await ctx.settings.get());

  return {
    async listBriefs() {
      return (await store.listBriefs())
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
        .map(summarize);
    },

    async getBrief({ id }) {
      return clone(await findBrief(id));
    },

    async createBrief({ title, doc, language: asked }) {
      const language = await languageFor(asked);
      const brief = newBrief(
        title?.trim() || (await uniqueTitle(briefWords(language)('untitledBrief'))),
        doc ?? docNode([{ type: 'paragraph' }]),
        language,
      );
      return clone(await save(ctx.translator().t('history:undo.newBrief'), brief));
    },

    async updateBrief({ id, title, doc, citationStyle, language, origin }) {
      const current = await findBrief(id);
      const titleChanged = title !== undefined && title !== current.title;
      // The same brief with its keys in another order is no edit.
      const docChanged = doc !== undefined && !sameJson(doc, current.doc);
      const styleChanged = citationStyle !== undefined && citationStyle !== (current.citationStyle ?? DEFAULT_STYLE);
      const languageChanged = language !== undefined && language !== briefLanguage(current.language);
      if (!titleChanged && !docChanged && !styleChanged && !languageChanged) return summarize(current);
      if (titleChanged && !title) throw DossierError.of('invalid-input', 'briefs.briefNeedsTitle');
      if (styleChanged) await loadStyle(store.dir, citationStyle); // a style the notebook has, or a clear error
      const label = ctx
        .translator()
        .t(
          docChanged
            ? 'history:undo.editBrief'
            : titleChanged
              ? 'history:undo.renameBrief'
              : styleChanged
                ? 'history:undo.changeCitationStyle'
                : 'history:undo.changeBriefLanguage',
        );
      await ctx.transact(
        label,
        async (tx) => {
          await tx.updateBrief(id, (b) => {
            if (titleChanged) b.title = title!;
            if (docChanged) b.doc = doc!;
            if (styleChanged) b.citationStyle = citationStyle!;
            if (languageChanged) b.language = language;
            b.updatedAt = new Date().toISOString();
          });
        },
        { ...(docChanged && !titleChanged ? { mergeKey: `edit-brief:${id}` } : {}), ...(origin ? { origin } : {}) },
      );
      return summarize(await findBrief(id));
    },

    async duplicateBrief({ id }) {
      const source = await findBrief(id);
      const copy = newBrief(
        await uniqueTitle(`${source.title} (copy)`),
        clone(source.doc),
        briefLanguage(source.language),
      );
      if (source.citationStyle) copy.citationStyle = source.citationStyle;
      return clone(await save(ctx.translator().t('history:undo.duplicateBrief'), copy));
    },

    async deleteBrief({ id }) {
      await findBrief(id);
      await ctx.transact(ctx.translator().t('history:undo.deleteBrief'), (tx) => tx.removeBrief(id));
      return { deleted: true as const };
    },

    async draftBrief(input) {
      const bctx = await draftContext(selectedBy(input));
      const language = await languageFor(input.language);
      let draft;
      if ('actorId' in input) {
        if (!bctx.actors.some((a) => a.id === input.actorId))
          throw DossierError.of('not-found', 'briefs.noActorQuoted', { actorId: input.actorId });
        draft = draftBriefFromActor(bctx, input.actorId, language);
      } else if ('tagId' in input) {
        draft = draftBriefFromTag(bctx, input.tagId, language);
      } else {
        draft = draftBriefFromAnnotations(bctx, input.annotationIds, input.title, language);
      }
      const title = input.title?.trim() || (await uniqueTitle(draft.title));
      // Frozen rather than copied: the brief kept and the brief returned are one (a draft of 20,000
      // claims is tens of MB), and no one can change it but through a transaction.
      return save(ctx.translator().t('history:undo.draftBrief'), deepFreeze(newBrief(title, draft.doc, language)));
    },

    async exportBrief({ briefId, format, style, language }) {
      const brief = await findBrief(briefId);
      const bytes = await exportBrief(
        brief,
        await contextOf(referencedAnnotationIds(brief.doc)),
        format,
        await loadStyle(store.dir, style ?? brief.citationStyle),
        language,
        await organisation(),
      );
      const info = BRIEF_FORMAT_INFO[format];
      return { fileName: exportFileName(brief.title, info.extension), mime: info.mime, bytes: new Uint8Array(bytes) };
    },

    async exportBriefToFile({ briefId, format, path: target, style, styleXml, language }) {
      const brief = await findBrief(briefId);
      const chosen = styleXml
        ? { xml: styleXml, name: 'the given style' }
        : await loadStyle(store.dir, style ?? brief.citationStyle);
      const written = await writeExportFile(target, async () =>
        exportBrief(
          brief,
          await contextOf(referencedAnnotationIds(brief.doc)),
          format,
          chosen,
          language,
          await organisation(),
        ),
      );
      return { path: written.path, format, bytes: written.bytes };
    },

    async listCitationStyles() {
      return listStyles(store.dir);
    },

    async addCitationStyle({ fileName, xml }) {
      if (store.readOnly)
        throw DossierError.of('read-only', 'briefs.cannotAddStyle', { problem: store.problemWords ?? '' });
      return addStyle(store.dir, fileName, xml);
    },

    async resolveCitations({ annotationIds }) {
      if (annotationIds.length === 0) return [];
      const bctx = await contextOf(new Set(annotationIds));
      return annotationIds.map((id) => {
        const claim = bctx.annotation(id);
        if (claim) return clone({ annotation: claim.annotation, source: claim.source });
        const gone = store.manifest.deletedSources?.find((d) => d.annotationIds.includes(id));
        return gone ? { sourceRemoved: { id: gone.id, title: gone.title } } : null;
      });
    },

    async listClaims({ query, limit, actorId, tagId, status, sourceId }) {
      const bctx = await context();
      const words = citeWords(query);
      const rank = new Map<ClaimHit, number>();
      const actorName = new Map(bctx.actors.map((a) => [a.id, a]));
      const tagName = new Map(bctx.tags.map((t) => [t.id, t.name]));
      const inTag = tagId ? tagAndBelow(bctx.tags, tagId) : undefined;
      const hits: ClaimHit[] = [];
      for (const claim of bctx.annotations) {
        const { annotation, source } = claim;
        if (sourceId && source.id !== sourceId) continue;
        if (status && annotation.status !== status) continue;
        if (actorId && !annotation.actors.some((l) => l.actorId === actorId)) continue;
        if (inTag && !annotation.tagIds.some((id) => inTag.has(id))) continue;
        const actors = annotation.actors
          .map((l) => actorName.get(l.actorId))
          .filter((a): a is NonNullable<typeof a> => !!a);
        const actorNames = [...new Set(actors.map((a) => a.name))];
        const tagNames = annotation.tagIds.map((id) => tagName.get(id)).filter((t): t is string => !!t);
        const match = citeMatch(words, annotation.target.exact, [
          source.title,
          source.outlet ?? '',
          ...actorNames,
          ...actors.flatMap((a) => a.aliases),
          ...tagNames,
        ]);
        if (!match) continue;
        const hit = { annotation, source, actorNames, tagNames };
        rank.set(hit, match);
        hits.push(hit);
      }
      const kindRank = (k: string) => (k === 'claim' ? 0 : 1);
      hits.sort(
        (a, b) =>
          rank.get(b)! - rank.get(a)! ||
          kindRank(a.annotation.kind) - kindRank(b.annotation.kind) ||
          (b.source.publishedAt ?? '').localeCompare(a.source.publishedAt ?? '') ||
          a.annotation.target.start - b.annotation.target.start,
      );
      return clone(hits.slice(0, limit));
    },
  };
}
