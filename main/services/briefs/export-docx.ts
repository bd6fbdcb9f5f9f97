/**
 * DOCX rendering of a resolved brief with the `docx` package: Word heading
 * styles, real Word footnotes (one per cited claim), page numbers in the footer
 * and a "Sources" list at the end.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { briefWords } from '../../../shared/brief-words';
import type { UiLanguage } from '../../../shared/enums';
import { noteInlines, type Block, type Inline, type Note, type ResolvedBrief } from './blocks';

const BODY_FONT = 'Cambria';
const CODE_FONT = 'Consolas';
const ACCENT = '1F3A5F';
const CM = 567; // twips per centimetre
const PROOFING: Record<UiLanguage, string> = { en: 'en-GB', sv: 'sv-SE' };

type ParaOpts = {
  style?: string;
  indentLeft?: number;
  numbering?: { reference: string; level: number; instance: number };
};

interface Ctx {
  listInstance: number;
}

function runs(content: Inline[], base: { italics?: boolean; bold?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const item of content) {
    switch (item.kind) {
      case 'text': {
        const m = item.marks;
        const run = new TextRun({
          text: item.text,
          bold: m.bold || base.bold,
          italics: m.italic || base.italics,
          strike: m.strike,
          underline: m.underline ? {} : undefined,
          font: m.code ? CODE_FONT : undefined,
          style: m.link ? 'Hyperlink' : undefined,
        });
        out.push(m.link ? new ExternalHyperlink({ link: m.link, children: [run] }) : run);
        break;
      }
      case 'note':
        // Word numbers its footnotes in order of their references: a repeat shows the first one's
        // number as a superscript, so each cited claim has one footnote.
        if (item.joined) out.push(new TextRun({ text: ',', superScript: true, style: 'FootnoteReference' }));
        out.push(
          item.repeat
            ? new TextRun({ text: String(item.n), superScript: true, style: 'FootnoteReference' })
            : new FootnoteReferenceRun(item.n),
        );
        break;
      case 'removed':
        out.push(new TextRun({ text: item.text, bold: true, color: 'A00000' }));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
    }
  }
  return out;
}

function paragraph(children: ParagraphChild[], opts: ParaOpts = {}): Paragraph {
  return new Paragraph({
    children,
    style: opts.style,
    indent: opts.indentLeft ? { left: opts.indentLeft } : undefined,
    numbering: opts.numbering,
  });
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function blocks(list: Block[], ctx: Ctx, opts: ParaOpts & { listLevel?: number } = {}): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  list.forEach((block, index) => {
    switch (block.kind) {
      case 'heading':
        out.push(new Paragraph({ heading: HEADINGS[block.level], children: runs(block.content), keepNext: true }));
        break;
      case 'paragraph':
        out.push(paragraph(runs(block.content), opts));
        break;
      case 'quote':
        // Word joins the borders of adjacent paragraphs with the same style: keep two quotes apart.
        if (list[index - 1]?.kind === 'quote')
          out.push(new Paragraph({ children: [], spacing: { before: 0, after: 0, line: 160 } }));
        out.push(...blocks(block.blocks, ctx, { ...opts, style: 'BriefQuote' }));
        break;
      case 'rule':
        out.push(
          new Paragraph({
            children: [],
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'AAAAAA', space: 1 } },
          }),
        );
        break;
      case 'list': {
        const level = Math.min(8, opts.listLevel ?? 0);
        const instance = ++ctx.listInstance;
        const reference = block.ordered ? 'brief-numbers' : 'brief-bullets';
        for (const item of block.items) {
          item.forEach((b, i) => {
            if (b.kind === 'list') {
              out.push(...blocks([b], ctx, { ...opts, listLevel: level + 1, numbering: undefined }));
            } else if (i === 0 && b.kind === 'paragraph') {
              out.push(paragraph(runs(b.content), { style: opts.style, numbering: { reference, level, instance } }));
            } else {
              out.push(...blocks([b], ctx, { style: opts.style, indentLeft: (level + 1) * 360 + 360 }));
            }
          });
        }
        break;
      }
      case 'table': {
        const width = Math.max(1, ...block.rows.map((r) => r.cells.length));
        out.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              (r) =>
                new TableRow({
                  // Only header rows carry the flag (some readers take any w:tblHeader as "on").
                  tableHeader: r.cells.length > 0 && r.cells.every((c) => c.header) ? true : undefined,
                  children: r.cells.map(
                    (c) =>
                      new TableCell({
                        width: { size: Math.floor(100 / width), type: WidthType.PERCENTAGE },
                        shading: c.header ? { type: ShadingType.CLEAR, fill: 'EEF1F5', color: 'auto' } : undefined,
                        margins: { top: 60, bottom: 60, left: 100, right: 100 },
                        children: cellParagraphs(c.blocks, c.header, ctx),
                      }),
                  ),
                }),
            ),
          }),
        );
        out.push(new Paragraph({ children: [] }));
        break;
      }
    }
  });
  return out;
}

function cellParagraphs(list: Block[], header: boolean, ctx: Ctx): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of list) {
    if (b.kind === 'paragraph' || b.kind === 'heading')
      out.push(new Paragraph({ children: runs(b.content, { bold: header }), style: 'TableText' }));
    else for (const p of blocks([b], ctx)) if (p instanceof Paragraph) out.push(p);
  }
  // A Word table cell must end with a paragraph.
  return out.length ? out : [new Paragraph({ children: [] })];
}

function noteParagraph(note: Note, language: UiLanguage): Paragraph {
  return new Paragraph({ children: runs(noteInlines(note, language)) });
}

/** "Page 3 of 7" in the brief's language, with Word's fields for the two numbers. */
function pageLine(language: UiLanguage): Array<string | (typeof PageNumber)[keyof typeof PageNumber]> {
  const CURRENT = '[[page]]';
  const TOTAL = '[[pages]]';
  const text = briefWords(language)('page', { current: CURRENT, total: TOTAL });
  return text
    .split(/(\[\[page\]\]|\[\[pages\]\])/)
    .filter(Boolean)
    .map((part) => (part === CURRENT ? PageNumber.CURRENT : part === TOTAL ? PageNumber.TOTAL_PAGES : part));
}

