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
 */
import nlp from 'compromise';
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import type { Actor, ActorKind } from '../../../shared/model';
import { textHash } from '../../../shared/hash';
import { type ActorSuggestion, type ActorOccurrence, actorNameKeys, inflectionBases, normaliseAlias } from '../../../shared/actors';
import { addPhrase, emptyIndex, makeEntry, staticGazetteer, type PhraseEntry, type PhraseIndex } from './gazetteer';
import lexicon from './data/lexicon.json' with { type: 'json' };

export interface SuggestInput {
  sources: Array<{ id: string; text: string; language: string }>;
  actors: Actor[];
  /** Keys of suggestions the person rejected. */
  rejected: string[];
}

// ---------------------------------------------------------------- word lists

const norm = (w: string) => normaliseAlias(w);
const TITLES = new Set(lexicon.titles.map(norm));
const CALENDAR = new Set(lexicon.calendar.map(norm));
/** Compound titles: "Utrikesministern", "Außenministerin", "Bundespräsident", "generalsekreteraren". */
const TITLE_ENDING = /(minister|ministern|ministerin|ministre|ministro|ministra|president|presidenten|presidentin|prasident|prasidentin|kanzler|kanzlerin|sekreterare|sekreteraren|sekretar|sekretarin|direktor|direktorin|ordforande|ordforanden|talesperson|sprecher|sprecherin|kommissionar|kommissar|kommissarin|ambassador|ambassadoren|botschafter|botschafterin)$/;
export function isTitle(normWord: string): boolean {
  return TITLES.has(normWord) || TITLE_ENDING.test(normWord);
}
const CONNECTORS = new Set(lexicon.connectors.map(norm));
const ARTICLES = new Set(lexicon.articles.map(norm));
const CONNECTOR_PAIRS = new Set(lexicon.connectorPairs.map(norm));
const ORG_SUFFIXES = new Set(lexicon.orgSuffixes.map(norm));
const ORG_HEADS = new Set(lexicon.orgHeads.map(norm));
const BOILERPLATE = new Set(lexicon.boilerplate.map(norm));
const NON_ACTOR = new Set(lexicon.nonActorWords.map(norm));
/** compromise's English lexicon (word → tags): it knows some thousands of given names and places. */
const NLP_LEXICON = (nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one.lexicon;
function lexTags(word: string): string {
  return NLP_LEXICON[word] ?? '';
}
/** A given name compromise knows ("Ingrid", "Emmanuel", "Olaf"). */
export function isGivenName(normWord: string): boolean {
  return /FemaleName|MaleName|FirstName/.test(lexTags(normWord));
}
function isPlace(normPhrase: string): boolean {
  return /City|Country|Region|Place/.test(lexTags(normPhrase));
}
/** Languages that capitalise every noun: a capitalised run there is a name only with more evidence. */
const NOUN_CAPS = new Set(['de', 'lb']);
const STOP = stopwordsIso as unknown as Record<string, string[]>;
const stopCache = new Map<string, Set<string>>();
function stopwords(lang: string): Set<string> {
  let s = stopCache.get(lang);
  if (!s) {
    // stopwords-iso's lists are broad (English has "microsoft", "uk", "group"): keep out words compromise knows as names.
    s = new Set((STOP[lang] ?? []).map(norm).filter((w) => !/Organization|Person|Place|Country|City|Name|Region/.test(lexTags(w))));
    stopCache.set(lang, s);
  }
  return s;
}
/** Stop words of the source's language plus English (English words turn up everywhere: "The", "In"). */
function stopwordsFor(lang: string): Set<string> {
  const key = `${lang}+en`;
  let s = stopCache.get(key);
  if (!s) {
    s = new Set([...stopwords('en'), ...(lang !== 'en' && lang !== 'und' ? stopwords(lang) : [])]);
    stopCache.set(key, s);
  }
  return s;
}

// ---------------------------------------------------------------- tokens

export interface Token {
  text: string;
  start: number;
  end: number;
  norm: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** First word of a sentence, a line or a quotation. */
  sentStart: boolean;
  /** Only spaces (no newline, no punctuation) between this token and the previous one. */
  joined: boolean;
  /** In a line written in title case (a headline). */
  headline: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’:\-‑&][\p{L}\p{M}\p{N}]+)*/gu;
