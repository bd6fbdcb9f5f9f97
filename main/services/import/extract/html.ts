/**
 * Saved web pages and pasted HTML → blocks and metadata. The HTML is
 * sanitised with DOMPurify (scripts, event handlers, forms, frames removed)
 * before anything reads it; the article is found with @mozilla/readability;
 * blocks of the page outside the article are kept as removed blocks so
 * nothing is silently lost. Metadata comes from meta tags, JSON-LD and
 * <time> elements (read from the raw markup as text, never executed).
 * One jsdom window is created once and reused for every document.
 */
import { Readability } from '@mozilla/readability';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import type { Block } from './boilerplate';
import { parseDate } from './dates';
import { ImportRejection } from './types';

let shared: { window: JSDOM['window']; purify: DOMPurify } | undefined;
function env() {
  if (!shared) {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    shared = { window, purify: createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]) };
  }
  return shared;
}

export interface HtmlMeta {
  title?: string;
  outlet?: string;
  author?: string;
  publishedAt?: string;
  url?: string;
  lang?: string;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  // The lookbehind starts a name only at its first character (a later one would fail the same way).
  const re = /(?<![a-zA-Z:_-])([a-zA-Z:_-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]!.toLowerCase()] = decodeEntities(m[3] ?? m[4] ?? m[5] ?? '').trim();
  return out;
}

/** Finds the first JSON-LD object of an article type (NewsArticle, Article, ReportageNewsArticle…). */
function jsonLdArticle(html: string): Record<string, unknown> | undefined {
  // indexOf, not a lazy regex: linear even on a page full of unclosed <script> tags.
  const lower = html.toLowerCase();
  let from = 0;
  let count = 0;
  while (count++ < 20) {
    const at = lower.indexOf('application/ld+json', from);
    if (at < 0) break;
    const open = lower.indexOf('>', at);
    const close = open < 0 ? -1 : lower.indexOf('</script', open);
    if (close < 0) break;
    from = close;
    let data: unknown;
    try {
      data = JSON.parse(html.slice(open + 1, close).trim());
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item.slice(0, 50));
      else if (item && typeof item === 'object') {
        const obj = item as Record<string, unknown>;
        const type = obj['@type'];
        const types = Array.isArray(type) ? type : [type];
        if (types.some((t) => typeof t === 'string' && /Article|BlogPosting|Report/.test(t))) return obj;
        if (obj['@graph']) queue.push(obj['@graph']);
      }
    }
  }
  return undefined;
}

const nameOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string')
    return (v as { name: string }).name.trim() || undefined;
  return undefined;
};

/** Metadata from the raw markup: meta tags, canonical link, JSON-LD, <time datetime>, <html lang>. */
export function htmlMeta(html: string): HtmlMeta {
  const head = html.length > 400_000 ? html.slice(0, 400_000) : html;
  const meta: Record<string, string> = {};
  for (const tag of head.match(/<meta\b[^<>]*>/gi) ?? []) {
    const a = attrs(tag);
    const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
    if (key && a.content && !(key in meta)) meta[key] = a.content;
  }
  let canonical: string | undefined;
  for (const tag of head.match(/<link\b[^<>]*>/gi) ?? []) {
    const a = attrs(tag);
    if (a.rel?.toLowerCase() === 'canonical' && a.href) canonical = a.href;
  }
  const ld = jsonLdArticle(head);
  const time = /<time\b[^<>]*datetime\s*=\s*["']([^"'<>]{1,64})["']/i.exec(html)?.[1];
  const lang = /<html\b[^<>]*\blang\s*=\s*["']?([a-zA-Z]{2})\b/i.exec(head)?.[1]?.toLowerCase();
  const dateSource =
    meta['article:published_time'] ??
    (typeof ld?.datePublished === 'string' ? ld.datePublished : undefined) ??
    meta['date'] ??
    meta['dc.date'] ??
    meta['pubdate'] ??
    time;
  const url = canonical ?? meta['og:url'] ?? (typeof ld?.url === 'string' ? ld.url : undefined);
  return {
    title: meta['og:title'] ?? (typeof ld?.headline === 'string' ? ld.headline : undefined) ?? meta['twitter:title'],
    outlet: meta['og:site_name'] ?? nameOf(ld?.publisher) ?? meta['application-name'],
    author: meta['author'] ?? nameOf(ld?.author) ?? meta['article:author'],
    publishedAt: dateSource ? parseDate(dateSource) : undefined,
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
    lang,
  };
}

const BLOCK_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'TD',
  'TH',
  'DT',
  'DD',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'NAV',
  'ASIDE',
  'FIGURE',
  'UL',
  'OL',
  'TABLE',
  'TR',
  'MAIN',
  'ADDRESS',
  'CAPTION',
  'DL',
  'TBODY',
  'THEAD',
  'FORM',
  'BODY',
]);

