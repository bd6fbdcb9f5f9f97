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

/** Reads a YAML front matter block's simple `key: value` lines. */
function frontMatter(text: string): { meta: MarkdownMeta; body: string } {
  const m = /^---\n([\s\S]*?)\n(---|\.\.\.)\n/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: MarkdownMeta = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z_]+):\s*["']?(.*?)["']?\s*$/.exec(line);
    if (!kv || !kv[2]) continue;
    const key = kv[1]!.toLowerCase();
    if (key === 'title') meta.title = kv[2];
    else if (key === 'author' || key === 'byline') meta.author = kv[2];
    else if (key === 'date' || key === 'published' || key === 'published_at') meta.date = kv[2];
    else if (key === 'url' || key === 'source' || key === 'canonical') meta.url = kv[2];
    else if (key === 'site' || key === 'outlet' || key === 'site_name' || key === 'publisher') meta.outlet = kv[2];
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

export function markdownBlocks(source: string): { blocks: Block[]; meta: MarkdownMeta; firstHeading?: string } {
  // A Markdown hard line break (two trailing spaces or a backslash) separates a byline from a dateline.
  const { meta, body } = frontMatter(normalizeText(source.replace(/( {2,}|\\)\r?\n/g, '\n\n')));
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
    const h = /^(#{1,6})\s+(.+?)\s*#*$/.exec(lines[0]!);
    if (h && lines.length === 1) {
      const { text } = inline(h[2]!);
      if (h[1]!.length === 1 && !firstHeading) {
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
