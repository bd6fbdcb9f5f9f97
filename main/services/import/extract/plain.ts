/**
 * Plain text and Markdown → blocks. Text copied from a browser keeps menus
 * and link lists as one item per line and paragraphs separated by blank
 * lines; text saved from an editor may be hard-wrapped. Both become blocks.
 */
import { normalizeText, splitParagraphs } from '../../../../shared/text';
import type { Block } from './boilerplate';
import { isCreditLine, ruleReason } from './boilerplate-rules';

/** Joins hard-wrapped lines, mending words hyphenated at a line end. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) out = line;
    else if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(line)) out = out.slice(0, -1) + line;
    else out += ` ${line}`;
  }
  return out;
}

/** Whether the lines of one blank-line-separated chunk are a wrapped paragraph rather than separate items. */
function isWrappedProse(lines: string[]): boolean {
  // A caption with its credit on the next line ("REUTERS/Lena Morales") is two blocks, and so is a
  // line followed by a sign-up or notice line that a rule knows.
  if (lines.length < 2 || isCreditLine(lines.at(-1)!) || (lines.length === 2 && ruleReason(lines[1]!))) return false;
  const body = lines.slice(0, -1);
  const maxLen = Math.max(...lines.map((l) => l.length));
  const long = body.filter((l) => l.length >= 45 && l.length >= 0.75 * maxLen).length;
  // Wrapped prose: the lines before the last are long, and most do not end a sentence.
  const ends = body.filter((l) => /[.!?:"”]$/.test(l)).length;
  return (
    long === body.length &&
    ends < Math.ceil(body.length / 2) + (body.length === 1 ? 1 : 0) &&
    lines.every((l) => !/^([-*•·]|\d+[.)])\s/.test(l))
  );
}

export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of splitParagraphs(normalizeText(text))) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 1 || isWrappedProse(lines)) blocks.push({ text: joinLines(lines) });
    else for (const l of lines) blocks.push({ text: l });
  }
  return blocks;
}

export interface MarkdownMeta {
  title?: string;
  author?: string;
  date?: string;
  url?: string;
  outlet?: string;
}

