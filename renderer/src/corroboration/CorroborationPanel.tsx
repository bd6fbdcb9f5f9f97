/**
 * The inspector's "who else reports this?" for the selected annotation: its
 * group of related claims (count of independent sources, discrepancies side
 * by side), and similar passages in other sources, each one click from the
 * passage in its source and from a button per relation kind ("Corroborates",
 * "Contradicts", "Elaborates").
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimGroup, CorroborationSuggestion } from '../../../shared/api/search';
import { RELATION_TYPES, type RelationType } from '../../../shared/enums';
import type { Annotation } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery, useErrorNotice } from '../api/queries';
import { useNavigation } from '../ui/navigation';
import { useNotices } from '../ui/notices';
import { Highlighted } from '../search/Highlighted';
import { matchedRanges } from './matched';
import { formatDate } from '../sources/format';
import '../styles/search.css';

const LIMIT = 5;
const MIN_SHARE_OF_BEST = 0.15;

function sourceLabel(s: { title: string; outlet?: string; publishedAt?: string }) {
  return [s.outlet, formatDate(s.publishedAt)].filter(Boolean).join(' · ');
}

export function CorroborationPanel({ annotation, readOnly }: { annotation: Annotation; readOnly?: boolean }) {
  const { t } = useTranslation(['corroboration', 'common', 'enums']);
  const { navigate } = useNavigation();
  const { error } = useNotices();
  const suggestionsQuery = useApiQuery('corroborate', { annotationId: annotation.id, limit: LIMIT + 5 });
  const groupQuery = useApiQuery('getClaimGroup', { annotationId: annotation.id });
  useErrorNotice(suggestionsQuery.error ?? groupQuery.error, t('findFailed'));
  const suggestions: CorroborationSuggestion[] | null = suggestionsQuery.data ?? null;
  const group: ClaimGroup | null = groupQuery.data ?? null;
  const [busy, setBusy] = useState(false);

  const accept = useCallback(
    async (s: CorroborationSuggestion, type: RelationType) => {
      setBusy(true);
      try {
        await call('acceptCorroboration', {
          annotationId: annotation.id,
          sourceId: s.sourceId,
          start: s.start,
          end: s.end,
          type,
        });
      } catch (err) {
        error(err, t('linkFailed'));
      } finally {
        setBusy(false);
      }
    },
    [annotation.id, error, t],
  );

  const inGroup = new Set(group?.members.map((m) => m.sourceId) ?? []);
  // Passages already in the group are not suggested again.
  // Weak matches (a word or two in common) are noise: keep those within reach of the best one.
  const best = Math.max(0, ...(suggestions ?? []).map((s) => s.score));
  const shown = (suggestions ?? [])
    .filter((s) => s.score >= best * MIN_SHARE_OF_BEST)
    .filter((s) => !inGroup.has(s.sourceId) || !group?.groupId)
    .slice(0, LIMIT);

  return (
    <section className="corroboration" aria-label={t('label')}>
      {group && group.members.length > 1 && (
        <div className="claim-group">
          <span
            className="group-badge"
            data-testid="group-badge"
            title={group.members.map((m) => m.source.outlet ?? m.source.title).join(', ')}
          >
            {t('independent', { count: group.independentSources })}
          </span>
          <ul className="group-members">
            {group.members
              .filter((m) => m.annotationId !== annotation.id)
              .map((m) => (
                <li key={m.annotationId}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => navigate({ view: 'sources', sourceId: m.sourceId, annotationId: m.annotationId })}
                  >
                    {m.source.outlet ?? m.source.title}
                  </button>
                  {t('memberQuote', { quote: m.exact.length > 120 ? `${m.exact.slice(0, 119)}…` : m.exact })}
                </li>
              ))}
          </ul>
          {group.discrepancies.length > 0 && (
            <div className="discrepancies" aria-label={t('discrepancies')}>
              <h4>{t('differ')}</h4>
              {group.discrepancies.map((d, i) => (
                <table key={i} className="discrepancy">
                  <caption>{t(`discrepancy.${d.kind}`, { about: d.about })}</caption>
                  <tbody>
                    <tr>
                      {d.values.map((v) => (
                        <th key={v.annotationId} scope="col">
                          {v.outlet ?? t('sourceColumn')}
                        </th>
                      ))}
                    </tr>
                    <tr>
                      {d.values.map((v) => (
                        <td key={v.annotationId} title={v.text}>
                          <strong>{v.value}</strong>
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              ))}
            </div>
          )}
        </div>
      )}

      <h3 className="corroboration-heading">{t('similar')}</h3>
      {suggestions === null ? (
        <p className="pane-hint">{t('looking')}</p>
      ) : shown.length === 0 ? (
        <p className="pane-hint">{t('none')}</p>
      ) : (
        <ol className="suggestions">
          {shown.map((s) => (
            <li key={`${s.sourceId}:${s.start}`} className="suggestion" data-source-id={s.sourceId}>
              <div className="suggestion-head">
                <span className="suggestion-title">{s.source.title}</span>
                <span className="suggestion-meta">{sourceLabel(s.source)}</span>
              </div>
              <button
                type="button"
                className="suggestion-text"
                title={t('showPassage')}
                onClick={() =>
                  navigate({ view: 'sources', sourceId: s.sourceId, range: { start: s.start, end: s.end } })
                }
              >
                <Highlighted text={s.text} ranges={matchedRanges(s.text, annotation.target.exact, s.matched.numbers)} />
              </button>
              <div className="suggestion-actions">
                <span className="suggestion-why">
                  {[
                    s.matched.words > 0 ? t('why.words', { percent: Math.round(s.matched.words * 100) }) : '',
                    s.matched.actorIds.length > 0 ? t('why.actors', { count: s.matched.actorIds.length }) : '',
                    s.matched.numbers.length > 0
                      ? t('why.numbers', { count: s.matched.numbers.length, values: s.matched.numbers.join(', ') })
                      : '',
                    s.matched.dates.length > 0
                      ? t('why.dates', { count: s.matched.dates.length, values: s.matched.dates.join(', ') })
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {!readOnly &&
                  RELATION_TYPES.map((type) => (
                    <button
                      key={type}
                      type="button"
                      className="button small"
                      disabled={busy}
                      onClick={() => void accept(s, type)}
                    >
                      {t(`enums:relationType.${type}`)}
                    </button>
                  ))}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
