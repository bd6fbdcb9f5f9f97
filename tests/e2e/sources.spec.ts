/**
 * Sources end to end: delete a source from the list (context menu, Delete
 * key) and from its details, after a confirm naming it and its claims; undo
 * brings it back with its annotations, and its file. Remove a leftover
 * paragraph by hand (context menu, shortcut) and restore it. Switching views
 * keeps the open source and the open brief.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type AppServer } from './app-fixture';
import { api, reader } from './steps';

const SHOTS = process.env.DOSSIER_SHOTS_DIR;
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

const HARBOUR = `Harbour accord signed in Vellmar

Mayor Ingrid Halvorsen signed the harbour accord on Tuesday. The night ferry will run from May.

Critics said the cost could double within two years.

Subscribe to our newsletter for the latest harbour news.`;

const FERRY = `Night ferry to Brask approved

The council approved the night ferry on Tuesday after a long debate.`;

const TRAMS = `Tram depot moves north

The tram depot will move to the northern industrial estate next spring.`;

interface Imported {
  added: Array<{ id: string; title: string }>;
}

async function seed(app: AppServer): Promise<Record<'harbour' | 'ferry' | 'trams', string>> {
  const ids: string[] = [];
  for (const [text, name] of [
    [HARBOUR, 'harbour.txt'],
    [FERRY, 'ferry.txt'],
    [TRAMS, 'trams.txt'],
  ] as const) {
    ids.push((await api<Imported>(app, 'importText', { text, name })).added[0]!.id);
  }
  const [harbour, ferry, trams] = ids as [string, string, string];
  await api(app, 'addClaimByQuote', { sourceId: harbour, quote: 'signed the harbour accord on Tuesday' });
  await api(app, 'addClaimByQuote', { sourceId: harbour, quote: 'the cost could double' });
  await api(app, 'addClaimByQuote', { sourceId: harbour, quote: 'The night ferry will run', kind: 'highlight' });
  return { harbour, ferry, trams };
}

const sourceList = (page: Page) => page.getByRole('listbox', { name: 'Sources' });
const option = (page: Page, title: string) => sourceList(page).getByRole('option', { name: new RegExp(title) });
const confirm = (page: Page) => page.getByRole('alertdialog');
const jsonFiles = async (app: AppServer) =>
  (await readdir(path.join(app.notebookDir, 'sources'))).filter((n) => n.endsWith('.json')).sort();

test('delete a source from the list after a confirm naming it and its claims; undo brings it back with its claims', async ({
  page,
  app,
}) => {
  const ids = await seed(app);
  await page.goto(app.url);
  await option(page, 'Harbour accord').click();
  await expect(reader(page)).toContainText('Mayor Ingrid Halvorsen');

  // Context menu → "Delete source…" → the confirm names the source and what goes with it.
  await option(page, 'Harbour accord').click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  await shot(page, 'source-context-menu.png');
  await page
    .getByRole('menu')
    .getByRole('menuitem', { name: /Delete source/ })
    .click();
  await expect(confirm(page)).toBeVisible();
  await expect(confirm(page).getByRole('heading')).toHaveText('Delete “Harbour accord signed in Vellmar”?');
  await expect(confirm(page)).toContainText('Its 2 claims and 1 highlight will be deleted with it');
  await shot(page, 'delete-confirm.png');
  // Cancel keeps it.
  await confirm(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm(page)).toHaveCount(0);
  await expect(sourceList(page).getByRole('option')).toHaveCount(3);

  // Delete key on the list asks the same; confirming deletes it and opens its neighbour.
  await sourceList(page).focus();
  await page.keyboard.press('Delete');
  await expect(confirm(page).getByRole('heading')).toHaveText('Delete “Harbour accord signed in Vellmar”?');
  await confirm(page).getByRole('button', { name: 'Delete source' }).click();
  await expect(sourceList(page).getByRole('option')).toHaveCount(2);
  await expect(option(page, 'Harbour accord')).toHaveCount(0);
  await expect(option(page, 'Night ferry')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('status').filter({ hasText: /^Deleted “Harbour accord/ })).toBeVisible();
  await expect.poll(() => jsonFiles(app)).toEqual([`${ids.ferry}.json`, `${ids.trams}.json`].sort());
  await shot(page, 'after-delete.png');

  // Undo: the source is listed again, with its three annotations and its file.
  await page.locator('.reader-header').click();
  await page.keyboard.press('Control+z');
  await expect(sourceList(page).getByRole('option')).toHaveCount(3);
  // The "Deleted …; Undo brings it back" toast goes with the undo (a second Ctrl+Z would undo something else).
  await expect(page.getByRole('status').filter({ hasText: /^Deleted “Harbour accord/ })).toHaveCount(0, {
    timeout: 1000,
  });
  await expect.poll(() => jsonFiles(app)).toHaveLength(3);
  await option(page, 'Harbour accord').click();
  await expect(page.getByRole('list', { name: 'Annotations in reading order' }).getByRole('listitem')).toHaveCount(3);
  expect((await app.readSource(ids.harbour)).annotations).toHaveLength(3);
  await shot(page, 'after-undo.png');
});

test('delete a source from its details; a source without claims says so', async ({ page, app }) => {
  const ids = await seed(app);
  await page.goto(app.url);
  await option(page, 'Tram depot').click();
  await page.getByRole('region', { name: 'Source details' }).getByRole('button', { name: 'Delete source…' }).click();
  await expect(confirm(page)).toContainText('It has no claims, highlights or notes.');
  // Escape cancels.
  await page.keyboard.press('Escape');
  await expect(confirm(page)).toHaveCount(0);
  await page.getByRole('region', { name: 'Source details' }).getByRole('button', { name: 'Delete source…' }).click();
  await confirm(page).getByRole('button', { name: 'Delete source' }).click();
  await expect(option(page, 'Tram depot')).toHaveCount(0);
  // The last source was open: the one before it opens.
  await expect(option(page, 'Night ferry')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => jsonFiles(app)).not.toContain(`${ids.trams}.json`);
});

test('remove a leftover paragraph by hand (context menu, then the shortcut) and restore it', async ({ page, app }) => {
  const ids = await seed(app);
  await page.goto(app.url);
  await option(page, 'Harbour accord').click();
  const plug = 'Subscribe to our newsletter for the latest harbour news.';
  await reader(page).locator('p.para', { hasText: plug }).click({ button: 'right' });
  const item = page.getByRole('menu').getByRole('menuitem', { name: /Remove paragraph/ });
  await expect(item).toContainText('Shift+Delete');
  await shot(page, 'paragraph-context-menu.png');
  await item.click();
  await expect(reader(page)).not.toContainText(plug);
  await expect.poll(async () => (await app.readSource(ids.harbour)).source.text).not.toContain(plug);

  // It is listed with what import removed, and restores into place.
  const panel = page.getByTestId('removed-panel');
  await panel.locator('summary').click();
  await expect(panel.getByRole('region', { name: 'Removed: removed by hand' })).toContainText(plug);
  await panel.getByRole('button', { name: `Restore “${plug.slice(0, 60)}”` }).click();
  await expect(reader(page).locator('p.para').last()).toHaveText(plug);

  // The shortcut removes the paragraph holding the cursor; a paragraph with a claim is refused with a reason.
  await reader(page).locator('p.para', { hasText: plug }).click();
  await page.keyboard.press('Shift+Delete');
  await expect(reader(page)).not.toContainText(plug);
  await reader(page).locator('p.para', { hasText: 'Critics said' }).click();
  await page.keyboard.press('Shift+Delete');
  await expect(page.getByRole('alert').filter({ hasText: /holds 1 annotation/ })).toBeVisible();
  await expect(reader(page)).toContainText('Critics said');
});

test('a brief citing a claim of a deleted source shows "source removed"; undo brings the citation back', async ({
  page,
  app,
}) => {
  const ids = await seed(app);
  const claim = await api<{ id: string }>(app, 'addClaimByQuote', {
    sourceId: ids.ferry,
    quote: 'approved the night ferry',
  });
  const doc = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'The ferry was approved.' },
          { type: 'citation', attrs: { annotationId: claim.id } },
        ],
      },
    ],
  };
  const brief = await api<{ id: string }>(app, 'createBrief', { title: 'Ferry brief', doc });
  await api(app, 'deleteSource', { id: ids.ferry });
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Briefs' }).click();
  await page
    .getByRole('list', { name: 'Briefs list' })
    .locator('button.brief-open', { hasText: 'Ferry brief' })
    .click();
  const chip = page.locator(`.cite-chip[data-annotation-id="${claim.id}"]`);
  await expect(chip).toHaveAttribute('data-state', 'source-removed');
  await expect(chip).toContainText('source removed');
  await expect(chip).toHaveAttribute('title', /“Night ferry to Brask approved” was deleted/);
  await shot(page, 'brief-source-removed.png');
  await api(app, 'undo', {});
  await expect(chip).toHaveAttribute('data-state', 'live');
  expect(brief.id).toBeTruthy();
});

test('switching views keeps the open source and the open brief', async ({ page, app }) => {
  await seed(app);
  const brief = await api<{ id: string }>(app, 'createBrief', { title: 'Harbour brief' });
  await api(app, 'createBrief', { title: 'Other brief' });
  await page.goto(app.url);
  await option(page, 'Night ferry').click();
  await expect(reader(page)).toContainText('approved the night ferry');

  const tabs = page.getByRole('navigation', { name: 'Views' });
  await tabs.getByRole('button', { name: 'Briefs' }).click();
  await page
    .getByRole('list', { name: 'Briefs list' })
    .locator('button.brief-open', { hasText: 'Harbour brief' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue('Harbour brief');

  await tabs.getByRole('button', { name: 'Sources' }).click();
  await expect(option(page, 'Night ferry')).toHaveAttribute('aria-selected', 'true');
  await expect(reader(page)).toContainText('approved the night ferry');

  await tabs.getByRole('button', { name: 'Actors' }).click();
  await tabs.getByRole('button', { name: 'Briefs' }).click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue('Harbour brief');
  await expect(page.getByRole('list', { name: 'Briefs list' }).locator('[aria-current="page"]')).toContainText(
    'Harbour brief',
  );
  expect(brief.id).toBeTruthy();
});
