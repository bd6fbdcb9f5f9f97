/**
 * An actor's claims in words, the same on its page and in the registry: the
 * claims linked to it or to one of its members and their sources (counted
 * once, by the services), and how many come only through a member.
 */
import type { TFunction } from 'i18next';

export function claimCountText(
  t: TFunction<'actors'>,
  c: { claims: number; sources: number; throughMembers: number },
): string {
  const text = t('counts.claimsInSources', {
    claims: t('counts.claim', { count: c.claims }),
    sources: t('counts.source', { count: c.sources }),
  });
  return c.throughMembers ? t('counts.throughMembers', { text, count: c.throughMembers }) : text;
}
