/**
 * Mention suggestions across all sources: each with the surface forms it was
 * seen as and the sources it occurs in. Accept as a new actor, accept into an
 * existing actor (the surface forms become aliases), or reject for good.
 * When an actor already carries a suggestion's name, accepting offers to
 * merge into it instead of making a second actor.
 * The list is virtualised (↑/↓ move between suggestions, Tab within one); a suggestion found in many
 * sources lists a few of them, and more on asking.
 */
import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorConflict } from '../../../shared/api/actors';
import type { ActorSuggestion } from '../../../shared/actors';
import type { Actor, SourceMeta } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery, useErrorNotice } from '../api/queries';
import { useNavigation } from '../ui/navigation';
import { useNotices } from '../ui/notices';
import { VirtualList, type VirtualRow } from '../ui/VirtualList';
import { KindIcon } from './KindIcon';
import { MergeOffer } from './MergeOffer';

const NO_SOURCES: SourceMeta[] = [];

export function SuggestionsPanel({ actors }: { actors: Actor[] }) {
  const { t } = useTranslation('actors');
  const { error, info } = useNotices();
  const suggestionsQuery = useApiQuery('suggestActors', {});
  useErrorNotice(suggestionsQuery.error, t('suggestions.loadFailed'));
  const sourcesQuery = useApiQuery('listSources', {});
  useErrorNotice(sourcesQuery.error);
  const suggestions: ActorSuggestion[] | null = suggestionsQuery.data ?? null;
  const sources: SourceMeta[] = sourcesQuery.data ?? NO_SOURCES;
  const titles = useMemo(() => new Map(sources.map((s) => [s.id, s.title])), [sources]);
  const byId = useMemo(() => new Map(actors.map((a) => [a.id, a])), [actors]);

  // A known actor whose surface forms are all aliases already needs nothing.
  const open = useMemo(
    () => (suggestions ?? []).filter((s) => !s.existingActorId || (s.newAliases?.length ?? 0) > 0),
    [suggestions],
  );

  const [conflicts, setConflicts] = useState<ReadonlyMap<string, ActorConflict>>(new Map());
  const setConflict = (key: string, c: ActorConflict | undefined) =>
    setConflicts((m) => {
      const next = new Map(m);
      if (c) next.set(key, c);
      else next.delete(key);
      return next;
    });
  const dismissConflict = useCallback((key: string) => setConflict(key, undefined), []);
  const accept = async (s: ActorSuggestion, asActorId?: string) => {
    try {
      const r = await call('acceptSuggestion', { key: s.key, ...(asActorId ? { asActorId } : {}) });
      setConflict(s.key, r.conflict);
      if (r.conflict) return;
      info(
        r.created
          ? t('suggestions.added', { name: r.actor.name })
          : t('suggestions.aliasesAdded', { name: r.actor.name }),
      );
    } catch (err) {
      error(err, t('suggestions.acceptFailed'));
    }
  };
  const reject = async (s: ActorSuggestion) => {
    try {
      await call('rejectSuggestion', { key: s.key });
    } catch (err) {
      error(err, t('suggestions.rejectFailed'));
    }
  };

  return (
    <section className="actor-suggestions" aria-label={t('suggestions.title')}>
      <h1>
        {t('suggestions.title')} {suggestions && <span className="count">{open.length}</span>}
      </h1>
      <p className="muted">{t('suggestions.intro')}</p>
      {suggestions === null && <p className="muted">{t('suggestions.looking')}</p>}
      {suggestions && open.length === 0 && <p className="muted">{t('suggestions.none')}</p>}
      <VirtualList
        items={open}
        itemKey={suggestionKey}
        estimateSize={150}
        gap={10}
        className="actor-sugg-list"
        aria-label={t('suggestions.list')}
        keys
        renderRow={(s, _i, row) => (
          <SuggestionRow
            row={row}
            suggestion={s}
            existing={s.existingActorId ? byId.get(s.existingActorId) : undefined}
            actors={actors}
            titles={titles}
            conflict={conflicts.get(s.key)}
            onAccept={accept}
            onReject={reject}
            onDismissConflict={dismissConflict}
          />
        )}
      />
    </section>
  );
}

const suggestionKey = (s: ActorSuggestion) => s.key;
/** Sources a suggestion lists at first; "more" adds this many again. */
const SOURCES_SHOWN = 8;

