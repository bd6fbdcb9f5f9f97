/**
 * Name discovery (pass 1 of detect.ts): capitalised runs of words cleaned into
 * candidate names (titles, sentence-initial ordinary words, weekdays and
 * months stripped), compromise's English people and organisations, the kind
 * of each candidate, and the short forms a full name is later written as.
 */
import nlp from 'compromise';
import type { ActorKind } from '../../../shared/model';
import { textHash } from '../../../shared/hash';
import { inflectionBases } from '../../../shared/actors';
import type { PhraseIndex } from './gazetteer';
import {
  ARTICLES,
  BOILERPLATE,
  CALENDAR,
  CONNECTOR_PAIRS,
  CONNECTORS,
  NON_ACTOR,
  NOUN_CAPS,
  ORG_HEADS,
  ORG_SUFFIXES,
  isGivenName,
  isPlace,
  isTitle,
  lexTags,
  norm,
  stopwordsFor,
} from './lexicon';
import type { Token } from './name-tokens';

// ---------------------------------------------------------------- compromise (English), cached per text

export const nlpCache = new Map<string, { people: string[]; orgs: string[] }>();
export const NLP_CACHE_MAX = 5000;

/** compromise's people and organisations in an English text. Runs once per distinct text. */
export function englishNames(text: string): { people: string[]; orgs: string[] } {
  const key = textHash(text);
  const hit = nlpCache.get(key);
  if (hit) return hit;
  const doc = nlp(text);
  const result = {
    people: doc.people().out('array') as string[],
    orgs: doc.organizations().out('array') as string[],
  };
  if (nlpCache.size >= NLP_CACHE_MAX) nlpCache.delete(nlpCache.keys().next().value!);
  nlpCache.set(key, result);
  return result;
}

/** Empties the compromise cache (benchmarks measure cold runs). */
export function clearDetectionCache(): void {
  nlpCache.clear();
}

// ---------------------------------------------------------------- name discovery (pass 1)

/**
 * The part of an English text worth compromise's time: the sentences holding a
 * lone capitalised word that nothing else explains ("Microsoft's cloud
 * division"). Multi-word names are found by the run scanner and gazetteer
 * names by the matcher; tagging only these sentences keeps compromise — the
 * slowest step by far — off most of the text.
 */
export function compromiseInput(
  text: string,
  tokens: Token[],
  staticIndex: PhraseIndex,
  stop: Set<string>,
  lowerSeen: Set<string>,
  knownWords: Set<string>,
): string {
  const spans: Array<[number, number]> = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.cap || t.headline) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if ((prev && prev.cap && t.joined) || (next && next.cap && next.joined)) continue;
    if (stop.has(t.norm) || CALENDAR.has(t.norm) || BOILERPLATE.has(t.norm) || isTitle(t.norm) || NON_ACTOR.has(t.norm))
      continue;
    if (isStaticPhrase([t.text], staticIndex)) continue;
    if (knownWords.has(t.norm) || knownWords.has(norm(baseOf(t.text)))) continue;
    if (isPlace(t.norm)) continue; // a city compromise knows ("Rotterdam") is not an actor

    if (t.sentStart && isOrdinary(t, stop, lowerSeen)) continue;
    let start = 0;
    for (const mark of ['. ', '! ', '? ', '\n']) start = Math.max(start, text.lastIndexOf(mark, t.start) + mark.length);
    let end = text.length;
    for (const mark of ['. ', '! ', '? ', '\n']) {
      const at = text.indexOf(mark, t.end);
      if (at !== -1) end = Math.min(end, at + 1);
    }
    const last = spans[spans.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
  }
  return spans.map(([a, b]) => text.slice(a, b).trim()).join('\n');
}

export interface Candidate {
  /** Display form (base, no genitive). */
  name: string;
  words: string[];
  votes: { person: number; organisation: number };
  count: number;
  /** Times seen other than as the first words of a sentence. */
  mid: number;
}

