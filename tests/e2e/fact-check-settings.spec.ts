/**
 * The codebook's Fact checks section: rate two statuses, name the
 * organisation and its page, save — the notebook holds the settings the
 * ClaimReview export reads; a half-filled rating is refused with a message
 * and nothing is saved.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './app-fixture';
import { annotationEditor as editor, api, claimSelection, dragOver, pasteText, reader } from './steps';

const ARTICLE = `Harbour fees to be cut by half, minister says

By Hanne Lorentzen, Northfield Evening Post

The harbour accord will cut port fees by half from next year, the minister said on Monday.

Shipping companies doubt the figure.`;

const SHOTS = process.env.DOSSIER_SHOTS_DIR;

test('rate statuses and name the organisation in the codebook; a half-filled rating is refused', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await pasteText(page, ARTICLE);
  const quote = 'The harbour accord will cut port fees by half from next year';
  await expect(reader(page)).toContainText(quote);
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
});
