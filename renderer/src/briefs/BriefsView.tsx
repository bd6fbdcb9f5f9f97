/**
 * The Briefs view: the notebook's briefs on the left (new, draft from an
 * actor or a tag, rename, duplicate, delete — undo restores), the editor of
 * the open brief in the middle, the claims panel on the right (cite by drag
 * or Enter; tick claims to draft a brief from them). Route: `{view: 'briefs', briefId?}`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { BriefSummary, ResolvedClaim } from '../../../shared/api/briefs';
import { call } from '../api';
import { useApiQuery, useErrorNotice } from '../api/queries';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import type { Route } from '../ui/navigation';
import { useNavigation } from '../ui/navigation';
import { useNotices } from '../ui/notices';
import { formatDateTime } from './format';
import { BriefEditor, type CiteAtCursor } from './BriefEditor';
import { ClaimsPanel } from './ClaimsPanel';
import { DraftPicker, type DraftKind } from './DraftPicker';
import { moveFocusInList, useRovingStop } from '../ui/list-keys';

const DRAFT_KINDS: readonly DraftKind[] = ['actor', 'tag'];
import '../styles/briefs.css';

/** Refetched on every change to a brief, autosaves included: the list shows citation counts and when each brief was edited. */
function useBriefs(): { briefs: BriefSummary[] | null; readOnly: boolean } {
  const briefs = useApiQuery('listBriefs', {});
  const notebook = useApiQuery('getNotebook', {});
  useErrorNotice(briefs.error ?? notebook.error);
  return { briefs: briefs.data ?? null, readOnly: notebook.data?.readOnly ?? false };
}

export function BriefsView({ route }: { route: Route }) {
  const briefId = 'briefId' in route && typeof route.briefId === 'string' ? route.briefId : undefined;
  const { t } = useTranslation(['briefs', 'common']);
  const { navigate } = useNavigation();
  const { error } = useNotices();
  const { briefs, readOnly } = useBriefs();
  const [picker, setPicker] = useState<DraftKind | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);
  const briefIds = useMemo(() => (briefs ?? []).map((b) => b.id), [briefs]);
  const roving = useRovingStop(briefIds, briefId);
  // The open editor registers how to cite at its cursor; the claims panel calls it on Enter.
  const citeRef = useRef<CiteAtCursor | null>(null);
  const citeAtCursor = useCallback(
    (claim: ResolvedClaim) => {
      if (!citeRef.current?.(claim)) error(t('claims.openToCite'));
    },
    [error, t],
  );
  const open = useCallback(
    (id?: string) => navigate(id ? { view: 'briefs', briefId: id } : { view: 'briefs' }),
    [navigate],
  );

  const create = async () => {
    try {
      open((await call('createBrief', {})).id);
    } catch (err) {
      error(err);
    }
  };
  const duplicate = async (b: BriefSummary) => {
    try {
      open((await call('duplicateBrief', { id: b.id })).id);
    } catch (err) {
      error(err);
    }
  };
  const remove = async (b: BriefSummary) => {
    try {
      await call('deleteBrief', { id: b.id });
      setDeleted({ id: b.id, title: b.title });
      if (briefId === b.id) open();
    } catch (err) {
      error(err);
    }
  };
  const undoDelete = async () => {
    try {
      await call('undo', {});
      if (deleted) open(deleted.id);
      setDeleted(null);
    } catch (err) {
      error(err);
    }
  };
  const rename = async (b: BriefSummary, title: string) => {
    if (!title.trim() || title.trim() === b.title) return;
    try {
      await call('updateBrief', { id: b.id, title: title.trim() });
    } catch (err) {
      error(err);
    }
  };

  return (
    <div className="briefs-view">
      <aside className="briefs-sidebar" aria-label={t('list.title')}>
        <h2 className="pane-heading">
          {t('list.title')} {briefs && briefs.length > 0 && <span className="count">{briefs.length}</span>}
        </h2>
        <div className="briefs-new">
          <button type="button" className="button button-primary" disabled={readOnly} onClick={() => void create()}>
            {t('list.new')}
          </button>
          {DRAFT_KINDS.map((kind) => (
            <button key={kind} type="button" className="button" disabled={readOnly} onClick={() => setPicker(kind)}>
              {t(`list.from.${kind}`)}
            </button>
          ))}
        </div>
        {picker && (
          <DraftPicker
            kind={picker}
            onClose={() => setPicker(null)}
            onDrafted={(brief) => {
              setPicker(null);
              open(brief.id);
            }}
          />
        )}
        {deleted && (
          <div className="briefs-deleted" role="status">
            {t('list.deleted', { title: deleted.title })}{' '}
            <button type="button" className="link-button" onClick={() => void undoDelete()}>
              {t('common:undo')}
            </button>
          </div>
        )}
        {briefs === null ? (
          <p className="pane-hint">{t('loading')}</p>
        ) : briefs.length === 0 ? (
          <p className="pane-hint">{t('list.empty')}</p>
        ) : (
          <ul
            className="brief-list"
            aria-label={t('list.label')}
            onKeyDown={(e) => moveFocusInList(e, '.brief-open')}
            onFocus={roving.onFocus}
          >
            {briefs.map((b) => (
              <BriefItem
                key={b.id}
                brief={b}
                selected={b.id === briefId}
                tabIndex={b.id === roving.stop ? 0 : -1}
                readOnly={readOnly}
                onOpen={() => open(b.id)}
                onRename={(title) => void rename(b, title)}
                onDuplicate={() => void duplicate(b)}
                onDelete={() => void remove(b)}
              />
            ))}
          </ul>
        )}
      </aside>
      <section className="briefs-main" aria-label={t('editor.label')}>
        {briefId ? (
          <ErrorBoundary area={t('editor.area')} key={briefId}>
            <OpenBrief id={briefId} readOnly={readOnly} citeRef={citeRef} />
          </ErrorBoundary>
        ) : (
          <div className="empty-state">
            <h1>{t('empty.title')}</h1>
            <p>
              <Trans t={t} i18nKey="empty.intro" components={{ kbd: <kbd /> }} />
            </p>
          </div>
        )}
      </section>
      <ClaimsPanel
        canCite={!!briefId && !readOnly}
        readOnly={readOnly}
        onCite={citeAtCursor}
        onDrafted={(brief) => open(brief.id)}
      />
    </div>
  );
}

