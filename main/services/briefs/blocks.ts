/**
 * Turns a brief's tiptap JSON into a small, resolved block model that every
 * exporter renders: citations numbered as notes (one note per cited claim,
 * numbered in order of first citation; a later citation of the same claim
 * repeats its number), marks joined to the word before and the punctuation
 * after them, missing citations as a visible marker, unknown nodes kept as
 * their text, drafted facts (summary, status) worded from the claims as they
 * are now; each note and the Sources list worded by the citation style (in
 * notes, or in the text for an author-date style). Pure: no Node APIs.
 */
import type { CitationKind, UiLanguage } from '../../../shared/enums';
import { briefLanguage, briefWords } from '../../../shared/brief-words';
import type { Brief, SourceMeta } from '../../../shared/model';
import {
  citationAttrs,
  cleanQuote,
  formatDate,
  isCitation,
  JOINS_CITATION_MARK,
  periodAfter,
  plainText,
  quoted,
  type BriefContext,
  type CitedClaim,
  type JsonMark,
  type JsonNode,
} from '../../../shared/brief-doc';
import { factAttrs, factRuns } from '../../../shared/brief-facts';

export interface Marks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
}

export type Inline =
  | { kind: 'text'; text: string; marks: Marks }
  /** `repeat`: the claim was cited before; the mark reuses that note's number. */
  /** `joined`: it directly follows another mark; exporters separate the two with a raised comma (¹,²). */
  | { kind: 'note'; n: number; repeat?: true; joined?: true }
  /** A citation whose claim is gone: `text` is the marker ("[citation removed]"), `hint` says what it was. */
  | { kind: 'removed'; quote?: string; text: string; hint: string }
  | { kind: 'break' };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'table'; rows: Array<{ cells: Array<{ header: boolean; blocks: Block[] }> }> }
  | { kind: 'rule' };

export interface Note {
  n: number;
  annotationId: string;
  claim: CitedClaim;
  /** The citation as the style words it here: the full form for a source's first note, else its short form. */
  cite: Inline[];
  /** The short form, for a repeat far from the full note (a later page). */
  short: Inline[];
  /** The claim's passage, quoted after the citation. */
  quote: string;
}

/**
 * The citation style a brief is resolved with: made for the cited sources once
 * they are known (main/services/briefs/citation-style.ts).
 */
export interface NoteStyle {
  kind: CitationKind;
  cite(source: SourceMeta, position: 'first' | 'subsequent'): Inline[];
  bibliography(): Array<{ source: SourceMeta; entry: Inline[] }>;
}

export interface ResolvedBrief {
  /** The language its fixed words and dates are in. */
  language: UiLanguage;
  title: string;
  /** "23 November 2026": the brief's last change. */
  dateLine: string;
  blocks: Block[];
  notes: Note[];
  /** Distinct cited sources, in the style's order. */
  sources: Array<{ source: SourceMeta; entry: Inline[] }>;
  /** Notes (numbered marks and footnotes) or in-text citations (then `notes` is empty). */
  citationKind: CitationKind;
  /** Citations whose annotation no longer exists. */
  removed: number;
  /** Who publishes it (the notebook's fact-check organisation, else the person's setting): the file's author. */
  organisation?: string;
}

const SAFE_URL = /^(https?:|mailto:)/i;

/** Only http(s) and mailto links survive into exports. */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  const h = href.trim();
  return SAFE_URL.test(h) ? h : undefined;
}

function marksOf(marks: JsonMark[] | undefined): Marks {
  const out: Marks = {};
  for (const m of marks ?? []) {
    switch (m.type) {
      case 'bold':
        out.bold = true;
        break;
      case 'italic':
        out.italic = true;
        break;
      case 'underline':
        out.underline = true;
        break;
      case 'strike':
        out.strike = true;
        break;
      case 'code':
        out.code = true;
        break;
      case 'link': {
        const href = safeHref(m.attrs?.href);
        if (href) out.link = href;
        break;
      }
    }
  }
  return out;
}

/**
 * A footnote's words: the style's citation, then the claim's passage, quoted.
 * `short`: the style's short form alone, for a repeat of a note given in full
 * on an earlier page.
 */
