/**
 * Markdown (footnotes `[^n]`) and HTML (one self-contained file, print CSS,
 * no scripts, all text escaped) renderings of a resolved brief.
 */
import { briefWords } from '../../../shared/brief-words';
import type { UiLanguage } from '../../../shared/enums';
import { noteInlines, type Block, type Inline, type Note, type ResolvedBrief } from './blocks';

// ---------------------------------------------------------------- Markdown

/** Escapes characters that Markdown would read as syntax inside running text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(
      /^([^\S\n\r\u2028\u2029]*)([#+-]|\d+[.)])(\s)/gm,
      (_m, sp: string, mark: string, after: string) => `${sp}\\${mark}${after}`,
    );
}

function mdCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function mdInline(content: Inline[]): string {
  let out = '';
  for (const item of content) {
    switch (item.kind) {
      case 'text': {
        const m = item.marks;
        let s = m.code ? mdCode(item.text) : escapeMarkdown(item.text);
        // Emphasis markers must hug the text: move outer spaces outside them.
        if (!m.code && !s.trim()) {
          out += s;
          break;
        }
        const lead = m.code ? '' : s.slice(0, s.length - s.trimStart().length);
        const trail = m.code ? '' : s.slice(s.trimEnd().length);
        s = s.slice(lead.length, s.length - trail.length);
        if (s.length) {
          if (m.strike) s = `~~${s}~~`;
          if (m.italic) s = `*${s}*`;
          if (m.bold) s = `**${s}**`;
          if (m.underline) s = `<u>${s}</u>`;
          if (m.link) s = `[${s}](<${m.link.replace(/[<>]/g, encodeURIComponent)}>)`;
        }
        out += lead + s + trail;
        break;
      }
      case 'note':
        out += `[^${item.n}]`;
        break;
      case 'removed':
        out += `**${escapeMarkdown(item.text)}**`;
        break;
      case 'break':
        out += '\\\n';
        break;
    }
  }
  return out;
}

function indent(text: string, prefix: string, first = prefix): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first : line.length ? prefix : prefix.trimEnd()) + line)
    .join('\n');
}

function mdBlocks(blocks: Block[]): string {
  return blocks
    .map(mdBlock)
    .filter((s) => s.length > 0)
    .join('\n\n');
}

function mdBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${mdInline(block.content)}`;
    case 'paragraph':
      return mdInline(block.content);
    case 'quote':
      return indent(mdBlocks(block.blocks), '> ');
    case 'rule':
      return '---';
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${block.start + i}. ` : '- ';
          return indent(mdBlocks(item) || ' ', ' '.repeat(marker.length), marker);
        })
        .join('\n');
    case 'table': {
      if (!block.rows.length) return '';
      const width = Math.max(...block.rows.map((r) => r.cells.length));
      const row = (cells: string[]) => `| ${[...cells, ...Array(width - cells.length).fill('')].join(' | ')} |`;
      const cellText = (blocks: Block[]) =>
        blocks
          .map((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? mdInline(b.content) : mdBlock(b)))
          .join(' ')
          .replace(/\n/g, ' ');
      const lines = block.rows.map((r) => row(r.cells.map((c) => cellText(c.blocks))));
      lines.splice(1, 0, `|${' --- |'.repeat(width)}`);
      return lines.join('\n');
    }
  }
}

function mdNote(note: Note, language: UiLanguage): string {
  return `[^${note.n}]: ${mdInline(noteInlines(note, language))}`;
}

export function renderMarkdown(brief: ResolvedBrief): string {
  const t = briefWords(brief.language);
  const parts: string[] = [`# ${escapeMarkdown(brief.title)}`];
  if (brief.dateLine) parts.push(`*${escapeMarkdown(brief.dateLine)}*`);
  const body = mdBlocks(brief.blocks);
  if (body) parts.push(body);
  if (brief.sources.length) {
    parts.push(`## ${escapeMarkdown(t('sources'))}`, brief.sources.map((s) => `- ${mdInline(s.entry)}`).join('\n'));
  }
  if (brief.notes.length) parts.push(brief.notes.map((n) => mdNote(n, brief.language)).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

// ---------------------------------------------------------------- HTML

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function htmlInline(content: Inline[], refs: Map<number, number>): string {
  let out = '';
  for (const item of content) {
    switch (item.kind) {
      case 'text': {
        const m = item.marks;
        let s = escapeHtml(item.text);
        if (m.code) s = `<code>${s}</code>`;
        if (m.strike) s = `<s>${s}</s>`;
        if (m.underline) s = `<u>${s}</u>`;
        if (m.italic) s = `<em>${s}</em>`;
        if (m.bold) s = `<strong>${s}</strong>`;
        if (m.link) s = `<a href="${escapeHtml(m.link)}">${s}</a>`;
        out += s;
        break;
      }
      case 'note': {
        // Every mark has its own id; the note's back link goes to the first.
        const k = (refs.get(item.n) ?? 0) + 1;
        refs.set(item.n, k);
        const id = k === 1 ? `fnref${item.n}` : `fnref${item.n}-${k}`;
        if (item.joined) out += '<sup class="fnref">,</sup>';
        out += `<sup class="fnref"><a href="#fn${item.n}" id="${id}">${item.n}</a></sup>`;
        break;
      }
      case 'removed':
        out += `<span class="removed" title="${escapeHtml(item.hint)}">${escapeHtml(item.text)}</span>`;
        break;
      case 'break':
        out += '<br>';
        break;
    }
  }
  return out;
}

function htmlBlocks(blocks: Block[], refs: Map<number, number>): string {
  return blocks.map((b) => htmlBlock(b, refs)).join('\n');
}

/** The HTML of resolved blocks alone, without a page around them (an annotation's note in an export). */
export function renderHtmlBlocks(blocks: Block[]): string {
  return htmlBlocks(blocks, new Map());
}

