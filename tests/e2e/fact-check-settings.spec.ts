/**
 * The codebook's Fact checks section: rate two statuses, name the
 * organisation and its page, save — the notebook holds the settings the
 * ClaimReview export reads; a half-filled rating is refused with a message
 * and nothing is saved. Then the toolbar's Export menu downloads the
 * ClaimReview and CSL-JSON files of the built app.
 */
import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { artifactsDir, expect, test } from './app-fixture';
import { annotationEditor as editor, api, claimSelection, dragOver, pasteText, reader } from './steps';

const ARTICLE = `Harbour fees to be cut by half, minister says

By Hanne Lorentzen, Northfield Evening Post

The harbour accord will cut port fees by half from next year, the minister said on Monday.

Shipping companies doubt the figure.`;

const SHOTS = process.env.DOSSIER_SHOTS_DIR;

/** The toolbar's Export… menu entry `label`: the downloaded file's text and the notice shown. */
async function exportFromMenu(page: Page, label: string): Promise<{ text: string; notice: string }> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const pending = page.waitForEvent('download');
  await page.getByRole('menu', { name: 'Export the notebook' }).getByRole('menuitem', { name: label }).click();
  const download = await pending;
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `fact-check-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const notice = page.getByRole('status').filter({ hasText: 'Exported' }).last();
  await expect(notice).toBeVisible();
  return { text: await readFile(file, 'utf8'), notice: (await notice.textContent()) ?? '' };
}

test('rate statuses and name the organisation in the codebook; a half-filled rating is refused', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await pasteText(page, ARTICLE);
  const quote = 'The harbour accord will cut port fees by half from next year';
  // Import runs in a worker that loads its readers first: slow on a busy shared machine.
  await expect(reader(page)).toContainText(quote, { timeout: 60_000 });
  const sourceId = (await page.locator('.reader-text').getAttribute('data-source-id')) ?? '';
  await dragOver(page, quote);
  await claimSelection(page, quote);

  await editor(page).getByRole('button', { name: 'Manage tags…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags and statuses' });
  const section = dialog.getByRole('region', { name: 'Fact checks' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('button', { name: 'Save fact-check settings' })).toBeDisabled();

  await section.getByRole('spinbutton', { name: 'Rating value of refuted' }).fill('1');
  await section.getByRole('textbox', { name: 'Verdict of refuted' }).fill('False');
  await section.getByRole('spinbutton', { name: 'Rating value of corroborated' }).fill('5');
  await section.getByRole('textbox', { name: 'Verdict of corroborated' }).fill('True');
  await section.getByRole('textbox', { name: 'Organisation' }).fill('Northfield Fact Desk');
  await section
    .getByRole('textbox', { name: 'Page the fact checks are published on' })
    .fill('https://factdesk.example.org/checks');
  // Half a rating: refused before anything is sent.
  await section.getByRole('spinbutton', { name: 'Rating value of disputed' }).fill('3');
  await section.getByRole('button', { name: 'Save fact-check settings' }).click();
  await expect(section.getByRole('alert')).toHaveText('“disputed” needs both a value and a verdict name (or neither).');
  expect((await api<{ factCheck?: unknown }>(app, 'getNotebook', {})).factCheck).toBeUndefined();

  await section.getByRole('textbox', { name: 'Verdict of disputed' }).fill('Misleading');
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await dialog.screenshot({ path: path.join(SHOTS, 'codebook-fact-checks.png') });
  }
  await section.getByRole('button', { name: 'Save fact-check settings' }).click();
  await expect(section.getByRole('button', { name: 'Save fact-check settings' })).toBeDisabled();
  expect((await api<{ factCheck?: unknown }>(app, 'getNotebook', {})).factCheck).toEqual({
    organisation: { name: 'Northfield Fact Desk', url: 'https://factdesk.example.org/checks' },
    scale: { worst: 1, best: 5 },
    ratings: {
      refuted: { value: 1, name: 'False' },
      corroborated: { value: 5, name: 'True' },
      disputed: { value: 3, name: 'Misleading' },
    },
  });

  // Reopened, the dialog shows what was saved; clearing a rating makes the status no verdict again.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await editor(page).getByRole('button', { name: 'Manage tags…' }).click();
  await expect(section.getByRole('textbox', { name: 'Verdict of corroborated' })).toHaveValue('True');
  await section.getByRole('spinbutton', { name: 'Rating value of disputed' }).fill('');
  await section.getByRole('textbox', { name: 'Verdict of disputed' }).fill('');
  await section.getByRole('button', { name: 'Save fact-check settings' }).click();
  await expect
    .poll(async () =>
      Object.keys((await api<{ factCheck: { ratings: object } }>(app, 'getNotebook', {})).factCheck.ratings).sort(),
    )
    .toEqual(['corroborated', 'refuted']);

  await dialog.getByRole('button', { name: 'Close' }).click();

  // The claim becomes a verdict once its status is rated: the Export menu's ClaimReview file holds it.
  await editor(page).getByRole('combobox', { name: 'Status' }).selectOption('refuted');
  await expect
    .poll(
      async () =>
        (await api<{ annotations: Array<{ status: string }> }>(app, 'getSource', { id: sourceId })).annotations[0]
          ?.status,
    )
    .toBe('refuted');
  const checks = await exportFromMenu(page, 'ClaimReview Fact-checks (.jsonld)…');
  const reviews = JSON.parse(checks.text) as Array<Record<string, unknown>>;
  expect(reviews).toHaveLength(1);
  expect(reviews[0]).toMatchObject({
    '@type': 'ClaimReview',
    claimReviewed: quote,
    author: { '@type': 'Organization', name: 'Northfield Fact Desk' },
    reviewRating: { '@type': 'Rating', ratingValue: 1, alternateName: 'False' },
  });
  expect(checks.notice).toContain('1 item');

  const refs = await exportFromMenu(page, 'CSL-JSON References (.json)…');
  const items = JSON.parse(refs.text) as Array<Record<string, unknown>>;
  expect(items).toEqual([expect.objectContaining({ id: sourceId, type: 'article-newspaper' })]);
});
