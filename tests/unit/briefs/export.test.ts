/**
 * Exports the fictional actor brief to all four formats and reads each file
 * back with a parser for that format: every cited quote (Swedish letters
 * intact), its source's title and outlet, one footnote per cited claim, and a
 * visible marker for a citation whose claim is gone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CITATION_REMOVED,
  cleanQuote,
  collectCitations,
  makeBriefContext,
  type CitedClaim,
} from '../../../shared/brief-doc';
import type { Brief } from '../../../shared/model';
import { draftBriefFromActor, draftBriefFromAnnotations, exportBrief } from '../../../main/services/briefs/index';
import { cslShortTitle } from '../../../main/services/briefs/csl-item';
import { QUOTES, fixtureBrief, fixtureContext, flat } from './fixtures';

const ctx = fixtureContext();
const brief: Brief = fixtureBrief(draftBriefFromActor(ctx, 'act_holmqvist'));
const citations = collectCitations(brief.doc);
/** The citations whose claim exists, in reading order. */
const live: CitedClaim[] = citations.map((c) => ctx.annotation(c.annotationId)).filter((c): c is CitedClaim => !!c);
/** One note per cited claim, in order of first citation: footnote n belongs to noted[n-1]. */
const noted: CitedClaim[] = [...new Map(live.map((c) => [c.annotation.id, c])).values()];
const SWEDISH = cleanQuote(QUOTES.ann_backa);

const tmp = mkdtempSync(path.join(tmpdir(), 'dossier-briefs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Chicago notes: a source's first note is in full (author, “title,” outlet, date,
 * URL); a later note of the same source is short (author or outlet, short title).
 * Each quotes its claim's passage.
 */
function expectNote(text: string, claim: CitedClaim): void {
  const t = flat(text);
  expect(t).toContain(cleanQuote(claim.annotation.target.exact));
  if (isFirstOfSource(claim)) {
    expect(t).toContain(claim.source.outlet!);
    expect(t).toContain(`\u201c${claim.source.title}`);
    if (claim.source.author) expect(t).toContain(claim.source.author);
    expect(t).toContain(claim.source.url!);
  } else {
    expect(t).toContain(`\u201c${cslShortTitle(claim.source.title)}`);
    expect(t).toContain(claim.source.author ? claim.source.author.split(' ').at(-1)! : claim.source.outlet!);
    expect(t).not.toContain(claim.source.url!);
  }
}

/** Whether `claim` is the first noted claim of its source. */
function isFirstOfSource(claim: CitedClaim): boolean {
  return noted.find((c) => c.source.id === claim.source.id) === claim;
}

describe('the fixture brief', () => {
  it('cites every fixture claim and one claim that no longer exists', () => {
    expect(live.length).toBeGreaterThan(noted.length); // some claims are cited twice
    expect(new Set(live.map((c) => c.annotation.id))).toEqual(new Set(Object.keys(QUOTES)));
    expect(citations.length - live.length).toBe(1);
    expect(new Set(live.map((c) => c.source.id)).size).toBe(4);
  });
});

describe('Markdown export', async () => {
  const md = new TextDecoder().decode(await exportBrief(brief, ctx, 'md'));
  const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const doc = new JSDOM(html).window.document;

  it('has one [^n] footnote per cited claim, each naming its source and quoting the passage', () => {
    const refs = [...doc.querySelectorAll('a[data-footnote-ref]')];
    const notes = [...doc.querySelectorAll('section[data-footnotes] ol > li')];
    expect(refs.length).toBe(live.length);
    expect(notes.length).toBe(noted.length);
    refs.forEach((a, i) => expect(a.textContent).toBe(String(noted.indexOf(live[i]!) + 1)));
    notes.forEach((li, i) => expectNote(li.textContent ?? '', noted[i]!));
    expect(md).toMatch(/^\[\^1\]: Daniel Frost, \u201cMinister defends Nordhamn/m);
  });

  it('keeps quotes with Swedish letters, headings, the Sources list and the removed-citation marker', () => {
    const body = flat(doc.body.textContent ?? '');
    expect(body).toContain(SWEDISH);
    expect([...doc.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Brief: Karin Holmqvist']);
    expect(
      [...doc.querySelectorAll('h2')].filter((h) => !h.closest('section[data-footnotes]')).map((h) => h.textContent),
    ).toEqual([
      'Statements by Karin Holmqvist',
      'Statements about Karin Holmqvist',
      'Mentions',
      'Assessment',
      'Sources',
    ]);
    expect(doc.querySelectorAll('blockquote').length).toBe(5);
    expect(doc.querySelectorAll('table th').length).toBe(2);
    expect(body).toContain(CITATION_REMOVED);
    const sources = [...doc.querySelectorAll('h2 + ul > li')].map((li) => li.textContent ?? '');
    expect(sources).toHaveLength(4);
    expect(sources.some((s) => s.includes('Kustbladet') && s.includes('Lindström, Åsa'))).toBe(true);
  });

  it('escapes text that looks like markup', () => {
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('b')).toBeNull();
    expect(doc.body.textContent).toContain('<script>alert("x")</script> & <b>not bold</b> *not emphasis*');
  });
});

describe('HTML export', async () => {
  const html = new TextDecoder().decode(await exportBrief(brief, ctx, 'html'));
  const doc = new JSDOM(html).window.document;

  it('is one self-contained page with print CSS and no scripts or remote resources', () => {
    expect(doc.querySelectorAll('script').length).toBe(0);
    expect(doc.querySelectorAll('link[rel=stylesheet], img, iframe').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
    }
    expect(doc.querySelector('style')?.textContent).toContain('@media print');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain(
      "default-src 'none'",
    );
    expect(doc.title).toBe('Brief: Karin Holmqvist');
  });

  it('links each citation to its claim’s one note, which names the source and quotes it', () => {
    const refs = [...doc.querySelectorAll('sup.fnref a')];
    const notes = [...doc.querySelectorAll('.notes ol > li')];
    expect(refs.length).toBe(live.length);
    expect(notes.length).toBe(noted.length);
    refs.forEach((a, i) => expect(doc.querySelector(a.getAttribute('href')!)).toBe(notes[noted.indexOf(live[i]!)]));
    notes.forEach((li, i) => expectNote(li.textContent ?? '', noted[i]!));
  });

  it('escapes all text and shows the removed-citation marker', () => {
    const body = flat(doc.body.textContent ?? '');
    expect(body).toContain(SWEDISH);
    expect(doc.querySelector('.removed')?.textContent).toBe(CITATION_REMOVED);
    expect(doc.querySelector('main b')).toBeNull();
    expect(body).toContain('<script>alert("x")</script> & <b>not bold</b>');
    expect(doc.querySelector('a[href="https://ministry.example/nordhamn"]')?.textContent).toBe('ministry page');
  });

  it('drops links that are not http(s) or mailto', async () => {
    const risky: Brief = {
      ...brief,
      doc: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            ],
          },
        ],
      },
    };
    const out = new TextDecoder().decode(await exportBrief(risky, ctx, 'html'));
    expect(out).not.toContain('javascript:');
    expect(out).toContain('<p>click</p>');
  });
});