export function baseOf(word: string): string {
  return /['’]s$|:\p{L}+$/u.test(word) ? (inflectionBases(word)[0] ?? word) : word;
}

export function isStaticPhrase(words: string[], index: PhraseIndex): boolean {
  const n = norm(words.join(' '));
  if (index.phrases.has(n) || index.blocked.has(n)) return true;
  const last = words[words.length - 1]!;
  return inflectionBases(last).some((b) => index.phrases.has(norm([...words.slice(0, -1), b].join(' '))));
}

/** Capitalised runs of words in one source, cleaned into candidate names. */
export function discoverRuns(
  tokens: Token[],
  lang: string,
  lowerSeen: Set<string>,
  add: (words: string[], votes: Partial<Candidate['votes']>, initial?: boolean) => void,
) {
  const stop = stopwordsFor(lang);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!t.cap || t.headline) {
      i++;
      continue;
    }
    // Collect the run: capitalised words joined by spaces, with lower-case connectors inside.
    const run: Token[] = [t];
    let j = i + 1;
    while (j < tokens.length) {
      const u = tokens[j]!;
      if (!u.joined) break;
      if (u.cap) {
        run.push(u);
        j++;
        continue;
      }
      const next = tokens[j + 1];
      if (CONNECTORS.has(u.norm) && next && next.cap && next.joined && u.text === u.text.toLowerCase()) {
        run.push(u, next);
        j += 2;
        continue;
      }
      const after = tokens[j + 2];
      if (next && after && after.cap && next.joined && after.joined && CONNECTOR_PAIRS.has(`${u.norm} ${next.norm}`)) {
        run.push(u, next, after);
        j += 3;
        continue;
      }
      break;
    }
    const before = tokens.slice(Math.max(0, i - 3), i);
    i = j;
    // Split at weekdays and months; clean each piece.
    let piece: Token[] = [];
    const flush = () => {
      if (piece.length) cleanRun(piece, lang, stop, lowerSeen, add, before);
      piece = [];
    };
    for (const u of run) {
      if (CALENDAR.has(u.norm)) flush();
      else piece.push(u);
    }
    flush();
  }
}