export async function renderDocx(brief: ResolvedBrief): Promise<Uint8Array> {
  const ctx: Ctx = { listInstance: 0 };
  const t = briefWords(brief.language);
  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(brief.title)] }),
  ];
  if (brief.dateLine) body.push(new Paragraph({ style: 'BriefDate', children: [new TextRun(brief.dateLine)] }));
  body.push(...blocks(brief.blocks, ctx));
  if (brief.sources.length) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t('sources'))], keepNext: true }),
    );
    for (const s of brief.sources) body.push(new Paragraph({ style: 'SourceEntry', children: runs(s.entry) }));
  }

  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const note of brief.notes) footnotes[String(note.n)] = { children: [noteParagraph(note, brief.language)] };

  const bulletLevels = ['\u2022', '\u2013', '\u25e6'];
  const doc = new Document({
    title: brief.title,
    creator: brief.organisation ?? 'Dossier',
    description: t('description'),
    footnotes,
    styles: {
      default: {
        document: {
          // Word's proofing language: the brief's.
          run: { font: BODY_FONT, size: 22, color: '1A1A1A', language: { value: PROOFING[brief.language] } },
          paragraph: { spacing: { after: 140, line: 288 } },
        },
        title: { run: { font: BODY_FONT, size: 48, bold: true, color: ACCENT }, paragraph: { spacing: { after: 60 } } },
        heading1: {
          run: { font: BODY_FONT, size: 32, bold: true, color: ACCENT },
          paragraph: {
            spacing: { before: 360, after: 120 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB', space: 2 } },
          },
        },
        heading2: {
          run: { font: BODY_FONT, size: 28, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 300, after: 100 } },
        },
        heading3: {
          run: { font: BODY_FONT, size: 24, bold: true, color: '333333' },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
        footnoteText: { run: { font: BODY_FONT, size: 17 }, paragraph: { spacing: { after: 40, line: 240 } } },
        hyperlink: { run: { color: '1D4F91', underline: {} } },
      },
      paragraphStyles: [
        {
          id: 'BriefQuote',
          name: 'Brief Quote',
          basedOn: 'Normal',
          paragraph: {
            indent: { left: Math.round(0.8 * CM) },
            spacing: { after: 80 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: '8A9BB0', space: 10 } },
          },
          run: { color: '222222' },
        },
        {
          id: 'BriefDate',
          name: 'Brief Date',
          basedOn: 'Normal',
          run: { color: '666666' },
          paragraph: { spacing: { after: 360 } },
        },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', paragraph: { spacing: { after: 0, line: 260 } } },
        {
          id: 'SourceEntry',
          name: 'Source Entry',
          basedOn: 'Normal',
          run: { size: 20 },
          paragraph: { indent: { left: Math.round(0.8 * CM), hanging: Math.round(0.8 * CM) }, spacing: { after: 80 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'brief-bullets',
          levels: bulletLevels.concat(bulletLevels, bulletLevels).map((text, level) => ({
            level,
            format: LevelFormat.BULLET,
            text,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1) + 360, hanging: 360 } } },
          })),
        },
        {
          reference: 'brief-numbers',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!,
            text: `%${level + 1}.`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1) + 360, hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4
            margin: {
              top: Math.round(2.5 * CM),
              bottom: Math.round(2.5 * CM),
              left: Math.round(2.5 * CM),
              right: Math.round(2.5 * CM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: pageLine(brief.language),
                    size: 18,
                    color: '666666',
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
