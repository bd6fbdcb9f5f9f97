/**
 * The renderer's one query layer: every read of notebook data goes through
 * TanStack Query, keyed `[method, input]`. Data stays fresh until a
 * `notebook-changed` event says otherwise (./invalidation.ts); a refetch that a
 * newer one overtakes is dropped by the library, so no component keeps its own
 * race guard.
 */
import { useEffect, useState } from 'react';
import { QueryClient, useQueries, useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { ApiInput, ApiOutput, RendererMethodName } from '../../../shared/api';
import { useNotices } from '../ui/notices';
import { call, onApiEvent } from './index';
import { invalidates, isApiQueryKey } from './invalidation';
import { patchSourceHeads, SOURCE_LISTS } from './source-heads';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Fresh until main says it changed: no polling, no refetch on focus.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // Errors are the notebook's (not-found, corrupt): asking again does not help.
        retry: false,
      },
    },
  });
}

/**
 * Marks stale, and refetches when in use, every query a `notebook-changed`
 * event affects, and patches the source lists it leaves fresh; after
 * `settings-changed`, the notebook's info. Returns the unsubscribe function.
 */
export function connectInvalidation(client: QueryClient): () => void {
  return onApiEvent((event) => {
    // Reads main words in the person's language (the notebook's problem): a change of language asks again.
    if (event.type === 'settings-changed') void client.invalidateQueries({ queryKey: apiQueryKey('getNotebook', {}) });
    if (event.type !== 'notebook-changed') return;
    void client.invalidateQueries({
      predicate: (query) =>
        isApiQueryKey(query.queryKey) && invalidates(event, query.queryKey[0], query.queryKey[1] as never),
    });
    // Lists left fresh get the changed sources' new heads (./source-heads.ts); a failed fetch refetches them.
    patchSourceHeads(client, event, (ids) => call('getSourceHeads', { ids })).catch(() =>
      client.invalidateQueries({ predicate: (q) => isApiQueryKey(q.queryKey) && SOURCE_LISTS.has(q.queryKey[0]) }),
    );
  });
}

export function apiQueryKey<M extends RendererMethodName>(method: M, input: ApiInput<M>): readonly [M, ApiInput<M>] {
  return [method, input] as const;
}

/** The query of `method(input)`: its key and the call, for useQueries, fetchQuery and prefetchQuery. */
export function apiQuery<M extends RendererMethodName>(method: M, input: ApiInput<M>) {
  return { queryKey: apiQueryKey(method, input), queryFn: () => call(method, input) };
}

type Options<M extends RendererMethodName, T> = Omit<
  UseQueryOptions<ApiOutput<M>, Error, T, readonly [M, ApiInput<M>]>,
  'queryKey' | 'queryFn'
>;

/** The value of `method(input)`, cached and kept fresh by the change events. */
export function useApiQuery<M extends RendererMethodName, T = ApiOutput<M>>(
  method: M,
  input: ApiInput<M>,
  options?: Options<M, T>,
): UseQueryResult<T, Error> {
  return useQuery({ ...apiQuery(method, input), ...options });
}

/** `method` for each of `inputs` (e.g. one count per actor): the values in order, undefined while loading or failed. */
export function useApiQueries<M extends RendererMethodName>(
  method: M,
  inputs: readonly ApiInput<M>[],
): (ApiOutput<M> | undefined)[] {
  return useQueries({
    queries: inputs.map((input) => apiQuery(method, input)),
    combine: (results) => results.map((r) => r.data),
  });
}

/** Shows a read's failure as a notice (once per error), for reads whose pane works without them. */
export function useErrorNotice(err: unknown, context?: string): void {
  const { error } = useNotices();
  useEffect(() => {
    if (err) error(err, context);
  }, [err, context, error]);
}

/** `value`, once it has stayed the same for `ms` (search as you type). */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
