import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotebookInfo, SourceWithAnnotations } from '../../../shared/api';
import type { SourceMeta } from '../../../shared/model';
import { call, errorMessage } from '../api';
import { useApiEvent } from '../api/useApiEvent';

export interface NotebookState {
  info: NotebookInfo | null;
  sources: SourceMeta[] | null;
  /** Why the notebook could not be read (null when it could). */
  loadError: string | null;
  refresh(): Promise<void>;
}

/** The open notebook and its source list, refreshed whenever main says it changed. */
export function useNotebook(): NotebookState {
  const [info, setInfo] = useState<NotebookInfo | null>(null);
  const [sources, setSources] = useState<SourceMeta[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const [nextInfo, nextSources] = await Promise.all([call('getNotebook', {}), call('listSources', {})]);
      if (mine !== generation.current) return; // a newer refresh is under way
      setInfo(nextInfo);
      setSources(nextSources);
      setLoadError(null);
    } catch (err) {
      if (mine === generation.current) setLoadError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useApiEvent('notebook-changed', () => void refresh());

  return { info, sources, loadError, refresh };
}

export type SourceState =
  | { status: 'none' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; data: SourceWithAnnotations }
  | { status: 'error'; id: string; message: string };

/** One source with its annotations, loaded when `id` changes. */
export function useSource(id: string | null, revision: unknown): SourceState {
  const [state, setState] = useState<SourceState>({ status: 'none' });
  useEffect(() => {
    if (!id) {
      setState({ status: 'none' });
      return;
    }
    let live = true;
    setState((prev) => (prev.status === 'ready' && prev.id === id ? prev : { status: 'loading', id }));
    call('getSource', { id }).then(
      (data) => live && setState({ status: 'ready', id, data }),
      (err: unknown) => live && setState({ status: 'error', id, message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, revision]);
  return state;
}
