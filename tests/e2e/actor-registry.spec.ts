/**
 * The actor registry and its pages, end to end on a notebook seeded through
 * the API: the registry counts what the page shows (an actor's claims and
 * its members'), deleting the open actor closes its page with no error, and
 * the "Deleted …" toast with Undo goes away when Ctrl+Z undoes the delete.
 * Screenshots go to DOSSIER_SHOTS (when set) or tests/artifacts.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { EN, SV } from '../unit/actors-api/articles';
import { artifactsDir, expect, test, type AppServer } from './app-fixture';
import { api } from './steps';

const shots = process.env.DOSSIER_SHOTS ?? artifactsDir;

async function seed(app: AppServer): Promise<{ france: string }> {
  const en = (await api<{ added: Array<{ id: string }> }>(app, 'importText', EN)).added[0]!.id;
  const sv = (await api<{ added: Array<{ id: string }> }>(app, 'importText', SV)).added[0]!.id;
  const france = await api<{ id: string }>(app, 'createActor', { name: 'France', kind: 'state' });
  await api(app, 'createActor', { name: 'Emmanuel Macron', kind: 'person', memberOf: [france.id] });
  const speaker = [{ name: 'Emmanuel Macron', role: 'speaker' }];
  await api(app, 'addClaimByQuote', {
    sourceId: en,
    quote: 'the lane "must stay open to every flag"',
    actors: speaker,
  });
  await api(app, 'addClaimByQuote', {
    sourceId: en,
    quote: 'France would send observers to the next round',
    actors: speaker,
  });
  await api(app, 'addClaimByQuote', {
    sourceId: sv,
    quote: 'Ryssland vägrar garantera eskort',
    actors: [{ name: 'Emmanuel Macron', role: 'mentioned' }],
  });
  return { france: france.id };
}

const registry = (page: Page) => page.getByRole('complementary', { name: 'Actor registry' });
const row = (page: Page, name: string) => registry(page).getByRole('button', { name: new RegExp(`^\\S+ ${name}`) });

test('the registry counts an actor’s claims as its page does: its own and its members’', async ({ page, app }) => {
  test.setTimeout(90_000);
  await seed(app);
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Actors' }).click();

  // France has no claim of its own; its member Macron has three, in two sources.
  await expect(row(page, 'France').locator('.count')).toHaveText('3 · 2');
  await expect(row(page, 'Emmanuel Macron').locator('.count')).toHaveText('3 · 2');
  await expect(row(page, 'France').locator('.count')).toHaveAttribute(
    'title',
    '3 claims in 2 sources, 3 through members',
  );
  await row(page, 'France').click();
  const francePage = page.getByRole('article', { name: 'Actor France' });
  // the same words on the page as in the registry
  await expect(francePage.locator('.actor-counts')).toHaveText('3 claims in 2 sources, 3 through members');
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'actor-registry-counts.png') });
});

test('deleting the open actor closes its page without an error; Ctrl+Z brings it back and takes the Undo toast away', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await seed(app);
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Actors' }).click();
  const toasts = page.locator('.notices');

  // The race between the page's refetch and the registry's was hit some of the time: try several times.
  for (let round = 0; round < 4; round++) {
    await row(page, 'Emmanuel Macron').click();
    const actorPage = page.getByRole('article', { name: 'Actor Emmanuel Macron' });
    await expect(actorPage.locator('.actor-counts')).toHaveText('3 claims in 2 sources');
    await actorPage.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('alertdialog', { name: 'Delete actor' }).getByRole('button', { name: 'Delete actor' }).click();
    await expect(row(page, 'Emmanuel Macron')).toHaveCount(0);
    await expect(actorPage).toHaveCount(0);
    await expect(page.getByText('This actor no longer exists')).toHaveCount(0);
    // the page's refetch of a deleted actor is no error to report
    await page.waitForTimeout(300);
    await expect(toasts.getByRole('alert')).toHaveCount(0);
    const deleted = toasts.getByRole('status').filter({ hasText: 'Deleted Emmanuel Macron' });
    await expect(deleted).toBeVisible();
    await expect(deleted.getByRole('button', { name: 'Undo' })).toBeVisible();
    if (round === 0) await page.screenshot({ path: path.join(shots, 'actor-deleted-toast.png') });

    if (round % 2 === 0) {
      // Ctrl+Z (not the toast's button): the actor is back and the toast that offered the undo is gone
      await page.locator('body').press('Control+z');
      await expect(row(page, 'Emmanuel Macron')).toHaveCount(1);
      await expect(deleted).toHaveCount(0, { timeout: 3000 }); // long before its 10 s are up
    } else {
      await deleted.getByRole('button', { name: 'Undo' }).click();
      await expect(deleted).toHaveCount(0);
    }
    await expect(row(page, 'Emmanuel Macron').locator('.count')).toHaveText('3 · 2');
    await expect(row(page, 'France').locator('.count')).toHaveText('3 · 2');
  }
  await expect(toasts.getByRole('alert')).toHaveCount(0);
});