/** Text of an element with spaces where inline boundaries would show them; link characters counted. */
function textOf(el: Element): { text: string; linkChars: number } {
  let text = '';
  let linkChars = 0;
  const stack: Array<{ node: Node; inLink: boolean }> = [{ node: el, inLink: false }];
  while (stack.length) {
    const { node, inLink } = stack.pop()!;
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      text += v;
      if (inLink) linkChars += v.replace(/\s+/g, ' ').trim().length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName;
    if (tag === 'BR') {
      text += '\n';
      continue;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
    if (tag !== 'A' && tag !== 'SPAN' && tag !== 'EM' && tag !== 'STRONG' && tag !== 'B' && tag !== 'I') text += ' ';
    const kids = node.childNodes;
    const link = inLink || tag === 'A';
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, inLink: link });
  }
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { text: lines.join('\n'), linkChars };
}

/** Leaf block elements (block tags with no block tags inside) in document order, without recursion. */
function leafBlocks(root: Element): Element[] {
  const order: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    order.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  const hasBlockInside = new Set<Element>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    if (BLOCK_TAGS.has(el.tagName) || hasBlockInside.has(el)) {
      const parent = el.parentElement;
      if (parent) hasBlockInside.add(parent);
    }
  }
  return order.filter((el) => BLOCK_TAGS.has(el.tagName) && !hasBlockInside.has(el));
}

const READABILITY_MAX_ELEMENTS = 15_000;

/** Removes elements with no text in them (empty paragraphs, spacer divs, images): one bottom-up pass. */
function pruneEmpty(root: Element): number {
  const order: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    order.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  const hasText = new Set<Element>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    let text = hasText.has(el);
    if (!text) {
      for (const n of el.childNodes) {
        if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) {
          text = true;
          break;
        }
      }
    }
    if (text) {
      hasText.add(el);
      if (el.parentElement) hasText.add(el.parentElement);
    } else if (el !== root && el.tagName !== 'BR') el.remove();
  }
  return hasText.size;
}

function toBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  for (const el of leafBlocks(root)) {
    const { text, linkChars } = textOf(el);
    if (!text) continue;
    const tag = el.tagName;
    const kind: Block['kind'] = /^H[1-6]$/.test(tag)
      ? 'heading'
      : tag === 'LI'
        ? 'list-item'
        : tag === 'FIGCAPTION'
          ? 'caption'
          : 'paragraph';
    // A leaf that is a container (a <div> or <nav> of links) holds lines: keep them apart.
    const parts =
      kind === 'paragraph' && text.includes('\n') && tag !== 'P' && tag !== 'BLOCKQUOTE'
        ? text.split('\n')
        : [text.replace(/\n/g, ' ')];
    for (const part of parts) {
      const share = parts.length > 1 ? Math.min(part.length, linkChars) : linkChars;
      blocks.push({ text: part, linkChars: share, kind, ...(kind === 'caption' ? { dropReason: 'caption' } : {}) });
    }
  }
  return blocks;
}

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export interface HtmlResult {
  blocks: Block[];
  meta: HtmlMeta;
  /** Readability's title, byline, site name (fallbacks for the meta tags). */
  readability: {
    title?: string;
    /** The page's first <h1>, and its <title>. */
    h1?: string;
    documentTitle?: string;
    byline?: string;
    siteName?: string;
    publishedTime?: string;
  };
}

/**
 * Deeper than this is rejected as malformed: parsing, sanitising and Readability slow down steeply with
 * depth (≈1 s at 250 levels, ≈30 s at 1,000), and real article pages nest far less.
 */
const MAX_DEPTH = 250;
const tooDeep = () => ImportRejection.of('import.htmlTooDeep', { depth: MAX_DEPTH.toLocaleString('en') });
const VOID_OR_IMPLIED = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'td',
  'th',
  'tr',
  'dt',
  'dd',
  'option',
  '!doctype',
]);

/** Elements whose content is SVG or MathML, where `<x/>` does close the element. */
const FOREIGN = new Set(['svg', 'math']);

/**
 * Estimated nesting depth from the tags alone, without building a DOM. As the HTML parser does, a
 * `/>` closes only void and SVG/MathML elements (`<div/>` opens a div), and an end tag with no open
 * element of its name (`</b>` after `<div>`) closes nothing; an end tag closes the elements opened
 * after its own. Linear: a count per open tag name answers whether an end tag closes anything.
 */
export function nestingDepth(html: string): number {
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g;
  const stack: string[] = [];
  const open = new Map<string, number>();
  let foreign = 0;
  let max = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const tag = m[2]!.toLowerCase();
    if (VOID_OR_IMPLIED.has(tag)) continue;
    if (m[1]) {
      if (!open.get(tag)) continue;
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open.set(top, open.get(top)! - 1);
        if (FOREIGN.has(top)) foreign--;
        if (top === tag) break;
      }
    } else if (!m[3] || (foreign === 0 && !FOREIGN.has(tag))) {
      stack.push(tag);
      open.set(tag, (open.get(tag) ?? 0) + 1);
      if (FOREIGN.has(tag)) foreign++;
      max = Math.max(max, stack.length);
    }
  }
  return max;
}

