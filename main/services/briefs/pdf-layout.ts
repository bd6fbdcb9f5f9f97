/**
 * Layout for the PDF export (export-pdf.ts draws with it): the embedded fonts,
 * the page geometry and colours, styled text fragments, words measured with
 * the font and broken into ragged-right lines.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Inline } from './blocks';

// ---------------------------------------------------------------- fonts

export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'semibold';

export const FONT_FILES: Record<FontKey, string> = {
  regular: '400Regular/SourceSerif4_400Regular.ttf',
  italic: '400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
  bold: '700Bold/SourceSerif4_700Bold.ttf',
  boldItalic: '700Bold_Italic/SourceSerif4_700Bold_Italic.ttf',
  semibold: '600SemiBold/SourceSerif4_600SemiBold.ttf',
};

let fontCache: Record<FontKey, Buffer> | undefined;

/** The embedded fonts' bytes, read once from the font package. */
export function loadFonts(): Record<FontKey, Buffer> {
  if (fontCache) return fontCache;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@expo-google-fonts/source-serif-4/package.json'));
  const out = {} as Record<FontKey, Buffer>;
  for (const [key, file] of Object.entries(FONT_FILES) as Array<[FontKey, string]>)
    out[key] = readFileSync(path.join(dir, file));
  fontCache = out;
  return out;
}

// ---------------------------------------------------------------- page geometry (points)

export const PAGE_W = 595.28;
export const PAGE_H = 841.89;
export const MARGIN_X = 68;
export const MARGIN_TOP = 66;
export const MARGIN_BOTTOM = 70;
export const CONTENT_W = PAGE_W - 2 * MARGIN_X;
export const TOP = MARGIN_TOP;
export const BOTTOM = PAGE_H - MARGIN_BOTTOM;

export const BODY_SIZE = 10.5;
export const BODY_LEADING = 15;
export const NOTE_SIZE = 8;
export const NOTE_LEADING = 10.4;
export const NOTE_GAP = 2;
export const NOTE_SEPARATOR = 12;
export const PARA_GAP = 6.5;
export const QUOTE_INDENT = 16;
export const LIST_INDENT = 18;

export const INK = '#1a1a1a';
export const ACCENT = '#1f3a5f';
export const MUTED = '#666666';
export const LINK = '#1d4f91';
export const REMOVED = '#a00000';
export const BAR = '#8a9bb0';
export const BODY_STYLE: Style = { font: 'regular', size: BODY_SIZE, color: INK };

// ---------------------------------------------------------------- styles and lines

export interface Style {
  font: FontKey;
  size: number;
  color: string;
  underline?: boolean;
  strike?: boolean;
  link?: string;
  code?: boolean;
  /** Raised and smaller: a note number. */
  sup?: boolean;
}

export const styleKeys = new WeakMap<Style, string>();

export function styleKey(s: Style): string {
  let key = styleKeys.get(s);
  if (key === undefined) {
    key = `${s.font}|${s.size}|${s.color}|${s.underline ? 'u' : ''}${s.strike ? 's' : ''}${s.code ? 'c' : ''}${s.sup ? '^' : ''}|${s.link ?? ''}`;
    styleKeys.set(s, key);
  }
  return key;
}

export interface Frag {
  text: string;
  style: Style;
}

export type Token = { frags: Frag[]; spaceBefore: boolean } | { hardBreak: true };

export interface Placed {
  text: string;
  style: Style;
  x: number;
  width: number;
}

export interface Line {
  items: Placed[];
  width: number;
  height: number;
  size: number;
  notes: number[];
}

export interface Para {
  /** The body size (for the baseline) and leading of each line. */
  size: number;
  leading: number;
  tokens: Token[];
  notes: number[];
}

export class Measurer {
  /** Widths at 1 pt, per font, per text: widths scale linearly with the size. */
  private cache = new Map<FontKey, Map<string, number>>();
  constructor(private doc: PDFKit.PDFDocument) {}
  width(text: string, style: Style): number {
    const size = style.sup ? style.size * 0.62 : style.size;
    let perFont = this.cache.get(style.font);
    if (!perFont) {
      perFont = new Map();
      this.cache.set(style.font, perFont);
    }
    let w = perFont.get(text);
    if (w === undefined) {
      w = this.doc.font(style.font).fontSize(1).widthOfString(text);
      perFont.set(text, w);
    }
    return w * size;
  }
}

