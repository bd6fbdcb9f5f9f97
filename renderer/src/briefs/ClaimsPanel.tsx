/**
 * The claims panel beside a brief: the notebook's claims, found by words and
 * filtered by actor, tag, status and source. A claim is cited by dragging it
 * into the brief, or by pressing Enter on it (at the editor's cursor). Claims
 * are picked with their checkboxes (Shift-click picks a run, Ctrl/⌘-click or
 * Space toggles one) and "Draft brief from N claims" drafts a new brief of them.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClaimHit, ResolvedClaim } from '../../../shared/api/briefs';
import { citationLabel, excerpt, quoted } from '../../../shared/brief-doc';
import type { Brief } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery, useDebouncedValue, useErrorNotice } from '../api/queries';
import { useNotices } from '../ui/notices';
import { VirtualList } from '../ui/VirtualList';
import { setAnnotationDrag } from './drag';
import { hashTags } from './format';
import '../styles/claims-panel.css';
import { useStatusLabel } from '../ui/status-label';

/** Claims asked for at first; scrolling to the end asks for PAGE_GROWTH times as many, up to MAX_CLAIMS. */
const FIRST_PAGE = 200;
const PAGE_GROWTH = 5;
const MAX_CLAIMS = 20_000;

interface Filters {
  query: string;
  actorId: string;
  tagId: string;
  status: string;
  sourceId: string;
}

const NO_FILTERS: Filters = { query: '', actorId: '', tagId: '', status: '', sourceId: '' };

