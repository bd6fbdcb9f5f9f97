import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { SOURCE_SORTS, type SourceSort } from '../../../shared/enums';
import type { SourceMeta } from '../../../shared/model';
import { isShortcut } from '../../../shared/shortcuts';
import { useApiQuery, useDebouncedValue, useErrorNotice } from '../api/queries';
import { ContextMenu, type MenuAt } from '../ui/ContextMenu';
import { keyHint, PLATFORM } from '../ui/platform';
import { formatDate } from './format';
import { INITIAL_SOURCE_VIEW, useSourceCount, useSourceRows, type SourceListView } from './useSourceRows';
import '../styles/import.css';
import '../styles/sources.css';

/** Flag on a source that import found to be nearly the same text as another; a click opens the twin. */
function NearDuplicateBadge({ twinId, onOpen }: { twinId: string; onOpen(id: string): void }) {
  const { t } = useTranslation(['sources', 'common', 'enums']);
  const twin = useApiQuery('getSourceHeads', { ids: [twinId] }).data?.[0];
  if (!twin) return null; // loading, or the twin was removed (e.g. its import undone)
  const title = twin.title || t('common:untitled');
  return (
    <button
      type="button"
      className="near-duplicate-badge"
      title={t('list.twinTitle', { title })}
      aria-label={t('list.twinLabel', { title })}
      tabIndex={-1}
      onClick={(e) => {
        e.stopPropagation();
        onOpen(twin.id);
      }}
    >
      {t('list.twinBadge')}
    </button>
  );
}

function SourceRow({ source, onOpen }: { source: SourceMeta; onOpen(id: string): void }) {
  const { t } = useTranslation(['sources', 'common', 'enums']);
  const date = formatDate(source.publishedAt);
  return (
    <>
      <span className="source-title" lang={source.language === 'und' ? undefined : source.language}>
        {source.title || t('common:untitled')}
      </span>
      <span className="source-meta">
        <span className="source-lang" title={t('list.language')}>
          {source.language === 'und' ? '??' : source.language.toUpperCase()}
        </span>
        {source.outlet && <span className="source-outlet">{source.outlet}</span>}
        {date && <time dateTime={source.publishedAt}>{date}</time>}
        {source.nearDuplicateOf && <NearDuplicateBadge twinId={source.nearDuplicateOf} onOpen={onOpen} />}
      </span>
    </>
  );
}

interface Props {
  selectedId: string | null;
  onSelect(id: string): void;
  /** Asks to delete a source (context menu, Delete key); absent when the notebook is read-only. */
  onDelete?(source: SourceMeta): void;
  /** The source to open should the selected one go (the next in the list, else the one before), as the list changes. */
  onNeighbour?(id: string, neighbourId: string | null): void;
  /** Enter on the selected source: move into it (the reader's text). */
  onOpen?(id: string): void;
}

/** A row's height before it is measured (a one-line title and the meta line). */
const ROW_ESTIMATE = 58;

/**
 * The notebook's sources, sorted and filtered, as a virtual list: only the
 * rows in view (and a few around them) are in the page, read a page at a time.
 * Click or use ↑/↓ (Home/End) to choose one; the context menu or the Delete
 * key deletes one (after a confirm).
 */
