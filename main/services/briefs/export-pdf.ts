/**
 * PDF rendering of a resolved brief with pdfkit, in plain Node (the CLI, the
 * app and the tests share it).
 *
 * pdfkit draws text but does not lay out a document with footnotes, so this
 * file does its own small layout: words are measured with the embedded font,
 * broken into ragged-right lines, and placed line by line; a line that
 * carries a citation reserves room for its footnote at the foot of the same
 * page. A claim cited again keeps its number; on a later page its note is
 * repeated there in short form ("Outlet, “Short title”, above."). Fonts: Source Serif 4 (full Latin, typographic quotes) from the
 * @expo-google-fonts/source-serif-4 npm package, embedded as subsets.
 * Fonts, geometry and line breaking: pdf-layout.ts; this file draws pages.
 *
 * Size: one class, PdfWriter, that draws every kind of block onto pages and
 * keeps the page state (cursor, pending footnotes) they share; split, that
 * state would have to travel between files.
 */
import PDFDocument from 'pdfkit';
import { briefWords } from '../../../shared/brief-words';
import { noteInlines, type Block, type Inline, type Note, type ResolvedBrief } from './blocks';
import {
  ACCENT,
  BAR,
  BODY_LEADING,
  BODY_SIZE,
  BODY_STYLE,
  BOTTOM,
  breakLines,
  CONTENT_W,
  fragsOf,
  INK,
  LIST_INDENT,
  loadFonts,
  MARGIN_X,
  Measurer,
  MUTED,
  NOTE_GAP,
  NOTE_LEADING,
  NOTE_SEPARATOR,
  NOTE_SIZE,
  PAGE_H,
  PAGE_W,
  PARA_GAP,
  QUOTE_INDENT,
  styleKey,
  tokenize,
  TOP,
  type Frag,
  type Line,
  type Style,
} from './pdf-layout';
// ---------------------------------------------------------------- the writer

interface Bars {
  /** x of each enclosing block quote's bar. */
  xs: number[];
}

