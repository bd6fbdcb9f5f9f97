/**
 * Folding for quote matching (docs/anchoring.md).
 *
 * A person types `"the minister's plan" - it's...` while the source says
 * `“the minister’s plan” – it’s…` with a non-breaking space somewhere, or the
 * quote arrives in NFD while the source is NFC. Folding maps both to one form:
 *
 * - every kind of whitespace (space, NBSP, thin spaces, tabs, newlines) → one
 *   `' '`; a run of them → a single `' '`
 * - typographic double quotes “ ” „ ‟ « » ″ → `"`; single ‘ ’ ‚ ‛ ′ ‹ › → `'`
 *   (and the spaces French typography puts inside « » are dropped)
 * - dashes and minus ‐ ‑ ‒ – — ― − → `-`
 * - ellipsis … → `...`
 * - soft hyphens and zero-width characters are dropped
 * - base character + combining marks → their NFC composition
 *
 * `foldText` keeps an offset map so a match in the folded copy maps back to
 * UTF-16 offsets in the original. Pure: no DOM, no Node.
 */

export interface FoldedText {
  /** The original text. */
  readonly text: string;
  /** The folded copy. */
  readonly folded: string;
  /** For folded index i: the original offset where the character that produced it starts. */
  readonly origStart: Int32Array;
  /** For folded index i: the original offset just after the character(s) that produced it. */
  readonly origEnd: Int32Array;
  /** For original offset o (0..text.length): the folded index of the first folded char at or after o. */
  readonly toFolded: Int32Array;
}

const DOUBLE_QUOTES = '“”„‟«»″〝〞＂';
const SINGLE_QUOTES = '‘’‚‛′‹›＇';
const DASHES = '‐‑‒–—―−﹘﹣－';
/** Characters that vanish: soft hyphen, zero-width space/joiners, word joiner, BOM. */
const DROPPED = '\u00ad\u200b\u200c\u200d\u2060\ufeff';

/** What folding does with each BMP code unit. */
const PLAIN = 0;
const SPACE = 1;
const DROP = 2;
const REPLACED = 3;
const MARK = 4;
/** Not looked at yet: combining marks (\p{M}) are found on first sight and remembered. */
const UNKNOWN = 5;
const CLASS = new Uint8Array(0x10000);
CLASS.fill(UNKNOWN, 0x300);
for (const c of ' \t\n\v\f\r\u0085\u00a0\u1680\u2028\u2029\u202f\u205f\u3000') CLASS[c.charCodeAt(0)] = SPACE;
for (let c = 0x2000; c <= 0x200a; c++) CLASS[c] = SPACE;
for (const c of DROPPED) CLASS[c.charCodeAt(0)] = DROP;
for (const c of DOUBLE_QUOTES + SINGLE_QUOTES + DASHES + '\u2026') CLASS[c.charCodeAt(0)] = REPLACED;
const MARK_RE = /\p{M}/u;

/** The class of a code unit (undefined for NaN, i.e. past the end of a string). */
function classOf(code: number): number | undefined {
  const c = CLASS[code];
  if (c !== UNKNOWN) return c;
  const found = MARK_RE.test(String.fromCharCode(code)) ? MARK : PLAIN;
  CLASS[code] = found;
  return found;
}

/** Per-code-unit replacement for the quotes, dashes and ellipsis we fold. */
const REPLACE = new Map<number, string>();
for (const c of DOUBLE_QUOTES) REPLACE.set(c.charCodeAt(0), '"');
for (const c of SINGLE_QUOTES) REPLACE.set(c.charCodeAt(0), "'");
for (const c of DASHES) REPLACE.set(c.charCodeAt(0), '-');
REPLACE.set(0x2026, '...');

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

let scratchStart = new Int32Array(256);
let scratchEnd = new Int32Array(256);
let scratchTo = new Int32Array(256);

/** Builds a folded copy and its offset maps (a class rather than closures: this is a hot path). */
class Folder {
  origStart: Int32Array;
  origEnd: Int32Array;
  readonly toFolded: Int32Array;
  readonly parts: string[] = [];
  len = 0;
  /** Char code of the last folded character (-1 at the start). */
  last = -1;
  /** Start of the current run of characters copied unchanged. */
  runStart = 0;
  cap: number;

  /** `scratch`: reuse shared buffers (only the folded string will be kept). */
  constructor(
    readonly text: string,
    scratch = false,
  ) {
    // Folded text is at most 3× longer (ellipsis) but almost always shorter.
    this.cap = text.length + 16;
    if (scratch) {
      if (scratchStart.length < this.cap) {
        scratchStart = new Int32Array(this.cap * 2);
        scratchEnd = new Int32Array(this.cap * 2);
        scratchTo = new Int32Array(this.cap * 2);
      }
      this.cap = scratchStart.length;
      this.origStart = scratchStart;
      this.origEnd = scratchEnd;
      this.toFolded = scratchTo;
    } else {
      this.origStart = new Int32Array(this.cap);
      this.origEnd = new Int32Array(this.cap);
      this.toFolded = new Int32Array(text.length + 1);
    }
  }

