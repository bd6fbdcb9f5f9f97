/**
 * The two sanctioned edits of a source's reading text after import
 * (docs/decisions/0003-restoring-removed-text.md): putting back a block that
 * import removed, and removing a paragraph by hand. Both keep every
 * annotation on its text: offsets after the edit point move by the length of
 * the edit, and quote context (prefix/suffix) is recomputed where it changed.
 *
 * Pure functions over plain data; the API methods apply their result in one
 * transaction.
 */
import { describeTarget } from '../../../shared/anchoring';
import { DossierError } from '../../../shared/errors';
import type { Annotation, RemovedBlock, TextTarget } from '../../../shared/model';
import { normalizeText } from '../../../shared/text';

/** Separator between paragraphs in normalised text (shared/text.ts). */
const SEP = '\n\n';

export interface ParagraphSpan {
  start: number;
  end: number;
}

/** Start and end offsets of each paragraph of a normalised text. */
export function paragraphSpans(text: string): ParagraphSpan[] {
  if (text.length === 0) return [];
  const spans: ParagraphSpan[] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf(SEP, start);
    if (at < 0) {
      spans.push({ start, end: text.length });
      return spans;
    }
    spans.push({ start, end: at });
    start = at + SEP.length;
  }
}

export interface EditedText {
  text: string;
  removed: RemovedBlock[];
  /** New targets, by annotation id, for the annotations whose target changed. */
  targets: Map<string, TextTarget>;
}

/** Moves each target by `shift(offset)` and recomputes its quote selector where anything changed. */
function retarget(
  text: string,
  annotations: readonly Annotation[],
  shift: (offset: number, isEnd: boolean) => number,
): Map<string, TextTarget> {
  const out = new Map<string, TextTarget>();
  for (const a of annotations) {
    const start = shift(a.target.start, false);
    const end = shift(a.target.end, true);
    const next = describeTarget(text, start, end);
    const t = a.target;
    if (
      next.start !== t.start ||
      next.end !== t.end ||
      next.exact !== t.exact ||
      next.prefix !== t.prefix ||
      next.suffix !== t.suffix
    )
      out.set(a.id, next);
  }
  return out;
}

export interface RestoreEdit extends EditedText {
  /** Offsets of the restored text in the new text. */
  start: number;
  end: number;
}

/**
 * Puts `removed[index]` back into `text` before the paragraph it stood
 * before (at the end when that is unknown or past the last paragraph).
 * An annotation that spans the insertion point grows to cover the restored
 * block; every other annotation keeps exactly its text.
 */
export function restoreBlock(
  text: string,
  removed: readonly RemovedBlock[],
  annotations: readonly Annotation[],
  index: number,
): RestoreEdit {
  const block = removed[index];
  if (!block)
    throw DossierError.of('not-found', 'sources.thereRemovedBlockNumber', { index, removedCount: removed.length });
  const restored = normalizeText(block.text);
  if (!restored) throw DossierError.of('invalid-input', 'sources.removedBlockHoldsText');
  const spans = paragraphSpans(text);
  const k = block.beforeParagraph;
  let at: number;
  let inserted: string;
  let start: number;
  if (spans.length === 0) {
    at = 0;
    inserted = restored;
    start = 0;
  } else if (k !== undefined && k < spans.length) {
    at = spans[k]!.start;
    inserted = restored + SEP;
    start = at;
  } else {
    at = text.length;
    inserted = SEP + restored;
    start = at + SEP.length;
  }
  const newText = text.slice(0, at) + inserted + text.slice(at);
  const delta = inserted.length;
  // A start at the insertion point belongs to the paragraph after it (it moves); an end there belongs to the one before (it stays).
  const shift = (offset: number, isEnd: boolean) =>
    offset > at || (offset === at && !isEnd) ? offset + delta : offset;
  const added = paragraphSpans(restored).length;
  const nextRemoved: RemovedBlock[] = [];
  removed.forEach((b, j) => {
    if (j === index) return;
    const before = b.beforeParagraph;
    // Blocks that stood after the restored one in document order now stand `added` paragraphs later.
    const moves =
      k !== undefined && k < spans.length && before !== undefined && (before > k || (before === k && j > index));
    nextRemoved.push(moves ? { ...b, beforeParagraph: before + added } : b);
  });
  return {
    text: newText,
    removed: nextRemoved,
    targets: retarget(newText, annotations, shift),
    start,
    end: start + restored.length,
  };
}

/** Annotations that overlap a range of the text. */
export function annotationsIn(annotations: readonly Annotation[], start: number, end: number): Annotation[] {
  return annotations.filter((a) => a.target.start < end && a.target.end > start);
}

/**
 * Takes paragraph `paragraphIndex` out of `text` into `removed` (with
 * `reason`), so it can be restored later. Refuses when annotations fall
 * inside it (the error names how many) or when it is the only paragraph.
 */
export function removeParagraphFrom(
  text: string,
  removed: readonly RemovedBlock[],
  annotations: readonly Annotation[],
  paragraphIndex: number,
  reason: string,
): EditedText {
  const spans = paragraphSpans(text);
  const span = spans[paragraphIndex];
  if (!span)
    throw DossierError.of('not-found', 'sources.thereParagraphNumberSource', {
      paragraphIndex,
      spansCount: spans.length,
    });
  if (spans.length === 1) throw DossierError.of('invalid-input', 'sources.onlyParagraphSourceRemoved');
  const inside = annotationsIn(annotations, span.start, span.end);
  if (inside.length) {
    const n = inside.length;
    throw DossierError.of('invalid-input', 'sources.paragraphHoldsAnnotations', {
      count: n,
      quotes: inside.map((a) => `“${a.target.exact.slice(0, 40)}”`).join(', '),
    });
  }
  const last = paragraphIndex === spans.length - 1;
  // Cut the paragraph with the separator after it (or, for the last paragraph, the one before it).
  const cutStart = last ? spans[paragraphIndex - 1]!.end : span.start;
  const cutEnd = last ? span.end : spans[paragraphIndex + 1]!.start;
  const newText = text.slice(0, cutStart) + text.slice(cutEnd);
  const delta = cutEnd - cutStart;
  const shift = (offset: number) => (offset >= cutEnd ? offset - delta : offset);
  const block: RemovedBlock = { text: text.slice(span.start, span.end), reason, beforeParagraph: paragraphIndex };
  // Keep document order: the new block goes after every block that stood at or before this paragraph.
  let insertAt = removed.findIndex((b) => b.beforeParagraph === undefined || b.beforeParagraph > paragraphIndex);
  if (insertAt < 0) insertAt = removed.length;
  const nextRemoved = removed.map((b) =>
    b.beforeParagraph !== undefined && b.beforeParagraph > paragraphIndex
      ? { ...b, beforeParagraph: b.beforeParagraph - 1 }
      : b,
  );
  nextRemoved.splice(insertAt, 0, block);
  return { text: newText, removed: nextRemoved, targets: retarget(newText, annotations, shift) };
}
