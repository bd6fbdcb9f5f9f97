/**
 * The command palette (Ctrl/Cmd+K): search the notebook as you type (sources,
 * claims, actors) with filter chips, plus commands. Arrow keys move, Enter
 * opens: a passage opens in the reader at its offsets, a claim selects it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult, SourceHead } from '../../../shared/api/search';
import type { Actor, Tag } from '../../../shared/model';
import type { SearchFilters, SearchHit } from '../../../shared/api/search';
import { isShortcut } from '../../../shared/shortcuts';
import { call } from '../api';
import { useApiEvent } from '../api/useApiEvent';
import { useApiQuery, useDebouncedValue, useErrorNotice } from '../api/queries';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigation } from '../ui/navigation';
import { PLATFORM } from '../ui/platform';
import { useNotices } from '../ui/notices';
import { VirtualList } from '../ui/VirtualList';
import { Highlighted } from './Highlighted';
import { formatDate } from '../sources/format';
import '../styles/search.css';
import { ReturnFocus } from '../ui/ReturnFocus';
import { useStatusLabel } from '../ui/status-label';

export interface PaletteCommand {
  id: string;
  label: string;
  hint?: string;
  run(): void | Promise<unknown>;
}

type Item =
  | { type: 'hit'; hit: SearchHit; source?: SourceHead }
  | { type: 'actor'; actorId: string; name: string }
  | { type: 'command'; command: PaletteCommand };

const DEBOUNCE_MS = 120;
/** Hits asked for at first, and once the list is scrolled to its end (the search API's most). */
const FIRST_HITS = 20;
const MORE_HITS = 200;

/** The groups of results, in the order shown (each named by `search:groups.<group>`). */
type Group = 'sources' | 'claims' | 'actors' | 'commands';
/** A row of the results: a group's heading, or an option (`n`: its place among the options). */
type Row = { type: 'heading'; group: Group } | { type: 'option'; group: Group; item: Item; n: number };

/** A view the palette offers to go to ("Go to Actors"). */
export interface PaletteView {
  id: string;
  label: string;
}

interface Props {
  onImport(): void;
  /** Every view of the window, in tab order (the composition root knows them). */
  views: readonly PaletteView[];
}

export function CommandPalette({ onImport, views }: Props) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isShortcut(e, 'find', PLATFORM)) {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // A native menu item ("Find…") may open it too: main sends {type:'menu', command:'search'}.
  useApiEvent('menu', (e) => {
    if (e.command === 'search') setOpen(true);
  });
  if (!open) return null;
  return <Palette onClose={() => setOpen(false)} onImport={onImport} views={views} />;
}

function useCommands(onImport: () => void, close: () => void, views: readonly PaletteView[]): PaletteCommand[] {
  const { t } = useTranslation(['search', 'common', 'enums']);
  const { navigate, openView } = useNavigation();
  const { error } = useNotices();
  return useMemo(() => {
    const guard = (fn: () => Promise<unknown>, what: string) => () => fn().catch((err) => error(err, what));
    return [
      { id: 'import', label: t('commands.import'), hint: t('commands.importHint'), run: () => onImport() },
      {
        id: 'new-brief',
        label: t('commands.newBrief'),
        run: guard(async () => {
          const brief = await call('createBrief', {});
          navigate({ view: 'briefs', briefId: brief.id });
        }, t('commands.newBriefFailed')),
      },
      {
        id: 'undo',
        label: t('common:undo'),
        hint: 'Ctrl+Z',
        run: guard(() => call('undo', {}), t('commands.undoFailed')),
      },
      {
        id: 'redo',
        label: t('common:redo'),
        hint: 'Ctrl+Shift+Z',
        run: guard(() => call('redo', {}), t('commands.redoFailed')),
      },
      ...views.map((v) => ({
        id: `view:${v.id}`,
        label: t('commands.goTo', { view: v.label }),
        run: () => openView(v.id),
      })),
    ].map((c) => ({
      ...c,
      run: () => {
        close();
        return c.run();
      },
    }));
  }, [onImport, close, navigate, openView, error, views, t]);
}

