/**
 * The Actors view. Left: the registry (search over names and aliases, kind
 * icons, claim counts), "New actor" and the suggestions entry. Right: the
 * actor page, the create/edit form, or the suggestions panel.
 * Routes: `{view:'actors'}`, `{view:'actors', actorId}`, `{view:'actors', panel:'suggestions'}`.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchActors } from '../../../shared/actors';
import type { NotebookChangedEvent } from '../../../shared/api';
import type { ActorUsage } from '../../../shared/api/actors';
import type { Actor } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery } from '../api/queries';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { VirtualList } from '../ui/VirtualList';
import { useNavigation, type Route } from '../ui/navigation';
import { useNotices } from '../ui/notices';
import { ActorForm, type ActorDraft } from './ActorForm';
import { ActorPage } from './ActorPage';
import { claimCountText } from './counts';
import { KindIcon } from './KindIcon';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useActors } from './useActors';
import '../styles/actors.css';
import { ReturnFocus } from '../ui/ReturnFocus';

type Mode =
  { type: 'page' } | { type: 'new' } | { type: 'edit' } | { type: 'merge' } | { type: 'delete'; usage: ActorUsage };

function usageText(u: ActorUsage): string {
  return `${u.claims} claim${u.claims === 1 ? '' : 's'} (${u.annotations} annotation${u.annotations === 1 ? '' : 's'}) in ${u.sources} source${u.sources === 1 ? '' : 's'}${u.memberOf ? `, ${u.memberOf} member${u.memberOf === 1 ? '' : 's'}` : ''}`;
}

/**
 * An "Undo" offered after removing an actor undoes the last step: it no longer applies after any change but
 * that removal's own (Ctrl+Z undid it, or something else was done since).
 */
const staleAfterRemoving =
  (actorId: string) =>
  (e: NotebookChangedEvent): boolean =>
    !(e.reason === 'edit' && e.changes?.actors.some((c) => c.id === actorId && c.kind === 'removed'));

