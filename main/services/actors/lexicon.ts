/**
 * The word knowledge actor detection (detect.ts) relies on: the lexicon in
 * data/lexicon.json (titles, calendar words, connectors, organisation words,
 * boilerplate, words that are never actors), compromise's English lexicon
 * (given names, places) and each language's stop words.
 */
import nlp from 'compromise';
import { normaliseAlias } from '../../../shared/actors';
import { stopWords } from '../text/stop-words';
import lexicon from './data/lexicon.json' with { type: 'json' };
import { fakerGivenNames, isKnownCity, isKnownCompany } from './known-names';

export const norm = (w: string) => normaliseAlias(w);
export const TITLES = new Set(lexicon.titles.map(norm));
export const CALENDAR = new Set(lexicon.calendar.map(norm));
/** Compound titles: "Utrikesministern", "Außenministerin", "Bundespräsident", "generalsekreteraren". */
export const TITLE_ENDING =
  /(minister|ministern|ministerin|ministre|ministro|ministra|president|presidenten|presidentin|prasident|prasidentin|kanzler|kanzlerin|sekreterare|sekreteraren|sekretar|sekretarin|direktor|direktorin|ordforande|ordforanden|talesperson|sprecher|sprecherin|kommissionar|kommissar|kommissarin|ambassador|ambassadoren|botschafter|botschafterin)$/;
export function isTitle(normWord: string): boolean {
  return TITLES.has(normWord) || TITLE_ENDING.test(normWord);
}
export const CONNECTORS = new Set(lexicon.connectors.map(norm));
export const ARTICLES = new Set(lexicon.articles.map(norm));
export const CONNECTOR_PAIRS = new Set(lexicon.connectorPairs.map(norm));
export const ORG_SUFFIXES = new Set(lexicon.orgSuffixes.map(norm));
export const ORG_HEADS = new Set(lexicon.orgHeads.map(norm));
export const BOILERPLATE = new Set(lexicon.boilerplate.map(norm));
export const NON_ACTOR = new Set(lexicon.nonActorWords.map(norm));
export const AND_WORDS = new Set(lexicon.andWords.map(norm));
export const ORG_CONTEXT = new Set(lexicon.orgContext.map(norm));
export const PERSON_CONTEXT = new Set(lexicon.personContext.map(norm));
export const APPOSITION_ARTICLES = new Set(lexicon.appositionArticles.map(norm));
export const SV_ORG_HEADS = new Set(lexicon.svOrgHeads.map(norm));
/** A compound word ending in an organisation word: "Upphandlingsmyndigheten", "Näringsdepartementet". */
export const ORG_ENDING = new RegExp(`^\\p{L}{3,}(?:${lexicon.orgEndings.map(norm).join('|')})$`, 'u');
/** compromise's English lexicon (word → tags): it knows some thousands of given names and places. */
export const NLP_LEXICON = (nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one
  .lexicon;
export function lexTags(word: string): string {
  return NLP_LEXICON[word] ?? '';
}
/** A given name compromise or faker's lists know ("Ingrid", "Emmanuel", "Mette", "Ulf"). */
export function isGivenName(normWord: string): boolean {
  return /FemaleName|MaleName|FirstName/.test(lexTags(normWord)) || fakerGivenNames().has(normWord);
}
/** An English word compromise knows as something other than a name ("data", "energy", "green"). */
function isOrdinaryEnglish(normWord: string): boolean {
  const tags = lexTags(normWord);
  return tags !== '' && !/Organization|Person|Name|ProperNoun/.test(tags);
}
/**
 * A company on the maintained list ("Microsoft", "Ericsson") that is not also an ordinary word, a stop
 * word, a given name or a place: the list holds single words of longer names too ("Data", "Green").
 */
export function isCompanyName(normWord: string): boolean {
  return (
    isKnownCompany(normWord) &&
    !isOrdinaryEnglish(normWord) &&
    !isGivenName(normWord) &&
    !isPlace(normWord) &&
    !stopwords('en').has(normWord) &&
    !CALENDAR.has(normWord) &&
    !TITLES.has(normWord) &&
    !ORG_SUFFIXES.has(normWord) &&
    !ORG_HEADS.has(normWord) &&
    !BOILERPLATE.has(normWord) &&
    !NON_ACTOR.has(normWord)
  );
}
/** A place compromise knows ("Rotterdam"). */
export function isLexiconPlace(normPhrase: string): boolean {
  return /City|Country|Region|Place/.test(lexTags(normPhrase));
}
/** A place compromise knows, or a city on the cities list ("Beira", "Malmö", "Cape Town"). */
export function isPlace(normPhrase: string): boolean {
  return isLexiconPlace(normPhrase) || isKnownCity(normPhrase);
}
/** Languages that capitalise every noun: a capitalised run there is a name only with more evidence. */
export const NOUN_CAPS = new Set(['de', 'lb']);
export const stopCache = new Map<string, Set<string>>();
/** A language's broad stop-word list as it stands (folded). */
function rawStopwords(lang: string): Set<string> {
  const key = `raw:${lang}`;
  let s = stopCache.get(key);
  if (!s) stopCache.set(key, (s = new Set([...stopWords(lang)].map(norm))));
  return s;
}
export function stopwords(lang: string): Set<string> {
  let s = stopCache.get(lang);
  if (!s) {
    // stopwords-iso's lists are broad (English has "microsoft", "uk", "group"): keep out words compromise knows
    // as names, and companies on the maintained list that are not ordinary English words ("microsoft").
    s = new Set(
      [...rawStopwords(lang)].filter(
        (w) => !/Organization|Person|Place|Country|City|Name|Region/.test(lexTags(w)) && !stopwordIsCompany(w),
      ),
    );
    stopCache.set(lang, s);
  }
  return s;
}
/** A stop word that is a company's name and no English word compromise knows ("microsoft", "netscape"). */
function stopwordIsCompany(w: string): boolean {
  return w.length > 3 && isKnownCompany(w) && lexTags(w) === '';
}
/** Stop words of the source's language plus English (English words turn up everywhere: "The", "In"). */
export function stopwordsFor(lang: string): Set<string> {
  const key = `${lang}+en`;
  let s = stopCache.get(key);
  if (!s) {
    s = new Set([...stopwords('en'), ...(lang !== 'en' && lang !== 'und' ? stopwords(lang) : [])]);
    stopCache.set(key, s);
  }
  return s;
}
