/**
 * The reader with annotations: paints the source's highlights, turns a
 * selection into a claim / highlight / note (popover or the keys C, H, N;
 * Escape dismisses), selects an annotation when its highlight is clicked, and
 * scrolls to the selected annotation or a passage the route asks for.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ANNOTATION_KINDS } from '../../../shared/enums';
import type { Annotation, Source } from '../../../shared/model';
import { isShortcut, type ShortcutId } from '../../../shared/shortcuts';
import { call } from '../api';
import { isSourcesRoute, useNavigation } from '../ui/navigation';
import { PLATFORM } from '../ui/platform';
import { useNotices } from '../ui/notices';
import { Reader } from '../reader/Reader';
import { useParagraphRemoval } from '../reader/useParagraphRemoval';
import { useCaretBrowsing } from '../reader/useCaretBrowsing';
import { useAnnotations } from './AnnotationsContext';
import { applyHighlightRules, highlightKey, highlightRules, type ColourMode } from './highlight-css';
import {
  annotationIdsAt,
  canPaintHighlights,
  clearHighlights,
  paintedRange,
  paintHighlights,
  setActiveHighlight,
  type PaintSpan,
  type PaintState,
} from '../reader/paint-highlights';
import { clearExtras, paintOverlaps, revealRange, selectionOffsets } from './highlights';
import { isEditableTarget } from './keys';
import '../styles/annotations.css';

interface Pending {
  start: number;
  end: number;
  top: number;
  left: number;
  below: boolean;
}

/** The keys that mark a selection, from the shared shortcut table. */
const KIND_SHORTCUTS = [
  ['mark-claim', 'claim'],
  ['mark-highlight', 'highlight'],
  ['mark-note', 'note'],
] as const satisfies ReadonlyArray<readonly [ShortcutId, Annotation['kind']]>;

const rangeKey = (r: { start: number; end: number }) => `${r.start}:${r.end}`;

/** Scrolls the reader pane so that `range` sits in its upper third. */
function scrollToRange(container: HTMLElement, range: Range) {
  const pane = container.closest<HTMLElement>('.pane') ?? container.parentElement;
  const rect = range.getBoundingClientRect();
  if (!pane) return;
  const paneRect = pane.getBoundingClientRect();
  if (rect.top >= paneRect.top + 40 && rect.bottom <= paneRect.bottom - 40) return;
  pane.scrollTo({ top: pane.scrollTop + rect.top - paneRect.top - paneRect.height / 3, behavior: 'auto' });
}

