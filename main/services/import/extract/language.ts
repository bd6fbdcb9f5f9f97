/** Language detection (eld) and per-language stop words (the broad list of text/stop-words.ts). */
import { eld } from 'eld/medium';
import { tokenTexts } from '../../../../shared/text';
import { hasStopWords, stopWords as stopWordsOf } from '../../text/stop-words';

/** Stop words for an ISO 639-1 code; English when the language has no list. */
export function stopWords(lang: string): ReadonlySet<string> {
  return stopWordsOf(hasStopWords(lang) ? lang : 'en');
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
