/**
 * Finding the actor, tag, source or actor suggestion a person named — the one
 * implementation behind the `lookup…` API methods and behind `addClaimByQuote`
 * (which creates what it does not find).
 *
 * One rule for every kind: the candidates are tried tier by tier, most exact
 * first (an id, then a whole name, then an alias or path, then a prefix); the
 * first tier that matches anything decides. One match wins; several are an
 * error that lists them ("Lind" matches 2 actors: Anna Lindqvist, Per
 * Lindgren — use the full name or the id). Names are compared folded —
 * case, diacritics, dots and dashes ignored (`normaliseAlias`).
 * Pure: no store, no Node.
 */
import { inflectionBases, matchActors, normaliseAlias, type ActorSuggestion } from '../../shared/actors';
import type { ActorConflict, ActorOption } from '../../shared/api/actors';
import { DossierError, type ErrorKey } from '../../shared/errors';
import { tagPath, type Actor, type SourceMeta, type Tag } from '../../shared/model';

interface Kind<T> {
  /** The message when a query matches several (it says what to type instead); `_more` when some are not listed. */
  ambiguous: Extract<ErrorKey, `lookup.ambiguous.${string}`>;
  id(item: T): string;
  label(item: T): string;
}

const MAX_LISTED = 5;

/**
 * The one rule: the first tier with a match decides; a single match wins,
 * several throw a readable error naming them. Undefined when no tier matches.
 */
function pickOne<T>(
  query: string,
  items: readonly T[],
  kind: Kind<T>,
  tiers: Array<(item: T) => boolean>,
): T | undefined {
  for (const tier of tiers) {
    const hits = items.filter(tier);
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) throw ambiguous(query, hits, kind);
  }
  return undefined;
}

function ambiguous<T>(query: string, hits: readonly T[], kind: Kind<T>): DossierError {
  const labels = hits.map((h) => kind.label(h));
  const clash = new Set(labels).size < labels.length;
  const named = hits.slice(0, MAX_LISTED).map((h, i) => (clash ? `${labels[i]} (${kind.id(h)})` : labels[i]));
  const params = { query, total: hits.length, names: named.join(', ') };
  return hits.length > MAX_LISTED
    ? DossierError.of('invalid-input', kind.ambiguous, { ...params, extra: hits.length - MAX_LISTED, context: 'more' })
    : DossierError.of('invalid-input', kind.ambiguous, params);
}

/** The comparison form of a name, title or path segment. */
export const nameKey = normaliseAlias;

// ---------------------------------------------------------------- actors

const ACTOR: Kind<Actor> = {
  ambiguous: 'lookup.ambiguous.actor',
  id: (a) => a.id,
  label: (a) => a.name,
};

/** A person's name (kind person, or other — actors created by name from the command line have no kind yet) with at least two words. */
const personalName = (a: Pick<Actor, 'name' | 'kind'>) =>
  (a.kind === 'person' || a.kind === 'other') && /\s/.test(a.name.trim());

/**
 * The actor `query` names, or undefined when none does. Tiers: the id; the
 * name; an alias; an inflected form of a name or alias ("Macrons", "USA:s",
 * "Microsoft's"); a prefix of a name or alias, or of a later word (a surname)
 * in a person's name ("Lind" → "Anna Lindqvist"); an inflected surname. Each
 * is tried with the name as typed first, then without a leading "the".
 */
