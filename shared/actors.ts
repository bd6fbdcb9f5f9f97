/**
 * Actors: the shapes of mention suggestions and the pure helpers that both
 * main (detection, name lookup) and the renderer (type-ahead, inspector)
 * need — alias normalisation, inflection stripping and type-ahead ranking.
 * Finding the one actor a typed name stands for is the API's `lookupActor`.
 * Pure: zod only.
 */
import { z } from 'zod';
import { APOSTROPHES, foldLetters } from './fold-letters';
import { ActorKind, type Actor } from './model';

// ---------------------------------------------------------------- schemas

/** One place in one source where an actor is mentioned. Offsets are UTF-16 code units into the source text. */
export const ActorOccurrence = z.object({
  sourceId: z.string().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The text as it stands in the source, e.g. "USA:s", "Macrons", "the Kremlin" → "Kremlin". */
  surface: z.string().min(1),
});

export const ActorSuggestion = z.object({
  /** Stable normalised key; store it in `rejectedSuggestions` to reject the suggestion for good. */
  key: z.string().min(1),
  /** Canonical name (English for states and international bodies; the notebook's name for a known actor). */
  name: z.string().min(1),
  kind: ActorKind,
  /** Distinct surface forms found (inflected forms reduced to their base: "Frankrikes" → "Frankrike"). */
  aliasesSeen: z.array(z.string()),
  /** Every source with at least one mention, in input order. */
  sourceIds: z.array(z.string()),
  mentions: z.number().int().min(0),
  /** Set when the suggestion is an actor the notebook already has. */
  existingActorId: z.string().optional(),
  /** For an existing actor: surface forms it does not have yet (candidate aliases). */
  newAliases: z.array(z.string()).optional(),
  occurrences: z.array(ActorOccurrence),
});

/** What `dossier actors suggest --json` prints for each suggestion (docs/cli.md). */
export const ActorSuggestionCli = ActorSuggestion.pick({
  name: true,
  kind: true,
  aliasesSeen: true,
  sourceIds: true,
  mentions: true,
});

export type ActorOccurrence = z.infer<typeof ActorOccurrence>;
export type ActorSuggestion = z.infer<typeof ActorSuggestion>;
export type ActorSuggestionCli = z.infer<typeof ActorSuggestionCli>;

export function toCliSuggestion(s: ActorSuggestion): ActorSuggestionCli {
  return { name: s.name, kind: s.kind, aliasesSeen: s.aliasesSeen, sourceIds: s.sourceIds, mentions: s.mentions };
}

// ---------------------------------------------------------------- normalisation

const NAME_FOLD = { name: true } as const;

/**
 * The comparison form of a name or alias (foldLetters' `name` variant):
 * "Élysée" → "elysee", "U.S." → "us", "Jean-Yves" → "jean yves".
 */
export function normaliseAlias(name: string): string {
  return foldLetters(name, NAME_FOLD);
}

/**
 * Base forms an inflected name may come from, most likely first, not including
 * the name itself: genitives in English ("Microsoft's", "Nations'"), Swedish
 * ("Frankrikes", "USA:s", "FN:s") and German ("Chinas", "Russlands").
 * Works on the surface form (case kept) so callers can still check capitals.
 */
export function inflectionBases(surface: string): string[] {
  const out: string[] = [];
  const s = surface.replace(APOSTROPHES, "'");
  const colon = /^(.+?):(s|n|en|et|ns|ets|ens|arna|erna|a|or|er)$/iu.exec(s);
  if (colon) out.push(colon[1]!);
  if (/'s$/iu.test(s)) out.push(s.slice(0, -2));
  else if (/s'$/iu.test(s)) out.push(s.slice(0, -1));
  else if (/\p{Ll}s$/u.test(s) && s.length > 3) out.push(s.slice(0, -1));
  return out.filter((b) => b.length > 0);
}

/** Normalised names of an actor: its name and every alias. */
export function actorNameKeys(actor: Pick<Actor, 'name' | 'aliases'>): string[] {
  return [...new Set([actor.name, ...actor.aliases].map(normaliseAlias).filter((k) => k.length > 0))];
}

/** Actors whose name or an alias starts with (or contains a word starting with) the typed text — for type-ahead. */
export function matchActors<A extends Pick<Actor, 'name' | 'aliases'>>(
  typed: string,
  actors: readonly A[],
  limit = 10,
): A[] {
  const q = normaliseAlias(typed);
  if (!q) return actors.slice(0, limit);
  const scored: Array<{ a: A; score: number }> = [];
  for (const a of actors) {
    const keys = actorNameKeys(a);
    let score = 0;
    for (const k of keys) {
      if (k === q) score = Math.max(score, 3);
      else if (k.startsWith(q)) score = Math.max(score, 2);
      else if (k.split(' ').some((w) => w.startsWith(q))) score = Math.max(score, 1);
    }
    if (score > 0) scored.push({ a, score });
  }
  return scored
    .sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name))
    .slice(0, limit)
    .map((s) => s.a);
}

/** One detected mention in one source, as the reader paints it (sorted by position). */
export interface SourceMention {
  start: number;
  end: number;
  surface: string;
  key: string;
  name: string;
  kind: ActorSuggestion['kind'];
  existingActorId?: string;
}

/** The mentions that fall in one source, in text order — for highlighting and click-to-link in the reader. */
export function mentionsInSource(suggestions: readonly ActorSuggestion[], sourceId: string): SourceMention[] {
  const out: SourceMention[] = [];
  for (const s of suggestions) {
    if (!s.sourceIds.includes(sourceId)) continue;
    for (const o of s.occurrences) {
      if (o.sourceId !== sourceId) continue;
      out.push({
        start: o.start,
        end: o.end,
        surface: o.surface,
        key: s.key,
        name: s.name,
        kind: s.kind,
        ...(s.existingActorId ? { existingActorId: s.existingActorId } : {}),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
