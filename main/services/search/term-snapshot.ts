/**
 * What a term index is saved as (term-index.ts writes and reads it;
 * index-format.ts puts it in the index file): text for the terms and keys,
 * Int32Arrays for the rest, so a load makes views, not objects.
 */
export interface TermIndexSnapshot {
  /** Terms, one a line, sorted. */
  terms: string;
  /** Postings per term. */
  counts: Int32Array;
  /** doc, tf pairs, term after term. */
  postings: Int32Array;
  /** Document keys, one a line. */
  keys: string;
  /** field, length pairs per document. */
  docs: Int32Array;
}

/** A growable Int32 buffer. */
export class IntBuffer {
  private buf = new Int32Array(1 << 14);
  private len = 0;
  push(a: number, b?: number): void {
    if (this.len + 2 > this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = a;
    if (b !== undefined) this.buf[this.len++] = b;
  }
  /** The values pushed (a view, valid until the next push). */
  values(): Int32Array {
    return this.buf.subarray(0, this.len);
  }
}
