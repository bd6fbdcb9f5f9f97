/**
 * What the reader and the inspector share about the open source's
 * annotations: where each one anchors now, which one is selected, the colour
 * mode, the tag codebook and the notebook's statuses. One provider around the
 * panes; it resets when another source is opened.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceWithAnnotations } from '../../../shared/api';
import { DEFAULT_STATUSES, type Annotation, type Tag } from '../../../shared/model';
import { anchorAll, type Anchored, type Orphan } from './logic';
import { useApiQuery, useErrorNotice } from '../api/queries';
import type { ColourMode } from './highlight-css';

export type { Anchored, Orphan } from './logic';

export type FocusTarget = 'tags' | 'note';

export interface AnnotationsState {
  sourceId: string | null;
  text: string;
  annotations: Annotation[];
  /** Anchored annotations in reading order. */
  anchored: Anchored[];
  orphans: Orphan[];
  selectedId: string | null;
  select(id: string | null, opts?: { scroll?: boolean; focus?: FocusTarget }): void;
  /** Bumped when the reader should scroll to the selected annotation. */
  scrollRequest: number;
  /** The part of the editor to focus for the selected annotation (bumped per request). */
  focusRequest: { id: string; target: FocusTarget; n: number } | null;
  colourMode: ColourMode;
  setColourMode(mode: ColourMode): void;
  tags: Tag[];
  statuses: string[];
  readOnly: boolean;
}

const Ctx = createContext<AnnotationsState | null>(null);

const NO_TAGS: Tag[] = [];

const MODE_KEY = 'dossier.highlightColourMode';

function storedMode(): ColourMode {
  try {
    return localStorage.getItem(MODE_KEY) === 'status' ? 'status' : 'tag';
  } catch {
    return 'tag';
  }
}

interface ProviderProps {
  data: SourceWithAnnotations | null;
  statuses?: readonly string[];
  readOnly?: boolean;
  children: ReactNode;
}

export function AnnotationsProvider({ data, statuses, readOnly = false, children }: ProviderProps) {
  const sourceId = data?.source.id ?? null;
  const { t } = useTranslation('annotations');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [scrollRequest, setScrollRequest] = useState(0);
  const [focusRequest, setFocusRequest] = useState<{ id: string; target: FocusTarget; n: number } | null>(null);
  const [colourMode, setMode] = useState<ColourMode>(storedMode);
  const focusCounter = useRef(0);

  const tagsQuery = useApiQuery('listTags', {});
  useErrorNotice(tagsQuery.error, t('tags.loadFailed'));
  const tags = tagsQuery.data ?? NO_TAGS;

  // Another source: nothing is selected. Reset while rendering (not in an effect), so that a
  // selection the reader makes for the new source (route.annotationId) in its effects survives.
  const [shownSource, setShownSource] = useState(sourceId);
  if (shownSource !== sourceId) {
    setShownSource(sourceId);
    setSelectedId(null);
    setFocusRequest(null);
  }

  const select = useCallback((id: string | null, opts?: { scroll?: boolean; focus?: FocusTarget }) => {
    setSelectedId(id);
    if (id && opts?.scroll) setScrollRequest((n) => n + 1);
    if (id && opts?.focus) setFocusRequest({ id, target: opts.focus, n: ++focusCounter.current });
  }, []);

  const setColourMode = useCallback((mode: ColourMode) => {
    setMode(mode);
    try {
      localStorage.setItem(MODE_KEY, mode);
    } catch {
      /* private mode: the choice lasts for this window */
    }
  }, []);

  const text = data?.source.text ?? '';
  const annotations = data?.annotations ?? [];
  const split = useMemo(() => anchorAll(text, data?.annotations ?? []), [text, data?.annotations]);

  // A selected annotation that was deleted (or undone away) is deselected. One that was just
  // created and is not in the loaded data yet stays selected.
  const seenIds = useRef(new Set<string>());
  useEffect(() => {
    const ids = new Set((data?.annotations ?? []).map((a) => a.id));
    if (selectedId && !ids.has(selectedId) && seenIds.current.has(selectedId)) setSelectedId(null);
    seenIds.current = ids;
  }, [data, selectedId]);

  const value = useMemo<AnnotationsState>(
    () => ({
      sourceId,
      text,
      annotations,
      anchored: split.anchored,
      orphans: split.orphans,
      selectedId,
      select,
      scrollRequest,
      focusRequest,
      colourMode,
      setColourMode,
      tags,
      statuses: statuses && statuses.length > 0 ? [...statuses] : [...DEFAULT_STATUSES],
      readOnly,
    }),
    [
      sourceId,
      text,
      annotations,
      split,
      selectedId,
      select,
      scrollRequest,
      focusRequest,
      colourMode,
      setColourMode,
      tags,
      statuses,
      readOnly,
    ],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAnnotations(): AnnotationsState {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useAnnotations must be used inside <AnnotationsProvider>.');
  return ctx;
}
