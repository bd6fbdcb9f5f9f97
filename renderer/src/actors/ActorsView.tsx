/**
 * The Actors view. Left: the registry (search over names and aliases, kind
 * icons, claim counts), "New actor" and the suggestions entry. Right: the
 * actor page, the create/edit form, or the suggestions panel.
 * Routes: `{view:'actors'}`, `{view:'actors', actorId}`, `{view:'actors', panel:'suggestions'}`.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
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

function usageText(t: TFunction<'actors'>, u: ActorUsage): string {
  const text = t('usage.text', {
    claims: t('counts.claim', { count: u.claims }),
    annotations: t('counts.annotation', { count: u.annotations }),
    sources: t('counts.source', { count: u.sources }),
  });
  return u.memberOf ? t('usage.withMembers', { text, members: t('counts.member', { count: u.memberOf }) }) : text;
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
  const { t } = useTranslation(['actors', 'common', 'a11y']);
  const { navigate } = useNavigation();
  const { error, info } = useNotices();
  const { actors } = useActors();
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
      error(err, t('registry.saveFailed'));
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
      info(t('registry.deleted', { name: a.name, count: r.annotationsChanged }), {
        action: { label: t('common:undo'), run: () => void undo() },
        closeOn: staleAfterRemoving(a.id),
      });
    } catch (err) {
      error(err, t('registry.deleteFailed'));
    }
  };
  const doMerge = async (keep: Actor, drop: Actor) => {
    try {
      const r = await call('mergeActors', { keepId: keep.id, dropId: drop.id });
      info(t('registry.merged', { drop: drop.name, keep: keep.name, count: r.annotationsChanged }), {
        action: { label: t('common:undo'), run: () => void undo() },
        closeOn: staleAfterRemoving(drop.id),
      });
      setMode({ type: 'page' });
    } catch (err) {
      error(err, t('registry.mergeFailed'));
    }
  };
  const undo = async () => {
    try {
      const r = await call('undo', {});
      if (r.label) info(t('registry.undone', { label: r.label }));
    } catch (err) {
      error(err);
    }
  };

  const backToPage = () => setMode({ type: 'page' });
  let right;
  if (mode.type === 'new') right = <ActorForm actors={actors} onSave={save} onCancel={backToPage} />;
  else if (panel === 'suggestions') right = <SuggestionsPanel actors={actors} />;
  else if (current && mode.type === 'edit')
    right = <ActorForm key={current.id} actor={current} actors={actors} onSave={save} onCancel={backToPage} />;
  else if (current) {
    right = (
      <>
        {mode.type === 'delete' && (
          <div className="actor-confirm" role="alertdialog" aria-label={t('registry.deleteActor')}>
            <ReturnFocus />
            <p>
              <Trans
                t={t}
                i18nKey="registry.confirmDelete"
                values={{ name: current.name, usage: usageText(t, mode.usage) }}
                components={{ strong: <strong /> }}
              />
            </p>
            <button type="button" className="danger" onClick={() => void doDelete(current)}>
              {t('registry.deleteActor')}
            </button>
            <button type="button" onClick={() => setMode({ type: 'page' })}>
              {t('common:cancel')}
            </button>
          </div>
        )}
        {mode.type === 'merge' && <MergePanel keep={current} actors={actors} onMerge={doMerge} onCancel={backToPage} />}
        <ActorPage
          actorId={current.id}
          actions={
            <>
              <button type="button" onClick={() => setMode({ type: 'edit' })}>
                {t('registry.edit')}
              </button>
              <button type="button" onClick={() => setMode({ type: 'merge' })}>
                {t('registry.mergeMenu')}
              </button>
              <button type="button" className="danger" onClick={() => void askDelete(current)}>
                {t('registry.deleteMenu')}
              </button>
            </>
          }
        />
      </>
    );
  } else if (actorId)
    right = (
      <>
        <h1 className="visually-hidden">{t('a11y:actorsHeading')}</h1>
        <p className="muted actors-empty">{t('registry.gone')}</p>
      </>
    );
  else
    right = (
      <div className="actors-empty">
        <h1 className="visually-hidden">{t('a11y:actorsHeading')}</h1>
        <p>{t('registry.pick')}</p>
        <button type="button" className="primary" onClick={() => navigate({ view: 'actors', panel: 'suggestions' })}>
          {t('registry.showSuggestions')}
        </button>
      </div>
    );

  return (
    <div className="actors-view">
      <aside className="actors-list-pane" aria-label={t('registry.label')}>
        <div className="actors-list-tools">
          <input
            type="search"
            placeholder={t('registry.searchPlaceholder')}
            aria-label={t('registry.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <div className="actors-list-buttons">
            <button type="button" onClick={() => setMode({ type: 'new' })}>
              {t('form.newTitle')}
            </button>
            <button
              type="button"
              aria-pressed={panel === 'suggestions'}
              onClick={() => navigate({ view: 'actors', panel: 'suggestions' })}
            >
              {t('suggestions.title')}
            </button>
          </div>
        </div>
        {actors.length === 0 ? (
          <p className="muted actors-hint">{t('registry.empty')}</p>
        ) : (
          <>
            <VirtualList
              items={shown}
              itemKey={actorKey}
              estimateSize={32}
              fixedSize
              className="actors-list"
              aria-label={t('links.label')}
              keys
              keepIndex={currentIndex}
              revealIndex={currentIndex}
              renderRow={(a, _i, row) => (
                <li {...row.props}>
                  <ActorRow actor={a} current={a.id === actorId} tabIndex={row.tabIndex} scrolling={row.scrolling} />
                </li>
              )}
            />
            {shown.length === 0 && <p className="muted actors-hint">{t('registry.noMatch', { query })}</p>}
          </>
        )}
      </aside>
      <section className="actors-main">
        <ErrorBoundary area={t('registry.area')}>{right}</ErrorBoundary>
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
  const { t } = useTranslation(['actors', 'common']);
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
      <span className="count" title={usage ? claimCountText(t, usage.page) : undefined}>
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
  const { t } = useTranslation(['actors', 'common']);
  const [dropId, setDropId] = useState('');
  const drop = actors.find((a) => a.id === dropId);
  const keepUsage = useApiQuery('actorUsage', { id: keep.id }).data;
  const dropUsage = useApiQuery('actorUsage', { id: dropId }, { enabled: Boolean(drop) }).data;
  return (
    <div className="actor-confirm" role="group" aria-label={t('merge.label')}>
      <ReturnFocus />
      <label htmlFor="merge-drop">{t('merge.into', { name: keep.name })} </label>
      <select id="merge-drop" value={dropId} onChange={(e) => setDropId(e.target.value)}>
        <option value="">{t('merge.pick')}</option>
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
          {t('merge.explain', {
            drop: drop.name,
            dropUsage: dropUsage ? usageText(t, dropUsage) : '…',
            keep: keep.name,
            keepUsage: keepUsage ? usageText(t, keepUsage) : '…',
          })}
        </p>
      )}
      <button type="button" className="primary" disabled={!drop} onClick={() => drop && void onMerge(keep, drop)}>
        {t('merge.merge')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common:cancel')}
      </button>
    </div>
  );
}
