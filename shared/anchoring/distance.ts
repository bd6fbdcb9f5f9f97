/**
 * Edit distances for anchoring: anchored at one end and free at the other
 * (how well the text next to a candidate reads like the stored context),
 * banded (Ukkonen) between a quote and a stretch of text, and the alignment
 * that settles where an approximate quote match starts and ends.
 * Pure: no DOM, no Node.
 */

/** Extra text looked at beyond the context length when aligning prefix/suffix. */
export const CONTEXT_SLACK = 20;
/** Reusable DP matrix for `alignedLength` (anchoring is synchronous and single-threaded). */
let matrix = new Int32Array(4096);

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Edit distance between `pattern` and the text read from `from` in direction
 * `dir` (+1 forwards, −1 backwards), anchored at `from` and free at the far
 * end: how many edits make the text next to a candidate read like the stored
 * context. O(|pattern| · (|pattern| + slack)); gives up (returning
 * `limit + 1`) as soon as the distance must exceed `limit`.
 */
export function anchoredDistance(text: string, from: number, dir: 1 | -1, pattern: string, limit = Infinity): number {
  const m = pattern.length;
  if (m === 0) return 0;
  const avail = dir === 1 ? text.length - from : from;
  const n = Math.min(avail, m + CONTEXT_SLACK);
  // Fast path: exact agreement.
  if (n >= m) {
    const same = dir === 1 ? text.startsWith(pattern, from) : text.endsWith(pattern, from);
    if (same) return 0;
  }
  if (m <= 32) return bitParallelAnchored(text, from, dir, pattern, n);
  return anchoredDistanceTable(text, from, dir, pattern, limit, n);
}

const peq = new Map<number, number>();

/**
 * The same distance computed column by column with bit vectors (Myers 1999,
 * in Hyyrö's form for an anchored start): one pass over the text, for context
 * patterns of at most 32 characters.
 */
function bitParallelAnchored(text: string, from: number, dir: 1 | -1, pattern: string, n: number): number {
  const m = pattern.length;
  peq.clear();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(dir === 1 ? i : m - 1 - i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  const mask = m === 32 ? -1 : (1 << m) - 1;
  const high = 1 << (m - 1);
  let vp = mask;
  let vn = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < n; j++) {
    const eq = peq.get(text.charCodeAt(dir === 1 ? from + j : from - 1 - j)) ?? 0;
    const xv = eq | vn;
    const xh = ((((eq & vp) + vp) ^ vp) | eq) & mask;
    let hp = (vn | ~(xh | vp)) & mask;
    let hn = vp & xh;
    if (hp & high) score++;
    else if (hn & high) score--;
    // Row 0 grows by one per column (the start is anchored): shift in a +1.
    hp = ((hp << 1) | 1) & mask;
    hn = (hn << 1) & mask;
    vp = (hn | ~(xv | hp)) & mask;
    vn = hp & xv;
    if (score < best) best = score;
  }
  return best;
}

/** Table-filling version of `anchoredDistance` (any pattern length; gives up past `limit`). */
function anchoredDistanceTable(
  text: string,
  from: number,
  dir: 1 | -1,
  pattern: string,
  limit: number,
  n: number,
): number {
  const m = pattern.length;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 64);
    rowB = new Int32Array(n + 64);
  }
  let prev = rowA;
  let cur = rowB;
  // rows: pattern chars (i), columns: text chars (j), both read away from the anchor.
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(dir === 1 ? i - 1 : m - i);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const tc = text.charCodeAt(dir === 1 ? from + j - 1 : from - j);
      const sub = prev[j - 1]! + (pc === tc ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  // Free end on the text side: the pattern must be consumed, the text need not be.
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}
export function alignedLength(
  text: string,
  anchor: number,
  dir: 1 | -1,
  first: string,
  second: string,
  room: number,
): number {
  // The pattern in reading order away from the anchor: `first` is the part next to it.
  const pattern = dir === 1 ? first + second : reverse(first) + reverse(second);
  const m = pattern.length;
  const k = first.length;
  const avail = dir === 1 ? text.length - anchor : anchor;
  const n = Math.min(avail, m + room);
  const w = n + 1;
  if (matrix.length < (m + 1) * w) matrix = new Int32Array((m + 1) * w * 2);
  const d = matrix;
  for (let j = 0; j <= n; j++) d[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(i - 1);
    const row = i * w;
    const up = row - w;
    d[row] = i;
    for (let j = 1; j <= n; j++) {
      const tc = text.charCodeAt(dir === 1 ? anchor + j - 1 : anchor - j);
      const sub = d[up + j - 1]! + (pc === tc ? 0 : 1);
      const del = d[up + j]! + 1;
      const ins = d[row + j - 1]! + 1;
      d[row + j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
  }
  let j = 0;
  for (let jj = 1; jj <= n; jj++) if (d[m * w + jj]! < d[m * w + j]!) j = jj;
  // Trace back to the row where `first` is fully consumed; leave it at its smallest column.
  let i = m;
  while (i > k) {
    const here = d[i * w + j]!;
    const pc = pattern.charCodeAt(i - 1);
    if (j > 0) {
      const tc = text.charCodeAt(dir === 1 ? anchor + j - 1 : anchor - j);
      if (d[(i - 1) * w + j - 1]! + (pc === tc ? 0 : 1) === here) {
        i--;
        j--;
        continue;
      }
    }
    if (d[(i - 1) * w + j]! + 1 === here) {
      i--;
      continue;
    }
    j--;
  }
  // In row k, text characters inserted before `second` begins belong to neither part.
  while (j > 0 && d[k * w + j - 1]! + 1 === d[k * w + j]!) j--;
  return j;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

const BIG = 1 << 29;

/**
 * Edit distance, or `limit + 1` when it exceeds `limit`: only the diagonal
 * band |i − j| ≤ limit is computed (Ukkonen), tried first with a narrow band.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  const diff = Math.abs(a.length - b.length);
  if (diff > limit) return limit + 1;
  const narrow = Math.max(diff, 8);
  if (narrow < limit) {
    const d = bandedDistance(a, b, narrow);
    if (d <= narrow) return d;
  }
  return bandedDistance(a, b, limit);
}

function bandedDistance(a: string, b: string, k: number): number {
  const n = b.length;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 64);
    rowB = new Int32Array(n + 64);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j <= k ? j : BIG;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(n, i + k);
    cur[0] = i <= k ? i : BIG;
    if (lo > 1) cur[lo - 1] = BIG;
    let rowMin = cur[0]!;
    const ac = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1]! + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (j <= i - 1 + k ? prev[j]! : BIG) + 1;
      const ins = cur[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) cur[hi + 1] = BIG;
    if (rowMin > k) return k + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n]!, k + 1);
}
