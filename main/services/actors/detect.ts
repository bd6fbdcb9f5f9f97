/**
 * Actor mention detection (docs/decisions/0007-actor-detection.md): suggests the actors found in a set of
 * sources, one suggestion per real-world actor with every surface form seen
 * and every occurrence.
 *
 * Two passes over the sources:
 *  1. Name discovery — capitalised multi-word names in any language (titles,
 *     sentence-initial ordinary words, weekdays and months stripped) and, for
 *     English, compromise's people and organisations. This yields a lexicon of
 *     names with a kind, plus short forms (a person's surname, an
 *     organisation's first word) when they are unambiguous.
 *  2. Matching — one left-to-right, longest-match scan of each source against
 *     the notebook's actors, the static gazetteer (states, seats, international
 *     bodies) and the discovered lexicon, trying genitive and inflected forms.
 *
 * Modules: lexicon.ts (word knowledge), name-tokens.ts (tokens), discover.ts
 * (pass 1), match.ts (pass 2); this file runs both passes and groups the
 * matches into suggestions.
 */
import type { Actor, ActorKind } from '../../../shared/model';
import {
  type ActorSuggestion,
  type ActorOccurrence,
  actorNameKeys,
  inflectionBases,
  normaliseAlias,
} from '../../../shared/actors';
import { addPhrase, emptyIndex, makeEntry, staticGazetteer } from './gazetteer';
import {
  BOILERPLATE,
  CALENDAR,
  NON_ACTOR,
  ORG_ENDING,
  isCompanyName,
  isGivenName,
  isTitle,
  norm,
  stopwords,
  stopwordsFor,
} from './lexicon';
import { tokenize } from './name-tokens';
import {
  baseOf,
  classify,
  compromiseInput,
  discoverRuns,
  englishNames,
  isStaticPhrase,
  kindScores,
  shortForms,
  type Candidate,
} from './discover';
import { matchSource } from './match';

export { clearDetectionCache } from './discover';

/**
 * The kind detection gives a name typed on its own (creating an actor from the claim editor): a state or
 * international body of the gazetteer, a company on the maintained list, a name with a given name or an
 * organisation word. Undefined when nothing tells.
 */
export function kindOfName(name: string): ActorKind | undefined {
  const { index } = staticGazetteer();
  const words = tokenize(name).map((t) => t.text);
  if (!words.length) return undefined;
  const last = words[words.length - 1]!;
  for (const b of [last, ...inflectionBases(last)]) {
    const hit = index.phrases.get(norm([...words.slice(0, -1), b].join(' ')))?.[0];
    if (hit) return hit.kind;
  }
  if (words.length === 1) {
    const n = norm(words[0]!);
    if (isCompanyName(n) || ORG_ENDING.test(n)) return 'organisation';
    return isGivenName(n) ? 'person' : undefined;
  }
  const { person, org } = kindScores({ name, words, votes: { person: 0, organisation: 0 }, count: 1, mid: 1 }, index);
  if (person > 0 && person >= org) return 'person';
  return org > 0 ? 'organisation' : undefined;
}

export interface SuggestInput {
  sources: Array<{ id: string; text: string; language: string }>;
  actors: Actor[];
  /** Keys of suggestions the person rejected. */
  rejected: string[];
}

