/**
 * The actor page: everything by or about one actor across all sources —
 * claims grouped by source (title, outlet, date), each opening its passage;
 * filters by role, stance and status with counts; actors that co-occur in the
 * same claims; sources that mention the actor but have no claims yet.
 * Claims linked to a member (memberOf, e.g. a minister of a state) count too.
 * "Draft brief" drafts a brief from the actor's claims and opens it.
 * The source groups are a virtualised list (↑/↓ move between sources, Tab within one).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorPage as ActorPageData, ActorPageFilters } from '../../../shared/api/actors';
import { DossierError } from '../../../shared/errors';
import type { Actor, ActorRole } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery, useErrorNotice } from '../api/queries';
import { useNavigation } from '../ui/navigation';
import { VirtualList } from '../ui/VirtualList';
import { useNotices } from '../ui/notices';
import { ACTOR_ROLES, STANCE_FILTERS } from '../../../shared/enums';
import { claimCountText } from './counts';
import { KindIcon } from './KindIcon';
import { useStatusLabel } from '../ui/status-label';

function toggle<T>(list: T[] | undefined, v: T): T[] {
  const l = list ?? [];
  return l.includes(v) ? l.filter((x) => x !== v) : [...l, v];
}

const groupKey = (g: ActorPageData['groups'][number]) => g.source.id;

function excerpt(text: string, max = 280): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function ActorPage({ actorId, actions }: { actorId: string; actions?: ReactNode }) {
  const statusLabel = useStatusLabel();
  const { t } = useTranslation('actors');
  const { navigate } = useNavigation();
  const [filters, setFilters] = useState<ActorPageFilters>({});
  // Other filters: the last page stays on screen until the new one is there.
  const pageQuery = useApiQuery('getActorPage', { actorId, filters }, { placeholderData: (previous) => previous });
  // An actor that is gone (deleted, merged away) is no error: the view closes its page.
  const gone = pageQuery.error instanceof DossierError && pageQuery.error.code === 'not-found';
  useErrorNotice(gone ? null : pageQuery.error, t('page.loadFailed'));
  const notebook = useApiQuery('getNotebook', {});
  useErrorNotice(notebook.error);
  const page: ActorPageData | undefined = pageQuery.data;
  const statuses = notebook.data?.statuses ?? [];
  useEffect(() => setFilters({}), [actorId]);

  if (gone) return null;
  if (!page || page.actor.id !== actorId) return <p className="muted actor-page-loading">{t('page.loading')}</p>;
  const { actor, counts } = page;
  const openActor = (a: Actor) => navigate({ view: 'actors', actorId: a.id });
  const filtered = Boolean(filters.roles?.length || filters.stances?.length || filters.statuses?.length);
  const byId = new Map([actor, ...page.members, ...page.memberOf].map((a) => [a.id, a]));

  return (
    <article className="actor-page" aria-label={t('page.label', { name: actor.name })}>
      <header className="actor-page-head">
        <div className="actor-page-title">
          <KindIcon kind={actor.kind} />
          <h1>{actor.name}</h1>
          <span className="muted">{t(`kind.${actor.kind}`)}</span>
          {actor.color && <span className="actor-swatch" style={{ background: actor.color }} aria-hidden="true" />}
          <span className="actor-page-actions">
            <DraftBriefButton actorId={actor.id} disabled={notebook.data?.readOnly ?? false} />
            {actions}
          </span>
        </div>
        {actor.aliases.length > 0 && (
          <div className="actor-aliases" aria-label={t('page.aliases')}>
            {actor.aliases.map((a) => (
              <span key={a} className="actor-chip actor-chip-static">
                {a}
              </span>
            ))}
          </div>
        )}
        {actor.description && <p className="actor-description">{actor.description}</p>}
        <ActorNameList label={t('page.memberOf')} actors={page.memberOf} onOpen={openActor} />
        <ActorNameList label={t('page.members')} actors={page.members} onOpen={openActor} />
      </header>

      <div className="actor-filters" role="group" aria-label={t('page.filter')}>
        <span className="actor-filter-group">
          {ACTOR_ROLES.map((r: ActorRole) => (
            <button
              key={r}
              type="button"
              className="filter-chip"
              aria-pressed={filters.roles?.includes(r) ?? false}
              onClick={() => setFilters({ ...filters, roles: toggle(filters.roles, r) })}
            >
              {t(`role.${r}`)} <span className="count">{counts.byRole[r] ?? 0}</span>
            </button>
          ))}
        </span>
        <span className="actor-filter-group">
          {STANCE_FILTERS.map((s) => (
            <button
              key={s}
              type="button"
              className="filter-chip"
              aria-pressed={filters.stances?.includes(s) ?? false}
              onClick={() => setFilters({ ...filters, stances: toggle(filters.stances, s) })}
            >
              {t(`stance.${s}`)} <span className="count">{counts.byStance[s] ?? 0}</span>
            </button>
          ))}
        </span>
        <span className="actor-filter-group">
          {statuses.map((s) => (
            <button
              key={s}
              type="button"
              className="filter-chip"
              aria-pressed={filters.statuses?.includes(s) ?? false}
              onClick={() => setFilters({ ...filters, statuses: toggle(filters.statuses, s) })}
            >
              {statusLabel(s)} <span className="count">{counts.byStatus[s] ?? 0}</span>
            </button>
          ))}
        </span>
        {filtered && (
          <button type="button" className="link-button" onClick={() => setFilters({})}>
            {t('page.clearFilters')}
          </button>
        )}
      </div>
      <p className="actor-counts" aria-live="polite">
        {filtered
          ? t('page.countOf', { text: claimCountText(t, { ...counts, throughMembers: 0 }), total: counts.total })
          : claimCountText(t, counts)}
      </p>

      <div className="actor-page-body">
        <div className="actor-claims">
          {page.groups.length === 0 && <p className="muted">{filtered ? t('page.noMatch') : t('page.noClaims')}</p>}
          <VirtualList
            items={page.groups}
            itemKey={groupKey}
            estimateSize={160}
            gap={18}
            className="actor-claims-scroll"
            aria-label={t('page.claimsBySource')}
            keys
            renderRow={(g, _i, row) => (
              <li {...row.props}>
                <section className="actor-source-group" aria-label={t('page.source', { title: g.source.title })}>
                  <h2>
                    <button
                      type="button"
                      className="link-button"
                      tabIndex={row.tabIndex}
                      onClick={() => navigate({ view: 'sources', sourceId: g.source.id })}
                    >
                      {g.source.title}
                    </button>
                  </h2>
                  <p className="muted actor-source-meta">
                    {[g.source.outlet, g.source.publishedAt?.slice(0, 10), g.source.language]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <ul className="actor-claim-list">
                    {g.claims.map((c) => (
                      <li key={c.annotation.id}>
                        <button
                          type="button"
                          className="actor-claim"
                          onClick={() =>
                            navigate({ view: 'sources', sourceId: g.source.id, annotationId: c.annotation.id })
                          }
                        >
                          <span className="actor-claim-quote">“{excerpt(c.annotation.target.exact)}”</span>
                          <span className="actor-claim-meta">
                            {c.links.map((l, i) => (
                              <span key={i} className={`role-badge role-${l.role}`}>
                                {l.actorId !== actor.id &&
                                  t('page.throughMember', { name: byId.get(l.actorId)?.name ?? t('page.member') })}
                                {t(`role.${l.role}`)}
                                {l.stance && (
                                  <span className={`stance stance-${l.stance}`}> · {t(`stance.${l.stance}`)}</span>
                                )}
                              </span>
                            ))}
                            <span className={`actor-status status-${c.annotation.status}`}>
                              {statusLabel(c.annotation.status)}
                            </span>
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              </li>
            )}
          />
        </div>

        <aside className="actor-side" aria-labelledby="actor-side-heading">
          <h2 id="actor-side-heading">{t('page.coActors')}</h2>
          {page.coActors.length === 0 ? (
            <p className="muted">{t('page.noneYet')}</p>
          ) : (
            <ul className="co-actor-list">
              {page.coActors.map(({ actor: a, claims }) => (
                <li key={a.id}>
                  <button type="button" className="link-button" onClick={() => openActor(a)}>
                    <KindIcon kind={a.kind} /> {a.name}
                  </button>{' '}
                  <span className="count">{claims}</span>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('page.mentionedOnly')}</h2>
          {page.mentionedOnly.length === 0 ? (
            <p className="muted">{t('page.allLinked', { name: actor.name })}</p>
          ) : (
            <ul className="mentioned-only" aria-label={t('page.mentionedOnly')}>
              {page.mentionedOnly.map((m) => (
                <li key={m.source.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => navigate({ view: 'sources', sourceId: m.source.id })}
                  >
                    {m.source.title}
                  </button>
                  <span className="muted">
                    {' '}
                    {t('page.mentionedTimes', { count: m.mentions, surfaces: m.surfaces.join(', ') })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </article>
  );
}

/** "Label A, B, C" with each name opening that actor's page; nothing when the list is empty. */
function ActorNameList<A extends { id: string; name: string }>({
  label,
  actors,
  onOpen,
}: {
  label: string;
  actors: readonly A[];
  onOpen(actor: A): void;
}) {
  if (actors.length === 0) return null;
  return (
    <p className="actor-relations">
      {label}{' '}
      {actors.map((a, i) => (
        <span key={a.id}>
          {i > 0 && ', '}
          <button type="button" className="link-button" onClick={() => onOpen(a)}>
            {a.name}
          </button>
        </span>
      ))}
    </p>
  );
}

/** Drafts a brief from the actor's claims (by / about / mentions) and opens it in the Briefs view. */
function DraftBriefButton({ actorId, disabled }: { actorId: string; disabled: boolean }) {
  const { t } = useTranslation('actors');
  const { navigate } = useNavigation();
  const { error } = useNotices();
  const [busy, setBusy] = useState(false);
  const draft = async () => {
    setBusy(true);
    try {
      const brief = await call('draftBrief', { actorId });
      navigate({ view: 'briefs', briefId: brief.id });
    } catch (err) {
      error(err);
      setBusy(false);
    }
  };
  return (
    <button type="button" disabled={disabled || busy} onClick={() => void draft()}>
      {busy ? t('page.drafting') : t('page.draftBrief')}
    </button>
  );
}