describe('DOCX export', async () => {
  const bytes = await exportBrief(brief, ctx, 'docx');
  const files = unzipSync(bytes);
  const xml = (name: string) => new JSDOM(strFromU8(files[name]!), { contentType: 'text/xml' }).window.document;
  const text = (el: Element) => [...el.getElementsByTagName('w:t')].map((t) => t.textContent).join('');

  it('is a Word package with a document, footnotes and heading styles', () => {
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['word/document.xml', 'word/footnotes.xml', 'word/styles.xml', '[Content_Types].xml']),
    );
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles).toContain('w:styleId="Heading1"');
    expect(styles).toContain('w:styleId="Title"');
  });

  it('has one real Word footnote per cited claim, naming its source and quoting the passage', () => {
    const document = xml('word/document.xml');
    const refIds = [...document.getElementsByTagName('w:footnoteReference')].map((r) => r.getAttribute('w:id'));
    expect(refIds.length).toBe(noted.length);
    const footnotes = [...xml('word/footnotes.xml').getElementsByTagName('w:footnote')].filter(
      (f) => !f.getAttribute('w:type'),
    );
    expect(footnotes.length).toBe(noted.length);
    refIds.forEach((id, i) => {
      const note = footnotes.find((f) => f.getAttribute('w:id') === id);
      expect(note, `footnote ${id}`).toBeDefined();
      expectNote(text(note!), noted[i]!);
    });
  });

  it('opens in a second DOCX reader (mammoth) with the same footnotes', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const notes = [...new JSDOM(value).window.document.querySelectorAll('li[id^="footnote-"]')];
    expect(notes.length).toBe(noted.length);
    notes.forEach((li, i) => expectNote(li.textContent ?? '', noted[i]!));
  });

  it('uses heading styles, keeps Swedish letters, ends with Sources and shows the removed marker', () => {
    const document = xml('word/document.xml');
    const paragraphs = [...document.getElementsByTagName('w:p')].map((p) => ({
      style: p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') ?? '',
      text: text(p),
    }));
    const headings = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual([
      'Statements by Karin Holmqvist',
      'Statements about Karin Holmqvist',
      'Mentions',
      'Assessment',
      'Sources',
    ]);
    expect(paragraphs.find((p) => p.style === 'Title')?.text).toBe('Brief: Karin Holmqvist');
    const all = flat(paragraphs.map((p) => p.text).join(' '));
    expect(all).toContain(SWEDISH);
    expect(all).toContain(CITATION_REMOVED);
    const afterSources = paragraphs.slice(paragraphs.findIndex((p) => p.text === 'Sources') + 1);
    expect(afterSources.map((p) => p.text)).toHaveLength(4);
    expect(afterSources.some((p) => p.text.includes('Ostsee-Rundschau') && p.text.includes('Weiß, Jörg'))).toBe(true);
  });
});

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const poppler = hasTool('pdftotext') && hasTool('pdffonts');
if (!poppler) console.warn('PDF export tests skipped: pdftotext/pdffonts (poppler-utils) are not installed.');