export function SourceList({ selectedId, onSelect, onDelete, onNeighbour, onOpen }: Props) {
  const { t } = useTranslation(['sources', 'common', 'enums']);
  const listRef = useRef<HTMLUListElement>(null);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const [sort, setSort] = useState<SourceSort>(INITIAL_SOURCE_VIEW.sort);
  const [typed, setTyped] = useState(INITIAL_SOURCE_VIEW.filter);
  const filter = useDebouncedValue(typed.trim(), 150);
  const view = useMemo<SourceListView>(() => ({ sort, filter }), [sort, filter]);

  const { total, error } = useSourceCount(view);
  useErrorNotice(error, t('list.readFailed'));
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    paddingEnd: 16,
  });
  const shown = virtualizer.getVirtualItems();
  const rows = useSourceRows(view, shown[0]?.index ?? 0, shown.at(-1)?.index ?? 0);

  // The selected source's row: among the rows held, else asked of main (it was opened from elsewhere).
  const heldIndex = selectedId ? rows.indexOf(selectedId) : -1;
  const located = useApiQuery(
    'locateSource',
    { id: selectedId ?? '', ...view },
    { enabled: Boolean(selectedId) && heldIndex < 0 },
  );
  const selectedIndex = heldIndex >= 0 ? heldIndex : (located.data?.index ?? -1);

  // Another sort or filter starts at the top (the selected source, if the view holds it, is scrolled to below).
  const shownView = useRef(view);
  useEffect(() => {
    if (shownView.current === view) return;
    shownView.current = view;
    virtualizer.scrollToOffset(0);
  }, [view, virtualizer]);

  // Bring the selected source into view when the selection (or the view) changes, and again once its
  // row has come (the rows read with it may be taller or shorter than estimated).
  const scrolledTo = useRef<string | null>(null);
  const held = heldIndex >= 0;
  useEffect(() => {
    const key = selectedId ? `${selectedId}\n${view.sort}\n${view.filter}\n${held}` : null;
    if (!key || selectedIndex < 0 || scrolledTo.current === key) return;
    scrolledTo.current = key;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedId, selectedIndex, held, view, virtualizer]);

  // Where the selection goes should the selected source be deleted.
  const selectedItem = heldIndex >= 0 ? rows.itemAt(heldIndex) : undefined;
  const neighbourId = selectedItem
    ? (rows.itemAt(heldIndex + 1)?.id ?? (heldIndex > 0 ? rows.itemAt(heldIndex - 1)?.id : undefined) ?? null)
    : undefined;
  useEffect(() => {
    if (selectedId && neighbourId !== undefined) onNeighbour?.(selectedId, neighbourId);
  }, [selectedId, neighbourId, onNeighbour]);

  const menuFor = (source: SourceMeta, x: number, y: number): MenuAt | null =>
    onDelete
      ? {
          x,
          y,
          label: t('list.menu', { title: source.title || t('common:untitled') }),
          actions: [
            { label: t('list.delete'), hint: keyHint('source-delete'), danger: true, run: () => onDelete(source) },
          ],
        }
      : null;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!total) return;
    const current = selectedIndex >= 0 ? rows.itemAt(selectedIndex) : undefined;
    if (current && onDelete && isShortcut(event, 'source-delete', PLATFORM)) {
      event.preventDefault();
      onDelete(current);
      return;
    }
    if (current && onOpen && isShortcut(event, 'list-open', PLATFORM)) {
      event.preventDefault();
      onOpen(current.id);
      return;
    }
    if (current && (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) {
      // The keyboard's menu key: the menu opens under the selected source.
      event.preventDefault();
      const el = listRef.current?.querySelector<HTMLElement>(`[data-source-id="${CSS.escape(current.id)}"]`);
      const box = el?.getBoundingClientRect();
      if (box) setMenu(menuFor(current, box.left + 16, box.bottom));
      return;
    }
    const index = selectedIndex;
    let next: number;
    if (event.key === 'ArrowDown') next = index < 0 ? 0 : Math.min(total - 1, index + 1);
    else if (event.key === 'ArrowUp') next = index < 0 ? 0 : Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = total - 1;
    else return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    void rows.fetchAt(next).then((target) => {
      if (target && target.id !== selectedId) onSelect(target.id);
    });
  };

  const last = shown.at(-1);
  return (
    <>
      <div className="source-list-tools">
        <input
          type="search"
          className="source-filter"
          placeholder={t('list.filterPlaceholder')}
          aria-label={t('list.filter')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            // ↓ from the filter goes into the list.
            if (e.key !== 'ArrowDown' || !total) return;
            e.preventDefault();
            listRef.current?.focus();
          }}
        />
        <select aria-label={t('list.sort')} value={sort} onChange={(e) => setSort(e.target.value as SourceSort)}>
          {SOURCE_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`enums:sourceSort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {filter && total !== null && (
        <p className="pane-hint source-matches" role="status">
          {total === 0 ? t('list.noMatch', { filter }) : t('list.matches', { count: total })}
        </p>
      )}
      <ul
        ref={listRef}
        className="source-list"
        role="listbox"
        aria-label={t('list.label')}
        tabIndex={0}
        aria-activedescendant={selectedItem ? `source-${selectedItem.id}` : undefined}
        onKeyDown={onKeyDown}
      >
        {/* The rows above and below those in view are empty space of their measured (or estimated) height. */}
        <li role="presentation" className="source-list-space" style={{ height: shown[0]?.start ?? 0 }} />
        {shown.map((row) => {
          const source = rows.itemAt(row.index);
          if (!source)
            return (
              <li
                key={`row-${row.index}`}
                data-index={row.index}
                ref={virtualizer.measureElement}
                className="source-item is-loading"
                aria-hidden="true"
              />
            );
          const selected = source.id === selectedId;
          return (
            <li
              key={source.id}
              id={`source-${source.id}`}
              data-source-id={source.id}
              data-index={row.index}
              ref={virtualizer.measureElement}
              role="option"
              aria-selected={selected}
              aria-setsize={total ?? undefined}
              aria-posinset={row.index + 1}
              className={selected ? 'source-item is-selected' : 'source-item'}
              onClick={() => onSelect(source.id)}
              onContextMenu={(e) => {
                const m = menuFor(source, e.clientX, e.clientY);
                if (!m) return;
                e.preventDefault();
                if (source.id !== selectedId) onSelect(source.id);
                setMenu(m);
              }}
            >
              <SourceRow source={source} onOpen={onSelect} />
            </li>
          );
        })}
        <li
          role="presentation"
          className="source-list-space"
          style={{ height: last ? virtualizer.getTotalSize() - last.end : 0 }}
        />
      </ul>
      {menu && <ContextMenu menu={menu} onClose={() => setMenu(null)} />}
    </>
  );
}
