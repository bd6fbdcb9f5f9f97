/**
 * A long list that renders only the rows near its viewport
 * (`@tanstack/react-virtual`), so 20,000 rows cost what 50 do. The list has its
 * own scroll box (`className`); rows are measured as they render (any height), unless `fixedSize`.
 *
 * What it keeps working for the lists built on it:
 * - ARIA: the list element has `role` (`list` or `listbox`), and every row gets
 *   `aria-setsize` / `aria-posinset`, so a screen reader still hears "12 of 20,000".
 * - Focus: the row holding focus stays rendered when it scrolls out of the
 *   window (focus is never dropped on the page), and `keepIndex` (the selected
 *   or active row) does too. Only one row is in the Tab order (roving
 *   `tabIndex`: the focused one, else `keepIndex`, else the first).
 * - Keys (`keys`): ↑/↓, Home/End, PageUp/PageDown move focus between rows,
 *   scrolling a row that is not rendered yet into view first.
 * - `revealIndex`: scrolled into view whenever it changes (a claim selected
 *   in the reader, a result made active by the keyboard).
 * - `onEndReached`: the last row was rendered (to fetch the next page).
 *
 * The caller renders each row element itself and spreads `row.props` on it
 * (ref, `data-index`, ARIA position and the positioning style).
 */
import {
  Fragment,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';

/** Spread on the row element. */
export interface RowProps {
  ref(el: HTMLElement | null): void;
  'data-index': number;
  'aria-setsize': number;
  'aria-posinset': number;
  style: CSSProperties;
}

export interface VirtualRow {
  /** Spread on the row's element (an `li`, or whatever the list role needs). */
  props: RowProps;
  /** Put on the row's focusable element (the row itself or its button): 0 for the one row Tab reaches, else -1. */
  tabIndex: 0 | -1;
  /** The list is being scrolled: a row may put off fetching what it shows until it stops. */
  scrolling: boolean;
}

export interface VirtualListHandle {
  /** Scrolls the row into view (rendering it first if it is outside the window). */
  scrollToIndex(index: number): void;
  /** Scrolls the row into view and focuses it (or its first focusable element). */
  focusIndex(index: number): void;
}

interface Props<T> {
  items: readonly T[];
  itemKey(item: NoInfer<T>, index: number): string;
  /** A guess of a row's height in px, until it is measured. */
  estimateSize: number;
  /**
   * Every row is exactly `estimateSize` px high (the CSS says so): rows are then never measured, which saves
   * re-laying out the whole list's offsets each time new rows appear.
   */
  fixedSize?: boolean;
  renderRow(item: T, index: number, row: VirtualRow): ReactNode;
  /** The scroll box's class: it must get a bounded height (flex: 1 with min-height: 0, or max-height). */
  className: string;
  listClassName?: string;
  role?: 'list' | 'listbox';
  'aria-label'?: string;
  id?: string;
  /** Space between rows, in px (rows are positioned absolutely, so margins do not separate them). */
  gap?: number;
  /** A row that stays rendered even far outside the window (the selected one, the active option). */
  keepIndex?: number | null;
  /** Scrolled into view whenever it changes. */
  revealIndex?: number | null;
  /** Arrow keys, Home/End and PageUp/PageDown move focus between rows. */
  keys?: boolean;
  onEndReached?(): void;
  handle?: Ref<VirtualListHandle>;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
}

const noMeasure = () => {};

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]';

function focusTarget(row: Element): HTMLElement | null {
  if (row.matches(FOCUSABLE)) return row as HTMLElement;
  return row.querySelector<HTMLElement>(FOCUSABLE);
}

