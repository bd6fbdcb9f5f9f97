/**
 * Fact checks as schema.org ClaimReview (JSON-LD), the markup fact-checkers
 * publish and Google's Fact Check Explorer reads (docs/interop.md#claimreview).
 * A claim is a verdict when its status has a rating in the notebook's
 * fact-check settings; every other claim is left out and counted. The types
 * come from schema-dts (schema.org's vocabulary as TypeScript), so a property
 * schema.org does not have, or a value of the wrong type, does not compile.
 */
import type { ClaimReview, Organization, Person, WithContext } from 'schema-dts';
import { DossierError } from '../../../shared/errors';
import type { Actor, Annotation, FactCheckSettings, SourceMeta } from '../../../shared/model';
import { factCheckOf } from '../annotations/fact-check';
import type { InteropExporter } from './registry';
import { selectSources } from './select-sources';

/** Why a claim is not in the export. */
export const OMITTED_REASON = 'claims whose status has no rating (not a verdict)';

/** The claim's speakers, as schema.org persons or organisations. */
function speakers(claim: Annotation, actors: ReadonlyMap<string, Actor>): Array<Person | Organization> {
  return claim.actors
    .filter((link) => link.role === 'speaker')
    .flatMap((link) => {
      const actor = actors.get(link.actorId);
      if (!actor) return [];
      return [
        actor.kind === 'person'
          ? { '@type': 'Person', name: actor.name }
          : { '@type': 'Organization', name: actor.name },
      ];
    });
}

/** One ClaimReview: the quote, the claim (its speakers, the article it appeared in), the rating and who rated it. */
export function claimReview(
  claim: Annotation,
  source: SourceMeta,
  settings: Required<Pick<FactCheckSettings, 'organisation'>> & FactCheckSettings,
  actors: ReadonlyMap<string, Actor>,
): WithContext<ClaimReview> | undefined {
  const rating = settings.ratings[claim.status];
  const { organisation } = settings;
  if (!rating || !organisation.url) return undefined;
  const authors = speakers(claim, actors);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${organisation.url.split('#')[0]}#${claim.id}`,
    claimReviewed: claim.target.exact,
    datePublished: claim.updatedAt.slice(0, 10),
    author: { '@type': 'Organization', name: organisation.name, url: organisation.url },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: settings.scale.best,
      worstRating: settings.scale.worst,
      alternateName: rating.name,
      name: rating.name,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(authors.length ? { author: authors.length === 1 ? authors[0] : authors } : {}),
      ...(source.publishedAt ? { datePublished: source.publishedAt.slice(0, 10) } : {}),
      appearance: {
        '@type': 'NewsArticle',
        headline: source.title,
        ...(source.url ? { url: source.url } : {}),
        ...(source.publishedAt ? { datePublished: source.publishedAt.slice(0, 10) } : {}),
        ...(source.outlet ? { publisher: { '@type': 'Organization', name: source.outlet } } : {}),
      },
    },
  };
}

/**
 * ClaimReview JSON-LD for the claims of the chosen sources (absent: all)
 * whose status is a verdict: a JSON array of ClaimReview objects, each with
 * its own `@context`, ready to paste into a fact check's page.
 */
export const exportClaimReview: InteropExporter = async (ctx, input) => {
  const sources = selectSources(ctx, input.sourceIds);
  const settings = factCheckOf(ctx.store.manifest);
  const { organisation } = settings;
  if (!organisation?.url) throw DossierError.of('invalid-input', 'interop.claimreviewNeedsOrganisationPublishes');
  const actors = new Map(ctx.store.manifest.actors.map((a) => [a.id, a]));
  const reviews: WithContext<ClaimReview>[] = [];
  let omitted = 0;
  for (const source of sources) {
    const file = await ctx.store.loadSource(source.id);
    for (const claim of file.annotations.filter((a) => a.kind === 'claim')) {
      const review = claimReview(claim, source, { ...settings, organisation }, actors);
      if (review) reviews.push(review);
      else omitted += 1;
    }
  }
  return {
    bytes: new TextEncoder().encode(`${JSON.stringify(reviews, null, 2)}\n`),
    items: reviews.length,
    ...(omitted ? { omitted: { count: omitted, reason: OMITTED_REASON } } : {}),
  };
};
