/**
 * Briefs end to end: four fictional articles (one Swedish, one German) with
 * claims linked to a minister, set up through the API; then, in the UI, draft
 * a brief from the actor, cite a claim by typing `@` and another by dragging
 * it in (a synthetic DataTransfer with the agreed payload), export Markdown,
 * DOCX and PDF through the toolbar, and read each file back.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { ARTICLES, MINISTER } from '../unit/briefs-api/articles';
import { artifactsDir, expect, test, type AppServer } from './app-fixture';
import { api, caretToEnd, downloadExport, draftBriefFromActor } from './steps';

const DRAG_TYPE = 'application/x-dossier-annotation';
/** A passage no claim about the minister covers: cited by drag. */
const DRAGGED_QUOTE = 'The fishing cooperative said it had not been consulted on the cable route';

interface Claim {
  id: string;
  sourceId: string;
  target: { exact: string };
}

async function seed(app: AppServer): Promise<{ claims: Claim[]; dragged: Claim }> {
  const imported = await api<{ added: Array<{ id: string }> }>(app, 'importFiles', {
    files: ARTICLES.map((a) => ({ name: a.name, bytes: new TextEncoder().encode(a.html) })),
  });
  expect(imported.added).toHaveLength(4);
  const claims: Claim[] = [];
  for (const [i, article] of ARTICLES.entries()) {
    for (const c of article.claims) {
      claims.push(
        await api<Claim>(app, 'addClaimByQuote', {
          sourceId: imported.added[i]!.id,
          quote: c.quote,
          tags: [c.tag],
          actors: [{ name: MINISTER, role: c.role, kind: 'person', ...(c.stance ? { stance: c.stance } : {}) }],
        }),
      );
    }
  }
  const dragged = await api<Claim>(app, 'addClaimByQuote', {
    sourceId: imported.added[0]!.id,
    quote: DRAGGED_QUOTE,
    tags: ['Fisheries'],
  });
  return { claims, dragged };
}

const chips = (page: Page) => page.locator('.brief-doc .cite-chip');
const flat = (t: string) => t.replace(/[\s\u00a0]+/g, ' ').trim();

/** Drops the agreed payload on the editor at the end of its last paragraph, as a drag from the inspector would. */
async function dropClaim(page: Page, claim: Claim) {
  await page.evaluate(
    ({ type, payload }) => {
      const paragraphs = document.querySelectorAll('.brief-doc > p');
      const target = paragraphs[paragraphs.length - 1] as HTMLElement;
      const rect = target.getBoundingClientRect();
      const dt = new DataTransfer();
      dt.setData(type, payload);
      dt.setData('text/plain', 'dragged claim');
      const init = {
        bubbles: true,
        cancelable: true,
        dataTransfer: dt,
        clientX: rect.right - 2,
        clientY: rect.top + rect.height / 2,
      };
      target.dispatchEvent(new DragEvent('dragenter', init));
      target.dispatchEvent(new DragEvent('dragover', init));
      target.dispatchEvent(new DragEvent('drop', init));
    },
    { type: DRAG_TYPE, payload: JSON.stringify({ annotationId: claim.id, sourceId: claim.sourceId }) },
  );
}

/**
 * Renders the first two pages of a PDF to PNG in the artifacts folder (for a look) and returns its
 * text; undefined, with a warning, where poppler-utils is not installed.
 */
function readPdf(file: string, pngPrefix: string, dpi: number): string | undefined {
  try {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '2',
      file,
      path.join(artifactsDir, pngPrefix),
    ]);
    return flat(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    console.warn('PDF rendering skipped: pdftoppm (poppler-utils) is not installed.');
    return undefined;
  }
}

