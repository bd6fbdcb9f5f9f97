/**
 * Text helpers shared by main and the renderer, one module per job:
 *
 * - `normalize.ts`: the normalisation applied once at import (paragraphs, NFC).
 * - `tokens.ts`: words and numbers with offsets.
 * - `fold-for-match.ts`: letter folding, memoised for words.
 * - `numbers.ts`: numerals and number words (en/sv/de/fr).
 * - `dates.ts`: weekdays and calendar dates.
 * - `alias-matcher.ts`: actors named in a text through their names and aliases.
 * - `rich-doc.ts`: plain text of a rich-text note.
 * - `code-points.ts`: UTF-16 offsets ↔ Unicode code point offsets.
 *
 * Pure: no Node, no DOM.
 */
export * from './normalize';
export * from './tokens';
export * from './fold-for-match';
export * from './numbers';
export * from './dates';
export * from './alias-matcher';
export * from './rich-doc';
export * from './code-points';
