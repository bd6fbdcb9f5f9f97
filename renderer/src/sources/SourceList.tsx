import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SourceMeta } from '../../../shared/model';
import { isShortcut } from '../../../shared/shortcuts';
import { ContextMenu, type MenuAt } from '../ui/ContextMenu';
import { keyHint, PLATFORM } from '../ui/platform';
import { formatDate } from './format';
import '../styles/import.css';

/** Flag on a source that import found to be nearly the same text as another; a click opens the twin. */
function NearDuplicateBadge({ twin, onOpen }: { twin: SourceMeta | undefined; onOpen(id: string): void }) {
  if (!twin) return null; // the twin was removed (e.g. its import undone)
  const label = `Near-duplicate of “${twin.title || 'Untitled'}”`;
  return (
    <button
      type="button"
      className="near-duplicate-badge"
      title={`${label} — open it`}
      aria-label={`${label}. Open it`}
      tabIndex={-1}
      onClick={(e) => {
        e.stopPropagation();
        onOpen(twin.id);
      }}
    >
      near-duplicate
    </button>
  );
}

interface Props {
  sources: SourceMeta[];
  selectedId: string | null;
  onSelect(id: string): void;
  /** Asks to delete a source (context menu, Delete key); absent when the notebook is read-only. */
  onDelete?(source: SourceMeta): void;
}

/**
 * The notebook's sources: click or use ↑/↓ (Home/End) to choose one; the
 * context menu or the Delete key deletes one (after a confirm).
 */
export function SourceList({ sources, selectedId, onSelect, onDelete }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const menuFor = (source: SourceMeta, x: number, y: number): MenuAt | null =>
    onDelete
      ? {
          x,
          y,
          label: `Source “${source.title || 'Untitled'}”`,
          actions: [
            { label: 'Delete source…', hint: keyHint('source-delete'), danger: true, run: () => onDelete(source) },
          ],
        }
      : null;

  useEffect(() => {
    if (!selectedId) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-source-id="${CSS.escape(selectedId)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (sources.length === 0) return;
    const index = sources.findIndex((s) => s.id === selectedId);
    const current = sources[index];
    if (current && onDelete && isShortcut(event, 'source-delete', PLATFORM)) {
      event.preventDefault();
      onDelete(current);
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
    let next: number;
    if (event.key === 'ArrowDown') next = index < 0 ? 0 : Math.min(sources.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = index < 0 ? 0 : Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = sources.length - 1;
    else return;
    event.preventDefault();
    const target = sources[next];
    if (target && target.id !== selectedId) onSelect(target.id);
  };

  return (
    <>
      <ul
        ref={listRef}
        className="source-list"
        role="listbox"
        aria-label="Sources"
        tabIndex={0}
        aria-activedescendant={selectedId ? `source-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
      >
        {sources.map((source) => {
          const selected = source.id === selectedId;
          const date = formatDate(source.publishedAt);
          return (
            <li
              key={source.id}
              id={`source-${source.id}`}
              data-source-id={source.id}
              role="option"
              aria-selected={selected}
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
              <span className="source-title" lang={source.language === 'und' ? undefined : source.language}>
                {source.title || 'Untitled'}
              </span>
              <span className="source-meta">
                <span className="source-lang" title="Language">
                  {source.language === 'und' ? '??' : source.language.toUpperCase()}
                </span>
                {source.outlet && <span className="source-outlet">{source.outlet}</span>}
                {date && <time dateTime={source.publishedAt}>{date}</time>}
                {source.nearDuplicateOf && (
                  <NearDuplicateBadge twin={sources.find((s) => s.id === source.nearDuplicateOf)} onOpen={onSelect} />
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {menu && <ContextMenu menu={menu} onClose={() => setMenu(null)} />}
    </>
  );
}