function OpenBrief({
  id,
  readOnly,
  citeRef,
}: {
  id: string;
  readOnly: boolean;
  citeRef: { current: CiteAtCursor | null };
}) {
  // Refetched when another change touches this brief (undo, another window, deleted, brought back by undo).
  const { t } = useTranslation('briefs');
  const query = useApiQuery('getBrief', { id });
  const state = query.error ? { missing: query.error.message } : query.data ? { brief: query.data } : null;
  if (!state) return <p className="pane-hint">{t('editor.opening')}</p>;
  if ('missing' in state) {
    return (
      <div className="empty-state" role="alert">
        <h1>{t('editor.missing')}</h1>
        <p>{state.missing}</p>
      </div>
    );
  }
  return <BriefEditor brief={state.brief} readOnly={readOnly} citeRef={citeRef} />;
}

interface ItemProps {
  brief: BriefSummary;
  selected: boolean;
  /** 0 for the list's one Tab stop (its open button and actions), -1 for the others (reached with the arrows). */
  tabIndex: 0 | -1;
  readOnly: boolean;
  onOpen(): void;
  onRename(title: string): void;
  onDuplicate(): void;
  onDelete(): void;
}

function BriefItem({ brief, selected, tabIndex, readOnly, onOpen, onRename, onDuplicate, onDelete }: ItemProps) {
  const { t, i18n } = useTranslation(['briefs', 'common']);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(brief.title);
  useEffect(() => setTitle(brief.title), [brief.title]);
  const finish = (save: boolean) => {
    setEditing(false);
    if (save) onRename(title);
    else setTitle(brief.title);
  };
  return (
    <li
      className={selected ? 'brief-item is-selected' : 'brief-item'}
      data-brief-id={brief.id}
      data-roving-id={brief.id}
    >
      {editing ? (
        <input
          className="brief-rename"
          aria-label={t('list.newTitle')}
          value={title}
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
          onBlur={() => finish(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') finish(true);
            if (e.key === 'Escape') finish(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="brief-open"
          aria-current={selected ? 'page' : undefined}
          tabIndex={tabIndex}
          onClick={onOpen}
        >
          <span className="brief-item-title">{brief.title}</span>
          <span className="brief-item-meta">
            {t('list.citations', { count: brief.citations })} · {formatDateTime(brief.updatedAt, i18n.language)}
          </span>
        </button>
      )}
      {!readOnly && !editing && (
        <span className="brief-item-actions">
          {[
            { text: t('list.rename'), label: t('list.renameOne', { title: brief.title }), run: () => setEditing(true) },
            { text: t('list.duplicate'), label: t('list.duplicateOne', { title: brief.title }), run: onDuplicate },
            {
              text: t('common:delete'),
              label: t('list.deleteOne', { title: brief.title }),
              run: onDelete,
              danger: true,
            },
          ].map((action) => (
            <button
              key={action.label}
              type="button"
              className={action.danger ? 'link-button danger' : 'link-button'}
              aria-label={action.label}
              tabIndex={tabIndex}
              onClick={action.run}
            >
              {action.text}
            </button>
          ))}
        </span>
      )}
    </li>
  );
}
