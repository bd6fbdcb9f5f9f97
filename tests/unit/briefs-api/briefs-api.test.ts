/**
 * The briefs API and the `dossier brief` CLI through a real notebook session:
 * four fictional articles (English, Swedish, German) imported as HTML, four
 * claims linked to one minister, then draft → edit → duplicate → delete →
 * undo, live citation lookups, claim search, and export to every format,
 * each file read back with a parser for its format.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { main } from '../../../main/cli/dossier';
import { BriefSummary } from '../../../shared/api/briefs';
import { citedAnnotationIds, collectCitations, type JsonNode } from '../../../shared/brief-doc';
import { Brief, SCHEMA_VERSION, type Annotation } from '../../../shared/model';
import { tempDir } from '../../helpers/temp-dir';
import { ARTICLES, MINISTER } from './articles';

const flat = (t: string) => t.replace(/[\s\u00a0]+/g, ' ').trim();
const SWEDISH_QUOTE = ARTICLES[1]!.claims[0]!.quote;

let dir: string;
let cleanup: () => Promise<void>;
let session: NotebookSession | undefined;
let claims: Annotation[];
let actorId: string;

async function open(): Promise<NotebookSession> {
  session = await openNotebookSession(dir);
  return session;
}

async function close(): Promise<void> {
  await session?.close();
  session = undefined;
}

beforeEach(async () => {
  const t = await tempDir('dossier-briefs-api-');
  cleanup = t.cleanup;
  dir = path.join(t.dir, 'Briefs.dossier');
  const s = await open();
  const imported = await s.service.importFiles({
    files: ARTICLES.map((a) => ({ name: a.name, bytes: new TextEncoder().encode(a.html) })),
  });
  expect(imported.rejected).toEqual([]);
  expect(imported.added).toHaveLength(4);
  claims = [];
  for (const [i, article] of ARTICLES.entries()) {
    const source = imported.added[i]!;
    expect(source.outlet).toBe(article.outlet);
    for (const c of article.claims) {
      claims.push(
        await s.service.addClaimByQuote({
          sourceId: source.id,
          quote: c.quote,
          kind: 'claim',
          tags: [c.tag],
          actors: [{ name: MINISTER, role: c.role, kind: 'person', ...(c.stance ? { stance: c.stance } : {}) }],
          occurrence: 0,
        }),
      );
    }
  }
  actorId = s.store.manifest.actors.find((a) => a.name === MINISTER)!.id;
});

afterEach(async () => {
  await close();
  await cleanup();
});

/** Calls a method through the same validating door the app uses. */
async function api(method: Parameters<typeof callApi>[1], input: unknown): Promise<unknown> {
  const result = await callApi(session!.service, method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function citationNodes(doc: { content?: unknown[] }): JsonNode[] {
  const out: JsonNode[] = [];
  const go = (n: JsonNode) => {
    if (n.type === 'citation') out.push(n);
    for (const c of n.content ?? []) go(c);
  };
  go(doc as JsonNode);
  return out;
}

describe('briefs API', () => {
  it('drafts a brief from an actor in one step and saves it: every linked claim cited, in date order', async () => {
    const brief = Brief.parse(await api('draftBrief', { actorId }));
    expect(brief.title).toBe(`Brief: ${MINISTER}`);
    expect(brief.id).toMatch(/^brf_/);
    // Claims were made in article order, which is also publication order.
    expect(citedAnnotationIds(brief.doc)).toEqual(claims.map((c) => c.id));
    // In a file of its own, not in notebook.json (an import would rewrite it with the manifest).
    expect(session!.store.manifest.briefs).toBeUndefined();
    const onDisk = JSON.parse(await readFile(path.join(dir, 'briefs', `${brief.id}.json`), 'utf8')) as unknown;
    expect(onDisk).toEqual({ schemaVersion: SCHEMA_VERSION, brief });
    expect(Brief.parse(await api('getBrief', { id: brief.id }))).toEqual(brief);
    const list = BriefSummary.array().parse(await api('listBriefs', {}));
    expect(list).toEqual([
      expect.objectContaining({ id: brief.id, title: brief.title, citations: collectCitations(brief.doc).length }),
    ]);
    // Survives a reopen.
    await close();
    const s = await open();
    expect((await s.store.listBriefs()).map((b) => b.title)).toEqual([brief.title]);
  });

  it('drafts from a tag and from chosen claims, with a custom title; unknown targets fail with a readable error', async () => {
    const tagId = session!.store.manifest.tags.find((t) => t.name === 'Fisheries')!.id;
    const byTag = Brief.parse(await api('draftBrief', { tagId }));
    expect(citedAnnotationIds(byTag.doc)).toEqual([claims[2]!.id]);
    const picked = Brief.parse(
      await api('draftBrief', { annotationIds: [claims[3]!.id, claims[1]!.id], title: 'Two claims' }),
    );
    expect(picked.title).toBe('Two claims');
    expect(citedAnnotationIds(picked.doc)).toEqual([claims[1]!.id, claims[3]!.id]);
    await expect(api('draftBrief', { actorId: 'act_nobody' })).rejects.toThrow(/not-found: No actor/);
    await expect(api('draftBrief', { tagId: 'tag_nobody' })).rejects.toThrow(/not-found/);
    await expect(api('draftBrief', {})).rejects.toThrow(/invalid-input/);
  });

  it('autosaves as "Edit brief", renames, duplicates and deletes — and undo restores each step', async () => {
    const created = Brief.parse(await api('createBrief', {}));
    expect(created.title).toBe('Untitled brief');
    const doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Första stycket, with å ä ö.' }] }],
    };
    await api('updateBrief', { id: created.id, doc });
    expect((await api('getHistory', {})) as { undoLabel?: string }).toMatchObject({ undoLabel: 'Edit brief' });
    // Saving the same document again changes nothing and adds no history entry.
    await api('undo', {});
    await api('redo', {});
    const before = await api('getHistory', {});
    await api('updateBrief', { id: created.id, doc });
    expect(await api('getHistory', {})).toEqual(before);

    await api('updateBrief', { id: created.id, title: 'Skärvik briefing' });
    expect(await api('getHistory', {})).toMatchObject({ undoLabel: 'Rename brief' });
    await expect(api('updateBrief', { id: created.id, title: '   ' })).rejects.toThrow(/needs a title/);

    const copy = Brief.parse(await api('duplicateBrief', { id: created.id }));
    expect(copy.title).toBe('Skärvik briefing (copy)');
    expect(copy.id).not.toBe(created.id);
    expect(copy.doc).toEqual(doc);

    await api('deleteBrief', { id: created.id });
    expect((await session!.store.listBriefs()).map((b) => b.id)).toEqual([copy.id]);
    expect(existsSync(path.join(dir, 'briefs', `${created.id}.json`))).toBe(false);
    await expect(api('getBrief', { id: created.id })).rejects.toThrow(/not-found/);
    await api('undo', {});
    const restored = Brief.parse(await api('getBrief', { id: created.id }));
    expect(restored.title).toBe('Skärvik briefing');
    expect(restored.doc).toEqual(doc);
    await api('undo', {}); // the duplicate
    await api('undo', {}); // the rename
    expect(Brief.parse(await api('getBrief', { id: created.id })).title).toBe('Untitled brief');
    expect(await session!.store.listBriefs()).toHaveLength(1);
  });

  it('resolves citations live: a changed claim shows its new status, a deleted one resolves to null', async () => {
    const [a, b] = claims;
    let resolved = (await api('resolveCitations', { annotationIds: [a!.id, b!.id, 'ann_gone'] })) as Array<{
      annotation: Annotation;
      source: { outlet?: string };
    } | null>;
    expect(resolved.map((r) => r?.annotation.target.exact ?? null)).toEqual([a!.target.exact, b!.target.exact, null]);
    expect(resolved[1]!.source.outlet).toBe('Norrlandsbladet');
    await api('updateAnnotation', { sourceId: a!.sourceId, id: a!.id, patch: { status: 'disputed' } });
    await api('deleteAnnotation', { sourceId: b!.sourceId, id: b!.id });
    resolved = (await api('resolveCitations', { annotationIds: [a!.id, b!.id] })) as typeof resolved;
    expect(resolved[0]!.annotation.status).toBe('disputed');
    expect(resolved[1]).toBeNull();
  });

  it('finds claims to cite by quote, actor name, tag and outlet, ignoring case and diacritics', async () => {
    type Hit = { annotation: Annotation; actorNames: string[]; tagNames: string[] };
    const search = async (query: string) => ((await api('listClaims', { query })) as Hit[]).map((h) => h.annotation.id);
    expect((await search('ekwall')).sort()).toEqual(claims.map((c) => c.id).sort());
    expect(await search('fisheries')).toEqual([claims[2]!.id]);
    expect(await search('HUSHALLEN')).toEqual([claims[1]!.id]);
    expect(await search('norrlandsbladet elpriserna')).toEqual([claims[1]!.id]);
    expect(await search('300,000 homes')).toEqual([claims[0]!.id]);
    expect(await search('nothing like this')).toEqual([]);
    const all = (await api('listClaims', { query: '' })) as Hit[];
    expect(all).toHaveLength(4);
    expect(all[0]!.actorNames).toEqual([MINISTER]);
    // Newest source first.
    expect(all.map((h) => h.annotation.id)).toEqual([...claims].reverse().map((c) => c.id));
  });

  it('filters claims to cite by actor, tag, status and source', async () => {
    type Hit = { annotation: Annotation };
    const ids = async (input: Record<string, unknown>) =>
      ((await api('listClaims', { query: '', ...input })) as Hit[]).map((h) => h.annotation.id).sort();
    const m = session!.store.manifest;
    const fisheries = m.tags.find((t) => t.name === 'Fisheries')!.id;
    expect(await ids({ tagId: fisheries })).toEqual([claims[2]!.id]);
    expect(await ids({ actorId })).toEqual(claims.map((c) => c.id).sort());
    expect(await ids({ sourceId: claims[1]!.sourceId })).toEqual([claims[1]!.id]);
    await session!.service.updateAnnotation({
      sourceId: claims[3]!.sourceId,
      id: claims[3]!.id,
      patch: { status: 'disputed' },
    });
    expect(await ids({ status: 'disputed' })).toEqual([claims[3]!.id]);
    expect(await ids({ status: 'disputed', tagId: fisheries })).toEqual([]);
    const energy = m.tags.find((t) => t.name === 'Energy')!.id;
    expect(await ids({ query: 'norrlandsbladet', tagId: energy })).toEqual([claims[1]!.id]);
  });

  it('exports Markdown and DOCX through the API with every quote and one footnote per citation', async () => {
    const brief = Brief.parse(await api('draftBrief', { actorId }));
    const n = citationNodes(brief.doc).length;
    expect(n).toBe(4);

    const md = (await api('exportBrief', { briefId: brief.id, format: 'md' })) as {
      fileName: string;
      mime: string;
      bytes: Uint8Array;
    };
    expect(md.fileName).toBe(`Brief ${MINISTER}.md`);
    expect(md.mime).toMatch(/^text\/markdown/);
    const text = new TextDecoder().decode(md.bytes);
    const doc = new JSDOM(micromark(text, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })).window.document;
    expect(doc.querySelectorAll('a[data-footnote-ref]').length).toBe(n);
    const notes = [...doc.querySelectorAll('section[data-footnotes] ol > li')].map((li) => flat(li.textContent ?? ''));
    expect(notes).toHaveLength(n);
    ARTICLES.forEach((article, i) => {
      expect(notes[i]).toContain(article.outlet);
      expect(notes[i]).toContain(article.title);
      expect(notes[i]).toContain(article.claims[0]!.quote.replace(/,$/, ''));
    });
    expect(flat(doc.body.textContent ?? '')).toContain(SWEDISH_QUOTE);

    const docx = (await api('exportBrief', { briefId: brief.id, format: 'docx' })) as {
      fileName: string;
      bytes: Uint8Array;
    };
    expect(docx.fileName.endsWith('.docx')).toBe(true);
    const files = unzipSync(docx.bytes);
    const xml = (name: string) => new JSDOM(strFromU8(files[name]!), { contentType: 'text/xml' }).window.document;
    const wt = (el: Element | Document) => [...el.getElementsByTagName('w:t')].map((t) => t.textContent).join('');
    expect(xml('word/document.xml').getElementsByTagName('w:footnoteReference').length).toBe(n);
    const footnotes = [...xml('word/footnotes.xml').getElementsByTagName('w:footnote')].filter(
      (f) => !f.getAttribute('w:type'),
    );
    expect(footnotes).toHaveLength(n);
    footnotes.forEach((f, i) => {
      expect(flat(wt(f))).toContain(ARTICLES[i]!.outlet);
      expect(flat(wt(f))).toContain(ARTICLES[i]!.title);
    });
    expect(flat(wt(xml('word/document.xml')))).toContain(SWEDISH_QUOTE);
  });

  it('marks a citation whose claim was deleted instead of leaving a gap', async () => {
    const brief = Brief.parse(await api('draftBrief', { actorId }));
    const gone = claims[1]!;
    await api('deleteAnnotation', { sourceId: gone.sourceId, id: gone.id });
    const md = new TextDecoder().decode(
      ((await api('exportBrief', { briefId: brief.id, format: 'md' })) as { bytes: Uint8Array }).bytes,
    );
    expect(md).toContain('\\[citation removed\\]'); // escaped Markdown text, shown as [citation removed]
    expect(md.match(/^\[\^\d+\]:/gm)).toHaveLength(3);
  });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['--notebook', dir, ...argv], {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    isTTY: false,
  });
  return { code, out, err };
}

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('dossier brief (CLI)', () => {
  beforeEach(close); // the CLI takes the notebook's lock itself

  it('drafts from an actor by name and prints the new Brief; list shows it', async () => {
    const r = await run('brief', 'draft', '--actor', 'tomas ekwall', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const brief = Brief.parse(JSON.parse(r.out));
    expect(citedAnnotationIds(brief.doc)).toEqual(claims.map((c) => c.id));
    const titled = Brief.parse(
      JSON.parse((await run('brief', 'draft', '--tag', 'Energy', '--title', 'Energy claims', '--json')).out),
    );
    expect(titled.title).toBe('Energy claims');
    expect(citedAnnotationIds(titled.doc)).toEqual([claims[0]!.id, claims[1]!.id, claims[3]!.id]);
    const list = BriefSummary.array().parse(JSON.parse((await run('brief', 'list', '--json')).out));
    expect(list.map((b) => b.id).sort()).toEqual([brief.id, titled.id].sort());
  });

  it('exports to each format and prints {path, format, bytes} matching the written file', async () => {
    const brief = Brief.parse(JSON.parse((await run('brief', 'draft', '--actor', MINISTER, '--json')).out));
    await mkdir(path.join(path.dirname(dir), 'out'));
    for (const format of ['docx', 'pdf', 'md', 'html'] as const) {
      const out = path.join(path.dirname(dir), 'out', `brief.${format}`);
      const r = await run('brief', 'export', brief.id, '--format', format, '--out', out, '--json');
      expect(r.err).toBe('');
      const printed = JSON.parse(r.out) as Record<string, unknown>;
      expect(Object.keys(printed).sort()).toEqual(['bytes', 'format', 'path']);
      expect(printed.path).toBe(out);
      expect(printed.format).toBe(format);
      expect(printed.bytes).toBe((await readFile(out)).length);
    }
    const html = new JSDOM(await readFile(path.join(path.dirname(dir), 'out', 'brief.html'), 'utf8')).window.document;
    expect(html.querySelectorAll('.notes ol > li').length).toBe(4);
    expect(flat(html.body.textContent ?? '')).toContain(SWEDISH_QUOTE);
    if (hasTool('pdftotext')) {
      const pdfText = flat(
        execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(path.dirname(dir), 'out', 'brief.pdf'), '-'], {
          encoding: 'utf8',
        }),
      );
      expect(pdfText).toContain('Vi bygger ut vindkraften i Skärvik');
      expect(pdfText).toContain('Norrlandsbladet');
    } else {
      console.warn('PDF text check skipped: pdftotext (poppler-utils) is not installed.');
    }
  });

  it('exits non-zero with one line for an unknown actor, tag, brief or format', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['brief', 'draft', '--actor', 'Nobody Known'], 1, /No actor named "Nobody Known"/],
      [['brief', 'draft', '--tag', 'Nope'], 1, /No tag named "Nope"/],
      [
        ['brief', 'export', 'brf_missing', '--format', 'md', '--out', path.join(path.dirname(dir), 'x.md')],
        1,
        /No brief with id "brf_missing"/,
      ],
      [['brief', 'export', 'brf_missing', '--format', 'odt', '--out', 'x.odt'], 2, /unknown format "odt"/],
      [['brief', 'draft'], 2, /exactly one of --actor/],
    ];
    for (const [argv, code, message] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.out).toBe('');
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });
});
