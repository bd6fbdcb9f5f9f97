/** Language detection (eld) and per-language stop words (stopwords-iso). */
import { eld } from 'eld/medium';
import stopwordsIso from 'stopwords-iso';
import { tokenTexts } from '../../../../shared/text';

const lists: Record<string, string[]> = stopwordsIso;
const sets = new Map<string, Set<string>>();

/** Stop words for an ISO 639-1 code; English when the language has no list. */
export function stopWords(lang: string): Set<string> {
  const key = lists[lang] ? lang : 'en';
  let set = sets.get(key);
  if (!set) {
    set = new Set(lists[key]!.map((w) => w.toLowerCase()));
    sets.set(key, set);
  }
  return set;
}

/** ISO 639-1 code of the text's language, or 'und' when it cannot be told reliably. */
export function detectLanguage(text: string): string {
  const sample = text.length > 6000 ? text.slice(0, 6000) : text;
  if (sample.replace(/[^\p{L}]/gu, '').length < 20) return 'und';
  const result = eld.detect(sample);
  return /^[a-z]{2}$/.test(result.language) ? result.language : 'und';
}

/** Lower-cased words: letters with the apostrophes inside them ("don't", "l'état"). */
export function words(text: string): string[] {
  return tokenTexts(text.toLowerCase(), { pattern: 'letters' });
}

/** Share of words in `text` that are stop words of `lang`. */
export function stopWordDensity(text: string, lang: string): number {
  const w = words(text);
  if (w.length === 0) return 0;
  const set = stopWords(lang);
  let n = 0;
  for (const x of w) if (set.has(x.replace(/’/g, "'"))) n++;
  return n / w.length;
}
