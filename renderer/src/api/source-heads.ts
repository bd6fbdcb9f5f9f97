/**
 * Source lists patched in place from a change set. When an event says a
 * source's listing changed (a title corrected, a date set), the lists this
 * window holds — pages of the source list, the whole list some panes read —
 * get that source's new head from one `getSourceHeads` call for just the
 * changed ids that they hold, instead of refetching every source. Lists the
 * invalidation map makes stale (a source added or removed, a sorted or
 * filtered view) are refetched instead, and are not patched.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { NotebookChangedEvent } from '../../../shared/api';
import type { SourcePage } from '../../../shared/api/sources';
import type { SourceMeta } from '../../../shared/model';
import { invalidates, isApiQueryKey } from './invalidation';

/** Fetches the current heads of the named sources (those that exist). */
export type FetchHeads = (ids: string[]) => Promise<SourceMeta[]>;

type ListData = SourceMeta[] | SourcePage;

/** The read methods whose cached values hold source heads that a patch replaces. */
export const SOURCE_LISTS: ReadonlySet<string> = new Set(['listSources', 'listSourcePage']);

const itemsOf = (data: ListData): SourceMeta[] => (Array.isArray(data) ? data : data.items);

function replaced(data: ListData, heads: ReadonlyMap<string, SourceMeta>): ListData {
  const items = itemsOf(data);
  if (!items.some((s) => heads.has(s.id))) return data;
  const next = items.map((s) => heads.get(s.id) ?? s);
  return Array.isArray(data) ? next : { ...data, items: next };
}

/**
 * Replaces, in every cached source list the event leaves fresh, the heads of
 * the sources whose listing it changed. Fetches only heads some list holds;
 * fetches nothing when none does. Resolves when the cache is patched.
 */
export async function patchSourceHeads(
  client: QueryClient,
  event: NotebookChangedEvent,
  fetchHeads: FetchHeads,
): Promise<void> {
  if (!event.changes) return;
  const changed = new Set(event.changes.sources.filter((s) => s.kind === 'updated' && s.metadata).map((s) => s.id));
  if (changed.size === 0) return;
  const lists = client.getQueryCache().findAll({
    predicate: ({ queryKey, state }) =>
      isApiQueryKey(queryKey) &&
      SOURCE_LISTS.has(queryKey[0]) &&
      state.data !== undefined &&
      !invalidates(event, queryKey[0], queryKey[1] as never),
  });
  const held = new Set<string>();
  for (const query of lists)
    for (const s of itemsOf(query.state.data as ListData)) if (changed.has(s.id)) held.add(s.id);
  if (held.size === 0) return;
  const heads = new Map((await fetchHeads([...held])).map((h) => [h.id, h]));
  for (const query of lists) {
    const data = query.state.data as ListData | undefined;
    if (data) client.setQueryData(query.queryKey, replaced(data, heads));
  }
}
