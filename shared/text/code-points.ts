/**
 * Offsets in Unicode code points ↔ offsets in UTF-16 code units.
 *
 * Dossier stores positions in UTF-16 code units (what JavaScript strings
 * index); the W3C Web Annotation model counts characters as code points, so a
 * character outside the Basic Multilingual Plane (an emoji, 𝔘) is one
 * position there and two here. Pure.
 */

/** How many code points `text` has before the UTF-16 offset `utf16` (a lone surrogate counts as one). */
export function codePointOffset(text: string, utf16: number): number {
  const end = Math.max(0, Math.min(utf16, text.length));
  let points = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: skip the low half.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}

/** The UTF-16 offset of the `points`-th code point of `text` (clamped to the text's length). */
export function utf16Offset(text: string, points: number): number {
  let i = 0;
  for (let n = 0; n < points && i < text.length; n++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    const d = pair ? text.charCodeAt(i + 1) : 0;
    i += pair && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  }
  return i;
}
