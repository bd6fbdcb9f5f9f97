/**
 * Text normalisation applied once at import (docs/data-model.md, "Source"):
 * Unicode NFC, LF line ends, paragraphs separated by exactly one
 * blank line, no trailing spaces. Non-breaking spaces are kept as characters
 * (anchoring matches them as spaces). The result is frozen: annotation offsets
 * are UTF-16 code units into it.
 */

/** Characters other than NBSP that behave as ordinary spaces inside a line. */
const INLINE_SPACE = /[\t\v\f\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width and control characters that carry no reading content. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u200b\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * `text` without its trailing characters that `char` (a one-character class such as `/[\s,;:]/`)
 * accepts. A loop from the end rather than `replace(/[…]+$/)`, which rescans the run from each of its
 * characters when the text does not end there (quadratic on a long run).
 */
export function trimTrailing(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Splits text into paragraphs: blocks separated by one or more blank lines. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Normalises a whole document. Idempotent. */
export function normalizeText(raw: string): string {
  const unified = raw
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(INVISIBLE, '')
    .replace(INLINE_SPACE, ' ');
  const paragraphs = splitParagraphs(unified).map((p) =>
    p
      .split('\n')
      .map((line) => line.replace(/ +/g, ' ').trim())
      .filter((line) => line.length > 0)
      .join('\n'),
  );
  return paragraphs.filter((p) => p.length > 0).join('\n\n');
}

/** Joins paragraphs into normalised text. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return normalizeText(paragraphs.join('\n\n'));
}

/** A short title from the first line or sentence of a text, at most `max` characters. */
export function titleFromText(text: string, max = 90): string {
  const firstLine =
    text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? '';
  const sentence = firstLine.match(/^(.{12,}?[.!?])(\s|$)/)?.[1] ?? firstLine;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${trimTrailing(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut, /[\s,;:.-]/)}…`;
}