/** Line terminators other than LF, which a value may not hold. */
const LINE_BREAK = /[\r\u2028\u2029]/;
const QUOTE = /["']/;

/**
 * `key: value`, `key: "value"`: the key and the value without the spaces and one quote on each side;
 * string methods, not one pattern, whose `\s*(.*?)\s*$` would rescan a long value for each space.
 */
function keyValue(line: string): [key: string, value: string] | undefined {
  const key = /^[A-Za-z_]+:/.exec(line)?.[0];
  if (!key) return undefined;
  let value = line.slice(key.length).trimStart();
  if (QUOTE.test(value.charAt(0))) value = value.slice(1);
  value = value.trimEnd();
  if (QUOTE.test(value.charAt(value.length - 1))) value = value.slice(0, -1);
  return LINE_BREAK.test(value) ? undefined : [key.slice(0, -1), value];
}

/** A source's URL from front matter: http(s) only (a `javascript:` or `file:` link would reach every export). */
function webUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a YAML front matter block's simple `key: value` lines. */
function frontMatter(text: string): { meta: MarkdownMeta; body: string } {
  const m = /^---\n([\s\S]*?)\n(---|\.\.\.)\n/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: MarkdownMeta = {};
  for (const line of m[1]!.split('\n')) {
    const kv = keyValue(line);
    if (!kv || !kv[1]) continue;
    const [name, value] = kv;
    const key = name.toLowerCase();
    if (key === 'title') meta.title = value;
    else if (key === 'author' || key === 'byline') meta.author = value;
    else if (key === 'date' || key === 'published' || key === 'published_at') meta.date = value;
    else if (key === 'url' || key === 'source' || key === 'canonical') meta.url = webUrl(value) ?? meta.url;
    else if (key === 'site' || key === 'outlet' || key === 'site_name' || key === 'publisher') meta.outlet = value;
  }
  return { meta, body: text.slice(m[0].length) };
}

/** Markdown inline syntax → text, counting the characters that were link text. */
function inline(md: string): { text: string; linkChars: number } {
  let linkChars = 0;
  let text = md
    .replace(/!\[([^\][\n]{0,500})\]\([^()\s]{0,2000}\)/g, '')
    .replace(/\[([^\][\n]{1,500})\]\([^()\s]{0,2000}\)/g, (_, t: string) => {
      linkChars += t.length;
      return t;
    })
    .replace(/<https?:\/\/[^<>\s]{1,2000}>/g, (u) => {
      linkChars += u.length - 2;
      return u.slice(1, -1);
    })
    .replace(/(\*\*|__)([^*_\n]{1,300})\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]{1,300})[*_](?=[\s).,!?:;]|$)/g, '$1$2')
    .replace(/`([^`\n]{1,300})`/g, '$1')
    .replace(/<\/?[a-z][^<>]{0,500}>/gi, '');
  text = text.replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1').trim();
  return { text, linkChars };
}

/**
 * A Markdown hard line break (two trailing spaces or a backslash) → a blank line: it separates a byline
 * from a dateline. Line by line with `endsWith`, not `/( {2,}|\\)\r?\n/g`, which rescans a long run of
 * spaces from each of them (50 s on a 200 KB line of spaces).
 */
function hardBreaksToBlankLines(source: string): string {
  const lines = source.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    const body = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (body.endsWith('\\')) lines[i] = `${body.slice(0, -1)}\n`;
    else if (body.endsWith('  ')) {
      let end = body.length;
      while (end > 0 && body[end - 1] === ' ') end--;
      lines[i] = `${body.slice(0, end)}\n`;
    }
  }
  return lines.join('\n');
}

/** `# Heading #`: the level and the text, without the closing hashes and spaces; string methods, linear. */
function atxHeading(line: string): [level: number, text: string] | undefined {
  const open = /^(#{1,6})\s+/.exec(line);
  if (!open) return undefined;
  const rest = line.slice(open[0].length);
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end--;
  end = rest.slice(0, end).trimEnd().length;
  const text = rest.slice(0, Math.max(end, 1));
  return text && !LINE_BREAK.test(text) && !text.includes('\n') ? [open[1]!.length, text] : undefined;
}

export function markdownBlocks(source: string): { blocks: Block[]; meta: MarkdownMeta; firstHeading?: string } {
  const { meta, body } = frontMatter(normalizeText(hardBreaksToBlankLines(source)));
  const blocks: Block[] = [];
  let firstHeading: string | undefined;
  // A heading line starts its own chunk even without a blank line around it.
  const chunks: string[] = [];
  for (const c of splitParagraphs(body)) {
    let cur: string[] = [];
    for (const line of c.split('\n')) {
      if (/^#{1,6}\s/.test(line)) {
        if (cur.length) chunks.push(cur.join('\n'));
        chunks.push(line);
        cur = [];
      } else cur.push(line);
    }
    if (cur.length) chunks.push(cur.join('\n'));
  }
  for (const chunk of chunks) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (/^(```|~~~)/.test(lines[0]!)) continue;
    if (lines.every((l) => /^!\[[^\]]*\]\([^)]*\)$/.test(l))) continue;
    const isList = lines.every((l) => /^([-*+•]|\d+[.)])\s+/.test(l));
    const isQuote = lines.every((l) => l.startsWith('>'));
    const h = atxHeading(lines[0]!);
    if (h && lines.length === 1) {
      const { text } = inline(h[1]);
      if (h[0] === 1 && !firstHeading) {
        firstHeading = text;
        blocks.push({ text, kind: 'title' });
      } else blocks.push({ text, kind: 'heading' });
      continue;
    }
    if (isList) {
      for (const l of lines) {
        const { text, linkChars } = inline(l.replace(/^([-*+•]|\d+[.)])\s+/, ''));
        if (text) blocks.push({ text, linkChars, kind: 'list-item' });
      }
      continue;
    }
    const joined = isQuote ? lines.map((l) => l.replace(/^>\s?/, '')) : lines;
    const { text, linkChars } = inline(joinLines(joined));
    if (text) blocks.push({ text, linkChars });
  }
  return { blocks, meta, firstHeading };
}
