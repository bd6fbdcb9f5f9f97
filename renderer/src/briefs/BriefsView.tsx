/**
 * The Briefs view: the notebook's briefs on the left (new, draft from an
 * actor or a tag, rename, duplicate, delete — undo restores), the editor of
 * the open brief in the middle, the claims panel on the right (cite by drag
 * or Enter; tick claims to draft a brief from them). Route: `{view: 'briefs', briefId?}`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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
  const { navigate } = useNavigation();
  const { error } = useNotices();
  const { briefs, readOnly } = useBriefs();
  const [picker, setPicker] = useState<DraftKind | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);
  // The open editor registers how to cite at its cursor; the claims panel calls it on Enter.
  const citeRef = useRef<CiteAtCursor | null>(null);
  const citeAtCursor = useCallback(
    (claim: ResolvedClaim) => {
      if (!citeRef.current?.(claim)) error('Open a brief to cite a claim in it.');
    },
    [error],
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
      <aside className="briefs-sidebar" aria-label="Briefs">
        <h2 className="pane-heading">
          Briefs {briefs && briefs.length > 0 && <span className="count">{briefs.length}</span>}
        </h2>
        <div className="briefs-new">
          <button type="button" className="button button-primary" disabled={readOnly} onClick={() => void create()}>
            New brief
          </button>
          <button type="button" className="button" disabled={readOnly} onClick={() => setPicker('actor')}>
            From actor…
          </button>
          <button type="button" className="button" disabled={readOnly} onClick={() => setPicker('tag')}>
            From tag…
          </button>
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
            Deleted “{deleted.title}”.{' '}
            <button type="button" className="link-button" onClick={() => void undoDelete()}>
              Undo
            </button>
          </div>
        )}
        {briefs === null ? (
          <p className="pane-hint">Loading…</p>
        ) : briefs.length === 0 ? (
          <p className="pane-hint">
            No briefs yet. Start an empty one, or draft one from an actor’s or a tag’s claims in one step.
          </p>
        ) : (
          <ul className="brief-list" aria-label="Briefs list">
            {briefs.map((b) => (
              <BriefItem
                key={b.id}
                brief={b}
                selected={b.id === briefId}
                readOnly={readOnly}
                onOpen={() => open(b.id)}
                onRename={(t) => void rename(b, t)}
                onDuplicate={() => void duplicate(b)}
                onDelete={() => void remove(b)}
              />
            ))}
          </ul>
        )}
      </aside>
      <section className="briefs-main" aria-label="Brief editor">
        {briefId ? (
          <ErrorBoundary area="The brief editor" key={briefId}>
            <OpenBrief id={briefId} readOnly={readOnly} citeRef={citeRef} />
          </ErrorBoundary>
        ) : (
          <div className="empty-state">
            <h1>Write a brief</h1>
            <p>
              A brief is a document in which every statement cites its source. Draft one from an actor, a tag, or claims
              you tick in the Claims panel on the right, then edit it: type <kbd>@</kbd> to cite a claim, or drag one in
              from the Claims panel (or press Enter on it). Export it as DOCX, PDF, Markdown or HTML with footnotes.
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
  const query = useApiQuery('getBrief', { id });
  const state = query.error ? { missing: query.error.message } : query.data ? { brief: query.data } : null;
  if (!state) return <p className="pane-hint">Opening…</p>;
  if ('missing' in state) {
    return (
      <div className="empty-state" role="alert">
        <h1>This brief is not in the notebook</h1>
        <p>{state.missing}</p>
      </div>
    );
  }
  return <BriefEditor brief={state.brief} readOnly={readOnly} citeRef={citeRef} />;
}

interface ItemProps {
  brief: BriefSummary;
  selected: boolean;
  readOnly: boolean;
  onOpen(): void;
  onRename(title: string): void;
  onDuplicate(): void;
  onDelete(): void;
}

function BriefItem({ brief, selected, readOnly, onOpen, onRename, onDuplicate, onDelete }: ItemProps) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(brief.title);
  useEffect(() => setTitle(brief.title), [brief.title]);
  const finish = (save: boolean) => {
    setEditing(false);
    if (save) onRename(title);
    else setTitle(brief.title);
  };
  return (
    <li className={selected ? 'brief-item is-selected' : 'brief-item'} data-brief-id={brief.id}>
      {editing ? (
        <input
          className="brief-rename"
          aria-label="New title"
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
        <button type="button" className="brief-open" aria-current={selected ? 'page' : undefined} onClick={onOpen}>
          <span className="brief-item-title">{brief.title}</span>
          <span className="brief-item-meta">
            {brief.citations} {brief.citations === 1 ? 'citation' : 'citations'} · {formatDateTime(brief.updatedAt)}
          </span>
        </button>
      )}
      {!readOnly && !editing && (
        <span className="brief-item-actions">
          <button
            type="button"
            className="link-button"
            aria-label={`Rename ${brief.title}`}
            onClick={() => setEditing(true)}
          >
            Rename
          </button>
          <button type="button" className="link-button" aria-label={`Duplicate ${brief.title}`} onClick={onDuplicate}>
            Duplicate
          </button>
          <button type="button" className="link-button danger" aria-label={`Delete ${brief.title}`} onClick={onDelete}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}
