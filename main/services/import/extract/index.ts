/**
 * Format extraction, first version: .txt, .md, .html and pasted text.
 * (The import-quality work replaces the internals; the signature stays.)
 */
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { normalizeText, titleFromText } from '../../../../shared/text';
import { ImportRejection, type ExtractOptions, type ExtractedDocument, type ImportInput } from './types';

export * from './types';

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

function decodeUtf8(bytes: Uint8Array): string {
  let controls = 0;
  for (let i = 0; i < Math.min(bytes.length, 8192); i++) {
    const b = bytes[i]!;
    if (b === 0) throw new ImportRejection('binary file (contains NUL bytes), not text');
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  if (controls > 8) throw new ImportRejection('binary file (control characters), not text');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportRejection('not valid UTF-8 text');
  }
}

function fromHtml(html: string): Pick<ExtractedDocument, 'title' | 'text' | 'outlet'> {
  const dom = new JSDOM(html);
  const doc = dom.window.document;
  const siteName = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? undefined;
  const article = new Readability(doc).parse();
  const body = article?.textContent ? article.content ?? '' : doc.body?.innerHTML ?? '';
  // Rebuild paragraphs from block elements of the article's HTML.
  const frag = new JSDOM(`<body>${body}</body>`).window.document.body;
  const blocks = [...frag.querySelectorAll('p, h1, h2, h3, h4, li, blockquote, pre')]
    .filter((el) => !el.querySelector('p, li, blockquote'))
    .map((el) => el.textContent ?? '');
  const text = normalizeText((blocks.length ? blocks : [frag.textContent ?? '']).join('\n\n'));
  return { title: (article?.title ?? '').trim(), text, outlet: siteName ?? article?.siteName ?? undefined };
}

export async function extractDocument(input: ImportInput, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.bytes.length === 0 && !input.html) throw new ImportRejection('empty file');
  if (input.bytes.length > max) throw new ImportRejection(`file is larger than the ${Math.round(max / 1024 / 1024)} MB limit`);
  const ext = extensionOf(input.name);
  let title = '';
  let text: string;
  let outlet: string | undefined;
  let format: string;
  if (input.html !== undefined || ext === 'html' || ext === 'htm') {
    const html = input.html ?? decodeUtf8(input.bytes);
    ({ title, text, outlet } = fromHtml(html));
    format = input.html !== undefined ? 'paste' : 'html';
  } else if (ext === 'txt' || ext === 'md' || ext === 'markdown' || ext === 'text' || ext === '') {
    text = normalizeText(decodeUtf8(input.bytes));
    const heading = /^#{1,6}\s+(.+)$/m.exec(text);
    if (ext !== 'txt' && heading) title = heading[1]!.trim();
    format = ext === 'md' || ext === 'markdown' ? 'md' : input.name ? 'txt' : 'paste';
  } else {
    throw new ImportRejection(`unsupported file type ".${ext}"`);
  }
  if (!text.trim()) throw new ImportRejection('no readable text in it');
  if (!title) title = titleFromText(text);
  return { title, outlet, language: 'und', text, removed: [], format };
}
