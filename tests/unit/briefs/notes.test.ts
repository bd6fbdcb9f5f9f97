/**
 * Note numbers and what a citation shows, read back from each export format:
 * a claim cited twice has one footnote whose number the repeat reuses, numbers
 * run 1…n without a gap where a cited claim was removed, a mark joins the
 * punctuation after it, and a source whose outlet is unknown is cited by its
 * title, date and domain — never by the name of the file it was imported from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { citationLabel, makeBriefContext, sourceListEntry, type JsonNode } from '../../../shared/brief-doc';
import type { Brief, SourceMeta } from '../../../shared/model';
import { draftBriefFromActor, draftBriefFromAnnotations, exportBrief } from '../../../main/services/briefs/index';
import { annotations, fixtureContext, flat, sources } from './fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'dossier-notes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const text = (t: string): JsonNode => ({ type: 'text', text: t });
const cite = (annotationId: string): JsonNode => ({ type: 'citation', attrs: { annotationId } });

/**
 * Five citations: jobs, figures, a removed claim, jobs again, backa. Each mark follows a
 * code word, so the number after each word can be read back. The spaces before marks and
 * before the punctuation are what the editor leaves when citing with @ (a space, the chip, a space).
 */
const DOC = {
  type: 'doc' as const,
  content: [
    {
      type: 'paragraph',
      content: [
        text('Alpha '),
        cite('ann_jobs'),
        text(' . Bravo'),
        cite('ann_figures'),
        text(' , Charlie'),
        cite('ann_gone'),
        text(' and Delta '),
        cite('ann_jobs'),
        text(' ; Echo'),
        cite('ann_backa'),
        text(' !'),
      ],
    },
  ],
};
/** The number after each code word, in reading order; the removed one shows the marker. */
const EXPECTED_MARKS = [
  ['Alpha', '1'],
  ['Bravo', '2'],
  ['Delta', '1'],
  ['Echo', '3'],
];
const NOTE_OUTLETS = ['The Northern Ledger', 'Harbour & Policy Weekly', 'Kustbladet'];

const ctx = fixtureContext();
const brief: Brief = {
  id: 'brf_notes',
  title: 'Numbering',
  doc: DOC,
  createdAt: '2025-03-21T10:00:00.000Z',
  updatedAt: '2025-03-21T10:00:00.000Z',
};

function poppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const hasPoppler = poppler();
if (!hasPoppler) console.warn('PDF note tests skipped: pdftotext (poppler-utils) is not installed.');

