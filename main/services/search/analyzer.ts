/**
 * Text analysis for the search index: per-language stop words and Snowball
 * stemming (the `search` stop-word list, @orama/stemmers), then diacritic folding, so
 * "regeringens" and "Regeringen" index as "regering" and "Malmö" as "malmo".
 *
 * Numbers are indexed by value ("14", "fourteen", "fjorton", "vierzehn" → "14";
 * "1,200" → "1200") and weekdays by number ("Monday", "måndagen", "Montag" →
 * "wd1"), so passages in different languages meet on them.
 */
import { stemmer as stemDa } from '@orama/stemmers/danish';
import { stemmer as stemDe } from '@orama/stemmers/german';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemEs } from '@orama/stemmers/spanish';
import { stemmer as stemFr } from '@orama/stemmers/french';
import { stemmer as stemNl } from '@orama/stemmers/dutch';
import { stemmer as stemNo } from '@orama/stemmers/norwegian';
import { stemmer as stemSv } from '@orama/stemmers/swedish';
import { stopWords } from '../text/stop-words';
import { foldForMatch, numberWordValue, parseNumeral, tokenRegExp, weekdayNumber } from '../../../shared/text';

interface LanguageKit {
  stem: (word: string) => string;
  stop: ReadonlySet<string>;
}

const KITS: Record<string, LanguageKit> = {
  en: { stem: stemEn, stop: stopWords('en', 'search') },
  sv: { stem: stemSv, stop: stopWords('sv', 'search') },
  de: { stem: stemDe, stop: stopWords('de', 'search') },
  fr: { stem: stemFr, stop: stopWords('fr', 'search') },
  da: { stem: stemDa, stop: stopWords('da', 'search') },
  nb: { stem: stemNo, stop: stopWords('nb', 'search') },
  no: { stem: stemNo, stop: stopWords('no', 'search') },
  nn: { stem: stemNo, stop: stopWords('nn', 'search') },
  nl: { stem: stemNl, stop: stopWords('nl', 'search') },
  es: { stem: stemEs, stop: stopWords('es', 'search') },
};

/** Languages with a stemmer; queries are expanded over the ones the index holds. */
export const STEMMED_LANGUAGES = Object.keys(KITS);

/** Whether a lower-cased word is a stop word in `lang`. */
export function isStopWord(lower: string, lang: string): boolean {
  return KITS[lang]?.stop.has(lower) ?? false;
}

const CACHE_LIMIT = 200_000;
const caches = new Map<string, Map<string, readonly string[]>>();
const NONE: readonly string[] = [];

/** Index terms of one word written in `lang` (cached). Stop words give none. */
export function wordTerms(word: string, lang: string, numeric = false): readonly string[] {
  let cache = caches.get(lang);
  if (!cache) caches.set(lang, (cache = new Map()));
  const key = numeric ? `#${word}` : word;
  const hit = cache.get(key);
  if (hit) return hit;
  const terms = computeTerms(word, lang, numeric);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, terms);
  return terms;
}

function computeTerms(word: string, lang: string, numeric: boolean): readonly string[] {
  if (numeric) {
    const n = parseNumeral(word, lang);
    return n === undefined ? NONE : [String(n)];
  }
  const lower = word.toLowerCase();
  const kit = KITS[lang];
  const folded = foldForMatch(lower);
  const out: string[] = [];
  const value = numberWordValue(folded, lang);
  if (value !== undefined) out.push(String(value));
  const wd = folded.length >= 5 ? weekdayNumber(folded) : undefined;
  if (wd !== undefined) out.push(`wd${wd}`);
  if (kit?.stop.has(lower)) return out.length ? out : NONE;
  const stem = kit ? foldForMatch(kit.stem(lower)) : folded;
  if (stem.length >= 2 || /\d/.test(stem)) out.push(stem);
  return out.length ? out : NONE;
}

/** All index terms of a text written in `lang`, in order (repeats kept: they are term frequencies). */
export function analyze(text: string | undefined, lang: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  // The loop of scanTokens, inlined: this runs over every text the index holds.
  const re = tokenRegExp('search');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const terms = wordTerms(m[0], lang, m[1] !== undefined);
    for (let i = 0; i < terms.length; i++) out.push(terms[i]!);
  }
  return out;
}

/** A term that stands for a number or weekday rather than a word. */
export function isCanonicalTerm(term: string): boolean {
  return /^\d/.test(term) || /^wd[1-7]$/.test(term);
}

/**
 * The ways a query word may have been indexed: its stem in each language the
 * index holds, the word itself folded, and its number or weekday value.
 * `stop` is true when the word is a stop word in any of those languages.
 */
export function queryVariants(
  word: string,
  numeric: boolean,
  languages: Iterable<string>,
): { variants: string[]; raw: string; stop: boolean } {
  const lower = word.toLowerCase();
  const raw = foldForMatch(lower);
  const set = new Set<string>();
  let stop = false;
  if (numeric) {
    for (const t of wordTerms(word, 'en', true)) set.add(t);
    for (const t of wordTerms(word, 'sv', true)) set.add(t);
    return { variants: [...set], raw: [...set][0] ?? raw, stop };
  }
  for (const lang of languages) {
    if (KITS[lang]?.stop.has(lower)) stop = true;
    for (const t of wordTerms(word, lang)) set.add(t);
  }
  set.add(raw);
  return { variants: [...set], raw, stop };
}