/** Elements on the longest path from `root` down, counted on the parsed tree. */
function treeDepth(root: Element): number {
  let max = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    max = Math.max(max, depth);
    for (const child of el.children) stack.push([child, depth + 1]);
  }
  return max;
}

export function htmlBlocks(html: string): HtmlResult {
  if (nestingDepth(html) > MAX_DEPTH) throw tooDeep();
  const meta = htmlMeta(html);
  const { window, purify } = env();
  let root: Element;
  try {
    root = purify.sanitize(html, {
      WHOLE_DOCUMENT: true,
      RETURN_DOM: true,
      FORBID_TAGS: [
        'style',
        'form',
        'input',
        'button',
        'select',
        'textarea',
        'iframe',
        'svg',
        'math',
        'noscript',
        'template',
        'object',
        'embed',
      ],
      FORBID_ATTR: ['style'],
    }) as unknown as Element;
  } catch (err) {
    if (err instanceof RangeError) throw ImportRejection.of('import.htmlNestedTooDeeply');
    throw err;
  }
  // DOMPurify parsed the page into a document of its own: use it as is (no second parse or copy).
  let doc = root.ownerDocument;
  if (!doc?.body || !doc.documentElement.contains(root)) {
    doc = window.document.implementation.createHTMLDocument('');
    const body = root.tagName === 'BODY' ? root : (root.querySelector('body') ?? root);
    doc.body.replaceWith(doc.importNode(body, true));
    const titleEl = root.querySelector('title');
    if (titleEl) doc.title = titleEl.textContent ?? '';
  }
  if (doc.getElementsByTagName('*').length > 100_000) throw ImportRejection.of('import.pageTooLargeComplex');
  // The tag estimate above can be fooled (the parser's repairs nest more than the tags say); the parsed
  // tree is measured before Readability, whose ancestor walks make a deep tree slow.
  if (treeDepth(doc.documentElement) > MAX_DEPTH) throw tooDeep();
  const elements = pruneEmpty(doc.body);

  const pageBlocks = toBlocks(doc.body);
  // Readability slows down badly on huge pages; past this size the paragraph classifier works alone.
  if (elements > READABILITY_MAX_ELEMENTS) {
    const h1Only = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
    return {
      blocks: pageBlocks,
      meta,
      readability: {
        title: h1Only || doc.title.trim() || undefined,
        h1: h1Only || undefined,
        documentTitle: doc.title.trim() || undefined,
      },
    };
  }
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  let article: ReturnType<Readability<Node>['parse']>;
  try {
    // The identity serializer hands back the article's element: no serialising and parsing it again.
    article = new Readability<Node>(doc, {
      charThreshold: 250,
      maxElemsToParse: 60_000,
      keepClasses: false,
      serializer: (node) => node,
    }).parse();
  } catch (err) {
    if (err instanceof RangeError) throw ImportRejection.of('import.htmlNestedTooDeeply');
    article = null;
  }
  const readability = {
    title: article?.title?.trim() || h1 || undefined,
    h1: h1 || undefined,
    documentTitle: doc.title.trim() || undefined,
    byline: article?.byline?.trim() || undefined,
    siteName: article?.siteName?.trim() || undefined,
    publishedTime: article?.publishedTime?.trim() || undefined,
  };
  if (!article?.content) return { blocks: pageBlocks, meta, readability };

  const articleBlocks = toBlocks(article.content as Element).map((b) => ({ ...b, trusted: true }));
  const inArticle = new Map<string, number>();
  articleBlocks.forEach((b, i) => {
    const k = key(b.text);
    if (k && !inArticle.has(k)) inArticle.set(k, i);
  });
  // Interleave: the page's blocks outside the article are kept (as dropped) where they stood.
  const blocks: Block[] = [];
  let next = 0;
  for (const b of pageBlocks) {
    const at = inArticle.get(key(b.text));
    if (at !== undefined) {
      while (next <= at) blocks.push(articleBlocks[next++]!);
      continue;
    }
    if (!key(b.text)) continue;
    blocks.push({ ...b, dropReason: b.dropReason ?? 'outside the article' });
  }
  while (next < articleBlocks.length) blocks.push(articleBlocks[next++]!);
  return { blocks, meta, readability };
}

/** An HTML fragment (from mammoth) → blocks, without Readability. */
export function fragmentBlocks(html: string): Block[] {
  const { window, purify } = env();
  const root = purify.sanitize(html, { RETURN_DOM: true }) as unknown as Element;
  void window;
  return toBlocks(root);
}
