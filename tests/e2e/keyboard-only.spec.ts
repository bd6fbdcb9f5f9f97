/**
 * Keyboard only, end to end: no click and no mouse API, only page.keyboard.
 * The article is put on the clipboard as if copied in another program (the
 * one step no key can do), then Ctrl+V imports it → F6 to the reader → the
 * caret and Shift+arrows select a passage → C makes a claim → tag it → link
 * an actor as speaker → a new brief, the claim cited into it with Enter →
 * export as Markdown (the download).
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { annotationEditor, api, reader } from './steps';

const ARTICLE = `Harbour dredging paused after seal pups found

By Mira Holm, Eastbay Courier

The dredging of the inner harbour stopped on Tuesday after workers found three seal pups on the sand bank, the port authority said.

“We will wait until the pups have left the bank,” said harbour master Jonas Vik. “Two weeks is a small price.”

The pause costs the contractor about 40,000 crowns a day.`;

const PASSAGE = 'We will wait until the pups have left the bank';
const SHOTS = process.env.DOSSIER_SHOTS;

const focused = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? '');
/** True when `target` has the focus (without waiting for it to exist). */
const isFocused = async (target: Locator) =>
  (await target.count()) === 1 && (await target.evaluate((el) => el === document.activeElement));

/** Presses `key` until `target` has the focus (at most `max` times). */
async function pressUntilFocused(page: Page, key: string, target: Locator, max = 25): Promise<void> {
  for (let i = 0; i < max && !(await isFocused(target)); i++) await page.keyboard.press(key);
  expect(await isFocused(target), `${key} did not reach the target; focus is on ${await focused(page)}`).toBe(true);
}

/** What the reader's selection holds now. */
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

