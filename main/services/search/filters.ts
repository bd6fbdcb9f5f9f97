/**
 * Search filters (actors, tags and their descendants, statuses, sources,
 * languages, dates) turned into the checks a search runs: one on every
 * matching document (source-level conditions only, so it stays cheap) and
 * ones on the few hits shown (passages, annotations).
 */
import type { Tag } from '../../../shared/model';
import type { SearchFilters } from '../../../shared/api/search';
import type { AliasMatcher } from '../../../shared/text';
import type { AnnotationEntry, IndexContents, SourceEntry } from './index-format';

/** What the filters read of the index. */
export interface FilterView extends IndexContents {
  readonly matcher: AliasMatcher;
}

export type SearchFilter = ReturnType<typeof filterFor>;

function descendantsOf(tags: Map<string, Tag>, tagIds: string[]): Set<string> {
  const out = new Set(tagIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tags.values())
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
  }
  return out;
}

/**
 * Filters. `docOk` runs on every matching document (source-level
 * conditions only); `passageOk` and `annotationOk` run on the few hits shown.
 */
export function filterFor(index: FilterView, f: SearchFilters) {
  const sourceIds = f.sourceIds?.length ? new Set(f.sourceIds) : undefined;
  const languages = f.languages?.length ? new Set(f.languages) : undefined;
  const from = f.from?.slice(0, 10);
  const to = f.to?.slice(0, 10);
  const tagIds = f.tagIds?.length ? descendantsOf(index.tags, f.tagIds) : undefined;
  const statuses = f.statuses?.length ? new Set(f.statuses) : undefined;
  const actorIds = f.actorIds?.length ? new Set(f.actorIds) : undefined;
  const sourceOk = (id: string) => {
    if (sourceIds && !sourceIds.has(id)) return false;
    const s = index.sources.get(id);
    if (!s) return false;
    if (languages && !languages.has(s.language)) return false;
    if (from || to) {
      const d = s.publishedAt?.slice(0, 10);
      if (!d || (from && d < from) || (to && d > to)) return false;
    }
    return true;
  };
  const mentions = (text: string) => {
    for (const m of index.matcher.find(text)) if (actorIds!.has(m.actorId)) return true;
    return false;
  };
  const annotationOk = (a: AnnotationEntry) =>
    (!tagIds || a.tagIds.some((t) => tagIds.has(t))) &&
    (!statuses || statuses.has(a.status)) &&
    (!actorIds || a.actorIds.some((id) => actorIds.has(id)) || mentions(a.exact));
  const sourceLevel = !!(sourceIds || languages || from || to);
  const docOkAll = (key: string) => {
    const kind = key[0];
    if (kind === 'n') {
      const a = index.annotations.get(key.slice(2));
      return !!a && sourceOk(a.sourceId);
    }
    if (kind === 't') return sourceOk(key.slice(2));
    if (kind === 'p') return sourceOk(key.slice(2, key.lastIndexOf(':')));
    return false;
  };
  const passageOk = (s: SourceEntry, text: string, range: [number, number] | undefined) => {
    if (!actorIds) return true;
    for (const id of index.bySource.get(s.id) ?? []) {
      const a = index.annotations.get(id)!;
      if ((!range || (a.start < range[1] && a.end > range[0])) && a.actorIds.some((x) => actorIds.has(x))) return true;
    }
    return mentions(text);
  };
  const docOk = sourceLevel ? docOkAll : undefined;
  return { docOk, passageOk, annotationOk, annotationsOnly: !!(tagIds || statuses) };
}