test('draft a brief from an actor, cite by @ and by drag, export Markdown, DOCX and PDF', async ({
  page,
  app,
}, testInfo) => {
  const { claims, dragged } = await seed(app);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Write a brief' })).toBeVisible();

  // Draft from the actor in one step.
  await draftBriefFromActor(page, 'ekw', MINISTER);
  await expect(chips(page)).toHaveCount(4);
  await expect(page.locator('.brief-doc .cite-chip[data-state="live"]')).toHaveCount(4);
  await expect(page.locator('.brief-doc')).toContainText('Vi bygger ut vindkraften i Skärvik');
  await expect(page.locator(`.cite-chip[data-annotation-id="${claims[1]!.id}"]`)).toContainText('Norrlandsbladet');
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, 'briefs-draft.png') });
  await expect(page.getByRole('list', { name: 'Briefs list' })).toContainText(`Brief: ${MINISTER}`);

  // Cite by typing @: a new paragraph at the end, search by quote words.
  const doc = page.getByTestId('brief-doc');
  await caretToEnd(page, doc, 'Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The grid operator disagrees ');
  await page.keyboard.type('@grid oper');
  const popup = page.getByRole('dialog', { name: 'Cite a claim' });
  await expect(popup.getByRole('option')).toHaveCount(1);
  await expect(popup.getByRole('option').first()).toContainText('Energy Policy Review');
  await page.keyboard.press('Enter');
  await expect(popup).toBeHidden();
  await expect(chips(page)).toHaveCount(5);
  await expect(doc).not.toContainText('@grid');
  const lastParagraph = page.locator('.brief-doc > p').last();
  await expect(lastParagraph.locator(`.cite-chip[data-annotation-id="${claims[3]!.id}"]`)).toHaveCount(1);

  // Punctuation typed right after a citation joins it, as in the exports (not "chip ."); then back as it was.
  await page.keyboard.type('.');
  const afterChip = () =>
    lastParagraph.evaluate((p) => {
      const chip = p.querySelector('.cite-chip');
      return chip?.parentElement === p ? (chip.nextSibling?.textContent ?? '') : '';
    });
  await expect.poll(afterChip).toBe('.');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(' ');

  // Escape closes the popup and leaves the typed text alone.
  await page.keyboard.type('and @fish');
  await expect(popup).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await expect(lastParagraph).toContainText('and @fish');
  for (let i = 0; i < 'and @fish'.length; i++) await page.keyboard.press('Backspace');

  // Cite by drag from an annotation list (the agreed payload).
  await dropClaim(page, dragged);
  await expect(page.locator(`.brief-doc .cite-chip[data-annotation-id="${dragged.id}"]`)).toHaveCount(1);
  await expect(chips(page)).toHaveCount(6);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // Saved to the notebook: the stored document carries every citation.
  const briefs = await api<Array<{ id: string; citations: number }>>(app, 'listBriefs', {});
  expect(briefs).toEqual([expect.objectContaining({ citations: 6 })]);

  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, 'briefs-editor.png') });

  const quotes = [...claims.map((c) => c.target.exact), dragged.target.exact].map((q) => flat(q).replace(/[,;:]$/, ''));
  const dir = testInfo.outputPath('exports');
  await mkdir(dir, { recursive: true });

  // Markdown: every quote, one [^n] note per cited claim (the @ citation repeats a drafted claim).
  const md = await downloadExport(page, 'Markdown', dir);
  expect(md.name).toBe(`Brief ${MINISTER}.md`);
  const text = await readFile(md.file, 'utf8');
  for (const q of quotes) expect(flat(text)).toContain(q);
  const notes = text.match(/^\[\^\d+\]: .*$/gm) ?? [];
  expect(notes).toHaveLength(5);
  expect(text.match(/\[\^\d+\](?!:)/g)).toHaveLength(6);
  expect(notes.map((n) => /^\[\^(\d+)\]/.exec(n)![1])).toEqual(['1', '2', '3', '4', '5']);
  for (const article of ARTICLES)
    expect(notes.some((n) => n.includes(article.outlet) && n.includes(article.title))).toBe(true);

  // DOCX: real Word footnotes, one per cited claim, every quote in the document.
  const docx = await downloadExport(page, 'DOCX', dir);
  expect(docx.name).toBe(`Brief ${MINISTER}.docx`);
  const files = unzipSync(new Uint8Array(await readFile(docx.file)));
  const documentXml = strFromU8(files['word/document.xml']!);
  const footnotesXml = strFromU8(files['word/footnotes.xml']!);
  const wordText = (xml: string) =>
    flat([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  expect(documentXml.match(/<w:footnoteReference /g)).toHaveLength(5);
  const footnotes = [...footnotesXml.matchAll(/<w:footnote (?![^>]*w:type=)[^>]*>([\s\S]*?)<\/w:footnote>/g)].map((m) =>
    wordText(m[1]!),
  );
  expect(footnotes).toHaveLength(5);
  const decode = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
  // Quotes of claims cited inline in running text live in their footnotes.
  const wordAll = decode(`${wordText(documentXml)} ${footnotes.join(' ')}`);
  for (const q of quotes) expect(wordAll).toContain(q);
  for (const article of ARTICLES)
    expect(footnotes.some((f) => decode(f).includes(article.outlet) && decode(f).includes(article.title))).toBe(true);

  // PDF: rendered to PNG for a look, its text carries the Swedish quote.
  const pdf = await downloadExport(page, 'PDF', dir);
  const pdfText = readPdf(pdf.file, 'briefs-pdf-page', 70);
  if (pdfText !== undefined) expect(pdfText).toContain('Vi bygger ut vindkraften i Skärvik');

  // Live chips: a changed claim shows its new status; a deleted one a visible marker.
  await api(app, 'updateAnnotation', {
    sourceId: claims[0]!.sourceId,
    id: claims[0]!.id,
    patch: { status: 'disputed' },
  });
  await expect(page.locator(`.cite-chip[data-annotation-id="${claims[0]!.id}"] .cite-status`)).toHaveText('disputed');
  await api(app, 'deleteAnnotation', { sourceId: dragged.sourceId, id: dragged.id });
  const removed = page.locator(`.brief-doc .cite-chip[data-annotation-id="${dragged.id}"]`);
  await expect(removed).toHaveAttribute('data-state', 'removed');
  await expect(removed).toContainText('citation removed');
  await expect(removed).toContainText('fishing cooperative');
  await page.screenshot({ path: path.join(artifactsDir, 'briefs-editor-removed.png') });
});

