/**
 * Name discovery (pass 1 of detect.ts): capitalised runs of words cleaned into
 * candidate names (titles, sentence-initial ordinary words, weekdays and
 * months stripped), compromise's English people and organisations, the kind
 * of each candidate, and the short forms a full name is later written as.
 *
 * Size: the run scanner, its cleaning steps and the kind evidence they feed are one sequence of rules that is
 * read (and tuned) together; splitting it would scatter each rule's reason away from the step it explains.
 */
import nlp from 'compromise';
import type { ActorKind } from '../../../shared/model';
import { textHash } from '../../../shared/hash';
import { inflectionBases } from '../../../shared/actors';
import type { PhraseIndex } from './gazetteer';
import {
  AND_WORDS,
  APPOSITION_ARTICLES,
  ARTICLES,
  BOILERPLATE,
  CALENDAR,
  CONNECTOR_PAIRS,
  CONNECTORS,
  NON_ACTOR,
  NOUN_CAPS,
  ORG_CONTEXT,
  ORG_ENDING,
  ORG_HEADS,
  ORG_SUFFIXES,
  PERSON_CONTEXT,
  SV_ORG_HEADS,
  isCompanyName,
  isGivenName,
  isLexiconPlace,
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
  votes: { person: number; organisation: number; speech?: number };
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

/** A word ending in a singular possessive: "Marine's", "Microsoft’s". */
const POSSESSIVE = /['’]s$/u;
/** Connectors after which "and" still belongs to the name: "Alliance for Safe Shipping and Fair Ports". */
const PURPOSE = new Set(['for', 'of', 'för'].map(norm));
/** "Accord for …", "Initiative för …": the name of a body acting for a purpose, not an event or a text. */
const FOR = new Set(['for', 'för'].map(norm));

/** Evidence of a name's kind in the words around it. */
export interface Context {
  /** Up to three tokens before the name. */
  before: Token[];
  /** Up to six tokens after it. */
  after: Token[];
  /** The text between the name and the next token. */
  gapAfter: string;
  /** How often the sources write each word with a capital (by base form too). */
  capitalSeen: ReadonlyMap<string, number>;
}

/** Capitalised runs of words in one source, cleaned into candidate names. */
export function discoverRuns(
  text: string,
  tokens: Token[],
  lang: string,
  lowerSeen: Set<string>,
  add: (words: string[], votes: Partial<Candidate['votes']>, initial?: boolean) => void,
  capitalSeen: ReadonlyMap<string, number> = new Map(),
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
    let purpose = false;
    let j = i + 1;
    while (j < tokens.length) {
      const u = tokens[j]!;
      if (!u.joined) break;
      // "Tidewater Freight's Chief Executive": the possessive ends the name.
      if (POSSESSIVE.test(run[run.length - 1]!.text)) break;
      // "Greyfield Logistics' Contract" ends at the possessive; "Transport Workers’ Union" goes on.
      if (u.afterPlural && !pluralPossessiveGoesOn(tokens, j)) break;
      if (u.cap) {
        run.push(u);
        j++;
        continue;
      }
      const next = tokens[j + 1];
      const lowerConnector = u.text === u.text.toLowerCase();
      if (
        lowerConnector &&
        next &&
        next.cap &&
        next.joined &&
        (CONNECTORS.has(u.norm) || (purpose && AND_WORDS.has(u.norm)))
      ) {
        if (PURPOSE.has(u.norm)) purpose = true;
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
    // "Myndigheten för samhällsskydd och beredskap": a Swedish name with a capital on its first word only.
    if (
      run.length === 1 &&
      lang === 'sv' &&
      SV_ORG_HEADS.has(t.norm) &&
      tokens[j]?.norm === 'for' &&
      tokens[j]!.joined
    ) {
      const k = swedishPurposeEnd(tokens, j + 1, stop);
      if (k > j + 1) {
        for (let m = j; m < k; m++) run.push(tokens[m]!);
        j = k;
      }
    }
    const before = tokens.slice(Math.max(0, i - 3), i);
    const last = tokens[j - 1]!;
    const context: Context = {
      before,
      after: tokens.slice(j, j + 6),
      gapAfter: tokens[j] ? text.slice(last.end, tokens[j]!.start) : text.slice(last.end),
      capitalSeen,
    };
    i = j;
    // Split at weekdays and months; clean each piece.
    let piece: Token[] = [];
    const flush = () => {
      if (piece.length) cleanRun(piece, lang, stop, lowerSeen, add, context);
      piece = [];
    };
    for (const u of run) {
      if (CALENDAR.has(u.norm)) flush();
      else piece.push(u);
    }
    flush();
  }
}

/** After "Workers’", the run goes on only when the capitalised words that follow end in an organisation word. */
function pluralPossessiveGoesOn(tokens: Token[], j: number): boolean {
  let k = j;
  while (k + 1 < tokens.length && tokens[k + 1]!.cap && tokens[k + 1]!.joined) k++;
  const lastWord = tokens[k]!.norm;
  return ORG_SUFFIXES.has(lastWord) || ORG_HEADS.has(lastWord);
}

/** Where the lower-case words of "Myndigheten för samhällsskydd och beredskap" end: before a stop word, punctuation, or after six words. */
function swedishPurposeEnd(tokens: Token[], from: number, stop: Set<string>): number {
  let k = from;
  while (k < tokens.length && k - from < 6) {
    const u = tokens[k]!;
    if (!u.joined || u.cap) break;
    if (AND_WORDS.has(u.norm)) {
      const next = tokens[k + 1];
      if (!next || !next.joined || next.cap || stop.has(next.norm)) break;
      k++;
      continue;
    }
    if (stop.has(u.norm) || CALENDAR.has(u.norm)) break;
    k++;
  }
  return k;
}

export function cleanRun(
  run: Token[],
  lang: string,
  stop: Set<string>,
  lowerSeen: Set<string>,
  add: (words: string[], votes: Partial<Candidate['votes']>, initial?: boolean) => void,
  context: Context,
) {
  const { before } = context;
  // "Quentin Ashby of Brightwater Analytics": a person's name, then the organisation they speak for.
  const g = run.findIndex((w, k) => k < 2 && isGivenName(w.norm));
  const ofAt = g < 0 ? -1 : run.findIndex((w, k) => (k === g + 2 || k === g + 3) && w.norm === 'of');
  if (ofAt > 0 && run.slice(0, ofAt).every((w) => w.cap)) {
    cleanRun(run.slice(0, ofAt), lang, stop, lowerSeen, add, context);
    cleanRun(run.slice(ofAt + 1), lang, stop, lowerSeen, add, { ...context, before: run.slice(ofAt, ofAt + 1) });
    return;
  }
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
  // A sentence-initial ordinary word is not part of a name ("Yesterday Acme Logistics", "Även Kina") — but an
  // adjective or noun the text never writes in lower case may start an organisation's name ("Silver Fern Partners").
  const orgTail = words.length > 2 && ORG_SUFFIXES.has(words[words.length - 1]!.norm);
  while (
    words.length &&
    words[0]!.sentStart &&
    isOrdinary(words[0]!, stop, lowerSeen) &&
    !(orgTail && nameLikeStart(words[0]!, stop, lowerSeen))
  )
    words = words.slice(1);
  // "Bogserbolaget Norrhamn Bogsering AB": a Swedish definite noun ("the towing company") before the name.
  if (words.length > 2 && ORG_ENDING.test(words[0]!.norm)) words = words.slice(1);
  // "Pourtant Paul Desrosiers": a sentence-initial word before a given name is not part of the name.
  if (
    words.length > 2 &&
    words[0]!.sentStart &&
    !orgTail &&
    !isGivenName(words[0]!.norm) &&
    isGivenName(words[1]!.norm)
  )
    words = words.slice(1);
  while (words.length > 1 && ARTICLES.has(words[0]!.norm)) words = words.slice(1);
  while (words.length && CONNECTORS.has(words[words.length - 1]!.norm)) words = words.slice(0, -1);
  while (words.length && CONNECTORS.has(words[0]!.norm)) words = words.slice(1);
  if (words.length === 0) return;
  if (words.every((w) => BOILERPLATE.has(w.norm) || stop.has(w.norm) || isTitle(w.norm))) return;
  // "Summit", "Accord" make a name an event or a text — unless a purpose follows ("Accord for Safe Shipping"):
  // then it is the name of the initiative that acts under it.
  const purposeAt = words.findIndex((w, k) => k > 0 && FOR.has(w.norm));
  if (
    words.some(
      (w, k) => (NON_ACTOR.has(w.norm) || NON_ACTOR.has(norm(baseOf(w.text)))) && (purposeAt === -1 || k > purposeAt),
    )
  )
    return;
  if (words.some((w) => /^\p{N}+$/u.test(w.text))) return;
  const texts = words.map((w) => w.text);
  texts[texts.length - 1] = baseOf(texts[texts.length - 1]!);
  const lastNorm = norm(texts[texts.length - 1]!);
  const evidence = contextVotes(context);
  if (words.length === 1) {
    const w = words[0]!;
    const ordinary = stop.has(w.norm) || lowerSeen.has(w.norm) || lowerSeen.has(lastNorm);
    // A company on the maintained list ("Microsoft", "Microsofts"), or a compound organisation word.
    const prev = before[before.length - 1];
    // At the start of a sentence only when the sources name it more than once: "Freight from Cape Town" is a
    // word the company list also holds.
    const company = isCompanyName(lastNorm) ? lastNorm : inflectionBases(w.text).map(norm).find(isCompanyName);
    const known =
      company !== undefined &&
      !(prev && w.joined && LOCATIVE.has(prev.norm)) &&
      (!w.sentStart || (context.capitalSeen.get(company) ?? 0) >= 2);
    if (!ordinary && (known || ORG_ENDING.test(lastNorm))) {
      add(known && company !== lastNorm ? [stripGenitive(w.text)] : texts, { organisation: 3 });
      return;
    }
    // "Kajkanten, a news blog": an apposition naming an organisation.
    const tags = lexTags(w.norm);
    if (
      !ordinary &&
      (!w.sentStart || tags === '') &&
      evidence.organisation >= 2 &&
      !isPlace(w.norm) &&
      !/Demonym|Adjective/.test(tags)
    ) {
      add(texts, { organisation: 2 });
      return;
    }
    // Otherwise single words become names only after a title ("Mr Macron"), never on their own in a run.
    if (titled && !ordinary) add(texts, { person: 1 });
    return;
  }
  // A city ("Cape Town"), or words that are each a place compromise knows ("Stockholm Oslo").
  if (isPlace(norm(texts.join(' '))) || words.every((w) => isLexiconPlace(w.norm))) return;
  const given = isGivenName(words[0]!.norm);
  const orgMarked = ORG_SUFFIXES.has(lastNorm) || words.some((w) => ORG_HEADS.has(w.norm));
  // "Microsoft's Datacentre Unit": words right after a possessive are a part or a role of the owner, not
  // a name of their own, unless they are a person's or an organisation's name.
  const prev = before[before.length - 1];
  if (prev && words[0] === run[0] && run[0]!.joined && POSSESSIVE.test(prev.text) && !given && !orgMarked && !titled)
    return;
  if (NOUN_CAPS.has(lang) && !titled && !given && !orgMarked) return;
  add(texts, { person: (titled ? 2 : 0) + (given ? 2 : 0), ...evidence }, words[0]!.sentStart && !titled);
}

/** Prepositions of place: "in Aberdeen" names a place even when a company is called so too. */
const LOCATIVE = new Set([
  'in',
  'at',
  'from',
  'near',
  'outside',
  'i',
  'pa',
  'fran',
  'utanfor',
  'nara',
  'aus',
  'bei',
  'nach',
  'a',
  'en',
  'pres',
]);

/** "Microsofts" → "Microsoft": a word's base form when it is an inflected company name. */
function stripGenitive(word: string): string {
  return inflectionBases(word).find((b) => isCompanyName(norm(b))) ?? word;
}

/**
 * Kind evidence beside a name: a verb of speech ("…, Lindqvist said", "säger Victor Hale") is a person's;
 * an apposition or a noun after it ("Kajkanten, en lokal nyhetsblogg", "the Greyfield company") an organisation's.
 */
export function contextVotes(context: Context): { speech: number; organisation: number } {
  let person = 0;
  let organisation = 0;
  const { before, after, gapAfter } = context;
  const prev = before[before.length - 1];
  const first = after[0];
  if (first && PERSON_CONTEXT.has(first.norm) && /^[\s,]*$/u.test(gapAfter)) person += 1;
  if (prev && PERSON_CONTEXT.has(prev.norm)) person += 1;
  // "the Greyfield company" (not "the Norwegian operator": see the single-word rule).
  if (first && ORG_CONTEXT.has(first.norm) && first.joined && prev && ARTICLES.has(prev.norm)) organisation += 2;
  if (first && /^\s*,\s*$/u.test(gapAfter) && APPOSITION_ARTICLES.has(first.norm)) {
    // ", a shipping blog run by …": an organisation noun among the next few words, before any punctuation.
    for (const u of after.slice(1, 5)) {
      if (!u.joined) break;
      if (ORG_CONTEXT.has(u.norm)) {
        organisation += 2;
        break;
      }
    }
  }
  return { speech: person, organisation };
}

/** A word that may start an organisation's name although it is an English word: an adjective or noun that is no stop word and that the text never writes in lower case. */
function nameLikeStart(t: Token, stop: Set<string>, lowerSeen: Set<string>): boolean {
  if (stop.has(t.norm) || CALENDAR.has(t.norm) || BOILERPLATE.has(t.norm) || lowerSeen.has(t.norm)) return false;
  const tags = lexTags(t.norm);
  return /Adjective|Noun/.test(tags) && !/Adverb|Date|Verb|Pronoun|Determiner|Conjunction|Preposition/.test(tags);
}

/** A sentence-initial word that is an ordinary word, not a name: a stop word, a date word, or a word the text also uses in lower case. */
export function isOrdinary(t: Token, stop: Set<string>, lowerSeen: Set<string>): boolean {
  if (stop.has(t.norm) || CALENDAR.has(t.norm) || BOILERPLATE.has(t.norm) || lowerSeen.has(t.norm)) return true;
  // An English word compromise knows as something other than a name ("Yesterday", "Officials").
  const tags = lexTags(t.norm);
  return tags !== '' && !/Name|Person|Organization|Place|Country|City|Region|ProperNoun/.test(tags);
}

export function classify(c: Candidate, staticIndex: PhraseIndex): ActorKind {
  const { person, org } = kindScores(c, staticIndex);
  return person > 0 && person >= org ? 'person' : 'organisation';
}

/** The evidence for a candidate being a person and an organisation. */
export function kindScores(c: Candidate, staticIndex: PhraseIndex): { person: number; org: number } {
  const normed = c.words.map(norm);
  // Votes from each occurrence (compromise, titles, appositions) count as their average, so a name said
  // often does not outweigh what its words say.
  const seen = Math.max(1, c.count);
  let org = c.votes.organisation / seen;
  let person = c.votes.person / seen;
  // A verb of speech beside the name counts once, however often it is said: organisations speak too.
  if ((c.votes.speech ?? 0) > 0) person += 1;
  const last = normed[normed.length - 1]!;
  // A name ending in a company or body word ("Aurora Telecom", "Brandt Logistik GmbH") is an organisation's.
  if (ORG_SUFFIXES.has(last)) org += 6;
  if (normed.some((w) => ORG_HEADS.has(w))) org += 3;
  if (c.words.some((w) => w.length >= 2 && /^\p{Lu}+$/u.test(w))) org += 1;
  if (normed.some((w) => staticIndex.phrases.has(w) || inflectionBases(w).some((b) => staticIndex.phrases.has(b))))
    org += 1;
  if (normed.some((w) => w === 'of' || w === 'for' || w === 'and' || w === '&')) org += 1;
  if (isCompanyName(normed[0]!) || ORG_ENDING.test(last)) org += 3;
  // A name of two or three capitalised words is a person's only with evidence (a given name, a title, a verb of speech).
  if (c.words.length > 3) org += 1;
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
  return { person, org };
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
