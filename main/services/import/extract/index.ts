/**
 * Format extraction: bytes (or pasted HTML/text) → a clean article with its
 * metadata, and everything taken out kept in `removed[]` with a reason.
 *
 *   web page, pasted HTML → html.ts (DOMPurify, Readability)
 *   plain text, pasted text → plain.ts
 *   Markdown               → plain.ts (front matter, headings, links)
 *   PDF                    → pdf.ts (pdfjs-dist)
 *   Word document          → docx.ts (mammoth, zip-bomb guard)
 *
 * Each reader is loaded the first time a file of its kind arrives (jsdom,
 * pdf.js and mammoth take far longer to load than a text file takes to
 * read), so the import worker starts in moments and a text import never
 * waits for the web-page or PDF code.
 *
 * Which extensions make which format: IMPORT_FORMAT_INFO in shared/enums.ts.
 *
 * then boilerplate.ts classifies the blocks for every format alike.
 * Inputs that cannot become a source throw ImportRejection with a reason a
 * person understands; nothing else is thrown for malformed input.
 */
import { IMPORT_EXTENSIONS_TEXT, importFormatOf } from '../../../../shared/enums';
import { joinParagraphs, normalizeText, splitParagraphs, titleFromText } from '../../../../shared/text';
import { classifyBlocks, type Block, type Classified } from './boilerplate';
import { parseDate } from './dates';
import { decodeText } from './decode';
import { detectLanguage } from './language';
import { chooseOutlet, normaliseOutlet, outletFromByline, outletFromDomain, type OutletSignal } from './outlet';
import { markdownBlocks, textBlocks } from './plain';
import { isMenuLine, readsLikePhrase, ruleReason } from './boilerplate-rules';
import { ImportRejection, type ExtractOptions, type ExtractedDocument, type ImportInput } from './types';

export * from './types';

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

type Format = ExtractedDocument['format'];