const SuggestionRow = memo(function SuggestionRow({
  row,
  suggestion: s,
  existing,
  actors,
  titles,
  conflict,
  onAccept,
  onReject,
  onDismissConflict,
}: {
  row: VirtualRow;
  suggestion: ActorSuggestion;
  existing: Actor | undefined;
  actors: Actor[];
  titles: ReadonlyMap<string, string>;
  conflict: ActorConflict | undefined;
  onAccept(s: ActorSuggestion, asActorId?: string): Promise<void>;
  onReject(s: ActorSuggestion): Promise<void>;
  onDismissConflict(key: string): void;
}) {
  const { t } = useTranslation('actors');
  const { navigate } = useNavigation();
  const [sourcesShown, setSourcesShown] = useState(SOURCES_SHOWN);
  const hidden = s.sourceIds.length - sourcesShown;
  return (
    // The row is the list's Tab stop (↑/↓ move between rows); its controls are in the Tab order only while
    // it is the stop, so Tab goes through one suggestion and then leaves the list.
    <li
      {...row.props}
      tabIndex={row.tabIndex}
      className="actor-sugg"
      aria-label={t('suggestions.one', { name: s.name })}
    >
      <div className="actor-sugg-head">
        <KindIcon kind={s.kind} />
        <strong className="actor-sugg-name">{s.name}</strong>
        <span className="muted">
          {t('suggestions.mentionsIn', {
            mentions: t('counts.mention', { count: s.mentions }),
            sources: t('counts.source', { count: s.sourceIds.length }),
          })}
        </span>
      </div>
      {existing && (
        <p className="muted actor-sugg-existing">
          {t('suggestions.known', { name: existing.name, aliases: s.newAliases?.join(', ') ?? '' })}
        </p>
      )}
      <div className="actor-sugg-forms" aria-label={t('suggestions.seenAs')}>
        {s.aliasesSeen.map((a) => (
          <span key={a} className="actor-chip actor-chip-static">
            {a}
          </span>
        ))}
      </div>
      <ul className="actor-sugg-sources">
        {s.sourceIds.slice(0, sourcesShown).map((id) => {
          const first = s.occurrences.find((o) => o.sourceId === id);
          return (
            <li key={id}>
              <button
                type="button"
                className="link-button"
                tabIndex={row.tabIndex}
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
        {hidden > 0 && (
          <li>
            <button
              type="button"
              className="link-button"
              tabIndex={row.tabIndex}
              onClick={() => setSourcesShown((n) => n + 50)}
            >
              {t('suggestions.moreSources', { count: hidden })}
            </button>
          </li>
        )}
      </ul>
      {conflict && (
        <MergeOffer
          conflict={conflict}
          onMerge={() => void onAccept(s, conflict.actor.id)}
          onCancel={() => onDismissConflict(s.key)}
        />
      )}
      <div className="actor-sugg-actions">
        <button type="button" className="primary" tabIndex={row.tabIndex} onClick={() => void onAccept(s)}>
          {existing ? t('suggestions.addAliases') : t('suggestions.accept')}
        </button>
        <LazyActorSelect
          label={t('suggestions.addToExisting', { name: s.name })}
          actors={actors}
          exceptId={s.existingActorId}
          tabIndex={row.tabIndex}
          onPick={(id) => void onAccept(s, id)}
        />
        <button type="button" tabIndex={row.tabIndex} onClick={() => void onReject(s)}>
          {t('suggestions.reject')}
        </button>
      </div>
    </li>
  );
});

/**
 * "Add to existing actor…": its options (one per actor, thousands in a large notebook) are made only when the
 * select is about to open (pointer down, or focus from the keyboard) and dropped when it loses focus, not made
 * for every suggestion on screen.
 */
function LazyActorSelect({
  label,
  actors,
  exceptId,
  tabIndex,
  onPick,
}: {
  label: string;
  actors: Actor[];
  exceptId: string | undefined;
  tabIndex: 0 | -1;
  onPick(actorId: string): void;
}) {
  const { t } = useTranslation('actors');
  const [ready, setReady] = useState(false);
  return (
    <select
      aria-label={label}
      tabIndex={tabIndex}
      value=""
      onPointerDown={() => setReady(true)}
      onFocus={() => setReady(true)}
      onBlur={() => setReady(false)}
      onChange={(e) => {
        if (e.target.value) onPick(e.target.value);
      }}
    >
      <option value="">{t('suggestions.existingPlaceholder')}</option>
      {ready &&
        actors
          .filter((a) => a.id !== exceptId)
          .map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
    </select>
  );
}
