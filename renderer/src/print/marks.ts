/**
 * A printed source's text cut into pieces: plain text, or text one or more
 * annotations cover (printed as <mark>), with the footnote numbers of the
 * annotations that end at that point. Pure.
 */
export interface PrintSpan {
  /** The footnote number (1-based, reading order). */
  n: number;
  start: number;
  end: number;
}

export interface Piece {
  text: string;
  /** The footnote numbers of the annotations covering this piece. */
  covered: number[];
  /** The footnote numbers of the annotations ending right after this piece. */
  ending: number[];
}

/** The pieces of `text` (which starts at offset `from` of the source) for the annotations `spans`. */
export function printPieces(text: string, from: number, spans: readonly PrintSpan[]): Piece[] {
  const to = from + text.length;
  const inside = spans.filter((s) => s.end > from && s.start < to && s.end > s.start);
  const cuts = new Set([from, to]);
  for (const s of inside) {
    cuts.add(Math.max(from, s.start));
    cuts.add(Math.min(to, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    pieces.push({
      text: text.slice(a - from, b - from),
      covered: inside.filter((s) => s.start <= a && s.end >= b).map((s) => s.n),
      ending: inside.filter((s) => s.end === b).map((s) => s.n),
    });
  }
  return pieces;
}