export function AnnotatedReader({ source }: { source: Source }) {
  const ann = useAnnotations();
  const { t } = useTranslation('annotations');
  const { error } = useNotices();
  const { route } = useNavigation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const mouseDown = useRef(false);
  const busy = useRef(false);

  const tagIds = useMemo(() => new Set(ann.tags.map((t) => t.id)), [ann.tags]);
  const paintState = useRef<PaintState | null>(null);
  const selectedRef = useRef(ann.selectedId);
  selectedRef.current = ann.selectedId;
  const painted = useMemo<PaintSpan[]>(
    () =>
      ann.anchored.map((a) => ({
        id: a.annotation.id,
        start: a.start,
        end: a.end,
        key: highlightKey(a.annotation, ann.colourMode, tagIds),
      })),
    [ann.anchored, ann.colourMode, tagIds],
  );

  useEffect(() => applyHighlightRules(highlightRules(ann.tags, ann.statuses)), [ann.tags, ann.statuses]);
  // All highlights when the annotations (or their colours) change; only the emphasis when the selection does.
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container || !canPaintHighlights(container)) return;
    const active = selectedRef.current;
    paintState.current = paintHighlights(
      container,
      painted.map((p) => (p.id === active ? { ...p, active: true } : p)),
      paintState.current,
    );
    paintOverlaps(container, painted, paintState.current.index);
  }, [painted, source.text]);
  useLayoutEffect(() => {
    if (paintState.current) setActiveHighlight(paintState.current, ann.selectedId);
  }, [ann.selectedId]);
  useEffect(
    () => () => {
      if (paintState.current) clearHighlights(paintState.current);
      paintState.current = null;
      clearExtras();
    },
    [],
  );

  // ------------------------------------------------------------ selection → popover
  // A selection dismissed with Escape gets no popover and no C/H/N until it changes.
  const dismissed = useRef<string | null>(null);
  const updatePending = useCallback(() => {
    const container = containerRef.current;
    if (!container || ann.readOnly) return setPending(null);
    const sel = window.getSelection();
    const offsets = selectionOffsets(container, sel, source.text);
    if (!offsets || !sel || rangeKey(offsets) === dismissed.current) return setPending(null);
    const rects = sel.getRangeAt(0).getClientRects();
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) return setPending(null);
    const below = first.top < 56;
    setPending({
      ...offsets,
      top: below ? last.bottom + 8 : first.top - 8,
      left: Math.max(8, Math.min(window.innerWidth - 240, below ? last.left : first.left)),
      below,
    });
  }, [source.text, ann.readOnly]);

  useEffect(() => {
    let timer = 0;
    const onChange = () => {
      window.clearTimeout(timer);
      if (!mouseDown.current) timer = window.setTimeout(updatePending, 60);
    };
    const onUp = () => {
      if (!mouseDown.current) return;
      mouseDown.current = false;
      window.clearTimeout(timer);
      timer = window.setTimeout(updatePending, 0);
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('mouseup', onUp);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('mouseup', onUp);
    };
  }, [updatePending]);

  // The popover follows the selection when the reader scrolls.
  useEffect(() => {
    const pane = containerRef.current?.closest('.pane');
    if (!pane || !pending) return;
    const onScroll = () => updatePending();
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => pane.removeEventListener('scroll', onScroll);
  }, [pending !== null, updatePending]);

  /** The selection's offsets right now (a key may be pressed before the popover shows). */
  const currentOffsets = useCallback(() => {
    const container = containerRef.current;
    return container ? selectionOffsets(container, window.getSelection(), source.text) : null;
  }, [source.text]);

  const create = useCallback(
    async (kind: Annotation['kind']) => {
      const at = currentOffsets() ?? pending;
      if (!at || busy.current || !ann.sourceId || ann.readOnly) return;
      busy.current = true;
      try {
        const created = await call('createAnnotation', {
          sourceId: ann.sourceId,
          kind,
          start: at.start,
          end: at.end,
          tagIds: [],
          actors: [],
        });
        window.getSelection()?.removeAllRanges();
        setPending(null);
        ann.select(created.id, { focus: kind === 'note' ? 'note' : kind === 'claim' ? 'tags' : undefined });
      } catch (err) {
        error(err, t(`createFailed.${kind}`));
      } finally {
        busy.current = false;
      }
    },
    [pending, currentOffsets, ann.sourceId, ann.select, ann.readOnly, error, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isEditableTarget(e.target)) return;
      const at = currentOffsets();
      if (at && rangeKey(at) === dismissed.current) return;
      if (isShortcut(e, 'dismiss-selection', PLATFORM)) {
        if (pending || at) {
          e.preventDefault();
          dismissed.current = at ? rangeKey(at) : null;
          setPending(null);
        }
        return;
      }
      const kind = KIND_SHORTCUTS.find(([id]) => isShortcut(e, id, PLATFORM))?.[1];
      if (kind && (pending || at)) {
        e.preventDefault();
        void create(kind);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [pending, create, currentOffsets]);

  // A paragraph removed by hand: context menu, or the shortcut with the cursor in it.
  const paragraphs = useParagraphRemoval(source, containerRef, ann.readOnly);
  const caret = useCaretBrowsing(containerRef);

  // ------------------------------------------------------------ click a highlight → select it
  const onClick = (e: ReactMouseEvent) => {
    const container = containerRef.current;
    if (!container || !(e.target instanceof Node) || !container.contains(e.target)) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const ids = annotationIdsAt(container, e.clientX, e.clientY, paintState.current ?? painted);
    if (ids.length === 0) return ann.select(null);
    const at = ann.selectedId ? ids.indexOf(ann.selectedId) : -1;
    // Clicking again where highlights overlap steps to the next one underneath.
    ann.select(ids[(at + 1) % ids.length]!);
  };

  // ------------------------------------------------------------ scroll to the selected annotation
  const scrollToSelected = useCallback(() => {
    const container = containerRef.current;
    const range = ann.selectedId && paintState.current ? paintedRange(paintState.current, ann.selectedId) : null;
    if (container && range) scrollToRange(container, range);
  }, [ann.selectedId]);
  const scrollRequest = useRef(ann.scrollRequest);
  useEffect(() => {
    if (scrollRequest.current === ann.scrollRequest) return;
    scrollRequest.current = ann.scrollRequest;
    scrollToSelected();
  }, [ann.scrollRequest, scrollToSelected]);

  // The route may name an annotation (a citation, a search hit on a claim) or a passage.
  const handledRoute = useRef<unknown>(null);
  useEffect(() => {
    if (!isSourcesRoute(route) || route.sourceId !== source.id || handledRoute.current === route) return;
    const container = containerRef.current;
    if (route.annotationId) {
      if (!ann.annotations.some((a) => a.id === route.annotationId)) return; // not loaded yet
      handledRoute.current = route;
      ann.select(route.annotationId, { scroll: true });
      if (container) revealRange(container, null, route.marks);
    } else if (route.range && container) {
      handledRoute.current = route;
      const r = revealRange(container, route.range, route.marks);
      if (r) scrollToRange(container, r);
    }
  }, [route, source.id, ann.annotations, ann.select]);

  return (
    <>
      <div
        className="annotated-reader"
        onClick={onClick}
        onContextMenu={paragraphs.onContextMenu}
        onMouseDown={(e) => {
          if (e.button !== 0) return;
          mouseDown.current = true;
          setPending(null);
          // a revealed passage (a search hit) is marked until the person works in the text
          if (containerRef.current) revealRange(containerRef.current, null);
        }}
      >
        <Reader
          source={source}
          textRef={containerRef}
          textProps={caret.textProps}
          headerExtra={<ColourModeSwitch mode={ann.colourMode} onChange={ann.setColourMode} />}
        />
      </div>
      {paragraphs.menu}
      {caret.caret}
      {pending && (
        <div
          className={pending.below ? 'selection-popover is-below' : 'selection-popover'}
          role="toolbar"
          aria-label={t('popover.label')}
          style={{ top: pending.top, left: pending.left }}
          onMouseDown={(e) => e.preventDefault()}
        >
          {ANNOTATION_KINDS.map((kind) => (
            <button key={kind} type="button" onClick={() => void create(kind)} title={t(`popover.title.${kind}`)}>
              <Trans t={t} i18nKey={`popover.button.${kind}`} components={{ kbd: <kbd /> }} />
            </button>
          ))}
        </div>
      )}
    </>
  );
}

const COLOUR_MODES: readonly ColourMode[] = ['tag', 'status'];

function ColourModeSwitch({ mode, onChange }: { mode: ColourMode; onChange(mode: ColourMode): void }) {
  const { t } = useTranslation('annotations');
  return (
    <div className="colour-mode" role="group" aria-label={t('colourMode.label')}>
      <span className="colour-mode-label">{t('colourMode.prompt')}</span>
      {COLOUR_MODES.map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => onChange(m)}>
          {t(`colourMode.${m}`)}
        </button>
      ))}
    </div>
  );
}
