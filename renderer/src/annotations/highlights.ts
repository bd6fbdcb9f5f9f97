/**
 * The annotation UI's use of the reader's highlight painter
 * (renderer/src/reader/paint-highlights.ts): what it adds on top —
 * a `dossier-overlap` highlight over stretches two or more annotations
 * cover (so overlaps show even inside one colour), a `dossier-reveal`
 * highlight for a passage the route asks to show and `dossier-reveal-match`
 * for the words a search matched in it, and selections trimmed of
 * surrounding whitespace.
 */
import {
  indexParagraphs,
  offsetsFromSelection,
  rangeForOffsets,
  type ParagraphIndex,
} from '../reader/paint-highlights';

export const OVERLAP_HIGHLIGHT = 'dossier-overlap';
export const REVEAL_HIGHLIGHT = 'dossier-reveal';
export const REVEAL_MATCH_HIGHLIGHT = 'dossier-reveal-match';

/** Stretches covered by two or more ranges (a sweep over start/end events). */
export function overlapStretches(
  items: readonly { start: number; end: number }[],
): Array<{ start: number; end: number }> {
  const events: Array<[number, number]> = [];
  for (const it of items) if (it.end > it.start) events.push([it.start, 1], [it.end, -1]);
  // At one position ends come before starts: touching ranges do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let openAt = 0;
  for (const [pos, delta] of events) {
    const before = depth;
    depth += delta;
    if (before < 2 && depth >= 2) openAt = pos;
    else if (before >= 2 && depth < 2 && pos > openAt) {
      const last = out.at(-1);
      if (last && last.end === openAt) last.end = pos;
      else out.push({ start: openAt, end: pos });
    }
  }
  return out;
}

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

/** Paints (or clears, with no items) the overlap marks. */
export function paintOverlaps(
  container: HTMLElement,
  items: readonly { start: number; end: number }[],
  index: ParagraphIndex = indexParagraphs(container),
): void {
  const reg = registry();
  if (!reg) return;
  const ranges = overlapStretches(items)
    .map((o) => rangeForOffsets(index, o.start, o.end, container.ownerDocument))
    .filter((r): r is Range => r !== null);
  if (ranges.length === 0) {
    reg.delete(OVERLAP_HIGHLIGHT);
    return;
  }
  const h = new Highlight(...ranges);
  h.priority = 2;
  reg.set(OVERLAP_HIGHLIGHT, h);
}

export function clearExtras(): void {
  registry()?.delete(OVERLAP_HIGHLIGHT);
  registry()?.delete(REVEAL_HIGHLIGHT);
  registry()?.delete(REVEAL_MATCH_HIGHLIGHT);
}

/**
 * Marks a passage (e.g. a search hit; none for a claim, which is selected instead) and the matched words in
 * it until the next call; nothing clears both. Returns the range to scroll to: the passage, else the first word.
 */
export function revealRange(
  container: HTMLElement,
  range: { start: number; end: number } | null,
  marks: ReadonlyArray<readonly [number, number]> = [],
): Range | null {
  const reg = registry();
  reg?.delete(REVEAL_HIGHLIGHT);
  reg?.delete(REVEAL_MATCH_HIGHLIGHT);
  const index = indexParagraphs(container);
  const at = (start: number, end: number) => rangeForOffsets(index, start, end, container.ownerDocument);
  const passage = range ? at(range.start, range.end) : null;
  const words = marks.map(([a, b]) => at(a, b)).filter((r): r is Range => r !== null);
  if (reg && passage) {
    const h = new Highlight(passage);
    h.priority = 3;
    reg.set(REVEAL_HIGHLIGHT, h);
  }
  if (reg && words.length) {
    const h = new Highlight(...words);
    h.priority = 4;
    reg.set(REVEAL_MATCH_HIGHLIGHT, h);
  }
  return passage ?? words[0] ?? null;
}

/** The selection's offsets in the reader's text, without whitespace at either end; null when nothing is selected there. */
export function selectionOffsets(
  container: HTMLElement,
  selection: Selection | null,
  text: string,
): { start: number; end: number } | null {
  const o = offsetsFromSelection(container, selection);
  if (!o) return null;
  let start = Math.max(0, o.start);
  let end = Math.min(text.length, o.end);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
