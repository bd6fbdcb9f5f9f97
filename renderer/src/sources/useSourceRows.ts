/**
 * The source list's rows, read a page at a time (`listSourcePage`): the
 * first page gives the count and the first rows, and the list asks for the
 * pages its visible rows fall in as it scrolls. Each page is one cached query,
 * so a change refetches (or patches) only pages that are held, and a
 * 20,000-source notebook paints its list after one small read.
 */
import { useCallback, useMemo } from 'react';
import { keepPreviousData, useQueries, useQueryClient } from '@tanstack/react-query';
import type { SourceSort } from '../../../shared/enums';
import type { SourceMeta } from '../../../shared/model';
import { apiQuery, useApiQuery } from '../api/queries';

/** Sources per page: a screenful or two of rows (about 25 KB). */
export const PAGE_SIZE = 100;

export interface SourceListView {
  sort: SourceSort;
  filter: string;
}

/** The view the list opens on: newest imports first, no filter. */
export const INITIAL_SOURCE_VIEW: SourceListView = { sort: 'imported', filter: '' };

/** The input of `listSourcePage` for a page of a view. */
export const sourcePageInput = (view: SourceListView, page: number) => ({
  sort: view.sort,
  filter: view.filter,
  offset: page * PAGE_SIZE,
  limit: PAGE_SIZE,
});

/** How many sources the view holds (null until the first page came), kept while another view's count loads. */
export function useSourceCount(view: SourceListView): { total: number | null; error: Error | null } {
  const first = useApiQuery('listSourcePage', sourcePageInput(view, 0), { placeholderData: keepPreviousData });
  return { total: first.data?.total ?? null, error: first.error };
}

export interface SourceRows {
  /** The source at a row, when its page has come. */
  itemAt(index: number): SourceMeta | undefined;
  /** The row of a source among the pages held, or -1. */
  indexOf(id: string): number;
  /** The source at a row, reading its page when it is not held. */
  fetchAt(index: number): Promise<SourceMeta | undefined>;
}

/** The rows of `view` from `first` to `last` (and the first page), each page read once and kept fresh by the change events. */
export function useSourceRows(view: SourceListView, first: number, last: number): SourceRows {
  const client = useQueryClient();
  const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
  const to = Math.floor(Math.max(0, last) / PAGE_SIZE);
  const pages = useMemo(() => {
    const out = [0];
    for (let p = Math.max(1, from); p <= to; p++) out.push(p);
    return out;
  }, [from, to]);
  const items = useQueries({
    queries: pages.map((p) => apiQuery('listSourcePage', sourcePageInput(view, p))),
    combine: (results) => results.map((r) => r.data?.items),
  });
  const byPage = useMemo(() => new Map(pages.map((p, i) => [p, items[i]])), [pages, items]);

  const itemAt = useCallback(
    (index: number) => byPage.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [byPage],
  );
  const indexOf = useCallback(
    (id: string) => {
      for (const [p, list] of byPage) {
        const at = list?.findIndex((s) => s.id === id) ?? -1;
        if (at >= 0) return p * PAGE_SIZE + at;
      }
      return -1;
    },
    [byPage],
  );
  const fetchAt = useCallback(
    async (index: number) => {
      const page = await client.fetchQuery(
        apiQuery('listSourcePage', sourcePageInput(view, Math.floor(index / PAGE_SIZE))),
      );
      return page.items[index % PAGE_SIZE];
    },
    [client, view],
  );
  return { itemAt, indexOf, fetchAt };
}