export function ActorsView({ route }: { route: Route }) {
  const r = route as { actorId?: unknown; panel?: unknown };
  const actorId = typeof r.actorId === 'string' ? r.actorId : undefined;
  const panel = r.panel === 'suggestions' ? 'suggestions' : undefined;
  const { navigate } = useNavigation();
  const { error, info } = useNotices();
  const { actors } = useActors();
  const { t } = useTranslation('a11y');
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<Mode>({ type: 'page' });

  useEffect(() => setMode({ type: 'page' }), [actorId, panel]);

  const shown = useMemo(
    () => (query.trim() ? matchActors(query, actors, 500) : [...actors].sort((a, b) => a.name.localeCompare(b.name))),
    [query, actors],
  );
  const current = actors.find((a) => a.id === actorId);
  const currentIndex = useMemo(() => shown.findIndex((a) => a.id === actorId), [shown, actorId]);

  // The open actor's page closes when the actor goes away (deleted, merged away, its creation undone).
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (current) seen.current = current.id;
    else if (actorId && seen.current === actorId) {
      seen.current = undefined;
      navigate({ view: 'actors' });
    }
  }, [current, actorId, navigate]);

  const save = async (draft: ActorDraft) => {
    try {
      if (mode.type === 'edit' && current) {
        await call('updateActor', {
          id: current.id,
          name: draft.name.trim(),
          kind: draft.kind,
          aliases: draft.aliases,
          memberOf: draft.memberOf,
          description: draft.description.trim() || null,
          color: draft.color || null,
        });
        setMode({ type: 'page' });
      } else {
        const created = await call('createActor', {
          name: draft.name.trim(),
          kind: draft.kind,
          aliases: draft.aliases,
          memberOf: draft.memberOf,
          ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
          ...(draft.color ? { color: draft.color } : {}),
        });
        navigate({ view: 'actors', actorId: created.id });
        setMode({ type: 'page' });
      }
    } catch (err) {
      error(err, 'The actor could not be saved');
    }
  };

  const askDelete = async (a: Actor) => {
    try {
      setMode({ type: 'delete', usage: await call('actorUsage', { id: a.id }) });
    } catch (err) {
      error(err);
    }
  };
  const doDelete = async (a: Actor) => {
    try {
      const r = await call('deleteActor', { id: a.id });
      navigate({ view: 'actors' });
      info(
        `Deleted ${a.name}; ${r.annotationsChanged} annotation${r.annotationsChanged === 1 ? '' : 's'} lost the link.`,
        { action: { label: 'Undo', run: () => void undo() }, closeOn: staleAfterRemoving(a.id) },
      );
    } catch (err) {
      error(err, 'The actor could not be deleted');
    }
  };
  const doMerge = async (keep: Actor, drop: Actor) => {
    try {
      const r = await call('mergeActors', { keepId: keep.id, dropId: drop.id });
      info(
        `Merged ${drop.name} into ${keep.name}; ${r.annotationsChanged} annotation${r.annotationsChanged === 1 ? '' : 's'} moved.`,
        { action: { label: 'Undo', run: () => void undo() }, closeOn: staleAfterRemoving(drop.id) },
      );
      setMode({ type: 'page' });
    } catch (err) {
      error(err, 'The actors could not be merged');
    }
  };
  const undo = async () => {
    try {
      const r = await call('undo', {});
      if (r.label) info(`Undone: ${r.label}`);
    } catch (err) {
      error(err);
    }
  };

  let right;
  if (mode.type === 'new')
    right = <ActorForm actors={actors} onSave={save} onCancel={() => setMode({ type: 'page' })} />;
  else if (panel === 'suggestions') right = <SuggestionsPanel actors={actors} />;
  else if (current && mode.type === 'edit')
    right = (
      <ActorForm
        key={current.id}
        actor={current}
        actors={actors}
        onSave={save}
        onCancel={() => setMode({ type: 'page' })}
      />
    );
  else if (current) {
    right = (
      <>
        {mode.type === 'delete' && (
          <div className="actor-confirm" role="alertdialog" aria-label="Delete actor">
            <ReturnFocus />
            <p>
              Delete <strong>{current.name}</strong>? Its links are removed from {usageText(mode.usage)}. You can undo
              this.
            </p>
            <button type="button" className="danger" onClick={() => void doDelete(current)}>
              Delete actor
            </button>
            <button type="button" onClick={() => setMode({ type: 'page' })}>
              Cancel
            </button>
          </div>
        )}
        {mode.type === 'merge' && (
          <MergePanel keep={current} actors={actors} onMerge={doMerge} onCancel={() => setMode({ type: 'page' })} />
        )}
        <ActorPage
          actorId={current.id}
          actions={
            <>
              <button type="button" onClick={() => setMode({ type: 'edit' })}>
                Edit
              </button>
              <button type="button" onClick={() => setMode({ type: 'merge' })}>
                Merge…
              </button>
              <button type="button" className="danger" onClick={() => void askDelete(current)}>
                Delete…
              </button>
            </>
          }
        />
      </>
    );
  } else if (actorId)
    right = (
      <>
        <h1 className="visually-hidden">{t('actorsHeading')}</h1>
        <p className="muted actors-empty">This actor no longer exists (it may have been merged or deleted).</p>
      </>
    );
  else
    right = (
      <div className="actors-empty">
        <h1 className="visually-hidden">{t('actorsHeading')}</h1>
        <p>Pick an actor on the left, or look at the suggestions found in your sources.</p>
        <button type="button" className="primary" onClick={() => navigate({ view: 'actors', panel: 'suggestions' })}>
          Show suggestions
        </button>
      </div>
    );

  return (
    <div className="actors-view">
      <aside className="actors-list-pane" aria-label="Actor registry">
        <div className="actors-list-tools">
          <input
            type="search"
            placeholder="Search names and aliases…"
            aria-label="Search actors"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <div className="actors-list-buttons">
            <button type="button" onClick={() => setMode({ type: 'new' })}>
              New actor
            </button>
            <button
              type="button"
              aria-pressed={panel === 'suggestions'}
              onClick={() => navigate({ view: 'actors', panel: 'suggestions' })}
            >
              Suggestions
            </button>
          </div>
        </div>
        {actors.length === 0 ? (
          <p className="muted actors-hint">
            No actors yet. Accept suggestions, create one, or link one to a claim from the inspector.
          </p>
        ) : (
          <>
            <VirtualList
              items={shown}
              itemKey={actorKey}
              estimateSize={32}
              fixedSize
              className="actors-list"
              aria-label="Actors"
              keys
              keepIndex={currentIndex}
              revealIndex={currentIndex}
              renderRow={(a, _i, row) => (
                <li {...row.props}>
                  <ActorRow actor={a} current={a.id === actorId} tabIndex={row.tabIndex} scrolling={row.scrolling} />
                </li>
              )}
            />
            {shown.length === 0 && <p className="muted actors-hint">No actor matches “{query}”.</p>}
          </>
        )}
      </aside>
      <section className="actors-main">
        <ErrorBoundary area="Actor">{right}</ErrorBoundary>
      </section>
    </div>
  );
}