function sniff(bytes: Uint8Array): 'pdf' | 'zip' | undefined {
  const head = bytes.subarray(0, 1024);
  const ascii = String.fromCharCode(...head.subarray(0, Math.min(head.length, 1024)));
  if (ascii.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  return undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(ImportRejection.of('import.readingTookLongerThan2', { what, value: Math.round(ms / 1000) })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Guards against stack overflows and other parser failures on malformed input. */
async function guarded<T>(fn: () => T | Promise<T>, what: string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ImportRejection) throw err;
    if (err instanceof RangeError) throw ImportRejection.of('import.nestedTooDeeplyToo', { what });
    throw ImportRejection.of('import.couldRead', { what, value: (err as Error)?.message ?? String(err) });
  }
}

/** "Headline | Site" or "Headline – Site" → "Headline" when the tail is the outlet. */
function stripSiteSuffix(title: string, outlet?: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (outlet) {
    const esc = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stripped = t
      .replace(new RegExp(`\\s*[|–—:·-]\\s*${esc}\\s*$`, 'i'), '')
      .replace(new RegExp(`^${esc}\\s*[|–—:·-]\\s*`, 'i'), '');
    if (stripped.length >= 8) return stripped;
  }
  // t has single spaces only (collapsed above).
  const parts = t.split(/ [|–—] /);
  if (parts.length >= 2 && parts[0]!.length >= 15) return parts[0]!;
  return t;
}

function cleanByline(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s
    .replace(/\s+/g, ' ')
    .replace(/^(by|av|von|par)\s+/i, '')
    // "Priya Nair — The Westmoor Herald": the outlet after a dash is not part of the name.
    .replace(/\s[—–|]\s.{0,80}$/, '')
    .trim();
  return t && t.length <= 120 ? t : undefined;
}

/**
 * A saved page's headline when no metadata names it: its first <h1> when that reads as a
 * headline (not a site name, a section or a caption), else the page's title.
 */
function htmlHeadline(
  h1: string | undefined,
  pageTitle: string | undefined,
  fallback: string | undefined,
  lang: string,
): string | undefined {
  const h = h1?.replace(/\s+/g, ' ').trim();
  if (!h) return fallback;
  // The site's logo in an <h1>: the page title names it beside the headline ("Headline | Site").
  const key = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const parts = pageTitle?.split(/\s[|–—-]\s/) ?? [];
  if (parts.length >= 2 && parts.some((p) => key(p) === key(h))) return fallback;
  const w = h.split(' ').length;
  const phrase = readsLikePhrase(h, lang) || (w >= 5 && !isMenuLine(h));
  if (h.length <= 200 && w >= 3 && phrase && !ruleReason(h)) return h;
  return fallback;
}

/** "Headline | Site", "Site – Headline": the site named beside the headline in a page's <title>. */
function outletFromPageTitle(pageTitle: string | undefined, headline: string | undefined): string | undefined {
  if (!pageTitle || !headline) return undefined;
  const parts = pageTitle.split(/\s[|–—-]\s/).map((p) => p.trim());
  if (parts.length !== 2) return undefined;
  const key = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (key(parts[0]!) === key(headline)) return normaliseOutlet(parts[1]!);
  if (key(parts[1]!) === key(headline)) return normaliseOutlet(parts[0]!);
  return undefined;
}

interface Extracted {
  blocks: Block[];
  format: Format;
  title?: string;
  /** The outlet the format's metadata names (og:site_name, JSON-LD publisher, front matter). */
  outlet?: string;
  /** Weaker outlet signals the format has besides (a page title's tail, an author line). */
  outletSignals?: OutletSignal[];
  author?: string;
  publishedAt?: string;
  url?: string;
  htmlLang?: string;
  findTitle: boolean;
}

async function extractBlocks(input: ImportInput, options: ExtractOptions): Promise<Extracted> {
  const ext = extensionOf(input.name);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const kind = sniff(input.bytes);
  const pasted = input.name === '' || input.name === 'pasted';
  const format = importFormatOf(ext);

  if (input.html !== undefined || format === 'html') {
    if (input.html === undefined && kind)
      throw ImportRejection.of('import.fileReallyWebPage', { ext, value: kind === 'pdf' ? 'PDF' : 'zip archive' });
    const html = input.html ?? decodeText(input.bytes).text;
    if (!html.trim()) throw ImportRejection.of('import.emptyPageText');
    const { htmlBlocks } = await import('./html');
    const r = await guarded(() => htmlBlocks(html), 'web page');
    const outlet = r.meta.outlet ?? r.readability.siteName;
    const rawTitle =
      r.meta.title ??
      htmlHeadline(
        r.readability.h1,
        r.readability.documentTitle,
        r.readability.title,
        r.meta.lang ?? detectLanguage(html.slice(0, 4000)),
      );
    const title = rawTitle ? stripSiteSuffix(rawTitle, outlet) : undefined;
    const byline = r.meta.author ?? r.readability.byline;
    const outletSignals: OutletSignal[] = [];
    const fromTitle = outletFromPageTitle(r.readability.documentTitle, title);
    if (fromTitle) outletSignals.push({ name: fromTitle, strength: 4, via: 'title' });
    const fromByline = byline
      ? outletFromByline(/^(by|av|von|par)\s/i.test(byline) ? byline : `By ${byline}`)
      : undefined;
    if (fromByline) outletSignals.push({ name: fromByline, strength: 1.5, via: 'byline' });
    return {
      blocks: r.blocks,
      format: input.html !== undefined ? 'paste' : 'html',
      title,
      outlet,
      outletSignals,
      author: cleanByline(byline),
      publishedAt:
        r.meta.publishedAt ?? (r.readability.publishedTime ? parseDate(r.readability.publishedTime) : undefined),
      url: r.meta.url,
      htmlLang: r.meta.lang,
      findTitle: false,
    };
  }
  if (format === 'pdf' || (kind === 'pdf' && format !== 'docx')) {
    if (kind !== 'pdf') throw ImportRejection.of('import.validPdfFilePdf');
    const { pdfBlocks } = await import('./pdf');
    const r = await withTimeout(
      guarded(() => pdfBlocks(input.bytes), 'PDF'),
      timeoutMs,
      'PDF',
    );
    return { blocks: r.blocks, format: 'pdf', author: r.author, findTitle: true };
  }
  if (format === 'docx' || (kind === 'zip' && ext !== '' && format !== 'txt' && format !== 'md')) {
    if (kind !== 'zip') throw ImportRejection.of('import.wordDocumentDocxFiles');
    const { docxBlocks } = await import('./docx');
    const r = await withTimeout(
      guarded(() => docxBlocks(input.bytes), 'Word document'),
      timeoutMs,
      'Word document',
    );
    return { blocks: r.blocks, format: 'docx', findTitle: true };
  }
  if (
    [
      'doc',
      'rtf',
      'odt',
      'pages',
      'epub',
      'xls',
      'xlsx',
      'ppt',
      'pptx',
      'zip',
      'png',
      'jpg',
      'jpeg',
      'gif',
      'webp',
      'mp3',
      'mp4',
      'exe',
    ].includes(ext)
  ) {
    throw ImportRejection.of('import.filesAreSupportedImport', { ext, IMPORT_EXTENSIONS_TEXT });
  }
  if (kind === 'pdf' || kind === 'zip')
    throw ImportRejection.of('import.fileReallyGiveProper', { value: kind === 'pdf' ? 'PDF' : 'zip archive' });
  if (format === 'md') {
    const r = markdownBlocks(decodeText(input.bytes).text);
    return {
      blocks: r.blocks,
      format: 'md',
      title: r.meta.title,
      author: r.meta.author,
      publishedAt: r.meta.date ? parseDate(r.meta.date) : undefined,
      url: r.meta.url,
      outlet: r.meta.outlet,
      findTitle: true,
    };
  }
  if (format === 'txt' || ext === '' || pasted) {
    return { blocks: textBlocks(decodeText(input.bytes).text), format: pasted ? 'paste' : 'txt', findTitle: true };
  }
  throw ImportRejection.of('import.unsupportedFileTypeImport', { ext, IMPORT_EXTENSIONS_TEXT });
}

const domainOutlet = (url: string | undefined, names: string[] = []) =>
  url ? outletFromDomain(url, names) : undefined;

/** The outlet from every signal: metadata, the text's own lines, the domain; the strongest wins (see outlet.ts). */
function outletOf(ex: Extracted, c: Classified, url: string | undefined): string | undefined {
  const signals: OutletSignal[] = [];
  const structured = ex.outlet && normaliseOutlet(ex.outlet);
  if (structured) signals.push({ name: structured, strength: 5, via: 'metadata' });
  signals.push(...(ex.outletSignals ?? []), ...c.outletSignals);
  const domain = domainOutlet(
    url,
    signals.map((s) => s.name),
  );
  if (domain) signals.push({ name: domain, strength: 3, via: 'domain' });
  return chooseOutlet(signals)?.name;
}

export async function extractDocument(input: ImportInput, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.bytes.length === 0 && !input.html?.trim()) throw ImportRejection.of('import.emptyFileThereNothing');
  const size = Math.max(input.bytes.length, input.html?.length ?? 0);
  if (size > max) throw ImportRejection.of('import.fileLargerThanMb', { value: Math.round(max / 1024 / 1024) });

  const ex = await extractBlocks(input, options);
  const blocks = ex.blocks.filter((b) => b.text.trim());
  if (blocks.length === 0) throw ImportRejection.of(ex.format === 'pdf' ? 'import.noTextLayer' : 'import.readableText');

  const guessLang = detectLanguage(
    blocks
      .map((b) => b.text)
      .join('\n')
      .slice(0, 8000),
  );
  const lang = guessLang === 'und' ? (ex.htmlLang ?? 'en') : guessLang;
  let c: Classified = classifyBlocks(blocks, {
    lang,
    knownTitle: ex.title,
    findTitle: ex.findTitle,
    outlets: [ex.outlet, ...(ex.outletSignals ?? []).map((o) => o.name), domainOutlet(ex.url ?? input.url)],
  });
  if (c.paragraphs.length === 0) {
    // Nothing looked like an article (a note, a list): keep everything but metadata lines.
    const meta = new Set(['title', 'byline', 'dateline', 'outside the article']);
    const kept = c.removed.filter((r) => !meta.has(r.reason));
    const keepAll = kept.length ? kept : c.removed;
    const keepSet = new Set(keepAll);
    c = {
      ...c,
      paragraphs: keepAll.map((r) => r.text),
      removed: c.removed.filter((r) => !keepSet.has(r)).map((r) => ({ ...r, beforeParagraph: 0 })),
    };
  }
  // Normalise each paragraph on its own so paragraph i of the text is c.paragraphs[i] (removed[] positions rely on it).
  const normalized = c.paragraphs.map((p) => splitParagraphs(normalizeText(p)).join(' '));
  const shift: number[] = [];
  let kept = 0;
  for (const p of normalized) {
    shift.push(kept);
    if (p) kept++;
  }
  shift.push(kept);
  const removed = c.removed
    .map((r) => ({
      ...r,
      text: normalizeText(r.text),
      beforeParagraph: shift[Math.min(r.beforeParagraph ?? 0, shift.length - 1)]!,
    }))
    .filter((r) => r.text);
  const text = joinParagraphs(normalized.filter(Boolean));
  if (!text.trim()) throw ImportRejection.of('import.readableText');
  const detected = detectLanguage(text);
  const language = detected !== 'und' ? detected : (ex.htmlLang ?? 'und');
  const title = (ex.title ?? c.title)?.replace(/\s+/g, ' ').trim() || titleFromText(text);
  const author = ex.author ?? c.author;
  const publishedAt = ex.publishedAt ?? c.publishedAt;
  const url = ex.url ?? input.url;
  const outlet = outletOf(ex, c, url);
  return {
    title,
    ...(outlet ? { outlet } : {}),
    ...(author ? { author } : {}),
    ...(url ? { url } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    language,
    text,
    removed,
    format: ex.format,
  };
}
