/**
 * The reader's text convention (shared with highlight painting and anchoring):
 * a source's normalised `text` is split on the "\n\n" separators; each
 * paragraph becomes one `<p class="para" data-start="N">` whose only child is
 * the text node `text.slice(N, N + paragraph.length)`. Offsets are UTF-16 code
 * units into `text`.
 */
export interface ReaderParagraph {
  /** Offset of the paragraph's first character in the source text. */
  start: number;
  text: string;
}

export const PARAGRAPH_SEPARATOR = '\n\n';

export function readerParagraphs(text: string): ReaderParagraph[] {
  const out: ReaderParagraph[] = [];
  let start = 0;
  for (const part of text.split(PARAGRAPH_SEPARATOR)) {
    if (part.length > 0) out.push({ start, text: part });
    start += part.length + PARAGRAPH_SEPARATOR.length;
  }
  return out;
}
