/**
 * Reading and annotating end to end: select text in the reader → claim
 * (popover or keys), tag it with a new tag, set a status, write a note;
 * reload and find the highlight painted over the same text; undo and redo
 * through the UI; a selection across two paragraphs makes one claim.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir, expect, test, type AppServer } from './app-fixture';
import {
  annotationEditor as editor,
  claimSelection,
  clickInText,
  dragOver,
  pasteText,
  popover,
  reader,
  selectText,
} from './steps';

/** A fictional article (English), with the usual byline lines. */
const ARTICLE = `Tram line to the university delayed by a year after soil survey

By Hanne Lorentzen, Northfield Evening Post
Published on 4 June 2025

NORTHFIELD — The new tram line to the university campus will open a year later than planned, the city's transport office said on Monday, after a soil survey found clay layers under the river crossing that need deeper foundations.

“Nobody wants a bridge that settles,” said project director Aksel Brun. “The extra year is the price of building it once.”

The delay adds an estimated 180 million crowns to a budget of 1.3 billion. The opposition group on the city council called the survey “a report that should have been written before the first contract was signed”.

Students' union chair Lina Okafor said the bus shuttle would have to run for another two winters. The transport office promised extra departures during the exam weeks.

The council will vote on the revised budget on 19 June.`;

const list = (page: Page) => page.getByRole('list', { name: 'Annotations in reading order' });

async function importArticle(page: Page, app: AppServer): Promise<string> {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  await pasteText(page, ARTICLE);
  await expect(reader(page)).toContainText('Nobody wants a bridge that settles');
  const id = await page.locator('.reader-text').getAttribute('data-source-id');
  if (!id) throw new Error('no source open');
  return id;
}

/** Every painted highlight: name → the text of each of its ranges. */
async function paintedHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights) {
      // An empty Highlight (e.g. the emphasis with nothing selected) paints nothing.
      if (!name.startsWith('dossier-') || (h as Highlight).size === 0) continue;
      out[name] = [...(h as Highlight)].map((r) => (r as Range).toString());
    }
    return out;
  });
}

async function waitForStored(
  app: AppServer,
  id: string,
  check: (annotations: Array<Record<string, unknown>>) => boolean,
) {
  await expect
    .poll(async () => check((await app.readSource(id)).annotations as Array<Record<string, unknown>>), {
      timeout: 10_000,
    })
    .toBe(true);
}

test('select → claim with the popover, tag it with a new tag, set a status, write a note; reload: still painted and listed', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000); // a shared two-core machine: generous, the steps themselves are quick
  const id = await importArticle(page, app);
  const quote = 'The extra year is the price of building it once.';

  // A real mouse selection brings up the popover by the selection.
  await dragOver(page, quote);
  await expect(popover(page)).toBeVisible();
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({
    path: path.join(artifactsDir, 'annotate-popover.png'),
    clip: { x: 280, y: 100, width: 740, height: 420 },
  });

  // The new claim opens in the inspector with the tag field focused.
  await claimSelection(page, quote);
  const tagInput = editor(page).getByRole('combobox', { name: 'Add a tag' });
  await expect(tagInput).toBeFocused();
  await tagInput.fill('Construction risk');
  await expect(editor(page).getByRole('option', { name: /Create tag “Construction risk”/ })).toBeVisible();
  await tagInput.press('Enter');
  await expect(editor(page).getByRole('list', { name: 'Tags' })).toContainText('Construction risk');

  await editor(page).getByRole('combobox', { name: 'Status' }).selectOption('disputed');
  await editor(page).getByRole('textbox', { name: 'Note' }).click();
  await page.keyboard.type('Brun gave the same line in 2023 about the depot.');

  // Everything is stored by the real services.
  await waitForStored(app, id, (anns) => {
    const a = anns[0] as
      { kind: string; status: string; tagIds: string[]; target: { exact: string }; note?: unknown } | undefined;
    return (
      !!a &&
      anns.length === 1 &&
      a.kind === 'claim' &&
      a.status === 'disputed' &&
      a.tagIds.length === 1 &&
      a.target.exact === quote &&
      JSON.stringify(a.note ?? '').includes('the depot')
    );
  });

  // Painted with the tag's colour, plus the active emphasis.
  const painted = await paintedHighlights(page);
  const tagHighlights = Object.entries(painted).filter(([name]) => name.startsWith('dossier-tag-'));
  expect(tagHighlights).toHaveLength(1);
  expect(tagHighlights[0]![1]).toEqual([quote]);
  expect(painted['dossier-active']).toEqual([quote]);

  // Reload: the log and the notebook live in main.
  await page.reload();
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().click();
  await expect(reader(page)).toContainText('Nobody wants a bridge that settles');
  await expect
    .poll(async () =>
      Object.entries(await paintedHighlights(page))
        .filter(([n]) => n.startsWith('dossier-tag-'))
        .map(([, r]) => r),
    )
    .toEqual([[quote]]);
  const row = list(page).getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Claim');
  await expect(row).toContainText('Construction risk');
  await expect(row).toContainText('disputed');
  await expect(row).toContainText('note');

  // Clicking the highlight selects the claim; its note is there.
  await clickInText(page, quote, 4, 5);
  await expect(editor(page)).toBeVisible();
  await expect(editor(page).getByRole('textbox', { name: 'Note' })).toContainText(
    'Brun gave the same line in 2023 about the depot.',
  );
  await expect(editor(page).getByRole('combobox', { name: 'Status' })).toHaveValue('disputed');
});