function htmlBlock(block: Block, refs: Map<number, number>): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level + 1}>${htmlInline(block.content, refs)}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p>${htmlInline(block.content, refs)}</p>`;
    case 'quote':
      return `<blockquote>\n${htmlBlocks(block.blocks, refs)}\n</blockquote>`;
    case 'rule':
      return '<hr>';
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      return `<${tag}${start}>\n${block.items.map((item) => `<li>${htmlBlocks(item, refs)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'table':
      return `<table>\n${block.rows
        .map(
          (r) =>
            `<tr>${r.cells.map((c) => (c.header ? `<th>${htmlBlocks(c.blocks, refs)}</th>` : `<td>${htmlBlocks(c.blocks, refs)}</td>`)).join('')}</tr>`,
        )
        .join('\n')}\n</table>`;
  }
}

function htmlNote(note: Note, language: UiLanguage): string {
  const back = escapeHtml(briefWords(language)('backToText'));
  return `<li id="fn${note.n}">${htmlInline(noteInlines(note, language), new Map())} <a class="back" href="#fnref${note.n}" aria-label="${back}">\u21a9</a></li>`;
}

const CSS = `
:root { color-scheme: light; }
body { font-family: "Source Serif 4", "Source Serif Pro", Georgia, "Times New Roman", serif; font-size: 11.5pt; line-height: 1.5;
  color: #1a1a1a; max-width: 42rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 .2em; }
.date { color: #555; margin: 0 0 2em; }
h2 { font-size: 1.35em; margin: 1.6em 0 .5em; border-bottom: 1px solid #ccc; padding-bottom: .15em; }
h3 { font-size: 1.15em; margin: 1.3em 0 .4em; }
h4 { font-size: 1em; margin: 1.2em 0 .3em; }
p { margin: 0 0 .7em; }
blockquote { margin: 0 0 1em; padding: .1em 0 .1em 1em; border-left: 3px solid #8a9bb0; color: #222; }
blockquote p:last-child { margin-bottom: 0; }
table { border-collapse: collapse; margin: 0 0 1em; width: 100%; }
th, td { border: 1px solid #bbb; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #f0f2f5; }
td p, th p { margin: 0; }
ul, ol { margin: 0 0 .8em; padding-left: 1.6em; }
li { margin: .15em 0; }
li > p { margin: 0; }
code { font-family: "Source Code Pro", Consolas, monospace; font-size: .9em; background: #f3f3f3; padding: 0 .2em; }
sup.fnref { line-height: 0; font-size: .75em; }
sup.fnref a { text-decoration: none; }
.removed { color: #a00; font-weight: bold; }
.notes, .sources { font-size: .9em; }
.notes ol { padding-left: 1.6em; }
.notes li { margin-bottom: .4em; }
.notes .outlet { font-weight: 600; }
.notes a.back { text-decoration: none; }
a { color: #1d4f91; }
hr { border: 0; border-top: 1px solid #ccc; margin: 1.5em 0; }
@page { size: A4; margin: 22mm 20mm 22mm 20mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .notes a.back { display: none; }
  h2, h3, h4 { break-after: avoid; }
  blockquote, tr, .notes li { break-inside: avoid; }
}
`;

export function renderHtml(brief: ResolvedBrief): string {
  const t = briefWords(brief.language);
  const body: string[] = [`<h1>${escapeHtml(brief.title)}</h1>`];
  if (brief.dateLine) body.push(`<p class="date">${escapeHtml(brief.dateLine)}</p>`);
  body.push(htmlBlocks(brief.blocks, new Map()));
  if (brief.sources.length) {
    body.push(
      `<section class="sources">\n<h2>${escapeHtml(t('sources'))}</h2>\n<ul>\n${brief.sources.map((s) => `<li>${htmlInline(s.entry, new Map())}</li>`).join('\n')}\n</ul>\n</section>`,
    );
  }
  if (brief.notes.length) {
    body.push(
      `<section class="notes">\n<h2>${escapeHtml(t('notes'))}</h2>\n<ol>\n${brief.notes.map((n) => htmlNote(n, brief.language)).join('\n')}\n</ol>\n</section>`,
    );
  }
  return `<!DOCTYPE html>
<html lang="${brief.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(brief.title)}</title>${brief.organisation ? `\n<meta name="author" content="${escapeHtml(brief.organisation)}">` : ''}
<style>${CSS}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