/** Splits styled text into tokens: a token is everything between two spaces, whatever its styles. */
export function tokenize(frags: Array<Frag | 'break'>): Token[] {
  const tokens: Token[] = [];
  let cur: { frags: Frag[]; spaceBefore: boolean } | undefined;
  let pendingSpace = false;
  for (const f of frags) {
    if (f === 'break') {
      if (cur) tokens.push(cur);
      cur = undefined;
      tokens.push({ hardBreak: true });
      pendingSpace = false;
      continue;
    }
    // Notes glue to the word before them.
    // Break at spaces, never at no-break spaces (U+00A0, U+202F).
    const parts = f.text.split(/([^\S\u00a0\u202f]+)/);
    for (const part of parts) {
      if (!part) continue;
      if (/^[^\S\u00a0\u202f]+$/.test(part)) {
        if (cur) tokens.push(cur);
        cur = undefined;
        pendingSpace = true;
        continue;
      }
      if (!cur) {
        cur = { frags: [], spaceBefore: pendingSpace };
        pendingSpace = false;
      }
      cur.frags.push({ text: part, style: f.style });
    }
  }
  if (cur) tokens.push(cur);
  return tokens;
}

export function breakLines(para: Para, width: number, m: Measurer): Line[] {
  const lines: Line[] = [];
  const newLine = (): Line => ({ items: [], width: 0, height: para.leading, size: para.size, notes: [] });
  let line = newLine();
  const push = () => {
    lines.push(line);
    line = newLine();
  };
  const add = (frag: Frag, x: number, w: number, gap: boolean) => {
    const last = line.items[line.items.length - 1];
    if (
      last &&
      styleKey(last.style) === styleKey(frag.style) &&
      Math.abs(last.x + last.width + (gap ? m.width(' ', frag.style) : 0) - x) < 0.01
    ) {
      last.text += (gap ? ' ' : '') + frag.text;
      last.width = x + w - last.x;
    } else {
      line.items.push({ text: frag.text, style: frag.style, x, width: w });
    }
  };
  for (const token of para.tokens) {
    if ('hardBreak' in token) {
      push();
      continue;
    }
    const widths = token.frags.map((f) => m.width(f.text, f.style));
    const total = widths.reduce((a, b) => a + b, 0);
    const space = line.items.length && token.spaceBefore ? m.width(' ', token.frags[0]!.style) : 0;
    if (line.items.length && line.width + space + total > width) push();
    const gap = line.items.length > 0 && token.spaceBefore;
    let x = line.width + (gap ? m.width(' ', token.frags[0]!.style) : 0);
    token.frags.forEach((frag, i) => {
      const w = widths[i]!;
      if (w > width - x && w > width * 0.5) {
        // A word longer than the line (a long URL): break it by characters.
        let rest = frag.text;
        while (rest.length) {
          let n = rest.length;
          while (n > 1 && m.width(rest.slice(0, n), frag.style) > width - x) n--;
          const piece = rest.slice(0, n);
          const pw = m.width(piece, frag.style);
          add({ text: piece, style: frag.style }, x, pw, false);
          x += pw;
          line.width = x;
          rest = rest.slice(n);
          if (rest.length) {
            push();
            x = 0;
          }
        }
        return;
      }
      add(frag, x, w, i === 0 && gap);
      x += w;
      line.width = x;
    });
  }
  if (line.items.length || lines.length === 0) lines.push(line);
  // Each line knows the notes whose numbers it carries.
  for (const l of lines) {
    for (const item of l.items) {
      if (item.style.sup && item.style.link?.startsWith('#note-')) l.notes.push(Number(item.style.link.slice(6)));
    }
  }
  return lines;
}

// ---------------------------------------------------------------- inline content → fragments

export function fragsOf(content: Inline[], base: Style): Array<Frag | 'break'> {
  const out: Array<Frag | 'break'> = [];
  for (const item of content) {
    switch (item.kind) {
      case 'text': {
        const m = item.marks;
        const bold = m.bold || base.font === 'bold' || base.font === 'boldItalic' || base.font === 'semibold';
        const italic = m.italic || base.font === 'italic' || base.font === 'boldItalic';
        const font: FontKey =
          bold && italic
            ? 'boldItalic'
            : bold
              ? base.font === 'semibold' && !m.bold
                ? 'semibold'
                : 'bold'
              : italic
                ? 'italic'
                : 'regular';
        const style: Style = { ...base, font };
        if (m.underline) style.underline = true;
        if (m.strike) style.strike = true;
        if (m.code) style.code = true;
        if (m.link) {
          style.link = m.link;
          style.color = LINK;
        }
        out.push({ text: item.text, style });
        break;
      }
      case 'note':
        if (item.joined) out.push({ text: ',', style: { ...base, font: 'semibold', color: ACCENT, sup: true } });
        out.push({
          text: String(item.n),
          style: { ...base, font: 'semibold', color: ACCENT, sup: true, link: `#note-${item.n}` },
        });
        break;
      case 'removed':
        out.push({ text: item.text, style: { ...base, font: 'bold', color: REMOVED } });
        break;
      case 'break':
        out.push('break');
        break;
    }
  }
  return out;
}
