import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SourceMeta } from '../../../shared/model';
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
}

/** The notebook's sources: click or use ↑/↓ (Home/End) to choose one. */
export function SourceList({ sources, selectedId, onSelect }: Props) {
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!selectedId) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-source-id="${CSS.escape(selectedId)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (sources.length === 0) return;
    const index = sources.findIndex((s) => s.id === selectedId);
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
  );
}