class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private m: Measurer;
  private y = TOP;
  private pageNotes: Line[][] = [];
  private pageNoteHeight = 0;
  /** Per note number: its full form and its short form (for a repeat on a later page), laid out once. */
  private noteForms = new Map<number, { full: Line[]; fullH: number; short: Line[]; shortH: number }>();
  /** Notes given in full on an earlier page (or this one), and the numbers at this page's foot. */
  private placedNotes = new Set<number>();
  private notesOnPage = new Set<number>();

  constructor(private brief: ResolvedBrief) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      bufferPages: true,
      autoFirstPage: true,
      displayTitle: true,
      lang: brief.language,
      info: {
        Title: brief.title,
        ...(brief.organisation ? { Author: brief.organisation } : {}),
        Creator: 'Dossier',
        Producer: 'Dossier (pdfkit)',
        Subject: briefWords(brief.language)('subject'),
      },
    });
    const fonts = loadFonts();
    for (const [key, data] of Object.entries(fonts)) this.doc.registerFont(key, data);
    this.m = new Measurer(this.doc);
    for (const note of brief.notes) {
      const full = this.layoutNote(note, false);
      const short = this.layoutNote(note, true);
      const height = (lines: Line[]) => lines.reduce((h, l) => h + l.height, 0) + NOTE_GAP;
      this.noteForms.set(note.n, { full, fullH: height(full), short, shortH: height(short) });
    }
  }

  /**
   * The notes a run of body lines brings to the page's foot: each number once per page — in full
   * the first time, in its short form when it was given in full on an earlier page.
   * `anyPage`: as if on a fresh page (for reserving room before a page break may happen).
   */
  private notesFor(numbers: readonly number[], anyPage = false): Array<{ n: number; lines: Line[]; height: number }> {
    const out: Array<{ n: number; lines: Line[]; height: number }> = [];
    for (const n of new Set(numbers)) {
      const form = this.noteForms.get(n);
      if (!form || (!anyPage && this.notesOnPage.has(n))) continue;
      out.push(
        this.placedNotes.has(n)
          ? { n, lines: form.short, height: form.shortH }
          : { n, lines: form.full, height: form.fullH },
      );
    }
    return out;
  }

  private notesHeight(numbers: readonly number[], anyPage = false): number {
    return this.notesFor(numbers, anyPage).reduce((h, x) => h + x.height, 0);
  }

  /** Puts the notes of lines just placed at this page's foot. */
  private addNotes(numbers: readonly number[]): void {
    for (const { n, lines, height } of this.notesFor(numbers)) {
      this.pageNotes.push(lines);
      this.pageNoteHeight += height;
      this.notesOnPage.add(n);
      this.placedNotes.add(n);
    }
  }

  // -------------------------------------------------------------- notes

  private layoutNote(note: Note, short: boolean): Line[] {
    const base: Style = { font: 'regular', size: NOTE_SIZE, color: INK };
    const frags = fragsOf(noteInlines(note, this.brief.language, short ? 'short' : 'cite'), base).filter(
      (f): f is Frag => f !== 'break',
    );
    const lines = breakLines(
      { size: NOTE_SIZE, leading: NOTE_LEADING, tokens: tokenize(frags), notes: [] },
      CONTENT_W - 14,
      this.m,
    );
    // The number hangs, right-aligned, in front of the note.
    const numberStyle: Style = { ...base, font: 'semibold', color: ACCENT };
    const numberWidth = this.m.width(`${note.n}`, numberStyle);
    lines[0]!.items.unshift({ text: `${note.n}`, style: numberStyle, x: -4 - numberWidth, width: numberWidth });
    return lines;
  }

  private reservedFor(extra: number): number {
    const h = this.pageNoteHeight + extra;
    return h > 0 ? h + NOTE_SEPARATOR : 0;
  }

  private flushNotes(): void {
    if (!this.pageNotes.length) return;
    const doc = this.doc;
    let y = BOTTOM - this.pageNoteHeight;
    doc
      .save()
      .moveTo(MARGIN_X, y - NOTE_SEPARATOR / 2)
      .lineTo(MARGIN_X + 110, y - NOTE_SEPARATOR / 2)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
      .restore();
    for (const lines of this.pageNotes) {
      for (const line of lines) {
        this.drawLine(line, MARGIN_X + 14, y);
        y += line.height;
      }
      y += NOTE_GAP;
    }
    this.pageNotes = [];
    this.pageNoteHeight = 0;
    this.notesOnPage.clear();
  }

  // -------------------------------------------------------------- pages

  newPage(): void {
    this.flushNotes();
    this.doc.addPage({ size: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    this.y = TOP;
  }

  /** Makes room for `h` points of body (plus footnotes that must sit on the same page). */
  private ensure(h: number, noteExtra = 0): void {
    if (this.y > TOP && this.y + h > BOTTOM - this.reservedFor(noteExtra)) this.newPage();
  }

  private gap(h: number, bars?: Bars): void {
    if (this.y <= TOP) return;
    if (bars?.xs.length && this.y + h <= BOTTOM - this.reservedFor(0)) this.drawBars(bars, this.y, h);
    this.y += h;
  }

  private drawBars(bars: Bars, y: number, h: number): void {
    for (const x of bars.xs) this.doc.save().rect(x, y, 2, h).fillColor(BAR).fill().restore();
  }

  // -------------------------------------------------------------- lines

  private drawLine(line: Line, x: number, y: number): void {
    const doc = this.doc;
    const baseline = y + (line.height - line.size) / 2 + line.size * 0.8;
    for (const item of line.items) {
      const s = item.style;
      const size = s.sup ? s.size * 0.62 : s.size;
      const by = s.sup ? baseline - s.size * 0.36 : baseline;
      if (s.code) {
        doc
          .save()
          .rect(x + item.x - 1, baseline - size * 0.8, item.width + 2, size * 1.05)
          .fillColor('#eeeeee')
          .fill()
          .restore();
      }
      doc.font(s.font).fontSize(size).fillColor(s.color);
      const opts: PDFKit.Mixins.TextOptions = { lineBreak: false, baseline: 'alphabetic' };
      if (s.underline) opts.underline = true;
      if (s.strike) opts.strike = true;
      doc.text(item.text, x + item.x, by, opts);
      if (s.link && !s.link.startsWith('#')) doc.link(x + item.x, by - size * 0.8, item.width, size * 1.05, s.link);
    }
  }

  /** Places lines of body text, page by page, with their footnotes. */
  private placeLines(lines: Line[], x: number, bars?: Bars, marker?: { text: string; style: Style; dx: number }): void {
    lines.forEach((line, i) => {
      this.ensure(line.height, this.notesHeight(line.notes, true));
      if (bars?.xs.length) this.drawBars(bars, this.y, line.height);
      if (i === 0 && marker) {
        this.drawLine(
          {
            items: [{ text: marker.text, style: marker.style, x: 0, width: 0 }],
            width: 0,
            height: line.height,
            size: line.size,
            notes: [],
          },
          x + marker.dx,
          this.y,
        );
      }
      this.drawLine(line, x, this.y);
      this.y += line.height;
      this.addNotes(line.notes);
    });
  }

  // -------------------------------------------------------------- blocks

  /** Lines of a body paragraph, kept so that measuring ahead (keepTogether) and placing break lines once. */
  private lineCache = new WeakMap<Inline[], { key: string; lines: Line[] }>();

  private linesOf(content: Inline[], base: Style, leading: number, width: number): Line[] {
    const key = `${styleKey(base)}|${leading}|${width}`;
    const hit = this.lineCache.get(content);
    if (hit && hit.key === key) return hit.lines;
    const lines = breakLines(
      { size: base.size, leading, tokens: tokenize(fragsOf(content, base)), notes: [] },
      width,
      this.m,
    );
    this.lineCache.set(content, { key, lines });
    return lines;
  }

  private paragraph(
    content: Inline[],
    base: Style,
    leading: number,
    x: number,
    width: number,
    bars?: Bars,
    marker?: { text: string; style: Style; dx: number },
  ): void {
    this.placeLines(this.linesOf(content, base, leading, width), x, bars, marker);
  }

  title(): void {
    const b = this.brief;
    const plain = (text: string, style: Parameters<PdfWriter['paragraph']>[1], leading: number) =>
      this.paragraph([{ kind: 'text', text, marks: {} }], style, leading, MARGIN_X, CONTENT_W);
    plain(b.title, { font: 'bold', size: 22, color: ACCENT }, 27);
    this.y += 3;
    if (b.dateLine) plain(b.dateLine, { font: 'regular', size: 10, color: MUTED }, 14);
    this.y += 8;
    this.doc
      .save()
      .moveTo(MARGIN_X, this.y)
      .lineTo(MARGIN_X + CONTENT_W, this.y)
      .lineWidth(1.2)
      .strokeColor(ACCENT)
      .stroke()
      .restore();
    this.y += 16;
  }

  blocks(list: Block[], x: number, width: number, bars: Bars = { xs: [] }, first = true): void {
    list.forEach((block, i) => {
      const isFirst = first && i === 0;
      switch (block.kind) {
        case 'heading': {
          const size = block.level === 1 ? 16 : block.level === 2 ? 13.5 : 11.5;
          const leading = size * 1.3;
          // Keep a heading with the two lines after it.
          this.gap(isFirst && bars.xs.length ? 0 : block.level === 1 ? 14 : 10, bars);
          this.ensure(leading * 1.2 + BODY_LEADING * 2);
          this.paragraph(
            block.content,
            { font: 'bold', size, color: block.level === 3 ? '#333333' : ACCENT },
            leading,
            x,
            width,
            bars,
          );
          this.gap(block.level === 1 ? 6 : 4, bars);
          break;
        }
        case 'paragraph':
          if (!isFirst) this.gap(PARA_GAP, bars);
          this.paragraph(block.content, BODY_STYLE, BODY_LEADING, x, width, bars);
          break;
        case 'quote': {
          if (!isFirst) this.gap(PARA_GAP + 2, bars);
          this.keepTogether(block.blocks, width - QUOTE_INDENT);
          const inner: Bars = { xs: [...bars.xs, x + 1] };
          this.blocks(block.blocks, x + QUOTE_INDENT, width - QUOTE_INDENT, inner, true);
          this.gap(2, bars);
          break;
        }
        case 'rule':
          this.gap(PARA_GAP + 4, bars);
          this.ensure(10);
          this.doc
            .save()
            .moveTo(x, this.y)
            .lineTo(x + width, this.y)
            .lineWidth(0.6)
            .strokeColor('#aaaaaa')
            .stroke()
            .restore();
          this.y += 6;
          break;
        case 'list':
          block.items.forEach((item, k) => {
            const markerText = block.ordered ? `${block.start + k}.` : '\u2022';
            const markerStyle: Style = { font: 'regular', size: BODY_SIZE, color: INK };
            const mw = this.m.width(markerText, markerStyle);
            const marker = { text: markerText, style: markerStyle, dx: -4 - mw };
            if (!(isFirst && k === 0)) this.gap(k === 0 ? PARA_GAP : 2.5, bars);
            item.forEach((b, j) => {
              const leads = j === 0 && b.kind === 'paragraph';
              if (j === 0) {
                // The marker goes with the item's first paragraph, or on its own line before anything else.
                const content = leads ? b.content : [{ kind: 'text' as const, text: ' ', marks: {} }];
                this.paragraph(content, markerStyle, BODY_LEADING, x + LIST_INDENT, width - LIST_INDENT, bars, marker);
              }
              if (!leads) this.blocks([b], x + LIST_INDENT, width - LIST_INDENT, bars, j === 0);
            });
          });
          break;
        case 'table':
          if (!isFirst) this.gap(PARA_GAP + 2, bars);
          this.table(block, x, width);
          this.gap(PARA_GAP, bars);
          break;
      }
    });
  }

  /** Starts a new page before a short run of paragraphs (a quoted claim) that would otherwise be split. */
  private keepTogether(list: Block[], width: number): void {
    if (this.y <= TOP || !list.every((b) => b.kind === 'paragraph')) return;
    let height = 0;
    const notes: number[] = [];
    list.forEach((b, i) => {
      if (b.kind !== 'paragraph') return;
      const lines = this.linesOf(b.content, BODY_STYLE, BODY_LEADING, width);
      height += lines.reduce((h, l) => h + l.height, 0) + (i > 0 ? PARA_GAP : 0);
      for (const l of lines) notes.push(...l.notes);
    });
    const noteHeight = this.notesHeight(notes, true);
    const fitsHere = this.y + height <= BOTTOM - this.reservedFor(noteHeight);
    const fitsOnEmptyPage = TOP + height + noteHeight + NOTE_SEPARATOR <= BOTTOM;
    if (!fitsHere && fitsOnEmptyPage) this.newPage();
  }

  private table(block: Extract<Block, { kind: 'table' }>, x: number, width: number): void {
    const cols = Math.max(1, ...block.rows.map((r) => r.cells.length));
    const colW = width / cols;
    const pad = 4;
    for (const row of block.rows) {
      const cells = row.cells.map((cell) => {
        const lines: Line[] = [];
        cell.blocks.forEach((b) => {
          const content: Inline[] =
            b.kind === 'paragraph' || b.kind === 'heading'
              ? b.content
              : [{ kind: 'text', text: flattenBlocks([b]), marks: {} }];
          const base: Style = { font: cell.header ? 'bold' : 'regular', size: 9.5, color: INK };
          lines.push(
            ...breakLines(
              { size: 9.5, leading: 13, tokens: tokenize(fragsOf(content, base)), notes: [] },
              colW - 2 * pad,
              this.m,
            ),
          );
        });
        return { header: cell.header, lines };
      });
      const height = Math.max(13, ...cells.map((c) => c.lines.reduce((h, l) => h + l.height, 0))) + 2 * pad;
      const notes = cells.flatMap((c) => c.lines.flatMap((l) => l.notes));
      this.ensure(height, this.notesHeight(notes, true));
      cells.forEach((c, i) => {
        const cx = x + i * colW;
        if (c.header) this.doc.save().rect(cx, this.y, colW, height).fillColor('#eef1f5').fill().restore();
        this.doc.save().rect(cx, this.y, colW, height).lineWidth(0.5).strokeColor('#b0b0b0').stroke().restore();
        let cy = this.y + pad;
        for (const line of c.lines) {
          this.drawLine(line, cx + pad, cy);
          cy += line.height;
        }
      });
      this.y += height;
      this.addNotes(notes);
    }
  }

  sources(): void {
    const list = this.brief.sources;
    if (!list.length) return;
    this.gap(18);
    this.ensure(16 * 1.3 * 1.2 + BODY_LEADING * 2);
    this.paragraph(
      [{ kind: 'text', text: briefWords(this.brief.language)('sources'), marks: {} }],
      { font: 'bold', size: 16, color: ACCENT },
      16 * 1.3,
      MARGIN_X,
      CONTENT_W,
    );
    this.y += 6;
    const style: Style = { font: 'regular', size: 9.5, color: INK };
    for (const s of list) {
      const content: Inline[] = s.entry;
      const lines = this.linesOf(content, style, 13, CONTENT_W - 14);
      this.ensure(lines.reduce((h, l) => h + l.height, 0)); // an entry is not split across pages
      this.placeLines(lines, MARGIN_X + 14, undefined, { text: '\u2013', style: { ...style, color: MUTED }, dx: -14 });
      this.y += 3;
    }
  }

  /** Page furniture on every page: running title from page 2 on, "Page n of N" in the footer. */
  furniture(): void {
    this.flushNotes();
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const total = range.count;
    for (let i = 0; i < total; i++) {
      doc.switchToPage(range.start + i);
      const label = briefWords(this.brief.language)('page', { current: i + 1, total });
      doc.font('regular').fontSize(8.5).fillColor(MUTED);
      const w = doc.widthOfString(label);
      doc.text(label, (PAGE_W - w) / 2, PAGE_H - 38, { lineBreak: false, baseline: 'alphabetic' });
      if (i > 0) {
        const title = this.brief.title.length > 90 ? `${this.brief.title.slice(0, 89)}…` : this.brief.title;
        doc
          .font('italic')
          .fontSize(8.5)
          .fillColor(MUTED)
          .text(title, MARGIN_X, 40, { lineBreak: false, baseline: 'alphabetic' });
        doc
          .save()
          .moveTo(MARGIN_X, 46)
          .lineTo(MARGIN_X + CONTENT_W, 46)
          .lineWidth(0.4)
          .strokeColor('#cccccc')
          .stroke()
          .restore();
      }
    }
  }
}

function flattenBlocks(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph' || b.kind === 'heading')
      parts.push(b.content.map((i) => (i.kind === 'text' ? i.text : i.kind === 'removed' ? i.text : ' ')).join(''));
    else if (b.kind === 'quote') parts.push(flattenBlocks(b.blocks));
    else if (b.kind === 'list') parts.push(...b.items.map((it) => flattenBlocks(it)));
    else if (b.kind === 'table') parts.push(...b.rows.flatMap((r) => r.cells.map((c) => flattenBlocks(c.blocks))));
  }
  return parts.join(' ');
}

export function renderPdf(brief: ResolvedBrief): Promise<Uint8Array> {
  const writer = new PdfWriter(brief);
  const doc = writer.doc;
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      const buf = Buffer.concat(chunks);
      resolve(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
    });
    doc.on('error', reject);
  });
  writer.title();
  writer.blocks(brief.blocks, MARGIN_X, CONTENT_W);
  writer.sources();
  writer.furniture();
  doc.end();
  return done;
}