async function pdfText(b: Brief, c = ctx): Promise<string> {
  const file = path.join(tmp, `${b.id}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, await exportBrief(b, c, 'pdf'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('one note per cited claim, numbered 1…n', () => {
  it('Markdown: repeats reuse the number, the removed citation leaves no gap, marks hug punctuation', async () => {
    const md = new TextDecoder().decode(await exportBrief(brief, ctx, 'md'));
    const body = md.split('\n').find((l) => l.startsWith('Alpha'))!;
    expect(body).toBe('Alpha[^1]. Bravo[^2], Charlie **\\[citation removed\\]** and Delta[^1]; Echo[^3]!');
    const defs = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)];
    expect(defs.map((d) => d[1])).toEqual(['1', '2', '3']);
    defs.forEach((d, i) => expect(d[2]).toContain(NOTE_OUTLETS[i]));
  });

  it('HTML: each mark links to its one note; notes are 1, 2, 3', async () => {
    const html = new TextDecoder().decode(await exportBrief(brief, ctx, 'html'));
    const doc = new JSDOM(html).window.document;
    const p = [...doc.querySelectorAll('p')].find((x) => x.textContent?.startsWith('Alpha'))!;
    expect(p.textContent).toBe('Alpha1. Bravo2, Charlie [citation removed] and Delta1; Echo3!');
    const refs = [...p.querySelectorAll('sup.fnref a')];
    expect(refs.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['1', '#fn1'],
      ['2', '#fn2'],
      ['1', '#fn1'],
      ['3', '#fn3'],
    ]);
    expect(new Set(refs.map((a) => a.id)).size).toBe(4);
    const notes = [...doc.querySelectorAll('.notes li')];
    expect(notes.map((li) => li.id)).toEqual(['fn1', 'fn2', 'fn3']);
    notes.forEach((li, i) => expect(li.textContent).toContain(NOTE_OUTLETS[i]));
  });

  it('DOCX: three real footnotes, the repeat shows the first one’s number, no space before punctuation', async () => {
    const files = unzipSync(await exportBrief(brief, ctx, 'docx'));
    const parse = (name: string) => new JSDOM(strFromU8(files[name]!), { contentType: 'text/xml' }).window.document;
    const document = parse('word/document.xml');
    // Word numbers footnote references in order of appearance; a repeat is a superscript run.
    const p = [...document.getElementsByTagName('w:p')].find((x) =>
      [...x.getElementsByTagName('w:t')].some((t) => t.textContent?.startsWith('Alpha')),
    )!;
    let auto = 0;
    const idToNumber = new Map<string, string>();
    let shown = '';
    for (const run of [...p.getElementsByTagName('w:r')]) {
      const ref = run.getElementsByTagName('w:footnoteReference')[0];
      if (ref) {
        auto++;
        idToNumber.set(ref.getAttribute('w:id')!, String(auto));
        shown += `[${auto}]`;
        continue;
      }
      const t = [...run.getElementsByTagName('w:t')].map((x) => x.textContent).join('');
      const sup = run.getElementsByTagName('w:vertAlign')[0]?.getAttribute('w:val') === 'superscript';
      shown += sup ? `[${t}]` : t;
    }
    expect(shown).toBe('Alpha[1]. Bravo[2], Charlie [citation removed] and Delta[1]; Echo[3]!');
    const footnotes = [...parse('word/footnotes.xml').getElementsByTagName('w:footnote')].filter(
      (f) => !f.getAttribute('w:type'),
    );
    expect(footnotes).toHaveLength(3);
    for (const [id, n] of idToNumber) {
      const note = footnotes.find((f) => f.getAttribute('w:id') === id)!;
      const noteText = [...note.getElementsByTagName('w:t')].map((x) => x.textContent).join('');
      expect(noteText).toContain(NOTE_OUTLETS[Number(n) - 1]);
    }
  });

  it.skipIf(!hasPoppler)('PDF: the marks read 1, 2, 1, 3 and the page’s notes 1, 2, 3', async () => {
    const all = flat(await pdfText(brief));
    for (const [word, n] of EXPECTED_MARKS) expect(all, word).toMatch(new RegExp(`${word}${n}[.,;!]`));
    expect(all).toContain('Charlie [citation removed] and');
    // Chicago notes: author, “title,” outlet — each source's first note in full.
    const noteNumbers = [
      ...all.matchAll(/(?:^| )(\d) (Daniel Frost|\u201cPort authority|\u00c5sa Lindstr\u00f6m)[, ]/g),
    ];
    expect(noteNumbers.map((m) => [m[1], m[2]])).toEqual([
      ['1', 'Daniel Frost'],
      ['2', '\u201cPort authority'],
      ['3', '\u00c5sa Lindstr\u00f6m'],
    ]);
  });

  it.skipIf(!hasPoppler)('PDF: a repeat on a later page gets a short note there, with the same number', async () => {
    const filler = Array.from({ length: 60 }, (_, i) => ({
      type: 'paragraph',
      content: [text(`Filler paragraph ${i} about the harbour, long enough to fill a line or two of the page.`)],
    }));
    const long: Brief = {
      ...brief,
      id: 'brf_long',
      doc: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [text('First'), cite('ann_jobs'), text('.')] },
          ...filler,
          { type: 'paragraph', content: [text('Again'), cite('ann_jobs'), text('.')] },
        ],
      },
    };
    const pages = (await pdfText(long)).split('\f').filter((p) => p.trim());
    const last = flat(pages.findLast((p) => p.includes('Again'))!);
    expect(pages.length).toBeGreaterThan(1);
    expect(flat(pages[0]!)).toContain(
      '1 Daniel Frost, \u201cMinister defends Nordhamn dredging plan amid protests,\u201d The Northern Ledger',
    );
    expect(last).toContain('Again1.');
    // The style's short form: author's family name and a short title.
    expect(last).toContain('1 Frost, \u201cMinister defends Nordhamn dredging.\u201d');
    expect(last).not.toContain('Quoted:');
  });
});

describe('marks side by side', () => {
  const pair: Brief = {
    ...brief,
    id: 'brf_pair',
    doc: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('Golf '), cite('ann_jobs'), text(' '), cite('ann_figures'), text(' .')] },
      ],
    },
  };

  it('form one group, separated by a raised comma, in every format', async () => {
    const md = new TextDecoder().decode(await exportBrief(pair, ctx, 'md'));
    expect(md).toContain('Golf[^1][^2].');
    const html = new JSDOM(new TextDecoder().decode(await exportBrief(pair, ctx, 'html'))).window.document;
    expect([...html.querySelectorAll('p')].find((p) => p.textContent?.startsWith('Golf'))?.textContent).toBe(
      'Golf1,2.',
    );
    const docx = strFromU8(unzipSync(await exportBrief(pair, ctx, 'docx'))['word/document.xml']!);
    expect(docx).toMatch(/<w:vertAlign w:val="superscript"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>,<\/w:t>/s);
    if (hasPoppler) expect(flat(await pdfText(pair))).toContain('Golf1,2.');
  });
});

describe('a source whose outlet is unknown', () => {
  const FILE = '000_f3a4c9e1b2.txt';
  const origin = (name: string) => ({ kind: 'file' as const, name, sha256: 'b'.repeat(64) });
  const anonymous: SourceMeta[] = sources.map(({ text: _t, outlet: _o, ...meta }, i) => ({
    ...meta,
    origin: origin(i === 0 ? FILE : `00${i}_deadbeef${i}.html`),
    ...(i === 1 ? { url: undefined, publishedAt: undefined } : {}),
  }));
  const plain = makeBriefContext({ sources: anonymous, annotations });
  const draft = draftBriefFromAnnotations(
    plain,
    annotations.map((a) => a.id),
    'No outlets',
  );
  const noOutlets: Brief = { ...brief, id: 'brf_plain', title: draft.title, doc: draft.doc };
  const FILE_NAMES = /00\d\\?_|deadbeef|f3a4c9e1b2|\.txt\b|\.html\b/;

  it('is cited by title and date, with the domain when it has a URL', () => {
    expect(citationLabel(plain.annotation('ann_jobs')!)).toBe(
      '\u201cMinister defends Nordhamn dredging plan amid protests\u201d, northernledger.example, 4 March 2025',
    );
    expect(citationLabel(plain.annotation('ann_backa')!)).toBe(
      '\u201cHolmqvist: \u201dMuddringen är nödvändig för jobben i Nordhamn\u201d\u201d',
    );
    expect(sourceListEntry(anonymous[0]!)).toBe(
      '\u201cMinister defends Nordhamn dredging plan amid protests\u201d. Daniel Frost. 4 March 2025. https://northernledger.example/news/2025/03/nordhamn-dredging',
    );
  });

  it('never shows a file name in Markdown, HTML, DOCX or PDF', async () => {
    const md = new TextDecoder().decode(await exportBrief(noOutlets, plain, 'md'));
    const html = new TextDecoder().decode(await exportBrief(noOutlets, plain, 'html'));
    const files = unzipSync(await exportBrief(noOutlets, plain, 'docx'));
    const docx = ['word/document.xml', 'word/footnotes.xml'].map((f) => strFromU8(files[f]!)).join('\n');
    for (const [name, out] of [
      ['md', md],
      ['html', html],
      ['docx', docx],
    ] as const) {
      expect(out, name).not.toMatch(FILE_NAMES);
      expect(out, name).toContain('Minister defends Nordhamn dredging plan amid protests');
      expect(out, name).not.toContain('Unknown outlet');
    }
    expect(md).toMatch(
      /^\[\^\d\]: \u201cPort authority data contradicts minister’s jobs figure,\u201d March 18, 2025, /m,
    );
    if (hasPoppler) {
      const pdf = flat(await pdfText(noOutlets, plain));
      expect(pdf).not.toMatch(FILE_NAMES);
      expect(pdf).toContain('\u201cPort authority data contradicts minister’s jobs figure,\u201d March 18, 2025');
    }
  });
});

describe('drafted facts in exports', () => {
  it('are worded from the claims at export time, marking a status that changed since drafting', async () => {
    const draft = draftBriefFromActor(ctx, 'act_holmqvist');
    const later = makeBriefContext({
      sources: sources.map(({ text: _t, ...m }) => m),
      annotations: annotations.map((a) => (a.id === 'ann_jobs' ? { ...a, status: 'refuted' } : a)),
    });
    const drafted: Brief = { ...brief, id: 'brf_live', title: draft.title, doc: draft.doc };
    const md = new TextDecoder().decode(await exportBrief(drafted, later, 'md'));
    expect(md).toContain('Status: refuted *(status changed since drafting: was disputed, now refuted)*');
    expect(md).toContain('*1 status changed since drafting.*');
    expect(md).not.toContain('Status: disputed');
    if (hasPoppler) {
      const pdf = flat(await pdfText(drafted, later));
      expect(pdf).toContain('Status: refuted (status changed since drafting: was disputed, now refuted)');
    }
  });
});