export function noteInlines(note: Note, language: UiLanguage, form: 'cite' | 'short' = 'cite'): Inline[] {
  const cite = note[form];
  const last = cite.at(-1);
  const ended = last?.kind === 'text' && /[.!?][\u201d\u2019"')]*$/.test(last.text);
  if (form === 'short') return ended ? cite : [...cite, { kind: 'text', text: '.', marks: {} }];
  const lead = briefWords(language)('quoted');
  return [
    ...cite,
    { kind: 'text', text: ended ? ` ${lead} ` : `. ${lead} `, marks: {} },
    { kind: 'text', text: quoted(note.quote, language) + periodAfter(note.quote), marks: { italic: true } },
  ];
}

/**
 * In-text styles: each note mark becomes the citation's words ("(Lindqvist,
 * 2026)"), one space after the word it follows.
 */
function citeInText(blocks: Block[], notes: readonly Note[]): void {
  const byNumber = new Map(notes.map((n) => [n.n, n]));
  const inlineList = (content: Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const item of content) {
      if (item.kind !== 'note') {
        out.push(item);
        continue;
      }
      const prev = out.at(-1);
      const space = prev && !(prev.kind === 'text' && /\s$/.test(prev.text));
      if (space) out.push({ kind: 'text', text: ' ', marks: {} });
      out.push(...(byNumber.get(item.n)?.cite ?? []).map((run) => ({ ...run })));
    }
    return out;
  };
  const walk = (list: Block[]): void => {
    for (const b of list) {
      if (b.kind === 'heading' || b.kind === 'paragraph') b.content = inlineList(b.content);
      else if (b.kind === 'list') b.items.forEach(walk);
      else if (b.kind === 'quote') walk(b.blocks);
      else if (b.kind === 'table') for (const row of b.rows) for (const cell of row.cells) walk(cell.blocks);
    }
  };
  walk(blocks);
}

/** Closing punctuation that a note mark joins: no space between the mark and it. */
const CLOSING = new RegExp(`^[\\s\\u00a0]+(?=[${JOINS_CITATION_MARK}])`);

/**
 * Marks hug their text: a space between a word and its mark, and between a mark
 * and the punctuation after it, is dropped (the editor leaves both when citing).
 */
export function joinMarks(content: Inline[]): Inline[] {
  const out = content.map((item) => ({ ...item }));
  out.forEach((item, i) => {
    if (item.kind !== 'note') return;
    const prev = out[i - 1];
    if (prev?.kind === 'text' && /\S[\s\u00a0]+$/.test(prev.text)) prev.text = prev.text.trimEnd();
    const next = out[i + 1];
    if (next?.kind === 'text') next.text = next.text.replace(CLOSING, '');
    // Two marks with only spaces between them: one group, ¹,².
    const after = next?.kind === 'text' && !next.text.trim() ? out[i + 2] : next;
    if (after?.kind === 'note') {
      if (next !== after) (next as { text: string }).text = '';
      after.joined = true;
    }
  });
  return out.filter((item) => item.kind !== 'text' || item.text.length > 0);
}

/** For documents without citations (an annotation's note): no style needed. */
export const NO_CITATION_STYLE: NoteStyle = { kind: 'note', cite: () => [], bibliography: () => [] };

/**
 * A brief resolved for export. `styleFor` makes the citation style for the
 * cited sources (Chicago notes unless the caller chose another); the fixed
 * words and dates are in `language` (the brief's own unless the caller chose another).
 */
