/**
 * Tokens for actor detection: words as names are written ("USA:s",
 * "O'Neill", "AT&T", "U.S."), French elisions split off ("l'Union"), and
 * where each word stands — capitalised, first of a sentence, joined to the
 * previous word by spaces only, in a headline.
 */
import { scanTokens } from '../../../shared/text';
import { norm } from './lexicon';

/** A token of shared/text's `name` pattern, with where it stands. */
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
  /** Joined to the previous word by a plural possessive ("Workers’ Union", "Logistics' Contract"). */
  afterPlural: boolean;
}

export const ELISION = /^(?:[lLdD]|[qQ]u|[jJ]usqu|[lL]orsqu)['’](?=\p{Lu})/u;
export const SENTENCE_END = /[.!?\n“"«‹–—:;(•|]/;

/** First words of a byline or credit line, which is written in capitals but is not a headline. */
export const BYLINE = new Set([
  'by',
  'av',
  'von',
  'par',
  'por',
  'text',
  'foto',
  'photo',
  'bild',
  'reporting',
  'written',
]);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(
    text,
    (word, at) => {
      let t = word;
      let start = at;
      const el = ELISION.exec(t);
      if (el) {
        start += el[0].length;
        t = t.slice(el[0].length);
      }
      const prev = tokens[tokens.length - 1];
      const gap = text.slice(prev ? prev.end : 0, start);
      const lastChar = gap.trimEnd().slice(-1);
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
        afterPlural: !!prev && /^['’][ \u00a0]+$/.test(gap) && /s$/i.test(prev.text),
      });
    },
    { pattern: 'name' },
  );
  // Headlines: a line of four or more words, most of them capitalised.
  let lineStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const newLine = i === tokens.length || (i > 0 && text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n'));
    if (newLine && i > lineStart) {
      const line = tokens.slice(lineStart, i).filter((t) => /\p{L}/u.test(t.text));
      const caps = line.filter((t) => t.cap).length;
      const byline = line.length > 0 && BYLINE.has(line[0]!.norm);
      if (!byline && line.length >= 4 && caps / line.length >= 0.8)
        for (let j = lineStart; j < i; j++) tokens[j]!.headline = true;
      lineStart = i;
    }
  }
  return tokens;
}