test('rename, duplicate and delete a brief; undo brings it back', async ({ page, app }) => {
  await seed(app);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await page.getByRole('button', { name: 'New brief' }).click();
  const title = page.getByRole('textbox', { name: 'Brief title' });
  await expect(title).toHaveValue('Untitled brief');
  await page.getByTestId('brief-doc').click();
  await page.keyboard.type('Första utkastet: ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('bold');
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // Headings, lists, a link and a table from the toolbar; all saved in the brief's document.
  const doc = page.getByTestId('brief-doc');
  await page.keyboard.press('Control+b');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Bakgrund');
  await page.getByRole('button', { name: 'Heading 2' }).click();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Bulleted list' }).click();
  await page.keyboard.type('Ring ministeriet');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Källa');
  await page.keyboard.press('Shift+Home');
  await page.getByRole('button', { name: 'Link' }).click();
  await page.getByRole('textbox', { name: 'Link address' }).fill('norrlandsbladet.example/nyheter');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(doc.locator('a[href="https://norrlandsbladet.example/nyheter"]')).toHaveText('Källa');
  await expect(doc).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Insert table' }).click();
  await page.keyboard.type('Vem');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hushåll');
  await expect(page.getByRole('button', { name: 'Add row' })).toBeVisible();
  await expect(doc.locator('h2')).toHaveText('Bakgrund');
  await expect(doc.locator('ul > li')).toHaveText('Ring ministeriet');
  await expect(doc.locator('table th')).toHaveCount(3);
  await expect(doc.locator('table th').nth(1)).toHaveText('Hushåll');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = JSON.stringify(
    (await api<Array<{ id: string }>>(app, 'listBriefs', {})).length &&
      (
        await api<{ doc: unknown }>(app, 'getBrief', {
          id: (await api<Array<{ id: string }>>(app, 'listBriefs', {}))[0]!.id,
        })
      ).doc,
  );
  for (const part of [
    '"heading"',
    '"bulletList"',
    '"table"',
    '"tableHeader"',
    'Hushåll',
    'https://norrlandsbladet.example/nyheter',
  ])
    expect(saved).toContain(part);

  const list = page.getByRole('list', { name: 'Briefs list' });
  await list.getByRole('button', { name: 'Rename Untitled brief' }).click();
  await list.getByRole('textbox', { name: 'New title' }).fill('Skärvik: första utkast');
  await page.keyboard.press('Enter');
  await expect(list).toContainText('Skärvik: första utkast');
  await expect(title).toHaveValue('Skärvik: första utkast');

  await list.getByRole('button', { name: 'Duplicate Skärvik: första utkast' }).click();
  await expect(list.locator('.brief-item')).toHaveCount(2);
  await expect(title).toHaveValue('Skärvik: första utkast (copy)');
  await expect(page.getByTestId('brief-doc')).toContainText('Första utkastet: bold');

  await list.getByRole('button', { name: 'Delete Skärvik: första utkast (copy)' }).click();
  await expect(list.locator('.brief-item')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Write a brief' })).toBeVisible();
  await page.getByRole('status').filter({ hasText: 'Deleted' }).getByRole('button', { name: 'Undo' }).click();
  await expect(list.locator('.brief-item')).toHaveCount(2);
  await expect(title).toHaveValue('Skärvik: första utkast (copy)');
  await expect(page.getByTestId('brief-doc').locator('strong')).toHaveText('bold');

  // Undo of an edit (Edit menu / another window) reloads the open editor.
  await caretToEnd(page, page.getByTestId('brief-doc'), 'Control+End');
  await page.keyboard.type(' och mer');
  await expect(page.getByTestId('brief-doc')).toContainText('Hushåll och mer');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await api<{ undoLabel?: string }>(app, 'getHistory', {})).toMatchObject({ undoLabel: 'Edit brief' });
  await api(app, 'undo', {});
  await expect(page.getByTestId('brief-doc')).not.toContainText('och mer');
  await expect(page.getByTestId('brief-doc')).toContainText('Första utkastet: bold');
});

test("a brief's autosave refetches no source data; an annotation edit refetches only its source", async ({
  page,
  app,
}) => {
  const { dragged } = await seed(app);
  const reads: string[] = [];
  page.on('request', (request) => {
    const method = /^\/api\/(\w+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (method && request.method() === 'POST') reads.push(method);
  });
  const nothingMoreWithin = async (ms: number) => {
    const before = reads.length;
    await page.waitForTimeout(ms);
    expect(reads.slice(before)).toEqual([]);
  };

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await page.getByRole('button', { name: 'New brief' }).click();
  await page.getByTestId('brief-doc').click();
  await page.keyboard.type('Utkast');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await nothingMoreWithin(300);

  // Typing while autosave runs: each save refreshes the briefs list (its dates), and nothing else.
  reads.length = 0;
  await page.keyboard.type(' om kabeln');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expect.poll(() => reads.filter((m) => m === 'listBriefs').length).toBeGreaterThan(0);
  await nothingMoreWithin(300);
  expect(reads).toContain('updateBrief');
  expect(reads.filter((m) => m !== 'updateBrief' && m !== 'listBriefs')).toEqual([]);
  await expect(page.getByTestId('brief-doc')).toContainText('Utkast om kabeln');

  // A source open in the reader; an annotation of it changes elsewhere (another window, the CLI).
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Sources' }).click();
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().click();
  await expect(page.locator('article.reader')).toContainText(DRAGGED_QUOTE);
  await nothingMoreWithin(500);
  reads.length = 0;
  await api(app, 'updateAnnotation', { sourceId: dragged.sourceId, id: dragged.id, patch: { status: 'disputed' } });
  await expect.poll(() => reads).toContain('getSource');
  await nothingMoreWithin(500);
  // The source (and the actor mentions painted over its text); not the source list, tags, briefs or the notebook.
  expect([...new Set(reads)].sort()).toEqual(['getSource', 'sourceMentions']);
});

test('claims panel: filter, cite by Enter and by drag (one note reused), live facts, draft from picked claims and from the actor page', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(90_000);
  const { claims, dragged } = await seed(app);
  // A source whose outlet is unknown, imported from a file with a generated name.
  const FILE = '000_f3a4c9e1b2.txt';
  const plain = await api<{ added: Array<{ id: string; title: string }> }>(app, 'importFiles', {
    files: [
      {
        name: FILE,
        bytes: new TextEncoder().encode(
          'Harbour dredging delayed again\n\nThe council said the dredging of the harbour will wait until spring.\n',
        ),
      },
    ],
  });
  const anon = await api<Claim>(app, 'addClaimByQuote', {
    sourceId: plain.added[0]!.id,
    quote: 'the dredging of the harbour will wait until spring',
    tags: ['Fisheries'],
  });

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Claims' });
  await expect(page.locator('.empty-state')).toContainText('Claims panel');
  await expect(page.locator('.empty-state')).not.toContainText('annotation list');
  await draftBriefFromActor(page, 'ekw', MINISTER);
  const doc = page.getByTestId('brief-doc');

  // Drafted facts are live nodes worded from the claims.
  await expect(doc.locator('.brief-fact[data-kind="overview"]')).toContainText(
    `This brief collects 4 claims linked to ${MINISTER} from 4 sources`,
  );
  await expect(doc.locator('.brief-fact[data-kind="status"]')).toHaveCount(4);

  // Filter the panel: by tag, then by status.
  const items = panel.locator('.claims-item');
  await expect(items).toHaveCount(6);
  await panel.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Fisheries' });
  await expect(items).toHaveCount(3);
  await panel.getByRole('combobox', { name: 'Tag' }).selectOption('');
  await panel.getByRole('combobox', { name: 'Actor' }).selectOption({ label: MINISTER });
  await expect(items).toHaveCount(4);
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await expect(items).toHaveCount(6);

  // Enter on a claim cites it at the editor's cursor; citing a drafted claim again reuses its note number.
  await caretToEnd(page, doc, 'Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('As the minister said');
  const again = panel.locator(`.claims-item[data-annotation-id="${claims[0]!.id}"]`);
  await again.focus();
  await page.keyboard.press('Enter');
  const chipsOf = (id: string) => doc.locator(`.cite-chip[data-annotation-id="${id}"]`);
  await expect(chipsOf(claims[0]!.id)).toHaveCount(2);
  const first = await chipsOf(claims[0]!.id).first().getAttribute('data-note');
  await expect(chipsOf(claims[0]!.id).last()).toHaveAttribute('data-note', first!);
  await expect(chipsOf(claims[0]!.id).last()).toHaveClass(/is-repeat/);
  // The cursor is back in the brief, after the chip (and the space the editor leaves).
  await page.keyboard.type(', he added.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Also');

  // Drag a claim from the panel into the brief.
  await panel.locator(`.claims-item[data-annotation-id="${dragged.id}"]`).dragTo(doc.locator('p').last());
  await expect(chipsOf(dragged.id)).toHaveCount(1);
  await expect(chipsOf(dragged.id)).toHaveAttribute('data-note', '5');

  // The source without an outlet is cited by title, never by its file name.
  await panel.locator(`.claims-item[data-annotation-id="${anon.id}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(chipsOf(anon.id)).toContainText('Harbour dredging delayed again');
  await expect(doc).not.toContainText('000_f3a4');
  await expect(panel).not.toContainText('000_f3a4');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // A status changed since drafting is marked in the drafted line.
  await api(app, 'updateAnnotation', {
    sourceId: claims[1]!.sourceId,
    id: claims[1]!.id,
    patch: { status: 'disputed' },
  });
  await expect(doc.locator('.brief-fact .fact-changed').first()).toBeVisible();
  await expect(doc).toContainText('status changed since drafting: was unverified, now disputed');
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, 'briefs-claims-panel.png') });
  await chipsOf(claims[0]!.id).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifactsDir, 'briefs-first-citation.png') });
  await chipsOf(claims[0]!.id).last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifactsDir, 'briefs-repeated-citation.png') });

  // The PDF: numbered 1…n, the repeat reuses its number, no file name.
  const dir = testInfo.outputPath('exports');
  await mkdir(dir, { recursive: true });
  const pdf = await downloadExport(page, 'PDF', dir);
  const text = readPdf(pdf.file, 'briefs-notes', 80);
  if (text !== undefined) {
    expect(text).not.toContain('000_f3a4');
    expect(text).toContain('\u201cHarbour dredging delayed again.\u201d');
    expect(text).toContain('As the minister said1, he added.');
  }

  // Pick two claims (a Shift-click run) and draft a brief from them.
  await panel.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Energy' });
  await expect(items).toHaveCount(3);
  await items.nth(0).getByRole('checkbox').click();
  await items
    .nth(1)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await panel.getByRole('button', { name: 'Draft brief from 2 claims' }).click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue('Brief: selected claims');
  await expect(doc.locator('.cite-chip')).toHaveCount(2);

  // "Draft brief" on the actor page drafts from the actor's claims and opens it.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Actors' }).click();
  await page
    .getByRole('complementary', { name: 'Actor registry' })
    .getByRole('button', { name: new RegExp(MINISTER) })
    .click();
  await page.getByRole('button', { name: 'Draft brief' }).click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue(`Brief: ${MINISTER} (2)`);
  await expect(doc.locator('.cite-chip')).toHaveCount(4);
});

/** A small CSL style written for this test: numbered citations "[n]" in the text. */
const NUMERIC_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Numbered (test)</title><id>test-numbered</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="[" suffix="]" delimiter=","><text variable="citation-number"/></layout></citation>
  <bibliography><layout><text variable="citation-number" prefix="[" suffix="] "/><text variable="title"/></layout></bibliography>
</style>`;

test('citation styles: Chicago notes by default, APA in the text, a .csl file added from the editor; the brief keeps its choice', async ({
  page,
  app,
}) => {
  await seed(app);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Briefs' }).click();
  await draftBriefFromActor(page, 'ekw', MINISTER);
  const dir = path.join(artifactsDir, 'citation-styles');
  await mkdir(dir, { recursive: true });
  const styles = page.getByRole('combobox', { name: 'Citations' });
  await expect(styles).toHaveValue('chicago-notes');

  const chicago = await readFile((await downloadExport(page, 'Markdown', dir)).file, 'utf8');
  expect(chicago).toMatch(/^\[\^1\]: /m); // numbered footnotes

  await styles.selectOption('apa');
  const apa = await readFile((await downloadExport(page, 'Markdown', dir)).file, 'utf8');
  expect(apa).not.toContain('[^1]');
  expect(apa).toMatch(/\(\S[^)]*, \d{4}\)/); // (Author, 2025)

  // Add a style from a file: it is checked, listed and chosen.
  await page.getByTestId('citation-style-file').setInputFiles({
    name: 'numbered.csl',
    mimeType: 'application/xml',
    buffer: Buffer.from(NUMERIC_CSL),
  });
  await expect(page.getByText('Added the citation style “Numbered (test)”.')).toBeVisible();
  await expect(styles).toHaveValue('numbered.csl');
  await page.screenshot({ path: path.join(artifactsDir, 'citation-styles.png') });
  const numbered = await readFile((await downloadExport(page, 'Markdown', dir)).file, 'utf8');
  expect(numbered).toContain('\\[1\\]');

  // The brief remembers its style after a reload.
  await page.reload();
  await page.getByRole('button', { name: 'Briefs' }).click();
  await page
    .getByRole('button', { name: `Brief: ${MINISTER}` })
    .first()
    .click();
  await expect(page.getByRole('combobox', { name: 'Citations' })).toHaveValue('numbered.csl');
});

test("a brief's language: Swedish exports whatever the interface speaks, one undo step, kept after a reload", async ({
  page,
  app,
}) => {
  await seed(app);
  await api(app, 'updateSettings', { language: 'en' });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Briefs' }).click();
  await draftBriefFromActor(page, 'ekw', MINISTER);
  const dir = path.join(artifactsDir, 'brief-language');
  await mkdir(dir, { recursive: true });
  const language = page.getByRole('combobox', { name: 'Language' });
  await expect(language).toHaveValue('en');

  const overview = page.locator('.brief-fact[data-kind="overview"]').first();
  await expect(overview).toContainText('This brief collects 4 claims');
  await language.selectOption('sv');
  // The drafted facts read in the brief's language in the editor too, as they will in its exports.
  await expect(overview).toContainText('Detta PM samlar 4 påståenden');
  await page.screenshot({ path: path.join(artifactsDir, 'brief-language.png') });
  const md = await readFile((await downloadExport(page, 'Markdown', dir)).file, 'utf8');
  expect(md).toContain('## Källor');
  expect(md).toContain('Citat:');
  expect(md).not.toContain('## Sources');
  // The interface is still English: only the brief changed language.
  await expect(page.getByRole('button', { name: 'Briefs' })).toBeVisible();

  await api(app, 'undo', {});
  await expect(language).toHaveValue('en');
  await expect(overview).toContainText('This brief collects 4 claims');
  await api(app, 'redo', {});
  await expect(language).toHaveValue('sv');

  await page.reload();
  await page.getByRole('button', { name: 'Briefs' }).click();
  await page
    .getByRole('button', { name: `Brief: ${MINISTER}` })
    .first()
    .click();
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('sv');
});