test('the whole journey without the mouse: import, select, claim, tag, actor, brief, export', async ({
  page,
  app,
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();

  // Import: the clipboard holds the article, Ctrl+V pastes it outside any field.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), ARTICLE);
  await page.keyboard.press('Control+V');
  await expect(reader(page)).toContainText('Two weeks is a small price', { timeout: 30_000 });
  const sources = page.getByRole('listbox', { name: 'Sources' });
  await expect(sources.getByRole('option', { name: /Harbour dredging paused/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // F6 goes pane by pane: the toolbar, the source list, the reader's text.
  const text = page.getByRole('document', { name: /Source text/ });
  await pressUntilFocused(page, 'F6', sources, 3);
  // ↓ in the list's filter comes back into the list.
  await pressUntilFocused(page, 'Shift+Tab', page.getByRole('searchbox', { name: 'Filter sources' }), 3);
  await page.keyboard.press('ArrowDown');
  await expect(sources).toBeFocused();
  await page.keyboard.press('Enter'); // opens the source: the focus moves into its text
  await expect(text).toBeFocused();
  const caret = page.getByTestId('reader-caret');
  await expect(caret).toBeVisible();

  // The caret starts at the top of the text; ↓ moves it a line, Ctrl+→ a word, Shift+Ctrl+→ selects words.
  const para = text.locator('p.para').filter({ hasText: PASSAGE });
  const caretInPassage = () =>
    para.evaluate((p) => {
      const focus = window.getSelection()?.focusNode ?? null;
      return Boolean(focus && p.contains(focus));
    });
  for (let i = 0; i < 5 && !(await caretInPassage()); i++) await page.keyboard.press('ArrowDown');
  expect(await caretInPassage()).toBe(true);
  // The drawn caret is where the selection is: on the passage's first line.
  const paraTop = (await para.boundingBox())!.y;
  await expect
    .poll(() => page.evaluate(() => document.querySelector('.reader-caret')?.getBoundingClientRect().top ?? -1))
    .toBeGreaterThanOrEqual(paraTop - 2);
  await expect
    .poll(() => page.evaluate(() => document.querySelector('.reader-caret')?.getBoundingClientRect().top ?? -1))
    .toBeLessThan(paraTop + 12);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight'); // past the opening quote mark
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/reader-caret.png` });
  for (let i = 0; i < 12 && (await selected(page)).trim().length < PASSAGE.length; i++) {
    await page.keyboard.press('Shift+Control+ArrowRight');
  }
  // Words select whole; the last one brings its comma and quote mark: back off with Shift+←.
  for (let i = 0; i < 3 && (await selected(page)).trimEnd() !== PASSAGE; i++)
    await page.keyboard.press('Shift+ArrowLeft');
  expect((await selected(page)).trim()).toBe(PASSAGE);
  await expect(caret).toHaveCount(0); // a selection, not a caret
  await expect(page.getByRole('toolbar', { name: 'Annotate the selection' })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/reader-selection.png` });

  // C: a claim of exactly the passage; the focus goes to its tags.
  await page.keyboard.press('c');
  const editor = annotationEditor(page);
  await expect(editor.locator('blockquote')).toHaveText(PASSAGE);
  const tagInput = editor.getByRole('combobox', { name: 'Add a tag' });
  await expect(tagInput).toBeFocused();
  await page.keyboard.type('Wildlife');
  await expect(editor.getByRole('option', { name: 'Create tag “Wildlife”' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('list', { name: 'Tags' })).toContainText('Wildlife');

  // Link an actor as speaker: Tab to the type-ahead, type, ↓ to "Create actor", Enter.
  const links = editor.getByRole('group', { name: 'Actors' });
  await expect(links.getByRole('combobox', { name: 'Role for a new link' })).toHaveValue('speaker');
  const actorInput = links.getByRole('combobox', { name: 'Link an actor' });
  await pressUntilFocused(page, 'Tab', actorInput);
  await page.keyboard.type('Jonas Vik');
  const option = links.getByRole('option', { name: /Jonas Vik/ });
  await expect(option.first()).toBeVisible();
  for (let i = 0; i < 5 && (await option.first().getAttribute('aria-selected')) !== 'true'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(links.getByRole('listitem', { name: 'Link Jonas Vik speaker' })).toBeVisible();
  const sourceId = (await text.getAttribute('data-source-id'))!;
  await expect
    .poll(async () => JSON.stringify((await app.readSource(sourceId)).annotations), { timeout: 10_000 })
    .toMatch(/"kind":"claim".*"role":"speaker"/);

  // To the Briefs view: F6 to the toolbar, Tab to its tab, Enter.
  const briefsTab = page.getByRole('button', { name: 'Briefs', exact: true });
  await pressUntilFocused(page, 'F6', page.locator('.toolbar :focus'), 4);
  await pressUntilFocused(page, 'Tab', briefsTab, 6);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Write a brief' })).toBeVisible();

  // A new brief (F6 to the briefs list's pane, its first control is "New brief").
  const newBrief = page.getByRole('button', { name: 'New brief' });
  await pressUntilFocused(page, 'F6', newBrief, 4);
  await page.keyboard.press('Enter');
  const doc = page.locator('.brief-doc');
  await expect(doc).toBeVisible();

  // The claim, from the Claims panel: F6 there, ↓ to it in the list, Enter cites it at the editor's cursor.
  const claims = page.getByRole('list', { name: 'Claims to cite' });
  const claimRow = claims.getByRole('listitem', { name: new RegExp(PASSAGE.slice(0, 30)) });
  await expect(claimRow).toBeVisible();
  await pressUntilFocused(page, 'F6', page.locator('.claims-panel :focus'), 4);
  await pressUntilFocused(page, 'Tab', claimRow, 12);
  await page.keyboard.press('Enter');
  await expect(doc.locator('.cite-chip')).toHaveCount(1);

  // Export: F6 back to the editor pane, Tab to "Export as Markdown", Enter → the download.
  const exportMd = page.getByRole('button', { name: 'Export as Markdown' });
  await pressUntilFocused(page, 'Shift+F6', page.locator('.briefs-main :focus'), 4);
  const pending = page.waitForEvent('download');
  await pressUntilFocused(page, 'Tab', exportMd, 30);
  await page.keyboard.press('Enter');
  const download = await pending;
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const markdown = await readFile(file, 'utf8');
  expect(markdown).toContain('Eastbay Courier');
  expect(markdown).toMatch(/\[\^1\]/);
});

test('F1 opens the shortcuts sheet, which lists the caret, pane and list keys', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const row = (id: string) => sheet.locator(`[data-shortcut-id="${id}"]`);
  await expect(row('select-word')).toContainText('Select by a word');
  await expect(row('select-word').locator('kbd')).toHaveText(['Ctrl+Shift+←', 'Ctrl+Shift+→']);
  await expect(row('select-line-boundary').locator('kbd')).toHaveText(['Shift+Home', 'Shift+End']);
  await expect(row('mark-claim').locator('kbd')).toHaveText(['C']);
  await expect(row('next-pane').locator('kbd')).toHaveText(['F6']);
  await expect(row('previous-pane').locator('kbd')).toHaveText(['Shift+F6']);
  await expect(sheet.getByRole('region', { name: 'Lists' }).locator('[data-shortcut-id="list-open"] kbd')).toHaveText([
    'Enter',
  ]);
  if (SHOTS) {
    await row('caret-character').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/shortcuts-sheet.png` });
  }
  // F6 does not leave a modal dialog; Escape closes it.
  await page.keyboard.press('F6');
  await expect(sheet).toBeVisible();
  await expect(page.locator('.toolbar :focus')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test('the caret stays in the source text: at its ends, keys do not move it into the header or the panes', async ({
  page,
  app,
}) => {
  await api(app, 'importFiles', { files: [{ name: 'harbour.txt', bytes: new TextEncoder().encode(ARTICLE) }] });
  await page.goto(app.url);
  const sources = page.getByRole('listbox', { name: 'Sources' });
  await pressUntilFocused(page, 'F6', sources, 3);
  await page.keyboard.press('ArrowDown'); // selects the first (only) source
  await expect(reader(page)).toContainText('Two weeks is a small price');
  await page.keyboard.press('Enter');
  const text = page.getByRole('document', { name: /Source text/ });
  await expect(text).toBeFocused();

  /** The selection's focus: the paragraph's text before it, or null outside the reader's paragraphs. */
  const focusAt = () =>
    page.evaluate(() => {
      const sel = window.getSelection()!;
      const p = sel.focusNode?.parentElement?.closest('.reader-text p.para');
      return p ? p.textContent!.slice(0, sel.focusOffset) : null;
    });
  await page.keyboard.press('Control+Home');
  expect(await focusAt()).toBe('');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  expect(await focusAt()).toBe('');
  await expect(text).toBeFocused();

  await page.keyboard.press('Control+End');
  const last = 'The pause costs the contractor about 40,000 crowns a day.';
  expect(await focusAt()).toBe(last);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+ArrowDown');
  expect(await focusAt()).toBe(last);

  // Shift+Ctrl+Home from the end selects the whole text, nothing above it.
  await page.keyboard.press('Shift+Control+Home');
  const all = (await selected(page)).trim();
  expect(all.startsWith('The dredging of the inner harbour')).toBe(true);
  expect(all.endsWith(last)).toBe(true);
  expect(all).not.toContain('Harbour dredging paused');
  // ← collapses the selection to its start, where the caret shows again.
  await page.keyboard.press('ArrowLeft');
  expect(await selected(page)).toBe('');
  expect(await focusAt()).toBe('');
  await expect(page.getByTestId('reader-caret')).toBeVisible();
});