const actorKey = (a: Actor) => a.id;

/**
 * One row of the registry. Its claim counts are asked for only while it is rendered, and not while the list
 * flies past (a nicety: blank until they come, or if they fail).
 */
const ActorRow = memo(function ActorRow({
  actor: a,
  current,
  tabIndex,
  scrolling,
}: {
  actor: Actor;
  current: boolean;
  tabIndex: number;
  scrolling: boolean;
}) {
  const { navigate } = useNavigation();
  const usage = useApiQuery('actorUsage', { id: a.id }, { enabled: !scrolling }).data;
  return (
    <button
      type="button"
      className="actors-list-item"
      tabIndex={tabIndex}
      aria-current={current ? 'true' : undefined}
      onClick={() => navigate({ view: 'actors', actorId: a.id })}
    >
      <KindIcon kind={a.kind} />
      <span className="actors-list-name">
        {a.name}
        {a.aliases.length > 0 && <span className="muted actors-list-aliases"> {a.aliases.slice(0, 3).join(', ')}</span>}
      </span>
      <span className="count" title={usage ? claimCountText(usage.page) : undefined}>
        {usage ? `${usage.page.claims} · ${usage.page.sources}` : ''}
      </span>
    </button>
  );
});

function MergePanel({
  keep,
  actors,
  onMerge,
  onCancel,
}: {
  keep: Actor;
  actors: Actor[];
  onMerge(keep: Actor, drop: Actor): Promise<void>;
  onCancel(): void;
}) {
  const [dropId, setDropId] = useState('');
  const drop = actors.find((a) => a.id === dropId);
  const keepUsage = useApiQuery('actorUsage', { id: keep.id }).data;
  const dropUsage = useApiQuery('actorUsage', { id: dropId }, { enabled: Boolean(drop) }).data;
  return (
    <div className="actor-confirm" role="group" aria-label="Merge actors">
      <ReturnFocus />
      <label htmlFor="merge-drop">Merge into {keep.name}: </label>
      <select id="merge-drop" value={dropId} onChange={(e) => setDropId(e.target.value)}>
        <option value="">Pick the other actor…</option>
        {actors
          .filter((a) => a.id !== keep.id)
          .map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
      </select>
      {drop && (
        <p>
          {drop.name} ({dropUsage ? usageText(dropUsage) : '…'}) goes into {keep.name} (
          {keepUsage ? usageText(keepUsage) : '…'}): its links move and its names become aliases.
        </p>
      )}
      <button type="button" className="primary" disabled={!drop} onClick={() => drop && void onMerge(keep, drop)}>
        Merge
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