export function cleanRun(
  run: Token[],
  lang: string,
  stop: Set<string>,
  lowerSeen: Set<string>,
  add: (words: string[], votes: Partial<Candidate['votes']>, initial?: boolean) => void,
  before: Token[],
) {
  let words = run.slice();
  let titled = false;
  // "le ministre du Commerce Oksana Melnyk", "ministro de Economía …": the first word is the portfolio.
  const [b1, b2, b3] = [before[before.length - 1], before[before.length - 2], before[before.length - 3]];
  const portfolioTitle = (b: Token | undefined) => !!b && !b.cap && /minist|secretari|secretaire|secretar/.test(b.norm);
  const orgEnding = ORG_SUFFIXES.has(words[words.length - 1]!.norm);
  if (
    b1 &&
    words.length > 2 &&
    !orgEnding &&
    /^(du|de|des|del|d'|la)$/.test(b1.norm) &&
    [b2, b3].some(portfolioTitle)
  ) {
    words = words.slice(1);
    titled = true;
  }
  // German "Analysten von Nordvik Energy": a capitalised noun before a connector is not part of the name.
  if (NOUN_CAPS.has(lang) && !isGivenName(words[0]!.norm)) {
    const k = words.findIndex((w, i) => i > 0 && CONNECTORS.has(w.norm));
    if (k > 0 && k < words.length - 1) words = words.slice(k + 1);
  }
  // Titles: drop everything up to the last title word ("French President Emmanuel Macron").
  let lastTitle = -1;
  words.forEach((w, k) => {
    if (isTitle(w.norm) || isTitle(norm(baseOf(w.text)))) lastTitle = k;
  });
  // "Calloway Defence Systems" is an organisation, not the title "Defence" before a name.
  if (lastTitle >= 0 && ORG_SUFFIXES.has(words[words.length - 1]!.norm) && lastTitle < words.length - 1) lastTitle = -1;
  if (lastTitle >= 0 && lastTitle < words.length - 1) {
    words = words.slice(lastTitle + 1);
    titled = true;
  } else if (lastTitle === words.length - 1) return;
  // A sentence-initial ordinary word is not part of a name ("Yesterday Acme Logistics", "Även Kina").
  while (words.length && words[0]!.sentStart && isOrdinary(words[0]!, stop, lowerSeen)) words = words.slice(1);
  // "Pourtant Paul Desrosiers": a sentence-initial word before a given name is not part of the name.
  if (words.length > 2 && words[0]!.sentStart && !isGivenName(words[0]!.norm) && isGivenName(words[1]!.norm))
    words = words.slice(1);
  while (words.length > 1 && ARTICLES.has(words[0]!.norm)) words = words.slice(1);
  while (words.length && CONNECTORS.has(words[words.length - 1]!.norm)) words = words.slice(0, -1);
  while (words.length && CONNECTORS.has(words[0]!.norm)) words = words.slice(1);
  if (words.length === 0) return;
  if (words.every((w) => BOILERPLATE.has(w.norm) || stop.has(w.norm) || isTitle(w.norm))) return;
  if (words.some((w) => NON_ACTOR.has(w.norm) || NON_ACTOR.has(norm(baseOf(w.text))))) return;
  if (words.some((w) => /^\p{N}+$/u.test(w.text))) return;
  const texts = words.map((w) => w.text);
  texts[texts.length - 1] = baseOf(texts[texts.length - 1]!);
  if (words.length === 1) {
    // Single words become names only after a title ("Mr Macron"), never on their own in a run.
    if (titled && !stop.has(words[0]!.norm) && !lowerSeen.has(words[0]!.norm)) add(texts, { person: 1 });
    return;
  }
  if (isPlace(norm(texts.join(' '))) || words.every((w) => isPlace(w.norm))) return;
  const given = isGivenName(words[0]!.norm);
  const orgMarked = ORG_SUFFIXES.has(norm(texts[texts.length - 1]!)) || words.some((w) => ORG_HEADS.has(w.norm));
  if (NOUN_CAPS.has(lang) && !titled && !given && !orgMarked) return;
  add(texts, { person: (titled ? 2 : 0) + (given ? 2 : 0) }, words[0]!.sentStart && !titled);
}

/** A sentence-initial word that is an ordinary word, not a name: a stop word, a date word, or a word the text also uses in lower case. */
export function isOrdinary(t: Token, stop: Set<string>, lowerSeen: Set<string>): boolean {
  if (stop.has(t.norm) || CALENDAR.has(t.norm) || BOILERPLATE.has(t.norm) || lowerSeen.has(t.norm)) return true;
  // An English word compromise knows as something other than a name ("Yesterday", "Officials").
  const tags = lexTags(t.norm);
  return tags !== '' && !/Name|Person|Organization|Place|Country|City|Region|ProperNoun/.test(tags);
}

export function classify(c: Candidate, staticIndex: PhraseIndex): ActorKind {
  const normed = c.words.map(norm);
  let org = c.votes.organisation;
  let person = c.votes.person;
  const last = normed[normed.length - 1]!;
  if (ORG_SUFFIXES.has(last)) org += 3;
  if (normed.some((w) => ORG_HEADS.has(w))) org += 3;
  if (c.words.some((w) => w.length >= 2 && /^\p{Lu}+$/u.test(w))) org += 1;
  if (normed.some((w) => staticIndex.phrases.has(w) || inflectionBases(w).some((b) => staticIndex.phrases.has(b))))
    org += 1;
  if (normed.some((w) => w === 'of' || w === 'for' || w === 'and' || w === '&')) org += 1;
  if (c.words.length <= 3) person += 1;
  else org += 1;
  // Names of people are made of names; "Northern Ledger", "Cyclone Ilse" contain ordinary words.
  if (isGivenName(normed[0]!)) person += 1;
  const ordinary = normed.filter((w) => {
    const tags = lexTags(w);
    // Content words only: "Per" (a Swedish given name) is also an English preposition.
    return (
      /Noun|Adjective|Singular|Plural|Uncountable|Verb|Gerund/.test(tags) &&
      !/Name|Person|Organization|Place|Country|City|Region|ProperNoun/.test(tags)
    );
  }).length;
  if (ordinary > 0 && !isGivenName(normed[0]!)) org += 2 * ordinary;
  return org > person ? 'organisation' : 'person';
}

export const LEGAL_SUFFIXES = new Set([
  'ltd',
  'limited',
  'plc',
  'inc',
  'corp',
  'llc',
  'ab',
  'asa',
  'oyj',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'nv',
  'bv',
  'spa',
  'se',
  'co',
]);

/** Short forms a full name is later written as: a person's surname; an organisation without its legal suffix, or its first word when the rest is generic ("Nordvik Energy" → "Nordvik"). */
export function shortForms(words: string[], kind: ActorKind): string[] {
  if (kind === 'person') {
    const last = words[words.length - 1]!;
    const i = words.findIndex((w, k) => k > 0 && CONNECTORS.has(norm(w)));
    return i > 0 ? [words.slice(i).join(' '), last] : [last];
  }
  const out: string[] = [];
  let core = words;
  while (core.length > 1 && LEGAL_SUFFIXES.has(norm(core[core.length - 1]!))) core = core.slice(0, -1);
  if (core.length < words.length) out.push(core.join(' '));
  if (core.length === 2 && ORG_SUFFIXES.has(norm(core[1]!)) && !CONNECTORS.has(norm(core[0]!))) out.push(core[0]!);
  return out;
}
