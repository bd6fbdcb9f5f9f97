/**
 * Mention suggestions across all sources: each with the surface forms it was
 * seen as and the sources it occurs in. Accept as a new actor, accept into an
 * existing actor (the surface forms become aliases), or reject for good.
 * When an actor already carries a suggestion's name, accepting offers to
 * merge into it instead of making a second actor.
 */
import { useMemo, useState } from 'react';
import type { ActorConflict } from '../../../shared/api/actors';
import type { ActorSuggestion } from '../../../shared/actors';
import type { Actor, SourceMeta } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery, useErrorNotice } from '../api/queries';
import { useNavigation } from '../ui/navigation';
import { useNotices } from '../ui/notices';
import { KindIcon } from './KindIcon';
import { MergeOffer } from './MergeOffer';

const NO_SOURCES: SourceMeta[] = [];

export function SuggestionsPanel({ actors }: { actors: Actor[] }) {
  const { error, info } = useNotices();
  const { navigate } = useNavigation();
  const suggestionsQuery = useApiQuery('suggestActors', {});
  useErrorNotice(suggestionsQuery.error, 'Suggestions could not be computed');
  const sourcesQuery = useApiQuery('listSources', {});
  useErrorNotice(sourcesQuery.error);
  const suggestions: ActorSuggestion[] | null = suggestionsQuery.data ?? null;
  const sources: SourceMeta[] = sourcesQuery.data ?? NO_SOURCES;
  const titles = useMemo(() => new Map(sources.map((s) => [s.id, s.title])), [sources]);
  const byId = useMemo(() => new Map(actors.map((a) => [a.id, a])), [actors]);

  // A known actor whose surface forms are all aliases already needs nothing.
  const open = (suggestions ?? []).filter((s) => !s.existingActorId || (s.newAliases?.length ?? 0) > 0);

  const [conflicts, setConflicts] = useState<ReadonlyMap<string, ActorConflict>>(new Map());
  const setConflict = (key: string, c: ActorConflict | undefined) =>
    setConflicts((m) => {
      const next = new Map(m);
      if (c) next.set(key, c);
      else next.delete(key);
      return next;
    });
  const accept = async (s: ActorSuggestion, asActorId?: string) => {
    try {
      const r = await call('acceptSuggestion', { key: s.key, ...(asActorId ? { asActorId } : {}) });
      setConflict(s.key, r.conflict);
      if (r.conflict) return;
      info(r.created ? `Added ${r.actor.name} to the actors.` : `Added aliases to ${r.actor.name}.`);
    } catch (err) {
      error(err, 'The suggestion could not be accepted');
    }
  };
  const reject = async (s: ActorSuggestion) => {
    try {
      await call('rejectSuggestion', { key: s.key });
    } catch (err) {
      error(err, 'The suggestion could not be rejected');
    }
  };

  return (
    <section className="actor-suggestions" aria-label="Suggestions">
      <h2>Suggestions {suggestions && <span className="count">{open.length}</span>}</h2>
      <p className="muted">
        Actors found in your sources. Nothing is added until you accept it; a rejected suggestion stays rejected.
      </p>
      {suggestions === null && <p className="muted">Looking for actors in the sources…</p>}
      {suggestions && open.length === 0 && <p className="muted">No new suggestions.</p>}
      <ul className="actor-sugg-list">
        {open.map((s) => {
          const existing = s.existingActorId ? byId.get(s.existingActorId) : undefined;
          return (
            <li key={s.key} className="actor-sugg" aria-label={`Suggestion ${s.name}`}>
              <div className="actor-sugg-head">
                <KindIcon kind={s.kind} />
                <strong className="actor-sugg-name">{s.name}</strong>
                <span className="muted">
                  {s.mentions} mention{s.mentions === 1 ? '' : 's'} in {s.sourceIds.length} source
                  {s.sourceIds.length === 1 ? '' : 's'}
                </span>
              </div>
              {existing && (
                <p className="muted actor-sugg-existing">
                  Known actor {existing.name}: new aliases {s.newAliases?.join(', ')}
                </p>
              )}
              <div className="actor-sugg-forms" aria-label="Seen as">
                {s.aliasesSeen.map((a) => (
                  <span key={a} className="actor-chip actor-chip-static">
                    {a}
                  </span>
                ))}
              </div>
              <ul className="actor-sugg-sources">
                {s.sourceIds.map((id) => {
                  const first = s.occurrences.find((o) => o.sourceId === id);
                  return (
                    <li key={id}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          navigate({
                            view: 'sources',
                            sourceId: id,
                            ...(first ? { range: { start: first.start, end: first.end } } : {}),
                          })
                        }
                      >
                        {titles.get(id) ?? id}
                      </button>
                    </li>
                  );
                })}
              </ul>
              {conflicts.has(s.key) && (
                <MergeOffer
                  conflict={conflicts.get(s.key)!}
                  onMerge={() => void accept(s, conflicts.get(s.key)!.actor.id)}
                  onCancel={() => setConflict(s.key, undefined)}
                />
              )}
              <div className="actor-sugg-actions">
                <button type="button" className="primary" onClick={() => void accept(s)}>
                  {existing ? 'Add aliases' : 'Accept'}
                </button>
                <select
                  aria-label={`Add ${s.name} to an existing actor`}
                  value=""
                  onChange={(e) => {
                    if (e.target.value) void accept(s, e.target.value);
                  }}
                >
                  <option value="">Add to existing actor…</option>
                  {actors
                    .filter((a) => a.id !== s.existingActorId)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                </select>
                <button type="button" onClick={() => void reject(s)}>
                  Reject
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
