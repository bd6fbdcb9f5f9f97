/**
 * Which cached API reads a `notebook-changed` event makes stale: one rule per
 * read method, in one place. A query is keyed `[method, input]`
 * (./queries.ts); after each event, the queries whose rule says so refetch
 * (when shown) and the others keep their data.
 *
 * A read without a rule here is refetched on every change (safe, not cheap);
 * an event without a change set (a notebook was opened, an outside change)
 * makes every read stale.
 */
import type { ApiInput, ChangeSet, MethodName, NotebookChangedEvent } from '../../../shared/api';

type Change = NotebookChangedEvent & { changes: ChangeSet };
type Rule<M extends MethodName> = (event: Change, input: ApiInput<M>) => boolean;

/** This window's id: writes it tags with an origin (`ownOrigin`) come back on events, and are recognised here. */
const CLIENT_ID = Math.random().toString(36).slice(2, 10);

/** The origin to pass with a write so this window can recognise the change it caused (scope: e.g. `brief:<id>`). */
export function ownOrigin(scope: string): string {
  return `${CLIENT_ID}:${scope}`;
}

/** True when the event is this window's own write in `scope`. */
export function isOwnWrite(event: NotebookChangedEvent, scope: string): boolean {
  return event.origin === ownOrigin(scope);
}

const listed = (c: ChangeSet) => c.sources.some((s) => s.metadata);
const sourceSetChanged = (c: ChangeSet) => c.sources.some((s) => s.kind !== 'updated');
const sourceTouched = (c: ChangeSet, id: string) => c.sources.some((s) => s.id === id);

/** A listing change can move a source in a sorted or filtered list (or in or out of it); in the notebook's own order it cannot. */
const reordered = (c: ChangeSet, view: { sort?: string; filter?: string }) =>
  sourceSetChanged(c) || (listed(c) && ((view.sort ?? 'imported') !== 'imported' || Boolean(view.filter?.trim())));

const RULES: { [M in MethodName]?: Rule<M> } = {
  // Title, read-only state, source count, statuses.
  getNotebook: ({ changes: c }) => sourceSetChanged(c) || Boolean(c.statuses) || c.notebook,
  // Sources added or removed; a source's new listing is patched in (./source-heads.ts).
  listSources: ({ changes: c }) => sourceSetChanged(c),
  listSourcePage: ({ changes: c }, view) => reordered(c, view),
  locateSource: ({ changes: c }, view) => reordered(c, view),
  getSourceHeads: ({ changes: c }, { ids }) => c.sources.some((s) => s.metadata && ids.includes(s.id)),
  getSource: ({ changes: c }, { id }) => sourceTouched(c, id),
  listTags: ({ changes: c }) => c.tags.length > 0,
  listActors: ({ changes: c }) => c.actors.length > 0,
  // Claim counts per actor.
  actorUsage: ({ changes: c }) => c.actors.length > 0 || c.annotations.length > 0 || sourceSetChanged(c),
  getActorPage: ({ changes: c }) => c.actors.length > 0 || c.annotations.length > 0 || listed(c) || Boolean(c.statuses),
  // Suggestions come from the sources' text, the actors, and the rejected ones (notebook).
  suggestActors: ({ changes: c }) => c.actors.length > 0 || c.sources.length > 0 || c.notebook,
  // The claim editor's type-ahead: actors and suggestions.
  actorOptions: ({ changes: c }) => c.actors.length > 0 || c.sources.length > 0 || c.notebook,
  sourceMentions: ({ changes: c }, { sourceId }) => c.actors.length > 0 || sourceTouched(c, sourceId),
  listBriefs: ({ changes: c }) => c.briefs.length > 0,
  // The person's settings are no notebook's: settings-changed updates them (settings/useSettings.ts).
  getSettings: () => false,
  // Style files live beside the notebook's data: adding one refetches the list itself.
  listCitationStyles: () => false,
  // The open brief's editor already shows its own autosave: only other changes reload it.
  getBrief: (event, { id }) => event.changes.briefs.some((b) => b.id === id) && !isOwnWrite(event, `brief:${id}`),
  // Chips show a claim's text, status and source.
  resolveCitations: ({ changes: c }) => c.annotations.length > 0 || listed(c),
  // The cite popup's claim search: claims with their source, actor and tag names.
  listClaims: ({ changes: c }) => c.annotations.length > 0 || listed(c) || c.actors.length > 0 || c.tags.length > 0,
  corroborate: ({ changes: c }) =>
    c.annotations.length > 0 || c.relations.length > 0 || c.actors.length > 0 || c.sources.length > 0,
  getClaimGroup: ({ changes: c }) => c.annotations.length > 0 || c.relations.length > 0 || listed(c),
  listRelations: ({ changes: c }) => c.relations.length > 0 || c.annotations.length > 0,
  // A shared notebook's conflicts live in the manifest (a change there marks \`notebook\`); a sync reopens the
  // notebook, which announces everything as changed.
  getTeamStatus: ({ changes: c }) => c.notebook,
  listConflicts: ({ changes: c }) => c.notebook,
  // A commit never changes: what it touched and what it held stay as they were.
  getTimelineCommit: () => false,
  getTimelineState: () => false,
};

/** Whether `event` makes the read `method(input)` stale. */
export function invalidates<M extends MethodName>(event: NotebookChangedEvent, method: M, input: ApiInput<M>): boolean {
  if (!event.changes) return true;
  const rule = RULES[method] as Rule<M> | undefined;
  return rule ? rule(event as Change, input) : true;
}

/** True for a query key made by ./queries.ts. */
export function isApiQueryKey(key: readonly unknown[]): key is readonly [MethodName, unknown] {
  return key.length === 2 && typeof key[0] === 'string';
}
