import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { NotebookInfo, SourceWithAnnotations } from '../../../shared/api';
import { DossierError } from '../../../shared/errors';
import { errorMessage } from '../api';
import { useApiQuery } from '../api/queries';

export interface NotebookState {
  info: NotebookInfo | null;
  /** Why the notebook could not be read (null when it could). */
  loadError: string | null;
  refresh(): Promise<void>;
}

/**
 * The open notebook (title, source count, statuses), refreshed when a change
 * touches it. The sources themselves come a page at a time in the source list.
 */
export function useNotebook(): NotebookState {
  const info = useApiQuery('getNotebook', {});
  const client = useQueryClient();
  const refresh = useCallback(async () => {
    await client.refetchQueries({ type: 'active' });
  }, [client]);
  return {
    info: info.data ?? null,
    loadError: info.error ? errorMessage(info.error) : null,
    refresh,
  };
}

export type SourceState =
  | { status: 'none' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; data: SourceWithAnnotations }
  | { status: 'error'; id: string; message: string; notFound: boolean };

/** One source with its annotations, refetched when a change touches it. */
export function useSource(id: string | null): SourceState {
  const query = useApiQuery('getSource', { id: id ?? '' }, { enabled: Boolean(id) });
  if (!id) return { status: 'none' };
  if (query.data) return { status: 'ready', id, data: query.data };
  if (query.error) {
    const notFound = query.error instanceof DossierError && query.error.code === 'not-found';
    return { status: 'error', id, message: errorMessage(query.error), notFound };
  }
  return { status: 'loading', id };
}