test('undo (Ctrl+Z) and redo (Ctrl+Shift+Z, Ctrl+Y) through the UI', async ({ page, app }) => {
  test.setTimeout(120_000);
  const id = await importArticle(page, app);
  // Escape dismisses the popover; C then does nothing until the selection changes.
  await selectText(page, 'The council will vote');
  await expect(popover(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
  await page.keyboard.press('c');
  await page.waitForTimeout(300);
  await expect(editor(page)).toHaveCount(0);

  await selectText(page, 'an estimated 180 million crowns');
  await expect(popover(page)).toBeVisible();
  await page.keyboard.press('c');
  const tagInput = editor(page).getByRole('combobox', { name: 'Add a tag' });
  await expect(tagInput).toBeFocused();
  await tagInput.fill('Budget');
  await tagInput.press('Enter');
  await expect(editor(page).getByRole('list', { name: 'Tags' })).toContainText('Budget');
  await waitForStored(app, id, (anns) => anns.length === 1 && (anns[0] as { tagIds: string[] }).tagIds.length === 1);

  // Ctrl+Z in the tag field is the field's own undo: nothing in the notebook changes.
  await tagInput.press('Control+z');
  await page.waitForTimeout(300);
  await expect(editor(page).getByRole('list', { name: 'Tags' })).toContainText('Budget');

  // With the focus outside text fields, Ctrl+Z undoes the last change: the tag comes off the claim.
  await page.locator('.reader-header').click();
  await page.keyboard.press('Control+z');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^Undone: / })
      .first(),
  ).toBeVisible();
  await expect(list(page)).not.toContainText('Budget');
  await waitForStored(app, id, (anns) => anns.length === 1 && (anns[0] as { tagIds: string[] }).tagIds.length === 0);

  // Two more undos: the tag's creation, then the claim itself.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(list(page)).toHaveCount(0);
  await waitForStored(app, id, (anns) => anns.length === 0);
  await expect.poll(async () => Object.keys(await paintedHighlights(page)).length).toBe(0);

  // Redo brings the claim back, painted again; Ctrl+Y redoes the tag too.
  await page.keyboard.press('Control+Shift+z');
  await expect(list(page).getByRole('listitem')).toHaveCount(1);
  await expect
    .poll(async () => Object.values(await paintedHighlights(page)).flat())
    .toContain('an estimated 180 million crowns');
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Control+y');
  await expect(list(page)).toContainText('Budget');
  await waitForStored(app, id, (anns) => anns.length === 1 && (anns[0] as { tagIds: string[] }).tagIds.length === 1);

  // Undo also survives a reload: the log is in main.
  await page.reload();
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().click();
  await expect(list(page)).toContainText('Budget');
  await page.locator('.reader-header').click();
  await page.keyboard.press('Control+z');
  await expect(list(page)).not.toContainText('Budget');

  // Delete from the editor; undo brings it back.
  await list(page).getByRole('button').first().click();
  await editor(page).getByRole('button', { name: 'Delete claim' }).click();
  await expect(list(page)).toHaveCount(0);
  const deleted = page.locator('.notices').getByRole('status').filter({ hasText: 'Deleted the claim' });
  await expect(deleted).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(list(page).getByRole('listitem')).toHaveCount(1);
  // the toast that said Ctrl+Z brings it back goes with the undo (well before it would time out)
  await expect(deleted).toHaveCount(0, { timeout: 2500 });
});