export function ClaimsPanel({
  canCite,
  readOnly,
  onCite,
  onDrafted,
}: {
  /** A brief is open and editable: Enter cites at its cursor. */
  canCite: boolean;
  readOnly: boolean;
  onCite(claim: ResolvedClaim): void;
  onDrafted(brief: Brief): void;
}) {
  const statusLabel = useStatusLabel();
  const { t } = useTranslation('briefs');
  const { error } = useNotices();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const query = useDebouncedValue(filters.query.trim(), 150);
  const [limit, setLimit] = useState(FIRST_PAGE);
  useEffect(() => setLimit(FIRST_PAGE), [query, filters.actorId, filters.tagId, filters.status, filters.sourceId]);
  const input = {
    query,
    limit,
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.tagId ? { tagId: filters.tagId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.sourceId ? { sourceId: filters.sourceId } : {}),
  };
  const claims = useApiQuery('listClaims', input, { placeholderData: keepPreviousData });
  const actors = useApiQuery('listActors', {});
  const tags = useApiQuery('listTags', {});
  const sources = useApiQuery('listSources', {});
  const notebook = useApiQuery('getNotebook', {});
  useErrorNotice(claims.error ?? actors.error ?? tags.error ?? sources.error ?? notebook.error);

  const hits: ClaimHit[] = useMemo(() => claims.data ?? [], [claims.data]);
  const [picked, setPicked] = useState<string[]>([]);
  const anchor = useRef<number | null>(null);
  const [drafting, setDrafting] = useState(false);
  const filtered = Object.values(filters).some(Boolean);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const toggle = (index: number, range: boolean) => {
    const id = hits[index]?.annotation.id;
    if (!id) return;
    if (range && anchor.current !== null) {
      const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
      const run = hits.slice(a, b + 1).map((h) => h.annotation.id);
      setPicked((p) => [...p, ...run.filter((x) => !p.includes(x))]);
    } else {
      setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
    }
    anchor.current = index;
  };

  const cite = (hit: ClaimHit) => {
    if (!canCite) {
      error(t('claims.openToCite'));
      return;
    }
    onCite({ annotation: hit.annotation, source: hit.source });
  };

  const onItemKey = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      cite(hits[index]!);
    } else if (event.key === ' ') {
      event.preventDefault();
      toggle(index, event.shiftKey);
    }
  };
  // More claims than were asked for may match: the end of the list asks for more.
  const more = hits.length === limit && limit < MAX_CLAIMS;
  const onEndReached = useCallback(() => {
    if (more) setLimit((l) => Math.min(MAX_CLAIMS, l * PAGE_GROWTH));
  }, [more]);

  const onItemClick = (event: MouseEvent<HTMLLIElement>, index: number) => {
    if ((event.target as HTMLElement).closest('input')) return;
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
      event.preventDefault();
      toggle(index, event.shiftKey);
    }
  };

  const draft = async () => {
    setDrafting(true);
    try {
      const brief = await call('draftBrief', { annotationIds: picked });
      setPicked([]);
      onDrafted(brief);
    } catch (err) {
      error(err);
    } finally {
      setDrafting(false);
    }
  };

  const sortedSources = useMemo(
    () => [...(sources.data ?? [])].sort((a, b) => a.title.localeCompare(b.title)),
    [sources.data],
  );

  return (
    <aside className="claims-panel" aria-label={t('claims.title')}>
      <h2 className="pane-heading">
        {t('claims.title')} {claims.data && <span className="count">{more ? `${hits.length}+` : hits.length}</span>}
      </h2>
      <div className="claims-filters" role="group" aria-label={t('claims.filter')}>
        <input
          type="search"
          aria-label={t('claims.find')}
          placeholder={t('claims.findPlaceholder')}
          value={filters.query}
          onChange={(e) => set({ query: e.target.value })}
        />
        <FilterSelect
          label={t('claims.actor')}
          any={t('claims.anyActor')}
          value={filters.actorId}
          onChange={(actorId) => set({ actorId })}
          options={(actors.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
        <FilterSelect
          label={t('claims.tag')}
          any={t('claims.anyTag')}
          value={filters.tagId}
          onChange={(tagId) => set({ tagId })}
          options={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
        />
        <FilterSelect
          label={t('claims.status')}
          any={t('claims.anyStatus')}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={(notebook.data?.statuses ?? []).map((st) => ({ value: st, label: statusLabel(st) }))}
        />
        <FilterSelect
          label={t('claims.source')}
          any={t('claims.anySource')}
          value={filters.sourceId}
          onChange={(sourceId) => set({ sourceId })}
          options={sortedSources.map((src) => ({
            value: src.id,
            label: excerpt(src.title || t('claims.untitled'), 60),
          }))}
        />
        {filtered && (
          <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>
            {t('claims.clearFilters')}
          </button>
        )}
      </div>
      <p className="pane-hint claims-hint">
        {canCite ? t('claims.hintCite') : t('claims.hintOpen')} {t('claims.hintTick')}
      </p>
      {picked.length > 0 && (
        <div className="claims-picked" role="group" aria-label={t('claims.picked')}>
          <button
            type="button"
            className="button button-primary"
            disabled={readOnly || drafting}
            onClick={() => void draft()}
          >
            {t('claims.draft', { count: picked.length })}
          </button>
          <button type="button" className="link-button" onClick={() => setPicked([])}>
            {t('claims.clear')}
          </button>
        </div>
      )}
      {!claims.data ? (
        <p className="pane-hint">{t('loading')}</p>
      ) : hits.length === 0 ? (
        <p className="pane-hint">{filtered ? t('claims.noMatch') : t('claims.none')}</p>
      ) : (
        <VirtualList
          items={hits}
          itemKey={hitKey}
          estimateSize={66}
          gap={4}
          className="claims-list"
          aria-label={t('claims.toCite')}
          keys
          onEndReached={onEndReached}
          renderRow={(hit, i, row) => {
            const id = hit.annotation.id;
            const isPicked = picked.includes(id);
            return (
              <li
                {...row.props}
                className={isPicked ? 'claims-item is-picked' : 'claims-item'}
                data-annotation-id={id}
                tabIndex={row.tabIndex}
                draggable
                aria-label={`${excerpt(hit.annotation.target.exact, 80)} — ${citationLabel(hit)}`}
                onDragStart={(e) =>
                  setAnnotationDrag(e.dataTransfer, {
                    annotationId: id,
                    sourceId: hit.source.id,
                    quote: hit.annotation.target.exact,
                  })
                }
                onKeyDown={(e) => onItemKey(e, i)}
                onClick={(e) => onItemClick(e, i)}
              >
                <input
                  type="checkbox"
                  aria-label={t('claims.pick')}
                  tabIndex={-1}
                  checked={isPicked}
                  onClick={(e) => toggle(i, e.shiftKey)}
                  onChange={() => {}}
                />
                <span className="claims-item-body">
                  <span className="claims-item-quote">{quoted(excerpt(hit.annotation.target.exact, 140))}</span>
                  <span className="claims-item-meta">
                    {citationLabel(hit)}
                    {hit.actorNames.length > 0 && <> · {hit.actorNames.join(', ')}</>}
                    {hit.tagNames.length > 0 && <> · {hashTags(hit.tagNames)}</>}
                    <span className={`claims-item-status status-${hit.annotation.status}`}>
                      {' '}
                      · {statusLabel(hit.annotation.status)}
                    </span>
                  </span>
                </span>
              </li>
            );
          }}
        />
      )}
    </aside>
  );
}

const hitKey = (hit: ClaimHit) => hit.annotation.id;

/** One filter: "Any <label>" (`any`) or one of the options. */
function FilterSelect({
  label,
  any,
  value,
  options,
  onChange,
}: {
  label: string;
  any: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange(value: string): void;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
