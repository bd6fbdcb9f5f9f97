/**
 * The tag picker on a claim applies what its Enter hint says: the exact name
 * (any case), else a name that starts with the typed text, else "Create tag".
 * A longer name that merely contains the typed one ("Non-signatories" for
 * "Signatories") is applied only when the person highlights it.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type AppServer } from './app-fixture';
import { annotationEditor as editor, api, reader } from './steps';

const SHOTS = process.env.DOSSIER_SHOTS_DIR;

const TEXT = `Treaty talks stall over verification

Fourteen states signed the draft on Tuesday. Six others refused, citing the verification clause.

Diplomats expect a second round in the spring.`;

interface Tag {
  id: string;
  name: string;
}

async function openClaim(page: Page, app: AppServer): Promise<{ sourceId: string; nonSignatories: Tag }> {
  const imported = await api<{ added: Array<{ id: string }> }>(app, 'importText', { text: TEXT, name: 'treaty.txt' });
  const sourceId = imported.added[0]!.id;
  const nonSignatories = await api<Tag>(app, 'createTag', { name: 'Non-signatories' });
  await api(app, 'addClaimByQuote', { sourceId, quote: 'Six others refused' });
  await page.goto(app.url);
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().click();
  await expect(reader(page)).toContainText('Six others refused');
  await page.getByRole('list', { name: 'Annotations in reading order' }).getByRole('button').first().click();
  await expect(editor(page)).toBeVisible();
  return { sourceId, nonSignatories };
}

/** The tag names on the claim as stored by the services. */
async function storedTagNames(app: AppServer, sourceId: string): Promise<string[]> {
  const [claim] = (await app.readSource(sourceId)).annotations as Array<{ tagIds: string[] }>;
  const tags = await api<Tag[]>(app, 'listTags', {});
  return (claim?.tagIds ?? []).map((id) => tags.find((t) => t.id === id)?.name ?? id);
}

const tagInput = (page: Page) => editor(page).getByRole('combobox', { name: 'Add a tag' });
/** The highlighted row: the one Enter applies. */
const highlighted = (page: Page) => editor(page).locator('[role="option"][aria-selected="true"]');

test('"Signatories" with "Non-signatories" in the codebook: Enter creates "Signatories", the hint sits on Create', async ({
  page,
  app,
}) => {
  const { sourceId } = await openClaim(page, app);
  await tagInput(page).fill('Signatories');
  const options = editor(page).getByRole('listbox', { name: 'Matching tags' }).getByRole('option');
  await expect(options).toHaveText([/^Create tag “Signatories”/, /^Non-signatories/]);
  await expect(highlighted(page)).toHaveText(/^Create tag “Signatories”/);
  // One Enter hint, on the highlighted row.
  await expect(editor(page).locator('.tag-suggestions kbd')).toHaveCount(1);
  await expect(highlighted(page).locator('kbd')).toHaveText('Enter');
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'tag-picker-signatories.png') });
  }
  await tagInput(page).press('Enter');
  await expect(editor(page).getByRole('list', { name: 'Tags' })).toHaveText(/Signatories/);
  await expect.poll(() => storedTagNames(app, sourceId)).toEqual(['Signatories']);
  // The list closes once a tag is applied: no leftover row (here "Non-signatories") invites a second Enter.
  await expect(editor(page).getByRole('listbox', { name: 'Matching tags' })).toHaveCount(0);
  await tagInput(page).press('Enter');
  await expect.poll(() => storedTagNames(app, sourceId)).toEqual(['Signatories']);
  // Arrow down opens the codebook again to browse; with nothing typed, no row claims Enter.
  await tagInput(page).press('ArrowDown');
  await expect(editor(page).getByRole('listbox', { name: 'Matching tags' })).toBeVisible();
  await expect(editor(page).locator('.tag-suggestions kbd')).toHaveCount(0);
});

test('the exact name wins whatever its case; a prefix is applied; a contained name only when highlighted', async ({
  page,
  app,
}) => {
  const { sourceId } = await openClaim(page, app);
  const chips = editor(page).getByRole('list', { name: 'Tags' });

  // Exact, in another case: the existing tag, no "Create" row.
  await tagInput(page).fill('NON-SIGNATORIES');
  await expect(highlighted(page)).toHaveText(/^Non-signatories/);
  await expect(editor(page).getByRole('option', { name: /Create tag/ })).toHaveCount(0);
  await tagInput(page).press('Enter');
  await expect.poll(() => storedTagNames(app, sourceId)).toEqual(['Non-signatories']);
  await chips.getByRole('button', { name: 'Remove tag Non-signatories' }).click();
  await expect.poll(() => storedTagNames(app, sourceId)).toEqual([]);

  // A prefix: Enter applies the name it starts.
  await tagInput(page).fill('non-sig');
  await expect(highlighted(page)).toHaveText(/^Non-signatories/);
  await tagInput(page).press('Enter');
  await expect.poll(() => storedTagNames(app, sourceId)).toEqual(['Non-signatories']);
  await chips.getByRole('button', { name: 'Remove tag Non-signatories' }).click();
  await expect.poll(() => storedTagNames(app, sourceId)).toEqual([]);

  // Contained, not a prefix: applied only after the person moves the highlight onto it.
  await tagInput(page).fill('signatories');
  await tagInput(page).press('ArrowDown');
  await expect(highlighted(page)).toHaveText(/^Non-signatories/);
  await expect(highlighted(page).locator('kbd')).toHaveText('Enter');
  await tagInput(page).press('Enter');
  await expect.poll(() => storedTagNames(app, sourceId)).toEqual(['Non-signatories']);
  expect((await api<Tag[]>(app, 'listTags', {})).map((t) => t.name)).toEqual(['Non-signatories']);
});