export function suggestActors(input: SuggestInput): ActorSuggestion[] {
  const { index: staticIndex, entities } = staticGazetteer();
  const rejected = new Set(input.rejected);

  // The notebook's actors: each gets an entity key — the gazetteer's when one of its names is a gazetteer name.
  const actorIndex = emptyIndex();
  const actorByKey = new Map<string, Actor>();
  const actorNameOwner = new Map<string, string>(); // normalised name → entity key
  for (const actor of input.actors) {
    const keys = actorNameKeys(actor);
    let entityKey: string | undefined;
    // A person is never a state or a body, even when called "Washington" or "Paris".
    for (const k of actor.kind === 'person' ? [] : keys) {
      const hit = staticIndex.phrases.get(k)?.[0];
      if (hit) {
        entityKey = hit.key;
        break;
      }
    }
    // Two actors for one gazetteer entity (a messy registry: "Danmark" as an alias of another actor): the
    // first keeps the entity, the second is known by its own name, less the names the first one holds.
    const claimed = entityKey !== undefined && actorByKey.has(entityKey);
    if (claimed || entityKey === undefined) entityKey = `name:${normaliseAlias(actor.name)}`;
    if (actorByKey.has(entityKey)) continue;
    actorByKey.set(entityKey, actor);
    for (const alias of [actor.name, ...actor.aliases]) {
      if (claimed && staticIndex.phrases.has(normaliseAlias(alias))) continue;
      addPhrase(actorIndex, makeEntry(entityKey, actor.name, actor.kind, alias, 0));
      actorNameOwner.set(normaliseAlias(alias), entityKey);
    }
  }

  // Pass 1: discover names.
  const tokenized = input.sources.map((s) => tokenize(s.text));
  const candidates = new Map<string, Candidate>();
  const addCandidate = (words: string[], votes: Partial<Candidate['votes']>, initial = false) => {
    const key = norm(words.join(' '));
    if (!key) return;
    if (isStaticPhrase(words, staticIndex) || actorNameOwner.has(key)) return;
    // A run of known names side by side ("Världshandelsorganisationen WTO") is not a new name.
    if (words.length > 1 && words.every((w) => isStaticPhrase([w], staticIndex))) return;
    let c = candidates.get(key);
    if (!c) {
      c = { name: words.join(' '), words, votes: { person: 0, organisation: 0 }, count: 0, mid: 0 };
      candidates.set(key, c);
    }
    c.count++;
    if (!initial) c.mid++;
    c.votes.person += votes.person ?? 0;
    c.votes.organisation += votes.organisation ?? 0;
    c.votes.speech = (c.votes.speech ?? 0) + (votes.speech ?? 0);
  };
  // Words the corpus also writes in lower case are ordinary words when they start a sentence.
  const corpusLower = new Set<string>();
  for (const tokens of tokenized) for (const t of tokens) if (!t.cap) corpusLower.add(t.norm);
  // So are sentence-initial words never capitalised mid-sentence that start sentences before several
  // different words ("Pourtant Lambert …", "Pourtant la position …", "Samtidigt upprepar …").
  const capMid = new Set<string>();
  const initialNext = new Map<string, Set<string>>();
  for (const tokens of tokenized) {
    tokens.forEach((t, k) => {
      if (!t.cap) return;
      if (!t.sentStart) capMid.add(t.norm);
      else {
        let next = initialNext.get(t.norm);
        if (!next) initialNext.set(t.norm, (next = new Set()));
        next.add(tokens[k + 1]?.norm ?? '');
      }
    });
  }
  // How often each word (and its base: "Microsofts" is "Microsoft") is written with a capital.
  const capitalSeen = new Map<string, number>();
  for (const tokens of tokenized)
    for (const t of tokens) {
      if (!t.cap) continue;
      for (const k of new Set([t.norm, ...inflectionBases(t.text).map(norm)]))
        capitalSeen.set(k, (capitalSeen.get(k) ?? 0) + 1);
    }
  const lowerSeen = new Set(corpusLower);
  for (const [w, next] of initialNext)
    if (next.size >= 3 && !capMid.has(w) && !isGivenName(w) && !isCompanyName(w)) lowerSeen.add(w);
  input.sources.forEach((source, si) =>
    discoverRuns(source.text, tokenized[si]!, source.language, lowerSeen, addCandidate, capitalSeen),
  );
  // Words of the multi-word names found so far ("Solheim" of "Ingrid Solheim"): compromise need not look at them.
  const knownWords = new Set<string>();
  for (const c of candidates.values()) if (c.words.length > 1) for (const w of c.words) knownWords.add(norm(baseOf(w)));
  for (const actor of input.actors)
    for (const k of actorNameKeys(actor)) for (const w of k.split(' ')) knownWords.add(w);
  input.sources.forEach((source, si) => {
    const tokens = tokenized[si]!;
    if (source.language === 'en') {
      const stop = stopwordsFor('en');
      const focus = compromiseInput(source.text, tokens, staticIndex, stop, lowerSeen, knownWords);
      const { people, orgs } = focus ? englishNames(focus) : { people: [], orgs: [] };
      const clean = (raw: string, kind: ActorKind) => {
        const sub = tokenize(raw);
        let words = sub.map((w) => w.text);
        let lastTitle = -1;
        words.forEach((w, k) => {
          if (isTitle(norm(w))) lastTitle = k;
        });
        words = words.slice(lastTitle + 1);
        while (words.length && (stop.has(norm(words[0]!)) || CALENDAR.has(norm(words[0]!)))) words = words.slice(1);
        if (!words.length || !words.every((w) => /^\p{Lu}/u.test(w))) return;
        words[words.length - 1] = baseOf(words[words.length - 1]!);
        const n = norm(words.join(' '));
        if (
          words.length === 1 &&
          (stop.has(n) || CALENDAR.has(n) || BOILERPLATE.has(n) || isTitle(n) || lowerSeen.has(n) || NON_ACTOR.has(n))
        )
          return;
        if (words.some((w) => NON_ACTOR.has(norm(w)))) return;
        addCandidate(words, { [kind]: 2 });
      };
      for (const p of people) clean(p, 'person');
      for (const o of orgs) clean(o, 'organisation');
    }
  });

  // "Pourtant Lambert", "Yesterday Kaplan": two words seen only at the start of sentences, the second being
  // the surname of a name seen elsewhere, are an ordinary word before a short form.
  const lastWords = new Map<string, number>();
  for (const c of candidates.values())
    if (c.words.length > 1 && c.mid > 0) {
      const w = norm(c.words[c.words.length - 1]!);
      lastWords.set(w, (lastWords.get(w) ?? 0) + 1);
    }
  for (const [key, c] of candidates) {
    if (c.words.length === 2 && c.mid === 0 && !isGivenName(norm(c.words[0]!)) && lastWords.has(norm(c.words[1]!)))
      candidates.delete(key);
  }

  // "Ashcombe Marines avtal": a name seen with a genitive -s is the name seen without it, when that is seen too.
  for (const [key, c] of candidates) {
    const last = c.words[c.words.length - 1]!;
    for (const b of inflectionBases(last)) {
      const baseKey = norm([...c.words.slice(0, -1), b].join(' '));
      const base = candidates.get(baseKey);
      if (!base || baseKey === key) continue;
      base.count += c.count;
      base.mid += c.mid;
      base.votes.person += c.votes.person;
      base.votes.organisation += c.votes.organisation;
      base.votes.speech = (base.votes.speech ?? 0) + (c.votes.speech ?? 0);
      candidates.delete(key);
      break;
    }
  }

  // The discovered lexicon, with short forms where they are unambiguous.
  const dynamicIndex = emptyIndex();
  const kinds = new Map<string, ActorKind>();
  for (const [key, c] of candidates) kinds.set(key, classify(c, staticIndex));
  const entityOf = (key: string) => actorNameOwner.get(key) ?? `name:${key}`;
  // Short forms ("Macron", "Nordvik") of full names, found or already in the notebook; kept only when unambiguous.
  const shortOwners = new Map<string, { owners: Map<string, { name: string; kind: ActorKind }>; surface: string }>();
  const addShorts = (words: string[], owner: string, name: string, kind: ActorKind) => {
    if (words.length < 2 || (kind !== 'person' && kind !== 'organisation')) return;
    for (const short of shortForms(words, kind)) {
      const s = norm(short);
      if (
        s.length < 3 ||
        s === norm(words.join(' ')) ||
        isTitle(s) ||
        stopwords('en').has(s) ||
        BOILERPLATE.has(s) ||
        CALENDAR.has(s)
      )
        continue;
      if (staticIndex.phrases.has(s) || corpusLower.has(s)) continue;
      let o = shortOwners.get(s);
      if (!o) shortOwners.set(s, (o = { owners: new Map(), surface: short }));
      o.owners.set(owner, { name, kind });
    }
  };
  for (const actor of input.actors) {
    const owner = actorNameOwner.get(normaliseAlias(actor.name));
    if (owner)
      addShorts(
        tokenize(actor.name).map((t) => t.text),
        owner,
        actor.name,
        actor.kind,
      );
  }
  for (const [key, c] of candidates) addShorts(c.words, entityOf(key), c.name, kinds.get(key)!);
  for (const [key, c] of candidates) {
    // A lone or short name ("Macron", "Acme Logistics") belongs to the full name it shortens, if exactly one does.
    const owners = shortOwners.get(key)?.owners;
    if (owners && owners.size === 1) continue;
    addPhrase(dynamicIndex, makeEntry(entityOf(key), c.name, kinds.get(key)!, c.name, 4));
  }
  for (const { owners, surface } of shortOwners.values()) {
    if (owners.size !== 1) continue;
    const [owner, info] = [...owners][0]!;
    addPhrase(dynamicIndex, { ...makeEntry(owner, info.name, info.kind, surface, 5), capital: true });
  }

  // Pass 2: match and group.
  const indexes = [actorIndex, staticIndex, dynamicIndex];
  interface Group {
    key: string;
    name: string;
    kind: ActorKind;
    aliases: Map<string, string>;
    sourceIds: string[];
    occurrences: ActorOccurrence[];
  }
  const groups = new Map<string, Group>();
  input.sources.forEach((source, si) => {
    for (const m of matchSource(source.text, tokenized[si]!, source.language, indexes)) {
      const key = m.entry.key;
      let g = groups.get(key);
      if (!g) {
        const actor = actorByKey.get(key);
        const ent = entities.get(key);
        g = {
          key,
          name: actor?.name ?? ent?.name ?? m.entry.name,
          kind: actor?.kind ?? ent?.kind ?? m.entry.kind,
          aliases: new Map(),
          sourceIds: [],
          occurrences: [],
        };
        groups.set(key, g);
      }
      const alias = m.base.replace(/^(the|The)\s+/, '');
      const ak = normaliseAlias(alias);
      if (!g.aliases.has(ak)) g.aliases.set(ak, alias);
      if (g.sourceIds[g.sourceIds.length - 1] !== source.id && !g.sourceIds.includes(source.id))
        g.sourceIds.push(source.id);
      g.occurrences.push({
        sourceId: source.id,
        start: m.start,
        end: m.end,
        surface: source.text.slice(m.start, m.end),
      });
    }
  });

  const out: ActorSuggestion[] = [];
  for (const g of groups.values()) {
    if (rejected.has(g.key)) continue;
    const actor = actorByKey.get(g.key);
    const suggestion: ActorSuggestion = {
      key: g.key,
      name: g.name,
      kind: g.kind,
      aliasesSeen: [...g.aliases.values()],
      sourceIds: g.sourceIds,
      mentions: g.occurrences.length,
      occurrences: g.occurrences,
    };
    if (actor) {
      suggestion.existingActorId = actor.id;
      const known = new Set(actorNameKeys(actor));
      suggestion.newAliases = [...g.aliases.entries()].filter(([k]) => !known.has(k)).map(([, v]) => v);
    }
    out.push(suggestion);
  }
  return out.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}
