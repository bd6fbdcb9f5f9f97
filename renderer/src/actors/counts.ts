/**
 * An actor's claims in words, the same on its page and in the registry: the
 * claims linked to it or to one of its members and their sources (counted
 * once, by the services), and how many come only through a member.
 */
export function claimCountText(c: { claims: number; sources: number; throughMembers: number }): string {
  const through = c.throughMembers ? `, ${c.throughMembers} through members` : '';
  return `${c.claims} claim${c.claims === 1 ? '' : 's'} in ${c.sources} source${c.sources === 1 ? '' : 's'}${through}`;
}
