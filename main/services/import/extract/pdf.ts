/**
 * PDF → blocks with pdfjs-dist (legacy build, runs in Node). Text per page;
 * lines rebuilt from the items' positions; paragraphs from the vertical gaps
 * between lines and changes of font size; words hyphenated at a line end
 * joined; running headers, footers and page numbers set aside.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Block } from './boilerplate';
import { joinLines } from './plain';
import { ImportRejection } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

let fontsUrl: string | undefined;
function standardFontDataUrl(): string | undefined {
  if (fontsUrl === undefined) {
    try {
      const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
      fontsUrl = pathToFileURL(path.join(path.dirname(pkg), 'standard_fonts') + path.sep).href;
    } catch {
      fontsUrl = '';
    }
  }
  return fontsUrl || undefined;
}

interface Line {
  text: string;
  y: number;
  x: number;
  width: number;
  size: number;
  page: number;
}

export interface PdfResult {
  blocks: Block[];
  title?: string;
  author?: string;
  pages: number;
}

const MAX_PAGES = 2000;

export async function pdfBlocks(bytes: Uint8Array): Promise<PdfResult> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
    standardFontDataUrl: standardFontDataUrl(),
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    await task.destroy().catch(() => undefined);
    if (name === 'PasswordException') throw ImportRejection.of('import.pdfEncryptedPasswordProtected');
    if (name === 'InvalidPDFException') throw ImportRejection.of('import.validPdfFileDamaged');
    throw ImportRejection.of('import.pdfCouldRead', { value: (err as Error).message ?? 'unknown error' });
  }
  try {
    if (doc.numPages > MAX_PAGES)
      throw ImportRejection.of('import.pdfHasPagesMore', { numPages: doc.numPages, MAX_PAGES });
    let info: Record<string, unknown> = {};
    try {
      info = ((await doc.getMetadata()).info ?? {}) as Record<string, unknown>;
    } catch {
      info = {};
    }
    const lines: Line[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let cur: Line | undefined;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw;
        const [a, b, , , x, y] = item.transform as number[];
        const size = Math.hypot(a ?? 0, b ?? 0) || item.height || 10;
        if (cur && Math.abs(cur.y - y!) <= size * 0.5 && item.str !== '') {
          const gap = x! - (cur.x + cur.width);
          cur.text +=
            gap > size * 0.15 && !cur.text.endsWith(' ') && !item.str.startsWith(' ') ? ` ${item.str}` : item.str;
          cur.width = Math.max(cur.width, x! + item.width - cur.x);
          cur.size = Math.max(cur.size, size);
        } else if (item.str.trim() !== '') {
          cur = { text: item.str, y: y!, x: x!, width: item.width, size, page: p };
          lines.push(cur);
        }
        if (item.hasEOL) cur = undefined;
      }
      page.cleanup();
    }
    for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
    const kept = lines.filter((l) => l.text);
    const blocks = linesToBlocks(kept, doc.numPages);
    const titleInfo = typeof info.Title === 'string' ? info.Title.trim() : '';
    const authorInfo = typeof info.Author === 'string' ? info.Author.trim() : '';
    return {
      blocks,
      pages: doc.numPages,
      ...(titleInfo ? { title: titleInfo } : {}),
      ...(authorInfo ? { author: authorInfo } : {}),
    };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function linesToBlocks(lines: Line[], pages: number): Block[] {
  // Running headers and footers: the first or last line of a page that recurs (digits aside) on other pages.
  const edgeKey = (l: Line) => l.text.replace(/\d+/g, '#').toLowerCase();
  const running = new Set<string>();
  if (pages >= 2) {
    const counts = new Map<string, number>();
    for (let p = 1; p <= pages; p++) {
      const on = lines.filter((l) => l.page === p);
      for (const l of new Set([on[0], on[on.length - 1]]))
        if (l) counts.set(edgeKey(l), (counts.get(edgeKey(l)) ?? 0) + 1);
    }
    for (const [k, c] of counts) if (c >= 2) running.add(k);
  }
  const bodySize = median(lines.map((l) => l.size));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && Math.abs(a.size - bodySize) < 0.5 && Math.abs(b.size - bodySize) < 0.5 && a.y > b.y)
      gaps.push(a.y - b.y);
  }
  const lineGap = median(gaps) || bodySize * 1.2;
  const maxWidth = Math.max(...lines.map((l) => l.width), 1);
  const firstPageLines = lines.filter((l) => l.page === 1);
  const titleSize = Math.max(...firstPageLines.slice(0, 5).map((l) => l.size), 0);

  const blocks: Block[] = [];
  let group: Line[] = [];
  const flush = () => {
    if (!group.length) return;
    const size = group[0]!.size;
    const text = joinLines(group.map((l) => l.text));
    const isTitle =
      group[0]!.page === 1 && size === titleSize && size > bodySize * 1.25 && !blocks.some((b) => b.kind === 'title');
    blocks.push({ text, kind: isTitle ? 'title' : size > bodySize * 1.1 ? 'heading' : 'paragraph' });
    group = [];
    blocks.push(...pendingEdges.splice(0));
  };
  const pendingEdges: Block[] = [];
  let prev: Line | undefined;
  for (const l of lines) {
    if (
      running.has(edgeKey(l)) ||
      /^(page\s*|sida\s*|seite\s*)?\d{1,4}(\s*(\/|of|av|von|sur)\s*\d{1,4})?$/i.test(l.text)
    ) {
      const isEdge = /^(page\s*|sida\s*|seite\s*)?\d/i.test(l.text) ? 'page number' : 'page header or footer';
      // Set aside without breaking the paragraph that runs across the page break.
      pendingEdges.push({ text: l.text, dropReason: isEdge });
      continue;
    }
    if (prev && group.length) {
      const samePage = prev.page === l.page;
      const gap = samePage ? prev.y - l.y : lineGap;
      const sizeChange = Math.abs(prev.size - l.size) > Math.max(prev.size, l.size) * 0.12;
      const expectedGap = lineGap * (Math.max(prev.size, l.size) / (bodySize || 1));
      const bigGap = samePage && (gap > expectedGap * 1.4 || gap < 0);
      const shortEnd = /[.!?:"”]$/.test(prev.text) && prev.width < maxWidth * 0.8;
      const pageBreakEnd = !samePage && /[.!?"”]$/.test(prev.text);
      if (sizeChange || bigGap || shortEnd || pageBreakEnd) flush();
    }
    group.push(l);
    prev = l;
  }
  flush();
  blocks.push(...pendingEdges.splice(0));
  return blocks;
}
