import { useCallback } from 'react';
import type { NotebookInfo, SourceWithAnnotations } from '../../../shared/api';
import type { SourceMeta } from '../../../shared/model';
import { errorMessage } from '../api';
import { useApiQuery } from '../api/queries';

export interface NotebookState {
  info: NotebookInfo | null;
  sources: SourceMeta[] | null;
  /** Why the notebook could not be read (null when it could). */
  loadError: string | null;
  refresh(): Promise<void>;
}

/** The open notebook and its source list, refreshed when a change touches them. */
export function useNotebook(): NotebookState {
  const info = useApiQuery('getNotebook', {});
  const sources = useApiQuery('listSources', {});
  const { refetch: refetchInfo } = info;
  const { refetch: refetchSources } = sources;
  const refresh = useCallback(async () => {
    await Promise.all([refetchInfo(), refetchSources()]);
  }, [refetchInfo, refetchSources]);
  const failed = info.error ?? sources.error;
  return {
    info: info.data ?? null,
    sources: sources.data ?? null,
    loadError: failed ? errorMessage(failed) : null,
    refresh,
  };
}

export type SourceState =
  | { status: 'none' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; data: SourceWithAnnotations }
  | { status: 'error'; id: string; message: string };

/** One source with its annotations, refetched when a change touches it. */
export function useSource(id: string | null): SourceState {
  const query = useApiQuery('getSource', { id: id ?? '' }, { enabled: Boolean(id) });
  if (!id) return { status: 'none' };
  if (query.data) return { status: 'ready', id, data: query.data };
  if (query.error) return { status: 'error', id, message: errorMessage(query.error) };
  return { status: 'loading', id };
}
