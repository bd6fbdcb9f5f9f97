/**
 * ClaimReview export: claims whose status is a verdict become schema.org
 * ClaimReview objects meeting Google's fact-check markup requirements (the
 * required and recommended properties of ClaimReview, Claim and Rating);
 * claims without a rated status are left out and counted. Also the
 * fact-check settings themselves: validation, persistence, and a status
 * removed from the list losing its rating.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportClaimReview } from '../../../main/services/interop/claimreview';
import { openNotebookSession } from '../../../main/services/session';
import type { Annotation } from '../../../shared/model';
import type { ClaimReview, WithContext } from 'schema-dts';
import { tempDir } from '../../helpers/temp-dir';
import { fixtureNotebook, type FixtureNotebook } from './fixtures';

let cleanup: () => Promise<void>;
let nb: FixtureNotebook;
const claims: Record<string, Annotation> = {};

const ORGANISATION = { name: 'Faktakollen', url: 'https://faktakollen.example.org/granskningar' };

beforeAll(async () => {
  const t = await tempDir('dossier-claimreview-');
  cleanup = t.cleanup;
  nb = await fixtureNotebook(t.dir);
  const [sv, fr, de, en] = nb.sources;
  const add = (
    sourceId: string,
    quote: string,
    status: string,
    speaker?: { name: string; kind: 'person' | 'organisation' },
  ) =>
    nb.session.service.addClaimByQuote({
      sourceId,
      quote,
      status,
      kind: 'claim',
      tags: [],
      occurrence: 0,
      actors: speaker ? [{ ...speaker, role: 'speaker' }] : [],
    });
  claims.sv = await add(sv!.id, 'Ministern säger att det inte finns något val.', 'refuted', {
    name: 'Åsa Öberg',
    kind: 'person',
  });
  claims.fr = await add(fr!.id, 'La ministre parle d’un tournant.', 'corroborated', {
    name: 'Ministère de la Transition écologique',
    kind: 'organisation',
  });
  claims.de = await add(de!.id, 'Die Kommission prüft.', 'disputed');
  claims.en = await add(en!.id, 'Ports will cut fees by half.', 'unverified');
  // A highlight is no claim, whatever its status.
  await nb.session.service.addClaimByQuote({
    sourceId: en!.id,
    quote: 'The harbour accord was signed on Monday.',
    kind: 'highlight',
    status: 'refuted',
    tags: [],
    actors: [],
    occurrence: 0,
  });
}, 60_000);
afterAll(async () => {
  await nb?.session.close();
  await cleanup?.();
});

/** Google's fact-check markup requirements: required properties must be there, recommended ones well formed when there. */
function googleProblems(review: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
  const url = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v);
  const date = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  const party = (v: unknown) => {
    const o = v as { '@type'?: string; name?: unknown };
    return (o['@type'] === 'Person' || o['@type'] === 'Organization') && text(o.name);
  };
  if (review['@context'] !== 'https://schema.org') problems.push('@context');
  if (review['@type'] !== 'ClaimReview') problems.push('@type');
  // Required.
  if (!text(review.claimReviewed)) problems.push('claimReviewed (required)');
  if (!url(review.url)) problems.push('url (required)');
  const rating = review.reviewRating as Record<string, unknown> | undefined;
  if (rating?.['@type'] !== 'Rating') problems.push('reviewRating (required)');
  else {
    if (!text(rating.alternateName)) problems.push('reviewRating.alternateName (required)');
    for (const k of ['ratingValue', 'bestRating', 'worstRating'])
      if (typeof rating[k] !== 'number') problems.push(`reviewRating.${k} (recommended: a number)`);
    const [v, best, worst] = [rating.ratingValue, rating.bestRating, rating.worstRating] as number[];
    if (!(Math.min(best!, worst!) <= v! && v! <= Math.max(best!, worst!)))
      problems.push('ratingValue outside the scale');
    if (rating.name !== undefined && !text(rating.name)) problems.push('reviewRating.name');
  }
  // Recommended.
  const author = review.author as { '@type'?: string; name?: unknown } | undefined;
  if (author?.['@type'] !== 'Organization' || !text(author.name)) problems.push('author (an Organization)');
  if (!date(review.datePublished)) problems.push('datePublished');
  const claim = review.itemReviewed as Record<string, unknown> | undefined;
  if (claim?.['@type'] !== 'Claim') problems.push('itemReviewed (a Claim)');
  else {
    if (claim.author !== undefined && ![claim.author].flat().every(party)) problems.push('itemReviewed.author');
    if (claim.datePublished !== undefined && !date(claim.datePublished)) problems.push('itemReviewed.datePublished');
    const appearance = claim.appearance as Record<string, unknown> | undefined;
    const work = appearance && typeof appearance === 'object' && text(appearance.headline);
    if (!url(appearance) && !work) problems.push('itemReviewed.appearance (a URL or a CreativeWork)');
    if (work && appearance.url !== undefined && !url(appearance.url)) problems.push('appearance.url');
  }
  return problems;
}

/** An exported review as JSON: schema-dts's ClaimReview, read loosely for the assertions. */
type Review = WithContext<ClaimReview> &
  Record<string, unknown> & {
    reviewRating: Record<string, unknown>;
    itemReviewed: Record<string, unknown>;
  };

