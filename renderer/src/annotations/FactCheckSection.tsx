/**
 * The codebook's "Fact checks" section: which statuses are verdicts and how
 * they rate (value on the scale, the verdict's name), the scale, and the
 * organisation that publishes the fact checks — what the ClaimReview export
 * writes. One Save is one undoable step in main (`setFactCheckSettings`).
 */
import { useEffect, useState } from 'react';
import type { ApiInput } from '../../../shared/api';
import type { FactCheckSettings } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery } from '../api/queries';
import { useNotices } from '../ui/notices';

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
function patchOf(draft: Draft): { patch: ApiInput<'setFactCheckSettings'> } | { problem: string } {
  const number = (text: string) => (text.trim() === '' ? NaN : Number(text));
  const [worst, best] = [number(draft.worst), number(draft.best)];
  if (!Number.isFinite(worst) || !Number.isFinite(best)) return { problem: 'The scale needs a number at each end.' };
  const ratings: Record<string, { value: number; name: string } | null> = {};
  for (const [status, r] of Object.entries(draft.ratings)) {
    if (!r.value.trim() && !r.name.trim()) {
      ratings[status] = null;
      continue;
    }
    const value = number(r.value);
    if (!Number.isFinite(value) || !r.name.trim())
      return { problem: `“${status}” needs both a value and a verdict name (or neither).` };
    ratings[status] = { value, name: r.name.trim() };
  }
  const name = draft.organisation.trim();
  const url = draft.url.trim();
  if (url && !name) return { problem: 'Name the organisation that publishes at that page.' };
  return {
    patch: {
      organisation: name ? { name, ...(url ? { url } : {}) } : null,
      scale: { worst, best },
      ratings,
    },
  };
}

export function FactCheckSection({ statuses, readOnly }: Props) {
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
    const made = patchOf(draft);
    if ('problem' in made) return setProblem(made.problem);
    try {
      await call('setFactCheckSettings', made.patch);
    } catch (err) {
      error(err, 'Could not save the fact-check settings');
    }
  };

  return (
    <section aria-label="Fact checks" className="codebook-factcheck">
      <h3>Fact checks</h3>
      <p className="muted">
        A status with a rating is a verdict: the ClaimReview export rates its claims with it. Claims whose status has no
        rating are left out.
      </p>
      <table className="codebook-ratings">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Value</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s) => (
            <tr key={s}>
              <th scope="row">{s}</th>
              <td>
                <input
                  type="number"
                  step="any"
                  aria-label={`Rating value of ${s}`}
                  value={draft.ratings[s]?.value ?? ''}
                  disabled={readOnly}
                  onChange={(e) => setRating(s, 'value', e.target.value)}
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`Verdict of ${s}`}
                  placeholder="no rating"
                  value={draft.ratings[s]?.name ?? ''}
                  disabled={readOnly}
                  onChange={(e) => setRating(s, 'name', e.target.value)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="codebook-factcheck-fields">
        <label>
          Worst rating
          <input
            type="number"
            step="any"
            value={draft.worst}
            disabled={readOnly}
            onChange={(e) => set({ worst: e.target.value })}
          />
        </label>
        <label>
          Best rating
          <input
            type="number"
            step="any"
            value={draft.best}
            disabled={readOnly}
            onChange={(e) => set({ best: e.target.value })}
          />
        </label>
        <label className="wide">
          Organisation
          <input
            type="text"
            value={draft.organisation}
            disabled={readOnly}
            onChange={(e) => set({ organisation: e.target.value })}
          />
        </label>
        <label className="wide">
          Page the fact checks are published on
          <input
            type="url"
            placeholder="https://…"
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
            Save fact-check settings
          </button>
        </div>
      )}
    </section>
  );
}
