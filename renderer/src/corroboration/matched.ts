/** Which words of a suggested passage to mark as matching the claim (pure, no DOM). */
import { foldLetters } from '../../../shared/fold-letters';
import { tokenize } from '../../../shared/text';

/** Ranges of `text` whose words share a stem-ish prefix with the quote's words, or are matched numbers. */
export function matchedRanges(text: string, quote: string, numbers: readonly string[]): Array<[number, number]> {
  const key = (w: string) => foldLetters(w, { keepLength: true }).slice(0, 5);
  const words = new Set(
    tokenize(quote)
      .filter((t) => t.text.length >= 5 && !/^\d/.test(t.text))
      .map((t) => key(t.text)),
  );
  const nums = new Set(numbers);
  const out: Array<[number, number]> = [];
  for (const t of tokenize(text)) {
    const isNum = /^\d/.test(t.text);
    if (
      nums.has(t.text) ||
      (isNum && nums.has(t.text.replace(/[\s,.\u00a0]/g, ''))) ||
      (!isNum && t.text.length >= 5 && words.has(key(t.text)))
    )
      out.push([t.start, t.end]);
  }
  return out;
}