export function findActorByName(actors: readonly Actor[], query: string): Actor | undefined {
  const raw = query.trim();
  const stripped = raw.replace(/^(?:the\s+|l['’]\s*)/i, '');
  // The name as typed, then without its article: "The Guardian" is a name, "the Kremlin" an alias.
  const forms = [...new Set([raw, stripped].map(nameKey).filter(Boolean))];
  if (!forms.length) return undefined;
  const bases = [...new Set(inflectionBases(stripped).map(nameKey).filter(Boolean))];
  const aliasKeys = (a: Actor) => a.aliases.map(nameKey);
  const allKeys = (a: Actor) => [nameKey(a.name), ...aliasKeys(a)];
  const surnames = (a: Actor) => (personalName(a) ? nameKey(a.name).split(' ').slice(1) : []);
  return pickOne(raw, actors, ACTOR, [
    (a) => a.id === raw,
    ...forms.map((q) => (a: Actor) => nameKey(a.name) === q),
    ...forms.map((q) => (a: Actor) => aliasKeys(a).includes(q)),
    (a) => allKeys(a).some((k) => bases.includes(k)),
    ...forms.map(
      (q) => (a: Actor) => allKeys(a).some((k) => k.startsWith(q)) || surnames(a).some((w) => w.startsWith(q)),
    ),
    (a) => surnames(a).some((w) => bases.includes(w)),
  ]);
}

export function lookupActor(actors: readonly Actor[], query: string): Actor {
  const actor = findActorByName(actors, query);
  if (!actor) throw DossierError.of('not-found', 'lookup.actorNamed', { value: query.trim() });
  return actor;
}

/**
 * The actor that already carries one of `names` as its name or an alias (compared folded, and by inflected
 * form: "Kinas" is "Kina"), other than `exceptId` — so that accepting or creating does not make a second
 * actor for it. Undefined when none does.
 */
export function actorCarrying(
  actors: readonly Actor[],
  names: readonly string[],
  exceptId?: string,
): ActorConflict | undefined {
  const wanted = new Map<string, string>();
  for (const n of names) {
    for (const form of [n, ...inflectionBases(n)]) {
      const k = nameKey(form);
      if (k && !wanted.has(k)) wanted.set(k, n);
    }
  }
  for (const actor of actors) {
    if (actor.id === exceptId) continue;
    const shared = [nameKey(actor.name), ...actor.aliases.map(nameKey)].filter((k) => wanted.has(k));
    if (shared.length) return { actor, names: [...new Set(shared.map((k) => wanted.get(k)!))] };
  }
  return undefined;
}

/**
 * The claim editor's type-ahead: first the actor `query` resolves to (the same rule as `lookupActor`, so an
 * alias shows the actor that carries it), then other actors whose name or alias starts with it, then the
 * detected suggestions not yet accepted whose name or a form seen starts with it — but never a suggestion
 * that an accepted actor already carries, which would make a second actor for it.
 */
export function actorOptions(
  actors: readonly Actor[],
  suggestions: readonly ActorSuggestion[],
  query: string,
  limit: number,
): ActorOption[] {
  const q = nameKey(query);
  if (!q) return [];
  let resolved: Actor | undefined;
  try {
    resolved = findActorByName(actors, query);
  } catch {
    resolved = undefined; // ambiguous: list the candidates below instead
  }
  const hits = matchActors(query, actors, limit).filter((a) => a !== resolved);
  const out: ActorOption[] = [];
  for (const actor of resolved ? [resolved, ...hits] : hits) {
    const nameHit =
      nameKey(actor.name).startsWith(q) ||
      nameKey(actor.name)
        .split(' ')
        .some((w) => w.startsWith(q));
    const via = nameHit ? undefined : actor.aliases.find((al) => nameKey(al).startsWith(q));
    out.push({ type: 'actor', actor, ...(via ? { via } : {}) });
  }
  const scored: Array<{ s: ActorSuggestion; score: number }> = [];
  for (const s of suggestions) {
    if (s.existingActorId) continue;
    const keys = [s.name, ...s.aliasesSeen].map(nameKey);
    const score = keys.includes(q)
      ? 3
      : keys.some((k) => k.startsWith(q))
        ? 2
        : keys.some((k) => k.split(' ').some((w) => w.startsWith(q)))
          ? 1
          : 0;
    if (score === 0 || actorCarrying(actors, [s.name, ...s.aliasesSeen])) continue;
    scored.push({ s, score });
  }
  scored.sort((a, b) => b.score - a.score || b.s.mentions - a.s.mentions || a.s.name.localeCompare(b.s.name));
  for (const { s } of scored)
    out.push({
      type: 'suggestion',
      key: s.key,
      name: s.name,
      kind: s.kind,
      aliasesSeen: s.aliasesSeen,
      mentions: s.mentions,
    });
  return out.slice(0, limit);
}

// ---------------------------------------------------------------- tags

/** Separators of a tag path a person may type: "Energy/Wind", "Energy › Wind" (as the app shows it), "Energy > Wind". */
const PATH_SEPARATOR = /[/›>]/;

/**
 * The tag `query` names, or undefined when none does. Tiers: the id; the name;
 * then, for a path ("Energy/Wind"), the whole path, or its last segments with
 * the final one a prefix; for a plain name, a prefix of the name.
 */
export function findTagByName(tags: readonly Tag[], query: string): Tag | undefined {
  const raw = query.trim();
  const wanted = nameKey(raw);
  if (!wanted) return undefined;
  const segments = raw.split(PATH_SEPARATOR).map((s) => nameKey(s.trim()));
  const isPath = segments.length > 1 && segments.every(Boolean);
  const kind: Kind<Tag> = {
    ambiguous: 'lookup.ambiguous.tag',
    id: (t) => t.id,
    label: (t) => tagPath(tags, t).join(' › '),
  };
  /** The tag's path ends with the typed segments, the last one compared by `last`. */
  const endsWith = (t: Tag, last: (have: string, want: string) => boolean) => {
    const path = tagPath(tags, t).map(nameKey);
    const offset = path.length - segments.length;
    return (
      offset >= 0 &&
      segments.every((s, i) => (i === segments.length - 1 ? last(path[offset + i]!, s) : path[offset + i] === s))
    );
  };
  const same = (have: string, want: string) => have === want;
  return pickOne(raw, tags, kind, [
    (t) => t.id === raw,
    (t) => nameKey(t.name) === wanted,
    ...(isPath
      ? [
          (t: Tag) => tagPath(tags, t).length === segments.length && endsWith(t, same),
          (t: Tag) => endsWith(t, same),
          (t: Tag) => endsWith(t, (h, w) => h.startsWith(w)),
        ]
      : [(t: Tag) => nameKey(t.name).startsWith(wanted)]),
  ]);
}

export function lookupTag(tags: readonly Tag[], query: string): Tag {
  const tag = findTagByName(tags, query);
  if (!tag) throw DossierError.of('not-found', 'lookup.tagNamed', { value: query.trim() });
  return tag;
}

// ---------------------------------------------------------------- sources

const SOURCE: Kind<SourceMeta> = {
  ambiguous: 'lookup.ambiguous.source',
  id: (s) => s.id,
  label: (s) => `${s.id} “${s.title}”`,
};

/**
 * The source `query` names: its id; its exact title (folded); a prefix of its
 * id, with or without the "src_" part ("src_k3j", "k3j").
 */
export function lookupSource(sources: readonly SourceMeta[], query: string): SourceMeta {
  const raw = query.trim();
  const title = nameKey(raw);
  const prefix = raw.toLowerCase();
  const found = raw
    ? pickOne(raw, sources, SOURCE, [
        (s) => s.id === raw,
        (s) => nameKey(s.title) === title,
        (s) =>
          s.id.toLowerCase().startsWith(prefix) ||
          s.id
            .slice(s.id.indexOf('_') + 1)
            .toLowerCase()
            .startsWith(prefix),
      ])
    : undefined;
  if (!found) throw DossierError.of('not-found', 'lookup.sourceIdTitleNotebook', { raw });
  return found;
}

// ---------------------------------------------------------------- suggestions

const SUGGESTION: Kind<ActorSuggestion> = {
  ambiguous: 'lookup.ambiguous.suggestion',
  id: (s) => s.key,
  label: (s) => `${s.name} (${s.key})`,
};

/** The current suggestion `query` names: its key ("state:us"); its name; a surface form seen in the sources ("Kina"); a prefix of its name. */
export function lookupSuggestion(suggestions: readonly ActorSuggestion[], query: string): ActorSuggestion {
  const raw = query.trim();
  const wanted = nameKey(raw);
  const found = wanted
    ? pickOne(raw, suggestions, SUGGESTION, [
        (s) => s.key === raw,
        (s) => nameKey(s.name) === wanted,
        (s) => s.aliasesSeen.some((a) => nameKey(a) === wanted),
        (s) => nameKey(s.name).startsWith(wanted),
      ])
    : undefined;
  if (!found) throw DossierError.of('not-found', 'lookup.currentSuggestionNamedKeyed', { raw });
  return found;
}