export function VirtualList<T>({
  items,
  itemKey,
  estimateSize,
  fixedSize = false,
  renderRow,
  className,
  listClassName,
  role = 'list',
  id,
  gap = 0,
  keepIndex,
  revealIndex,
  keys = false,
  onEndReached,
  handle,
  overscan = 6,
  ...aria
}: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The row holding focus, by key: it stays rendered, and stays the Tab stop, while the items change around it.
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  // Keys are read once per items: the virtualizer asks for every row's key each time it re-lays out the rows.
  const rowKeys = useMemo(() => items.map((item, i) => itemKey(item, i)), [items, itemKey]);
  const indexByKey = useMemo(() => new Map(rowKeys.map((key, i) => [key, i])), [rowKeys]);
  const focusedIndex = focusedKey === null ? undefined : indexByKey.get(focusedKey);
  const kept = useMemo(
    () => [focusedIndex, keepIndex].filter((i): i is number => typeof i === 'number' && i >= 0 && i < items.length),
    [focusedIndex, keepIndex, items.length],
  );

  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      const extra = kept.filter((i) => !shown.includes(i));
      return extra.length ? [...shown, ...extra].sort((a, b) => a - b) : shown;
    },
    [kept],
  );
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLElement>({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    // Stable unless the items change: a new key function makes the virtualizer recompute every row's offset.
    estimateSize: useCallback(() => estimateSize, [estimateSize]),
    getItemKey: useCallback((i: number) => rowKeys[i]!, [rowKeys]),
    rangeExtractor,
    overscan,
    gap,
  });

  // Focus or a reveal asked for a row that was not rendered yet: done once it is. Done on the element too,
  // so that scroll boxes around the list's own (a pane) bring it into view as well.
  const pendingFocus = useRef<number | null>(null);
  const pendingReveal = useRef<number | null>(null);
  const [, rerender] = useState(0);
  useLayoutEffect(() => {
    const rowAt = (index: number) => listRef.current?.querySelector(`:scope > [data-index="${index}"]`) ?? null;
    if (pendingReveal.current !== null) {
      const row = rowAt(pendingReveal.current);
      if (row) {
        pendingReveal.current = null;
        row.scrollIntoView({ block: 'nearest' });
      }
    }
    if (pendingFocus.current !== null) {
      const row = rowAt(pendingFocus.current);
      const target = row && focusTarget(row);
      if (target) {
        pendingFocus.current = null;
        target.focus();
      }
    }
  });

  const scrollToIndex = useCallback(
    (index: number) => {
      if (index < 0 || index >= items.length) return;
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [virtualizer, items.length],
  );
  const focusIndex = useCallback(
    (index: number) => {
      if (items.length === 0) return;
      const to = Math.max(0, Math.min(items.length - 1, index));
      pendingFocus.current = to;
      scrollToIndex(to);
      rerender((n) => n + 1);
    },
    [items.length, scrollToIndex],
  );
  useImperativeHandle(handle, () => ({ scrollToIndex, focusIndex }), [scrollToIndex, focusIndex]);

  useEffect(() => {
    if (typeof revealIndex !== 'number' || revealIndex < 0) return;
    pendingReveal.current = revealIndex;
    scrollToIndex(revealIndex);
    rerender((n) => n + 1);
  }, [revealIndex, scrollToIndex]);

  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems.at(-1)?.index;
  const endAsked = useRef(-1);
  useEffect(() => {
    if (!onEndReached || last === undefined || last < items.length - 1 || endAsked.current === items.length) return;
    endAsked.current = items.length;
    onEndReached();
  }, [last, items.length, onEndReached]);

  const indexOf = (el: EventTarget | null): number | undefined => {
    const row = el instanceof Element ? el.closest('[data-index]') : null;
    if (!row || row.parentElement !== listRef.current) return undefined;
    return Number(row.getAttribute('data-index'));
  };
  const onFocus = (e: FocusEvent) => {
    const i = indexOf(e.target);
    if (i !== undefined && rowKeys[i] !== undefined) setFocusedKey(rowKeys[i]);
  };
  const onBlur = (e: FocusEvent) => {
    if (!listRef.current?.contains(e.relatedTarget as Node | null)) setFocusedKey(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!keys) return;
    const i = indexOf(e.target);
    // Keys typed into a field inside a row (a checkbox is fine) are the field's.
    if (i === undefined || (e.target as Element).matches('input:not([type="checkbox"]), select, textarea')) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / estimateSize) - 1);
    const to: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: items.length - 1,
      PageDown: i + page,
      PageUp: i - page,
    };
    if (!(e.key in to) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    focusIndex(to[e.key]!);
  };

  const tabStop = focusedIndex ?? kept[0] ?? 0;
  // The same row object while its place is unchanged, so that rows made with React.memo skip re-rendering
  // when the list re-renders for a scroll.
  const rowCache = useRef(new Map<string, VirtualRow>());
  const nextCache = new Map<string, VirtualRow>();
  const measure = fixedSize ? noMeasure : virtualizer.measureElement;
  const rowFor = (index: number, start: number, tabIndex: 0 | -1, scrolling: boolean): VirtualRow => {
    const id = `${index}:${start}:${tabIndex}:${scrolling}:${items.length}`;
    const row = rowCache.current.get(id) ?? {
      tabIndex,
      scrolling,
      props: {
        ref: measure,
        'data-index': index,
        'aria-setsize': items.length,
        'aria-posinset': index + 1,
        style: { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${start}px)` },
      },
    };
    nextCache.set(id, row);
    return row;
  };
  useLayoutEffect(() => {
    rowCache.current = nextCache;
  });
  return (
    <div ref={scrollRef} className={className} data-virtual-list="">
      <ul
        ref={listRef}
        id={id}
        role={role}
        className={listClassName}
        {...aria}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      >
        {virtualItems.map((v) => (
          <Fragment key={v.key}>
            {renderRow(
              items[v.index]!,
              v.index,
              rowFor(v.index, v.start, v.index === tabStop ? 0 : -1, virtualizer.isScrolling),
            )}
          </Fragment>
        ))}
      </ul>
    </div>
  );
}