interface FilterData {
  actors: Actor[];
  tags: Tag[];
  statuses: string[];
  languages: string[];
}

function Palette({ onClose, onImport, views }: { onClose(): void; onImport(): void; views: readonly PaletteView[] }) {
  const { t } = useTranslation(['search', 'common', 'enums']);
  const { navigate } = useNavigation();
  const commands = useCommands(onImport, onClose, views);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [active, setActive] = useState(0);
  const [limit, setLimit] = useState(FIRST_HITS);
  const inputRef = useRef<HTMLInputElement>(null);
  const restoreFocus = useRef<Element | null>(document.activeElement);
  /** Set when a hit or command was opened: focus then stays where that took it. */
  const opened = useRef(false);

  useEffect(() => {
    inputRef.current?.focus();
    const previous = restoreFocus.current;
    return () => {
      if (!opened.current && previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  const actorsQuery = useApiQuery('listActors', {});
  const tagsQuery = useApiQuery('listTags', {});
  const notebookQuery = useApiQuery('getNotebook', {});
  const sourcesQuery = useApiQuery('listSources', {});
  useErrorNotice(actorsQuery.error ?? tagsQuery.error ?? notebookQuery.error ?? sourcesQuery.error, t('filtersFailed'));
  const data = useMemo<FilterData>(
    () => ({
      actors: actorsQuery.data ?? [],
      tags: tagsQuery.data ?? [],
      statuses: notebookQuery.data?.statuses ?? [],
      languages: [...new Set((sourcesQuery.data ?? []).map((s) => s.language))].filter((l) => l !== 'und').sort(),
    }),
    [actorsQuery.data, tagsQuery.data, notebookQuery.data, sourcesQuery.data],
  );

  // Search as you type, debounced; "Indexing…" while the index is being built (then ask again, waiting for it).
  const settled = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const q = query.trim() ? settled : '';
  const quick = useApiQuery(
    'search',
    { query: q, filters, limit, wait: false },
    { enabled: q !== '', placeholderData: keepPreviousData },
  );
  const indexing = q !== '' && quick.data?.ready === false;
  const waited = useApiQuery('search', { query: q, filters, limit, wait: true }, { enabled: indexing });
  useErrorNotice(quick.error ?? waited.error, t('failed'));
  const result: SearchResult | null = !q ? null : indexing ? (waited.data ?? null) : (quick.data ?? null);
  // A new question starts at the first result and the first page (more results keep the place).
  useEffect(() => {
    setActive(0);
    setLimit(FIRST_HITS);
  }, [q, filters]);
  // The results on screen answer what is typed (not an earlier query still shown while the new one runs).
  const fresh = q === query.trim() && !quick.isPlaceholderData && (!indexing || waited.data !== undefined);

  const groups = useMemo(() => {
    const sources = new Map((result?.sources ?? []).map((s) => [s.id, s]));
    const hits = result?.hits ?? [];
    const q = query.trim().toLocaleLowerCase();
    const out: Array<{ group: Group; items: Item[] }> = [
      {
        group: 'sources',
        items: hits
          .filter((h) => !h.annotationId)
          .map((hit) => ({ type: 'hit' as const, hit, source: sources.get(hit.sourceId) })),
      },
      {
        group: 'claims',
        items: hits
          .filter((h) => h.annotationId)
          .map((hit) => ({ type: 'hit' as const, hit, source: sources.get(hit.sourceId) })),
      },
      {
        group: 'actors',
        items: (result?.actors ?? []).map((a) => ({ type: 'actor' as const, actorId: a.actorId, name: a.name })),
      },
      {
        group: 'commands',
        items: commands
          .filter((c) => !q || c.label.toLocaleLowerCase().includes(q))
          .map((command) => ({ type: 'command' as const, command })),
      },
    ];
    return out.filter((g) => g.items.length > 0);
  }, [result, commands, query]);
  const flat = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const { rows, rowOf } = useMemo(() => {
    const rows: Row[] = [];
    const rowOf: number[] = [];
    for (const g of groups) {
      rows.push({ type: 'heading', group: g.group });
      for (const item of g.items) {
        rowOf.push(rows.length);
        rows.push({ type: 'option', group: g.group, item, n: rowOf.length - 1 });
      }
    }
    return { rows, rowOf };
  }, [groups]);
  const activeRow = rowOf[Math.min(active, flat.length - 1)] ?? null;
  const more = (result?.hits.length ?? 0) >= limit && limit < MORE_HITS;
  const onEndReached = useCallback(() => {
    if (more) setLimit(MORE_HITS);
  }, [more]);

  const openItem = useCallback(
    (item: Item | undefined) => {
      if (!item) return;
      opened.current = true;
      if (item.type === 'command') {
        void item.command.run();
        return;
      }
      onClose();
      if (item.type === 'actor') {
        navigate({ view: 'actors', actorId: item.actorId });
        return;
      }
      // the reader marks the matched words where they stand
      const { sourceId, annotationId, start, end, marks } = item.hit;
      if (annotationId) navigate({ view: 'sources', sourceId, annotationId, ...(marks ? { marks } : {}) });
      else if (start !== undefined && end !== undefined)
        navigate({ view: 'sources', sourceId, range: { start, end }, ...(marks ? { marks } : {}) });
      else navigate({ view: 'sources', sourceId });
    },
    [navigate, onClose],
  );

  // Enter pressed before the results caught up with the typing opens the first result once they have.
  const enterPending = useRef(false);
  useEffect(() => {
    if (!fresh || !enterPending.current) return;
    enterPending.current = false;
    openItem(flat[0]);
  }, [fresh, flat, openItem]);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(flat.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && e.target === inputRef.current) {
      e.preventDefault();
      if (fresh || !query.trim()) openItem(flat[active]);
      else enterPending.current = true;
    }
  };

  const optionId = (i: number) => `palette-option-${i}`;
  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label={t('dialog')} onKeyDown={onKeyDown}>
        <ReturnFocus />
        <input
          ref={inputRef}
          className="palette-input"
          type="search"
          placeholder={t('placeholder')}
          aria-label={t('input')}
          role="combobox"
          aria-expanded={flat.length > 0}
          aria-controls="palette-list"
          aria-activedescendant={flat.length ? optionId(active) : undefined}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <FilterChips filters={filters} setFilters={setFilters} data={data} />
        {indexing && !waited.data && (
          <p className="palette-status" role="status">
            {t('indexing')}
          </p>
        )}
        {query.trim() && result && result.hits.length === 0 && result.actors.length === 0 && (
          <p className="palette-status">{t('nothing')}</p>
        )}
        <VirtualList
          items={rows}
          itemKey={rowKey}
          estimateSize={52}
          className="palette-scroll"
          listClassName="palette-list"
          id="palette-list"
          role="listbox"
          aria-label={t('results')}
          keepIndex={activeRow}
          revealIndex={activeRow}
          onEndReached={onEndReached}
          renderRow={(row, _i, { props }) => {
            const { 'aria-setsize': _size, 'aria-posinset': _pos, ...place } = props;
            // Each option is in a group named as its heading; the heading row itself is only seen.
            if (row.type === 'heading')
              return (
                <li {...place} role="presentation" aria-hidden="true" className="palette-group">
                  {t(`groups.${row.group}`)}
                </li>
              );
            const i = row.n;
            return (
              <li {...place} role="group" aria-label={t(`groups.${row.group}`)}>
                <div
                  id={optionId(i)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === active}
                  aria-setsize={flat.length}
                  aria-posinset={i + 1}
                  className={i === active ? 'palette-item is-active' : 'palette-item'}
                  onMouseMove={() => setActive(i)}
                  onClick={() => openItem(row.item)}
                >
                  <ItemView item={row.item} />
                </div>
              </li>
            );
          }}
        />
        <div className="palette-footer">{t('footer')}</div>
      </div>
    </div>
  );
}

function rowKey(row: Row): string {
  if (row.type === 'heading') return `heading:${row.group}`;
  const { item } = row;
  if (item.type === 'command') return `command:${item.command.id}`;
  if (item.type === 'actor') return `actor:${item.actorId}`;
  return `hit:${row.n}:${item.hit.sourceId}:${item.hit.annotationId ?? ''}`;
}

function ItemView({ item }: { item: Item }) {
  const { t } = useTranslation(['search', 'common', 'enums']);
  if (item.type === 'command') {
    return (
      <div className="palette-row">
        <span className="palette-title">{item.command.label}</span>
        {item.command.hint && <span className="palette-meta">{item.command.hint}</span>}
      </div>
    );
  }
  if (item.type === 'actor') {
    return (
      <div className="palette-row">
        <span className="palette-title">{item.name}</span>
        <span className="palette-meta">{t('actorMeta')}</span>
      </div>
    );
  }
  const { hit, source } = item;
  const title = source?.title ?? hit.sourceId;
  return (
    <div>
      <div className="palette-row">
        <span className="palette-title">
          {hit.titleHighlights && source ? <Highlighted text={title} ranges={hit.titleHighlights} /> : title}
        </span>
        <span className="palette-meta">
          {[source?.outlet, formatDate(source?.publishedAt), source?.language].filter(Boolean).join(' · ')}
        </span>
      </div>
      <div className="palette-snippet">
        <Highlighted text={hit.snippet} ranges={hit.highlights} />
      </div>
    </div>
  );
}

function FilterChips({
  filters,
  setFilters,
  data,
}: {
  filters: SearchFilters;
  setFilters(f: SearchFilters): void;
  data: FilterData;
}) {
  const statusLabel = useStatusLabel();
  const { t } = useTranslation(['search', 'common', 'enums']);
  const set = (key: keyof SearchFilters, value: string) => {
    const next = { ...filters };
    if (!value) delete next[key];
    else if (key === 'from' || key === 'to') next[key] = value;
    else next[key] = [value];
    setFilters(next);
  };
  const first = (key: keyof SearchFilters) => {
    const v = filters[key];
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  };
  const chip = (key: keyof SearchFilters, label: string, options: Array<[string, string]>) => (
    <label key={key} className={first(key) ? 'chip is-on' : 'chip'}>
      <span className="chip-label">{label}</span>
      <select
        aria-label={t('filters.by', { what: label.toLocaleLowerCase() })}
        value={first(key)}
        onChange={(e) => set(key, e.target.value)}
      >
        <option value="">{t('filters.any')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const chips = [
    chip(
      'actorIds',
      t('filters.actor'),
      data.actors.map((a) => [a.id, a.name]),
    ),
    chip(
      'tagIds',
      t('filters.tag'),
      data.tags.map((tag) => [tag.id, tag.name]),
    ),
    chip(
      'statuses',
      t('filters.status'),
      data.statuses.map((s) => [s, statusLabel(s)]),
    ),
    chip(
      'languages',
      t('filters.language'),
      data.languages.map((l) => [l, l]),
    ),
  ];
  return (
    <div className="palette-filters" aria-label={t('filters.label')}>
      {chips}
      <label className={filters.from ? 'chip is-on' : 'chip'}>
        <span className="chip-label">{t('filters.from')}</span>
        <input
          type="date"
          aria-label={t('filters.fromLabel')}
          value={filters.from ?? ''}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label className={filters.to ? 'chip is-on' : 'chip'}>
        <span className="chip-label">{t('filters.to')}</span>
        <input
          type="date"
          aria-label={t('filters.toLabel')}
          value={filters.to ?? ''}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
      {Object.keys(filters).length > 0 && (
        <button type="button" className="link-button" onClick={() => setFilters({})}>
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}
