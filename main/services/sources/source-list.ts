/**
 * The source list a page at a time: sorted and filtered views of the
 * manifest's sources, made once per version of the list and sliced per
 * request. The store replaces the `sources` array on every change (immer) and
 * keeps unchanged records, so the views are cached by the array and a record's
 * folded text by the record: a page of a 20,000-source notebook costs a slice,
 * not a sort, until the list changes.
 */
import { foldLetters } from '../../../shared/fold-letters';
import type { SourceSort } from '../../../shared/enums';
import type { SourceMeta } from '../../../shared/model';
import type { ServiceContext, ServiceMethods } from '../service-context';

type SourceListMethodName = 'listSourcePage' | 'getSourceHeads' | 'locateSource';

export interface SourceView {
  sort: SourceSort;
  filter: string;
}

/** How many filtered views of one version of the list are kept (the last few filters typed). */
const VIEWS_KEPT = 8;

const views = new WeakMap<readonly SourceMeta[], Map<string, SourceMeta[]>>();
const positions = new WeakMap<readonly SourceMeta[], Map<string, number>>();
const folded = new WeakMap<SourceMeta, string>();
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** What a filter is matched against: title, outlet and author, folded (case and diacritics ignored). */
function haystack(source: SourceMeta): string {
  let text = folded.get(source);
  if (text === undefined) {
    text = foldLetters([source.title, source.outlet ?? '', source.author ?? ''].join('\n'));
    folded.set(source, text);
  }
  return text;
}

const ORDER: Record<SourceSort, ((a: SourceMeta, b: SourceMeta) => number) | null> = {
  imported: null,
  title: (a, b) => collator.compare(a.title, b.title),
  // Newest first; undated sources last (ISO dates compare as text).
  published: (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
};

/** The sources of `all` the view shows, in its order (a stable sort: ties keep the notebook's order). */
export function sourceView(all: readonly SourceMeta[], view: SourceView): readonly SourceMeta[] {
  const needle = view.filter.trim() ? foldLetters(view.filter.trim()) : '';
  const order = ORDER[view.sort];
  if (!needle && !order) return all;
  let cached = views.get(all);
  if (!cached) views.set(all, (cached = new Map()));
  const key = `${view.sort}\n${needle}`;
  const hit = cached.get(key);
  if (hit) return hit;
  const list = needle ? all.filter((s) => haystack(s).includes(needle)) : [...all];
  if (order) list.sort(order);
  if (cached.size >= VIEWS_KEPT) cached.delete(cached.keys().next().value!);
  cached.set(key, list);
  return list;
}

/** Where each source is in `list`. */
function positionsOf(list: readonly SourceMeta[]): Map<string, number> {
  let map = positions.get(list);
  if (!map) {
    map = new Map(list.map((s, i) => [s.id, i]));
    positions.set(list, map);
  }
  return map;
}

export function sourceListMethods(ctx: ServiceContext): ServiceMethods<SourceListMethodName> {
  const { store } = ctx;
  return {
    async listSourcePage({ offset, limit, ...view }) {
      const list = sourceView(store.manifest.sources, view);
      return { total: list.length, offset, items: list.slice(offset, offset + limit) };
    },
    async getSourceHeads({ ids }) {
      const all = store.manifest.sources;
      const at = positionsOf(all);
      return ids.flatMap((id) => {
        const i = at.get(id);
        return i === undefined ? [] : [all[i]!];
      });
    },
    async locateSource({ id, ...view }) {
      const list = sourceView(store.manifest.sources, view);
      return { index: positionsOf(list).get(id) ?? null, total: list.length };
    },
  };
}