export function resolveBrief(
  brief: Brief,
  ctx: BriefContext,
  styleFor: (sources: SourceMeta[]) => NoteStyle,
  language: UiLanguage = briefLanguage(brief.language),
): ResolvedBrief {
  const t = briefWords(language);
  const notes: Note[] = [];
  const noteOf = new Map<string, Note>();
  let removed = 0;

  const inlines = (nodes: JsonNode[] | undefined): Inline[] => {
    const out: Inline[] = [];
    for (const n of nodes ?? []) {
      if (!n || typeof n !== 'object') continue;
      if (n.type === 'text') {
        if (n.text) out.push({ kind: 'text', text: n.text, marks: marksOf(n.marks) });
      } else if (n.type === 'hardBreak') {
        out.push({ kind: 'break' });
      } else if (isCitation(n)) {
        const attrs = citationAttrs(n);
        const claim = attrs ? ctx.annotation(attrs.annotationId) : undefined;
        if (attrs && claim) {
          const earlier = noteOf.get(attrs.annotationId);
          if (earlier) {
            out.push({ kind: 'note', n: earlier.n, repeat: true });
            continue;
          }
          const note: Note = {
            n: notes.length + 1,
            annotationId: attrs.annotationId,
            claim,
            cite: [],
            short: [],
            quote: cleanQuote(claim.annotation.target.exact),
          };
          notes.push(note);
          noteOf.set(attrs.annotationId, note);
          out.push({ kind: 'note', n: note.n });
        } else {
          removed++;
          const prev = out[out.length - 1];
          if (prev?.kind === 'text' && !/\s$/.test(prev.text)) out.push({ kind: 'text', text: ' ', marks: {} });
          const text = t('citationRemoved');
          out.push(
            attrs?.quote
              ? {
                  kind: 'removed',
                  quote: attrs.quote,
                  text,
                  hint: t('removedWas', { quote: quoted(attrs.quote, language) }),
                }
              : { kind: 'removed', text, hint: t('removedGone') },
          );
        }
      } else if (factAttrs(n)) {
        // A drafted summary or status line: worded from the claims as they are now.
        const runs = factRuns(factAttrs(n)!, (id) => ctx.annotation(id) ?? null, language) ?? [];
        for (const r of runs) out.push({ kind: 'text', text: r.text, marks: { bold: r.bold, italic: r.changed } });
      } else if (Array.isArray(n.content)) {
        // An unknown inline wrapper (e.g. a mention): keep what is inside.
        out.push(...inlines(n.content));
      }
    }
    return joinMarks(out);
  };

  const blocks = (nodes: JsonNode[] | undefined): Block[] => {
    const out: Block[] = [];
    let loose: JsonNode[] = [];
    const flushLoose = () => {
      if (loose.length) out.push({ kind: 'paragraph', content: inlines(loose) });
      loose = [];
    };
    for (const n of nodes ?? []) {
      if (!n || typeof n !== 'object') continue;
      if (n.type === 'text' || n.type === 'hardBreak' || isCitation(n) || factAttrs(n)) {
        loose.push(n);
        continue;
      }
      flushLoose();
      out.push(...block(n));
    }
    flushLoose();
    return out;
  };

  const block = (n: JsonNode): Block[] => {
    switch (n.type) {
      case 'paragraph':
        return [{ kind: 'paragraph', content: inlines(n.content) }];
      case 'heading': {
        const raw = Number(n.attrs?.level ?? 1);
        const level = (raw <= 1 ? 1 : raw >= 3 ? 3 : 2) as 1 | 2 | 3;
        return [{ kind: 'heading', level, content: inlines(n.content) }];
      }
      case 'bulletList':
      case 'orderedList': {
        const items = (n.content ?? []).map((item) => blocks(item.type === 'listItem' ? item.content : [item]));
        const start = Number(n.attrs?.start ?? 1);
        return [{ kind: 'list', ordered: n.type === 'orderedList', start: Number.isFinite(start) ? start : 1, items }];
      }
      case 'blockquote':
        return [{ kind: 'quote', blocks: blocks(n.content) }];
      case 'table':
        return [
          {
            kind: 'table',
            rows: (n.content ?? []).map((row) => ({
              cells: (row.content ?? []).map((cell) => ({
                header: cell.type === 'tableHeader',
                blocks: blocks(cell.content),
              })),
            })),
          },
        ];
      case 'horizontalRule':
        return [{ kind: 'rule' }];
      case 'codeBlock':
        return [{ kind: 'paragraph', content: [{ kind: 'text', text: plainText(n), marks: { code: true } }] }];
      case 'doc':
      case 'listItem':
      case 'tableRow':
      case 'tableCell':
      case 'tableHeader':
        return blocks(n.content);
      default: {
        // Unknown block: keep its content, never drop text silently.
        if (Array.isArray(n.content) && n.content.some((c) => c.type === 'text' || isCitation(c))) {
          return [{ kind: 'paragraph', content: inlines(n.content) }];
        }
        return blocks(n.content);
      }
    }
  };

  const body = blocks((brief.doc as JsonNode).content);

  const seen = new Map<string, SourceMeta>();
  for (const note of notes) seen.set(note.claim.source.id, note.claim.source);
  const style = styleFor([...seen.values()]);
  const cited = new Set<string>();
  for (const note of notes) {
    const id = note.claim.source.id;
    note.cite = style.cite(note.claim.source, cited.has(id) ? 'subsequent' : 'first');
    note.short = style.cite(note.claim.source, 'subsequent');
    cited.add(id);
  }
  const inText = style.kind === 'in-text';
  if (inText) citeInText(body, notes);

  return {
    language,
    title: brief.title.trim() || t('untitledBrief'),
    dateLine: formatDate(brief.updatedAt, language),
    blocks: body,
    notes: inText ? [] : notes,
    sources: style.bibliography(),
    citationKind: style.kind,
    removed,
  };
}