test('a selection across two paragraphs makes one claim; overlapping tag-coloured highlights; codebook', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const id = await importArticle(page, app);
  const from = 'The delay adds';
  const to = 'Students\u2019 union chair Lina Okafor';
  const stored = (await app.readSource(id)).source.text;
  const to2 = stored.includes(to) ? to : "Students' union chair Lina Okafor";

  await selectText(page, from, to2);
  await expect(popover(page)).toBeVisible();
  await page.keyboard.press('c');
  await expect(editor(page)).toBeVisible();
  await waitForStored(app, id, (anns) => anns.length === 1);
  const [claim] = (await app.readSource(id)).annotations as Array<{
    target: { start: number; end: number; exact: string };
  }>;
  expect(claim!.target.exact.startsWith(from)).toBe(true);
  expect(claim!.target.exact.endsWith(to2)).toBe(true);
  expect(claim!.target.exact).toContain('\n\n');
  expect(stored.slice(claim!.target.start, claim!.target.end)).toBe(claim!.target.exact);
  // One highlight, one DOM range over both paragraphs (the "\n\n" between them is not rendered).
  const active = (await paintedHighlights(page))['dossier-active'];
  expect(active).toEqual([claim!.target.exact.replace('\n\n', '')]);
  const tagInput = editor(page).getByRole('combobox', { name: 'Add a tag' });
  await tagInput.fill('Budget');
  await tagInput.press('Enter');
  await expect(editor(page).getByRole('list', { name: 'Tags' })).toContainText('Budget');

  // Two more claims overlapping the first, with other tags: all painted, overlaps marked.
  await selectText(page, '180 million crowns to a budget of 1.3 billion');
  await page.keyboard.press('c');
  await expect(editor(page).locator('blockquote')).toHaveText('180 million crowns to a budget of 1.3 billion');
  await expect(tagInput).toBeFocused();
  await tagInput.fill('Cost estimate');
  await tagInput.press('Enter');
  await expect(editor(page).getByRole('list', { name: 'Tags' })).toContainText('Cost estimate');
  await editor(page).getByRole('combobox', { name: 'Status' }).selectOption('corroborated');
  await selectText(page, 'called the survey');
  await page.keyboard.press('h');
  await expect(editor(page).locator('blockquote')).toHaveText('called the survey');
  await expect(editor(page).getByRole('combobox', { name: 'Kind' })).toHaveValue('highlight');
  await selectText(page, 'Nobody wants a bridge that settles');
  await page.keyboard.press('c');
  await expect(editor(page).locator('blockquote')).toHaveText('Nobody wants a bridge that settles');
  await expect(tagInput).toBeFocused();
  await tagInput.fill('Quote');
  await tagInput.press('Enter');
  await expect(editor(page).getByRole('list', { name: 'Tags' })).toContainText('Quote');
  await waitForStored(app, id, (anns) => anns.length === 4 && anns.some((a) => a.status === 'corroborated'));

  const painted = await paintedHighlights(page);
  expect(Object.keys(painted).filter((n) => n.startsWith('dossier-tag-'))).toHaveLength(3);
  expect(painted['dossier-kind-highlight']).toEqual(['called the survey']);
  expect(painted['dossier-overlap']?.join(' ')).toContain('180 million crowns to a budget of 1.3 billion');

  // The list is in reading order and filters by tag.
  const rows = list(page).getByRole('listitem');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('Nobody wants a bridge');
  await expect(rows.nth(1)).toContainText('The delay adds');
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption({ label: 'Cost estimate' });
  await expect(rows).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption({ label: 'All tags' });

  // Select the long claim from the list; screenshot the reader with overlapping highlights and the open claim.
  await rows.nth(1).getByRole('button').click();
  await expect(editor(page).locator('blockquote')).toContainText('The delay adds');
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, 'annotate-overlapping-highlights.png') });

  // Status colouring is one click away.
  await page.getByRole('group', { name: 'Colour highlights by' }).getByRole('button', { name: 'Status' }).click();
  await expect
    .poll(async () => Object.keys(await paintedHighlights(page)).some((n) => n.startsWith('dossier-status-')))
    .toBe(true);
  await page.screenshot({ path: path.join(artifactsDir, 'annotate-status-colours.png') });
  await page.getByRole('group', { name: 'Colour highlights by' }).getByRole('button', { name: 'Tag' }).click();

  // The codebook: merge "Cost estimate" into "Budget" after seeing what it touches.
  await editor(page).getByRole('button', { name: 'Manage tags…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags and statuses' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Merge Cost estimate into' }).selectOption({ label: 'Budget' });
  const costRow = dialog
    .locator('li.codebook-tag')
    .filter({ has: page.getByRole('combobox', { name: 'Merge Cost estimate into' }) });
  await costRow.getByRole('button', { name: 'Merge…' }).click();
  const confirmBox = dialog.getByRole('alertdialog');
  await expect(confirmBox).toContainText('Merge “Cost estimate” into “Budget”: 1 annotation in 1 source.');
  await page.screenshot({ path: path.join(artifactsDir, 'annotate-codebook.png') });
  await confirmBox.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog.locator('[data-tag-id]')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(list(page)).not.toContainText('Cost estimate');
});

test('N makes a note with the note editor focused; the list filters by kind', async ({ page, app }) => {
  test.setTimeout(120_000);
  const id = await importArticle(page, app);
  await selectText(page, 'extra departures during the exam weeks');
  await page.keyboard.press('h');
  await expect(editor(page).locator('blockquote')).toHaveText('extra departures during the exam weeks');
  await selectText(page, 'The council will vote on the revised budget on 19 June.');
  await page.keyboard.press('n');
  const note = editor(page).getByRole('textbox', { name: 'Note' });
  await expect(editor(page).locator('blockquote')).toHaveText(
    'The council will vote on the revised budget on 19 June.',
  );
  await expect(note).toBeFocused();
  await page.keyboard.type('Check the agenda for 19 June.');
  await waitForStored(app, id, (anns) =>
    anns.some((a) => a.kind === 'note' && JSON.stringify(a.note ?? '').includes('agenda')),
  );

  const rows = list(page).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Filter by kind' }).selectOption('note');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('The council will vote');
  await expect(rows.first()).toContainText('note');
  await page.getByRole('combobox', { name: 'Filter by kind' }).selectOption('highlight');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('extra departures');
});