const ELISION = /^(?:[lLdD]|[qQ]u|[jJ]usqu|[lL]orsqu)['’](?=\p{Lu})/u;
const SENTENCE_END = /[.!?\n“"«‹–—:;(•|]/;

/** First words of a byline or credit line, which is written in capitals but is not a headline. */
const BYLINE = new Set(['by', 'av', 'von', 'par', 'por', 'text', 'foto', 'photo', 'bild', 'reporting', 'written']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let t = m[0];
    let start = m.index;
    const el = ELISION.exec(t);
    if (el) {
      start += el[0].length;
      t = t.slice(el[0].length);
    }
    const prev = tokens[tokens.length - 1];
    const gap = text.slice(prev ? prev.end : 0, start);
    const lastChar = gap.replace(/[\s\u00a0]+$/u, '').slice(-1);
    tokens.push({
      text: t,
      start,
      end: start + t.length,
      norm: norm(t),
      cap: /^\p{Lu}/u.test(t),
      sentStart: !prev || (lastChar !== '' && SENTENCE_END.test(lastChar)) || gap.includes('\n'),
      // Words joined by spaces only, or by a plural possessive ("Transport Workers’ Union").
      joined: !!prev && (/^[ \u00a0]+$/.test(gap) || (/^['’][ \u00a0]+$/.test(gap) && /s$/i.test(prev.text))),
      headline: false,
    });
  }
  // Headlines: a line of four or more words, most of them capitalised.
  let lineStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const newLine = i === tokens.length || (i > 0 && text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n'));
    if (newLine && i > lineStart) {
      const line = tokens.slice(lineStart, i).filter((t) => /\p{L}/u.test(t.text));
      const caps = line.filter((t) => t.cap).length;
      const byline = line.length > 0 && BYLINE.has(line[0]!.norm);
      if (!byline && line.length >= 4 && caps / line.length >= 0.8) for (let j = lineStart; j < i; j++) tokens[j]!.headline = true;
      lineStart = i;
    }
  }
  return tokens;
}

// ---------------------------------------------------------------- compromise (English), cached per text

const nlpCache = new Map<string, { people: string[]; orgs: string[] }>();
const NLP_CACHE_MAX = 5000;


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
function compromiseInput(
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
    if (stop.has(t.norm) || CALENDAR.has(t.norm) || BOILERPLATE.has(t.norm) || isTitle(t.norm) || NON_ACTOR.has(t.norm)) continue;
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

interface Candidate {
  /** Display form (base, no genitive). */
  name: string;
  words: string[];
  votes: { person: number; organisation: number };
  count: number;
  /** Times seen other than as the first words of a sentence. */
  mid: number;
}

function baseOf(word: string): string {
  return /['’]s$|:\p{L}+$/u.test(word) ? (inflectionBases(word)[0] ?? word) : word;
}

function isStaticPhrase(words: string[], index: PhraseIndex): boolean {
  const n = norm(words.join(' '));
  if (index.phrases.has(n) || index.blocked.has(n)) return true;
  const last = words[words.length - 1]!;
  return inflectionBases(last).some((b) => index.phrases.has(norm([...words.slice(0, -1), b].join(' '))));
}

/** Capitalised runs of words in one source, cleaned into candidate names. */
function discoverRuns(tokens: Token[], lang: string, lowerSeen: Set<string>, add: (words: string[], votes: Partial<Candidate['votes']>, initial?: boolean) => void) {
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

function cleanRun(
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
  if (b1 && words.length > 2 && !orgEnding && /^(du|de|des|del|d'|la)$/.test(b1.norm) && [b2, b3].some(portfolioTitle)) {
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
  if (words.length > 2 && words[0]!.sentStart && !isGivenName(words[0]!.norm) && isGivenName(words[1]!.norm)) words = words.slice(1);
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
function isOrdinary(t: Token, stop: Set<string>, lowerSeen: Set<string>): boolean {
  if (stop.has(t.norm) || CALENDAR.has(t.norm) || BOILERPLATE.has(t.norm) || lowerSeen.has(t.norm)) return true;
  // An English word compromise knows as something other than a name ("Yesterday", "Officials").
  const tags = lexTags(t.norm);
  return tags !== '' && !/Name|Person|Organization|Place|Country|City|Region|ProperNoun/.test(tags);
}

function classify(c: Candidate, staticIndex: PhraseIndex): ActorKind {
  const normed = c.words.map(norm);
  let org = c.votes.organisation;
  let person = c.votes.person;
  const last = normed[normed.length - 1]!;
  if (ORG_SUFFIXES.has(last)) org += 3;
  if (normed.some((w) => ORG_HEADS.has(w))) org += 3;
  if (c.words.some((w) => w.length >= 2 && /^\p{Lu}+$/u.test(w))) org += 1;
  if (normed.some((w) => staticIndex.phrases.has(w) || inflectionBases(w).some((b) => staticIndex.phrases.has(b)))) org += 1;
  if (normed.some((w) => w === 'of' || w === 'for' || w === 'and' || w === '&')) org += 1;
  if (c.words.length <= 3) person += 1;
  else org += 1;
  // Names of people are made of names; "Northern Ledger", "Cyclone Ilse" contain ordinary words.
  if (isGivenName(normed[0]!)) person += 1;
  const ordinary = normed.filter((w) => {
    const tags = lexTags(w);
    // Content words only: "Per" (a Swedish given name) is also an English preposition.
    return /Noun|Adjective|Singular|Plural|Uncountable|Verb|Gerund/.test(tags) && !/Name|Person|Organization|Place|Country|City|Region|ProperNoun/.test(tags);
  }).length;
  if (ordinary > 0 && !isGivenName(normed[0]!)) org += 2 * ordinary;
  return org > person ? 'organisation' : 'person';
}

const LEGAL_SUFFIXES = new Set(['ltd', 'limited', 'plc', 'inc', 'corp', 'llc', 'ab', 'asa', 'oyj', 'gmbh', 'ag', 'sa', 'sas', 'nv', 'bv', 'spa', 'se', 'co']);

/** Short forms a full name is later written as: a person's surname; an organisation without its legal suffix, or its first word when the rest is generic ("Nordvik Energy" → "Nordvik"). */
function shortForms(words: string[], kind: ActorKind): string[] {
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

// ---------------------------------------------------------------- matching (pass 2)

interface Match {
  entry: PhraseEntry;
  start: number;
  end: number;
  /** Base surface, genitive removed. */
  base: string;
}

function entryFits(e: PhraseEntry, surfaceBase: string, lang: string): boolean {
  if (e.langs && lang !== 'und' && !e.langs.has(lang)) return false;
  if (e.acronym) {
    const letters = surfaceBase.replace(/[^\p{L}]/gu, '');
    if (letters !== letters.toUpperCase()) return false;
  } else if (e.capital && !/^\p{Lu}/u.test(surfaceBase)) return false;
  return true;
}

function pick(indexes: PhraseIndex[], key: string, surfaceBase: string, lang: string): PhraseEntry | undefined {
  let best: PhraseEntry | undefined;
  for (const index of indexes) {
    for (const e of index.phrases.get(key) ?? []) {
      if (entryFits(e, surfaceBase, lang) && (!best || e.priority < best.priority)) best = e;
    }
  }
  return best;
}

function matchSource(text: string, tokens: Token[], lang: string, indexes: PhraseIndex[]): Match[] {
  const out: Match[] = [];
  const MAX = 9;
  let i = 0;
  while (i < tokens.length) {
    let best: { match?: Match; blocked?: boolean; len: number } | undefined;
    let key = '';
    for (let len = 1; len <= MAX && i + len <= tokens.length; len++) {
      const t = tokens[i + len - 1]!;
      if (len > 1 && !t.joined) break;
      const prevKey = key;
      key = len === 1 ? t.norm : `${key} ${t.norm}`;
      const first = tokens[i]!;
      const surface = text.slice(first.start, t.end);
      if (indexes.some((x) => x.blocked.has(key))) best = { blocked: true, len };
      else {
        const e = pick(indexes, key, surface, lang);
        if (e) best = { match: { entry: e, start: first.start, end: t.end, base: surface }, len };
        else {
          for (const b of inflectionBases(t.text)) {
            const k2 = len === 1 ? norm(b) : `${prevKey} ${norm(b)}`;
            const base = text.slice(first.start, t.start) + b;
            const e2 = pick(indexes, k2, base, lang);
            if (e2) {
              best = { match: { entry: e2, start: first.start, end: t.end, base }, len };
              break;
            }
          }
        }
      }
      if (!indexes.some((x) => x.prefixes.has(key))) break;
    }
    if (!best) {
      // "Nato-toppmötet", "FN-chefen", "US-led": a known name before a hyphen.
      const t = tokens[i]!;
      const hy = /^([^-‑]+)[-‑]/u.exec(t.text);
      if (hy) {
        const e = pick(indexes, norm(hy[1]!), hy[1]!, lang);
        if (e && (e.acronym || e.kind === 'state' || e.kind === 'igo')) out.push({ entry: e, start: t.start, end: t.start + hy[1]!.length, base: hy[1]! });
      }
      i++;
      continue;
    }
    if (best.match) out.push(best.match);
    i += best.len;
  }
  return out;
}

// ---------------------------------------------------------------- the whole thing

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
    entityKey ??= `name:${normaliseAlias(actor.name)}`;
    if (actorByKey.has(entityKey)) continue;
    actorByKey.set(entityKey, actor);
    for (const alias of [actor.name, ...actor.aliases]) {
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
  const lowerSeen = new Set(corpusLower);
  for (const [w, next] of initialNext) if (next.size >= 3 && !capMid.has(w) && !isGivenName(w)) lowerSeen.add(w);
  input.sources.forEach((source, si) => discoverRuns(tokenized[si]!, source.language, lowerSeen, addCandidate));
  // Words of the multi-word names found so far ("Solheim" of "Ingrid Solheim"): compromise need not look at them.
  const knownWords = new Set<string>();
  for (const c of candidates.values()) if (c.words.length > 1) for (const w of c.words) knownWords.add(norm(baseOf(w)));
  for (const actor of input.actors) for (const k of actorNameKeys(actor)) for (const w of k.split(' ')) knownWords.add(w);
  input.sources.forEach((source, si) => {
    const tokens = tokenized[si]!;
    if (source.language === 'en') {
      const stop = stopwordsFor('en');
      const focus = compromiseInput(source.text, tokens, staticIndex, stop, lowerSeen, knownWords);
      const { people, orgs } = focus ? englishNames(focus) : { people: [], orgs: [] };
      const clean = (raw: string, kind: 'person' | 'organisation') => {
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
        if (words.length === 1 && (stop.has(n) || CALENDAR.has(n) || BOILERPLATE.has(n) || isTitle(n) || lowerSeen.has(n) || NON_ACTOR.has(n))) return;
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
  for (const c of candidates.values()) if (c.words.length > 1 && c.mid > 0) {
    const w = norm(c.words[c.words.length - 1]!);
    lastWords.set(w, (lastWords.get(w) ?? 0) + 1);
  }
  for (const [key, c] of candidates) {
    if (c.words.length === 2 && c.mid === 0 && !isGivenName(norm(c.words[0]!)) && lastWords.has(norm(c.words[1]!))) candidates.delete(key);
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
      if (s.length < 3 || s === norm(words.join(' ')) || isTitle(s) || stopwords('en').has(s) || BOILERPLATE.has(s) || CALENDAR.has(s)) continue;
      if (staticIndex.phrases.has(s) || corpusLower.has(s)) continue;
      let o = shortOwners.get(s);
      if (!o) shortOwners.set(s, (o = { owners: new Map(), surface: short }));
      o.owners.set(owner, { name, kind });
    }
  };
  for (const actor of input.actors) {
    const owner = actorNameOwner.get(normaliseAlias(actor.name));
    if (owner) addShorts(tokenize(actor.name).map((t) => t.text), owner, actor.name, actor.kind);
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
      if (g.sourceIds[g.sourceIds.length - 1] !== source.id && !g.sourceIds.includes(source.id)) g.sourceIds.push(source.id);
      g.occurrences.push({ sourceId: source.id, start: m.start, end: m.end, surface: source.text.slice(m.start, m.end) });
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