async function exportAll() {
  const result = await exportClaimReview(nb.ctx, {});
  return { ...result, reviews: JSON.parse(new TextDecoder().decode(result.bytes)) as Review[] };
}

describe('ClaimReview export', () => {
  it('refuses to export before the organisation and its page are set, naming how to set them', async () => {
    await expect(exportClaimReview(nb.ctx, {})).rejects.toThrow(/dossier notebook set --organisation/);
  });

  it('exports rated claims only, counts the others, and meets Google’s fact-check markup requirements', async () => {
    await nb.session.service.setFactCheckSettings({
      organisation: ORGANISATION,
      scale: { worst: 1, best: 5 },
      ratings: { refuted: { value: 1, name: 'Falskt' }, corroborated: { value: 5, name: 'Vrai' } },
    });
    const { reviews, items, omitted } = await exportAll();
    expect(items).toBe(2);
    // disputed and unverified have no rating; the highlight is no claim.
    expect(omitted).toEqual({ count: 2, reason: 'claims whose status has no rating (not a verdict)' });
    expect(reviews).toHaveLength(2);
    for (const r of reviews) expect(googleProblems(r), JSON.stringify(r)).toEqual([]);

    const sv = reviews.find((r) => r.claimReviewed === claims.sv!.target.exact)!;
    expect(sv.url).toBe(`${ORGANISATION.url}#${claims.sv!.id}`);
    expect(sv.author).toEqual({ '@type': 'Organization', ...ORGANISATION });
    expect(sv.reviewRating).toMatchObject({ ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'Falskt' });
    expect(sv.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Åsa Öberg' },
      datePublished: '2024-03-05',
      appearance: {
        '@type': 'NewsArticle',
        headline: nb.sources[0]!.title,
        url: nb.sources[0]!.url,
        datePublished: '2024-03-05',
        publisher: { '@type': 'Organization', name: 'Dagens Nyheter' },
      },
    });
    const fr = reviews.find((r) => r.claimReviewed === claims.fr!.target.exact)!;
    expect(fr.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Ministère de la Transition écologique' });
    expect(fr.reviewRating.alternateName).toBe('Vrai');
  });

  it('catches a review that breaks the requirements (the check itself can fail)', async () => {
    const [review] = (await exportAll()).reviews;
    expect(googleProblems({ ...review, claimReviewed: '' })).toContain('claimReviewed (required)');
    expect(
      googleProblems({ ...review, reviewRating: { ...review!.reviewRating, alternateName: undefined } }),
    ).toContain('reviewRating.alternateName (required)');
    expect(googleProblems({ ...review, url: 'faktakollen' })).toContain('url (required)');
    expect(googleProblems({ ...review, reviewRating: { ...review!.reviewRating, ratingValue: 9 } })).toContain(
      'ratingValue outside the scale',
    );
  });

  it('exports only the chosen sources’ claims; a status whose rating is cleared stops being a verdict', async () => {
    const only = await exportClaimReview(nb.ctx, { sourceIds: [nb.sources[1]!.id] });
    expect(only.items).toBe(1);
    expect(only).not.toHaveProperty('omitted');
    await nb.session.service.setFactCheckSettings({
      ratings: { corroborated: null, disputed: { value: 3, name: 'Omstritt' } },
    });
    const { reviews, omitted } = await exportAll();
    expect(reviews.map((r) => r.claimReviewed).sort()).toEqual(
      [claims.de!.target.exact, claims.sv!.target.exact].sort(),
    );
    expect(omitted?.count).toBe(2);
  });
});

describe('fact-check settings', () => {
  it('refuse an unknown status, a value off the scale and a scale without range; nothing changes', async () => {
    const before = (await nb.session.service.getNotebook({})).factCheck;
    const set = nb.session.service.setFactCheckSettings;
    await expect(set({ ratings: { bogus: { value: 1, name: 'X' } } })).rejects.toThrow(/Unknown status "bogus"/);
    await expect(set({ ratings: { refuted: { value: 7, name: 'X' } } })).rejects.toThrow(/scale 1–5: refuted \(7\)/);
    await expect(set({ scale: { worst: 0, best: 0 } })).rejects.toThrow(/differ/);
    await expect(set({ scale: { worst: 0, best: 2 } })).rejects.toThrow(/disputed \(3\)/);
    expect((await nb.session.service.getNotebook({})).factCheck).toEqual(before);
  });

  it('are saved in the notebook, undo as one step, and a status removed from the list loses its rating', async () => {
    const dir = nb.session.dir;
    await nb.session.service.setFactCheckSettings({ organisation: { name: 'Annan redaktion' } });
    await nb.session.service.undo({});
    expect((await nb.session.service.getNotebook({})).factCheck?.organisation).toEqual(ORGANISATION);
    await nb.session.service.setStatuses({ statuses: ['unverified', 'refuted', 'corroborated'] });
    await nb.session.close();
    const reopened = await openNotebookSession(dir);
    try {
      const { factCheck } = await reopened.service.getNotebook({});
      expect(factCheck?.ratings).toEqual({ refuted: { value: 1, name: 'Falskt' } });
      expect(factCheck?.organisation).toEqual(ORGANISATION);
    } finally {
      await reopened.close();
    }
  });
});
