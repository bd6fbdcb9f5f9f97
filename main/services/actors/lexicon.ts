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
/** compromise's English lexicon (word → tags): it knows some thousands of given names and places. */
export const NLP_LEXICON = (nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one
  .lexicon;
export function lexTags(word: string): string {
  return NLP_LEXICON[word] ?? '';
}
/** A given name compromise knows ("Ingrid", "Emmanuel", "Olaf"). */
export function isGivenName(normWord: string): boolean {
  return /FemaleName|MaleName|FirstName/.test(lexTags(normWord));
}
export function isPlace(normPhrase: string): boolean {
  return /City|Country|Region|Place/.test(lexTags(normPhrase));
}
/** Languages that capitalise every noun: a capitalised run there is a name only with more evidence. */
export const NOUN_CAPS = new Set(['de', 'lb']);
export const stopCache = new Map<string, Set<string>>();
export function stopwords(lang: string): Set<string> {
  let s = stopCache.get(lang);
  if (!s) {
    // stopwords-iso's lists are broad (English has "microsoft", "uk", "group"): keep out words compromise knows as names.
    s = new Set(
      [...stopWords(lang)]
        .map(norm)
        .filter((w) => !/Organization|Person|Place|Country|City|Name|Region/.test(lexTags(w))),
    );
    stopCache.set(lang, s);
  }
  return s;
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