  grow(need: number): void {
    if (this.len + need <= this.cap) return;
    this.cap = Math.max(this.cap * 2, this.len + need);
    const s = new Int32Array(this.cap);
    s.set(this.origStart.subarray(0, this.len));
    this.origStart = s;
    const e = new Int32Array(this.cap);
    e.set(this.origEnd.subarray(0, this.len));
    this.origEnd = e;
  }

  /** Closes the run of unchanged characters at `end`. */
  flush(end: number): void {
    if (end > this.runStart) {
      this.parts.push(this.text.slice(this.runStart, end));
      this.last = this.text.charCodeAt(end - 1);
    }
  }

  /** Emits `s` as produced by original [from, to). */
  emit(s: string, from: number, to: number): void {
    this.grow(s.length);
    for (let k = 0; k < s.length; k++) {
      this.origStart[this.len] = from;
      this.origEnd[this.len] = to;
      this.len++;
    }
    this.parts.push(s);
    this.last = s.charCodeAt(s.length - 1);
  }

  run(): FoldedText {
    const { text, toFolded } = this;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      let cls = classOf(code)!;
      // A single space between words is copied; one followed by more space starts a run.
      if (code === 0x20) {
        const next = classOf(text.charCodeAt(i + 1));
        if (next !== SPACE && next !== DROP) cls = PLAIN;
      }
      if (cls === PLAIN) {
        if (this.len >= this.cap) this.grow(1);
        toFolded[i] = this.len;
        this.origStart[this.len] = i;
        this.origEnd[this.len] = i + 1;
        this.len++;
        i++;
        continue;
      }
      if (cls === MARK) {
        // The base character before the mark belongs to the cluster: take it back out of the run.
        let base = i - 1;
        if (base > this.runStart && isLow(text.charCodeAt(base)) && isHigh(text.charCodeAt(base - 1))) base--;
        if (base >= this.runStart) {
          this.len -= i - base;
          i = base;
        }
        this.flush(i);
        let j = i + (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1);
        while (j < n && classOf(text.charCodeAt(j)) === MARK) j++;
        for (let k = i; k < j; k++) toFolded[k] = this.len;
        this.emit(text.slice(i, j).normalize('NFC'), i, j);
        i = j;
        this.runStart = i;
        continue;
      }
      this.flush(i);
      toFolded[i] = this.len;
      if (cls === SPACE) {
        let j = i + 1;
        while (j < n && (classOf(text.charCodeAt(j)) === SPACE || classOf(text.charCodeAt(j)) === DROP)) j++;
        // A run of spaces (and dropped chars inside it) becomes one space.
        if (this.last !== 0x20) {
          for (let k = i + 1; k < j; k++) toFolded[k] = this.len;
          this.emit(' ', i, j);
        } else {
          // continues a space copied just before
          for (let k = i; k < j; k++) toFolded[k] = this.len - 1;
          this.origEnd[this.len - 1] = j;
        }
        i = j;
      } else if (cls === DROP) {
        i++;
      } else {
        // REPLACED: quotes, dashes, ellipsis
        let j = i + 1;
        const replaced = REPLACE.get(code)!;
        const opening = code === 0xab || code === 0x2039; // « ‹
        const closing = code === 0xbb || code === 0x203a; // » ›
        if (closing && this.last === 0x20 && this.len > 0) {
          // "« Bonjour »" folds like "\"Bonjour\"": drop the space before ».
          const spaceFrom = this.origStart[this.len - 1]!;
          const lastPart = this.parts.pop()!;
          if (lastPart.length > 1) this.parts.push(lastPart.slice(0, -1));
          this.len--;
          this.emit(replaced, i, j);
          // Offsets inside the dropped run map to the quote mark.
          for (let k = spaceFrom; k < i; k++) toFolded[k] = this.len - 1;
        } else this.emit(replaced, i, j);
        if (opening) {
          // "« Bonjour »": the spaces after « are dropped.
          while (j < n && (classOf(text.charCodeAt(j)) === SPACE || classOf(text.charCodeAt(j)) === DROP))
            toFolded[j++] = this.len;
        }
        i = j;
      }
      this.runStart = i;
    }
    this.flush(n);
    toFolded[n] = this.len;
    return {
      text,
      folded: this.parts.join(''),
      origStart: this.origStart.subarray(0, this.len),
      origEnd: this.origEnd.subarray(0, this.len),
      toFolded,
    };
  }
}

/** Folds a text and keeps the map back to original offsets. O(n). */
export function foldText(text: string): FoldedText {
  return new Folder(text).run();
}

/** Folds a short string (a quote, a prefix, a suffix) without keeping the map. */
export function foldString(s: string): string {
  const nfc = s.normalize('NFC');
  // Most strings need nothing: check with the class table before building anything.
  for (let i = 0; i < nfc.length; i++) {
    const cls = classOf(nfc.charCodeAt(i));
    if (cls === PLAIN) continue;
    if (nfc.charCodeAt(i) === 0x20) {
      const next = classOf(nfc.charCodeAt(i + 1));
      if (next !== SPACE && next !== DROP) continue;
    }
    return new Folder(nfc, true).run().folded;
  }
  return nfc;
}
