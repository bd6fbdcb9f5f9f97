/**
 * The codebook's "Fact checks" section: which statuses are verdicts and how
 * they rate (value on the scale, the verdict's name), the scale, and the
 * organisation that publishes the fact checks — what the ClaimReview export
 * writes. One Save is one undoable step in main (`setFactCheckSettings`).
 */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../shared/api';
import type { FactCheckSettings } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery } from '../api/queries';
import { useNotices } from '../ui/notices';
import { useStatusLabel } from '../ui/status-label';

const VALUE = 'value';
const NAME = 'name';

interface Props {
  statuses: string[];
  readOnly: boolean;
}

interface Draft {
  organisation: string;
  url: string;
  worst: string;
  best: string;
  /** Per status: value and name as typed; both empty: no rating. */
  ratings: Record<string, { value: string; name: string }>;
}

function draftOf(settings: FactCheckSettings | undefined, statuses: readonly string[]): Draft {
  return {
    organisation: settings?.organisation?.name ?? '',
    url: settings?.organisation?.url ?? '',
    worst: String(settings?.scale.worst ?? 1),
    best: String(settings?.scale.best ?? 5),
    ratings: Object.fromEntries(
      statuses.map((s) => {
        const r = settings?.ratings[s];
        return [s, { value: r ? String(r.value) : '', name: r?.name ?? '' }];
      }),
    ),
  };
}

/** The API call a draft makes, or the first thing to fix in it. */
function patchOf(
  draft: Draft,
  t: TFunction<'annotations'>,
): { patch: ApiInput<'setFactCheckSettings'> } | { problem: string } {
  const number = (text: string) => (text.trim() === '' ? NaN : Number(text));
  const [worst, best] = [number(draft.worst), number(draft.best)];
  if (!Number.isFinite(worst) || !Number.isFinite(best)) return { problem: t('factCheck.problemScale') };
  const ratings: Record<string, { value: number; name: string } | null> = {};
  for (const [status, r] of Object.entries(draft.ratings)) {
    if (!r.value.trim() && !r.name.trim()) {
      ratings[status] = null;
      continue;
    }
    const value = number(r.value);
    if (!Number.isFinite(value) || !r.name.trim()) return { problem: t('factCheck.problemRating', { status }) };
    ratings[status] = { value, name: r.name.trim() };
  }
  const name = draft.organisation.trim();
  const url = draft.url.trim();
  if (url && !name) return { problem: t('factCheck.problemOrganisation') };
  return {
    patch: {
      organisation: name ? { name, ...(url ? { url } : {}) } : null,
      scale: { worst, best },
      ratings,
    },
  };
}

export function FactCheckSection({ statuses, readOnly }: Props) {
  const statusLabel = useStatusLabel();
  const { t } = useTranslation('annotations');
  const { error } = useNotices();
  const notebook = useApiQuery('getNotebook', {});
  const saved = notebook.data?.factCheck;
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved, statuses));
  const [problem, setProblem] = useState('');
  useEffect(() => setDraft(draftOf(saved, statuses)), [saved, statuses]);

  const changed = JSON.stringify(draft) !== JSON.stringify(draftOf(saved, statuses));
  const set = (change: Partial<Draft>) => {
    setProblem('');
    setDraft((d) => ({ ...d, ...change }));
  };
  const setRating = (status: string, field: 'value' | 'name', text: string) =>
    set({ ratings: { ...draft.ratings, [status]: { ...draft.ratings[status]!, [field]: text } } });
  const save = async () => {
    const made = patchOf(draft, t);
    if ('problem' in made) return setProblem(made.problem);
    try {
      await call('setFactCheckSettings', made.patch);
    } catch (err) {
      error(err, t('factCheck.saveFailed'));
    }
  };

  return (
    <section aria-label={t('factCheck.title')} className="codebook-factcheck">
      <h3>{t('factCheck.title')}</h3>
      <p className="muted">{t('factCheck.intro')}</p>
      <table className="codebook-ratings">
        <thead>
          <tr>
            <th scope="col">{t('factCheck.status')}</th>
            <th scope="col">{t('factCheck.value')}</th>
            <th scope="col">{t('factCheck.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s) => (
            <tr key={s}>
              <th scope="row">{statusLabel(s)}</th>
              <td>
                <input
                  type="number"
                  step="any"
                  aria-label={t('factCheck.valueOf', { status: s })}
                  value={draft.ratings[s]?.value ?? ''}
                  disabled={readOnly}
                  onChange={(e) => setRating(s, VALUE, e.target.value)}
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={t('factCheck.verdictOf', { status: s })}
                  placeholder={t('factCheck.noRating')}
                  value={draft.ratings[s]?.name ?? ''}
                  disabled={readOnly}
                  onChange={(e) => setRating(s, NAME, e.target.value)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="codebook-factcheck-fields">
        <label>
          {t('factCheck.worst')}
          <input
            type="number"
            step="any"
            value={draft.worst}
            disabled={readOnly}
            onChange={(e) => set({ worst: e.target.value })}
          />
        </label>
        <label>
          {t('factCheck.best')}
          <input
            type="number"
            step="any"
            value={draft.best}
            disabled={readOnly}
            onChange={(e) => set({ best: e.target.value })}
          />
        </label>
        <label className="wide">
          {t('factCheck.organisation')}
          <input
            type="text"
            value={draft.organisation}
            disabled={readOnly}
            onChange={(e) => set({ organisation: e.target.value })}
          />
        </label>
        <label className="wide">
          {t('factCheck.page')}
          <input
            type="url"
            placeholder={t('factCheck.urlPlaceholder')}
            value={draft.url}
            disabled={readOnly}
            onChange={(e) => set({ url: e.target.value })}
          />
        </label>
      </div>
      {problem && (
        <p role="alert" className="codebook-problem">
          {problem}
        </p>
      )}
      {!readOnly && (
        <div className="codebook-new">
          <button type="button" className="primary" disabled={!changed} onClick={() => void save()}>
            {t('factCheck.save')}
          </button>
        </div>
      )}
    </section>
  );
}