describe.skipIf(!poppler)('PDF export', async () => {
  const file = path.join(tmp, 'brief.pdf');
  writeFileSync(file, await exportBrief(brief, ctx, 'pdf'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim().length > 0);
  const all = flat(text);

  it('is a real PDF with page numbers and embedded fonts', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => expect(flat(p)).toContain(`Page ${i + 1} of ${pages.length}`));
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) {
      expect(line).toContain('SourceSerif4');
      expect(line.split(/\s+/).slice(-5, -4)[0]).toBe('yes'); // "emb" column
    }
  });

  it('has one footnote per cited claim, naming its source (in full the first time) and quoting the passage, in order', () => {
    expect(all.split(' Quoted: \u201c').length - 1).toBe(noted.length);
    let at = 0;
    for (const claim of noted) {
      const head = isFirstOfSource(claim)
        ? `${claim.source.author ? `${claim.source.author}, ` : ''}\u201c${claim.source.title}`
        : `${claim.source.author?.split(' ').at(-1) ?? claim.source.outlet}, \u201c${cslShortTitle(claim.source.title)}`;
      const found = all.indexOf(head, at);
      expect(found, head).toBeGreaterThanOrEqual(0);
      at = found + head.length;
      expectNote(all.slice(found, found + 600), claim);
    }
  });

  it('keeps Swedish letters and typographic quotes, headings and the removed marker', () => {
    expect(all).toContain(`\u201c${SWEDISH}\u201d`);
    expect(all).toContain('Statements by Karin Holmqvist');
    expect(all).toContain('Sources');
    expect(all).toContain(CITATION_REMOVED);
    expect(all).toContain('Infrastructure minister (fictional).');
  });
});

describe.skipIf(!poppler)('PDF footnotes', () => {
  it('sit on the same page as the citation that refers to them', async () => {
    // 40 claims, each with a unique token: on every page a token appears either not at all,
    // or twice: once in the quoted claim and once in its footnote.
    const base = fixtureContext();
    const source = base.annotation('ann_backa')!.source;
    const claims = Array.from({ length: 40 }, (_, i) => {
      const exact = `Påstående K${String(i).padStart(3, '0')}X: hamnen i Nordhamn behöver muddras före hösten, säger källan, och fisket påverkas inte nämnvärt enligt ministeriet.`;
      return {
        ...base.annotation('ann_backa')!.annotation,
        id: `ann_many_${i}`,
        target: { start: 0, end: exact.length, exact, prefix: '', suffix: '' },
      };
    });
    const many = makeBriefContext({ sources: [source], annotations: claims });
    const draft = draftBriefFromAnnotations(
      many,
      claims.map((c) => c.id),
      'Many claims',
    );
    const file = path.join(tmp, 'many.pdf');
    writeFileSync(file, await exportBrief({ ...brief, title: draft.title, doc: draft.doc }, many, 'pdf'));
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(3);
    const seen = new Set<string>();
    for (const page of pages) {
      const counts = new Map<string, number>();
      for (const m of page.matchAll(/K\d{3}X/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
      for (const [token, n] of counts) {
        expect(n, `${token} on one page`).toBe(2);
        seen.add(token);
      }
    }
    expect(seen.size).toBe(40);
  });
});

describe('exportBrief edge cases', () => {
  it('exports an empty brief and one whose only citation is gone', async () => {
    const empty: Brief = { ...brief, title: '', doc: { type: 'doc' } };
    const gone: Brief = {
      ...brief,
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'citation', attrs: { annotationId: 'ann_x' } }] }],
      },
    };
    for (const format of ['md', 'html', 'docx', 'pdf'] as const) {
      expect((await exportBrief(empty, ctx, format)).length).toBeGreaterThan(0);
    }
    const md = new TextDecoder().decode(await exportBrief(gone, ctx, 'md'));
    expect(md).toContain('citation removed');
    expect(md).not.toContain('[^1]');
    expect(md).not.toContain('## Sources');
  });

  it('rejects an unknown format', async () => {
    await expect(exportBrief(brief, ctx, 'rtf' as never)).rejects.toThrow(/Unknown export format/);
  });
});
