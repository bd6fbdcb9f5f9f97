/**
 * The notebook's fact-check settings (docs/interop.md#claimreview): the
 * publishing organisation, the rating scale, and a rating for each status
 * that is a verdict. Pure functions over the manifest, so the API method and
 * the exporter share one reading of them.
 */
import type { SetFactCheckSettingsInput } from '../../../shared/api/annotations';
import { DossierError } from '../../../shared/errors';
import { NO_FACT_CHECK_SETTINGS, type FactCheckSettings, type NotebookManifest } from '../../../shared/model';

/** The notebook's settings, or the empty ones (scale 1–5, no ratings, no organisation). */
export function factCheckOf(manifest: Pick<NotebookManifest, 'factCheck'>): FactCheckSettings {
  return manifest.factCheck ?? NO_FACT_CHECK_SETTINGS;
}

/** Settings with `patch` applied; throws `invalid-input` (naming what is wrong) before anything changes. */
export function patchFactCheck(
  manifest: Pick<NotebookManifest, 'factCheck' | 'statuses'>,
  patch: SetFactCheckSettingsInput,
): FactCheckSettings {
  const current = factCheckOf(manifest);
  const scale = patch.scale ?? current.scale;
  if (scale.worst === scale.best) throw DossierError.of('invalid-input', 'annotations.ratingScaleNeedsBest');
  const ratings = { ...current.ratings };
  for (const [status, rating] of Object.entries(patch.ratings ?? {})) {
    if (rating === null) {
      delete ratings[status];
      continue;
    }
    if (!manifest.statuses.includes(status))
      throw DossierError.of('invalid-input', 'annotations.unknownStatusNotebookS', {
        status,
        value: manifest.statuses.join(', '),
      });
    ratings[status] = rating;
  }
  const [low, high] = [Math.min(scale.worst, scale.best), Math.max(scale.worst, scale.best)];
  const outside = Object.entries(ratings).filter(([, r]) => r.value < low || r.value > high);
  if (outside.length)
    throw DossierError.of('invalid-input', 'annotations.ratingValuesMustLie', {
      worst: scale.worst,
      best: scale.best,
      value: outside.map(([s, r]) => `${s} (${r.value})`).join(', '),
    });
  const organisation = patch.organisation === undefined ? current.organisation : (patch.organisation ?? undefined);
  return { ...(organisation ? { organisation } : {}), scale, ratings };
}

/** The ratings of statuses still in `statuses` (a removed or renamed status loses its rating). */
export function keepRatingsOf(settings: FactCheckSettings, statuses: readonly string[]): FactCheckSettings {
  const ratings = Object.fromEntries(Object.entries(settings.ratings).filter(([s]) => statuses.includes(s)));
  return { ...settings, ratings };
}
