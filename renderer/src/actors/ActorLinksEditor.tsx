/**
 * The actors of the selected claim, in the inspector: each link with its role
 * (speaker / subject / mentioned) and stance (supports / opposes / neutral /
 * none), and a type-ahead to add one: the notebook's actors by name or alias
 * and the detected suggestions not yet accepted (each with its kind; choosing
 * one accepts it), or a new actor made from what was typed, of the kind
 * detection knows. When an actor already carries a suggestion's name, it
 * offers to merge into that actor instead of making a second one. Saves
 * through updateAnnotation: the links as {patch:{actors}}, a stance as
 * {patch:{stance}} naming its link.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseAlias } from '../../../shared/actors';
import type { ActorConflict, ActorOption } from '../../../shared/api/actors';
import type { ActorLink, ActorRole, Annotation, Stance } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery } from '../api/queries';
import { useNavigation } from '../ui/navigation';
import { useNotices } from '../ui/notices';
import { ACTOR_ROLES, STANCES } from '../../../shared/enums';
import { KindIcon } from './KindIcon';
import { MergeOffer } from './MergeOffer';
import { useActors } from './useActors';
import '../styles/actors.css';

export function ActorLinksEditor({
  annotation,
  readOnly = false,
}: {
  annotation: Pick<Annotation, 'id' | 'sourceId' | 'actors'>;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation('actors');
  const { actors } = useActors();
  const { error } = useNotices();
  const { navigate } = useNavigation();
  const [typed, setTyped] = useState('');
  const [role, setRole] = useState<ActorRole>('speaker');
  const [active, setActive] = useState(0);
  const byId = new Map(actors.map((a) => [a.id, a]));

  const save = async (links: ActorLink[]) => {
    try {
      await call('updateAnnotation', { sourceId: annotation.sourceId, id: annotation.id, patch: { actors: links } });
    } catch (err) {
      error(err, t('links.saveFailed'));
    }
  };
  const add = async (actorId: string) => {
    setTyped('');
    setActive(0);
    if (annotation.actors.some((l) => l.actorId === actorId && l.role === role)) return;
    await save([...annotation.actors, { actorId, role }]);
  };
  const [conflict, setConflict] = useState<(ActorConflict & { key: string; name: string }) | undefined>();
  const createAndAdd = async (name: string) => {
    try {
      const created = await call('createActor', { name: name.trim() });
      await add(created.id);
    } catch (err) {
      error(err, t('links.createFailed'));
    }
  };
  // A stance names its link, so two quick changes to different links both stay (a whole list sent twice would not).
  const setStance = async (l: ActorLink, stance: Stance | undefined) => {
    try {
      await call('updateAnnotation', {
        sourceId: annotation.sourceId,
        id: annotation.id,
        patch: { stance: { actorId: l.actorId, role: l.role, stance: stance ?? null } },
      });
    } catch (err) {
      error(err, t('links.stanceFailed'));
    }
  };
  /** Accepts a suggestion (or merges it into `asActorId`) and links the actor. */
  const acceptAndAdd = async (key: string, name: string, asActorId?: string) => {
    try {
      const result = await call('acceptSuggestion', { key, ...(asActorId ? { asActorId } : {}) });
      if (result.conflict) {
        setConflict({ ...result.conflict, key, name });
        return;
      }
      setConflict(undefined);
      await add(result.actor.id);
    } catch (err) {
      error(err, t('suggestions.acceptFailed'));
    }
  };
  const change = (i: number, patch: Partial<ActorLink>) => {
    const links = annotation.actors.map((l, j) => {
      if (j !== i) return l;
      const next: ActorLink = { ...l, ...patch };
      if (patch.stance === undefined && 'stance' in patch) delete next.stance;
      return next;
    });
    void save(links);
  };

  const q = typed.trim();
  const found = useApiQuery('actorOptions', { query: q, limit: 8 }, { enabled: q !== '', placeholderData: (p) => p });
  const hits: ActorOption[] = q ? (found.data ?? []) : [];
  const key = normaliseAlias(q);
  const exact =
    q !== '' &&
    hits.some((o) =>
      o.type === 'actor'
        ? [o.actor.name, ...o.actor.aliases].some((n) => normaliseAlias(n) === key)
        : [o.name, ...o.aliasesSeen].some((n) => normaliseAlias(n) === key),
    );
  type Option = ActorOption | { type: 'create'; name: string };
  const options: Option[] = [
    ...hits,
    ...(q && !exact && !found.isFetching ? [{ type: 'create' as const, name: q }] : []),
  ];
  const choose = (i: number) => {
    const o = options[i];
    if (!o) return;
    if (o.type === 'actor') void add(o.actor.id);
    else if (o.type === 'suggestion') void acceptAndAdd(o.key, o.name);
    else void createAndAdd(o.name);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape') {
      setTyped('');
    }
  };

  return (
    <div className="actor-links" role="group" aria-label={t('links.label')}>
      {annotation.actors.length > 0 && (
        <ul className="actor-link-list">
          {annotation.actors.map((l, i) => {
            const a = byId.get(l.actorId);
            const name = a?.name ?? t('links.unknownActor');
            return (
              <li
                key={`${l.actorId}-${l.role}-${i}`}
                className="actor-link"
                aria-label={t('links.link', { name: a?.name ?? l.actorId, role: t(`role.${l.role}`) })}
              >
                <button
                  type="button"
                  className="link-button actor-link-name"
                  title={t('links.openPage')}
                  onClick={() => navigate({ view: 'actors', actorId: l.actorId })}
                >
                  {a && <KindIcon kind={a.kind} />} {name}
                </button>
                <select
                  aria-label={t('links.role')}
                  value={l.role}
                  disabled={readOnly}
                  onChange={(e) => change(i, { role: e.target.value as ActorRole })}
                >
                  {ACTOR_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
                <select
                  aria-label={t('links.stance')}
                  value={l.stance ?? ''}
                  disabled={readOnly}
                  onChange={(e) => void setStance(l, (e.target.value || undefined) as Stance | undefined)}
                >
                  <option value="">{t('stance.none')}</option>
                  {STANCES.map((s) => (
                    <option key={s} value={s}>
                      {t(`stance.${s}`)}
                    </option>
                  ))}
                </select>
                {!readOnly && (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('links.remove', { name: a?.name ?? t('links.anActor'), role: t(`role.${l.role}`) })}
                    onClick={() => void save(annotation.actors.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && (
        <div className="actor-typeahead">
          <select aria-label={t('links.newRole')} value={role} onChange={(e) => setRole(e.target.value as ActorRole)}>
            {ACTOR_ROLES.map((r) => (
              <option key={r} value={r}>
                {t('links.asRole', { role: t(`role.${r}`) })}
              </option>
            ))}
          </select>
          <input
            type="text"
            role="combobox"
            aria-expanded={options.length > 0}
            aria-controls={`actor-options-${annotation.id}`}
            aria-label={t('links.add')}
            placeholder={t('links.addPlaceholder')}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setActive(0);
              setConflict(undefined);
            }}
            onKeyDown={onKey}
          />
          {options.length > 0 && (
            <ul className="actor-options" id={`actor-options-${annotation.id}`} role="listbox">
              {options.map((o, i) => (
                <li
                  key={o.type === 'actor' ? o.actor.id : o.type === 'suggestion' ? o.key : 'create'}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(i);
                  }}
                >
                  {o.type === 'actor' ? (
                    <>
                      <KindIcon kind={o.actor.kind} /> {o.actor.name}
                      {o.via ? (
                        <span className="muted"> {t('links.alsoKnownAs', { name: o.via })}</span>
                      ) : (
                        o.actor.aliases.length > 0 && (
                          <span className="muted"> {o.actor.aliases.slice(0, 3).join(', ')}</span>
                        )
                      )}
                    </>
                  ) : o.type === 'suggestion' ? (
                    <>
                      <KindIcon kind={o.kind} /> {o.name}{' '}
                      <span className="muted">
                        {t('links.detected', {
                          kind: t(`kind.${o.kind}`).toLocaleLowerCase(i18n.language),
                          mentions: t('counts.mention', { count: o.mentions }),
                        })}
                      </span>
                    </>
                  ) : (
                    <>{t('links.create', { name: o.name })}</>
                  )}
                </li>
              ))}
            </ul>
          )}
          {conflict && (
            <MergeOffer
              conflict={conflict}
              onMerge={() => void acceptAndAdd(conflict.key, conflict.name, conflict.actor.id)}
              onCancel={() => setConflict(undefined)}
            />
          )}
        </div>
      )}
    </div>
  );
}
