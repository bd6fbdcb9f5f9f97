/**
 * W3C Web Annotations end to end: a Dossier export (tests/fixtures/w3c — a
 * fictional notebook in English, Swedish and French, with the sources' text
 * embedded) imported through the page's Import into a fresh notebook; the
 * summary says what came in, and the reader paints the imported claims with
 * their tags, status, note and actors. Screenshots go to DOSSIER_SHOTS (when
 * set) or tests/artifacts.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir, expect, repoRoot, test } from './app-fixture';
import { api, reader } from './steps';

const shots = process.env.DOSSIER_SHOTS ?? artifactsDir;
const summary = (page: Page) => page.getByRole('status', { name: 'Import summary' });
const sourceOptions = (page: Page) => page.getByRole('listbox', { name: 'Sources' }).getByRole('option');

test.afterEach(async ({ page }) => {
  await page.close();
});

test('a W3C annotation file imported into a fresh notebook recreates its sources and claims', async ({ page, app }) => {
  test.setTimeout(90_000);
  await page.goto(app.url);
  await expect(page.getByTestId('import-input')).toHaveAttribute('accept', /\.jsonld(,|$)/);
  const buffer = await readFile(path.join(repoRoot, 'tests/fixtures/w3c/fictional-notebook.jsonld'));
  await page.getByTestId('import-input').setInputFiles({
    name: 'fictional-notebook.jsonld',
    mimeType: 'application/ld+json',
    buffer,
  });
  await expect(summary(page)).toContainText('Imported 1 exchange file', { timeout: 30_000 });
  await expect(summary(page)).toContainText('fictional-notebook.jsonld');
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'w3c-import-summary.png') });
  await page.getByRole('button', { name: 'Close the import summary' }).click();

  await expect(sourceOptions(page)).toHaveCount(4);
  await sourceOptions(page).filter({ hasText: 'Cloud contract splits the harbour board' }).click();
  await expect(reader(page)).toContainText('Microsoft won the contract');
  // The claim is painted in the reader and listed with its tag, status, actors and note.
  const panel = page.getByRole('region', { name: 'Annotations' });
  await expect(panel).toContainText('Microsoft won the contract to run the harbour board');
  await expect(panel).toContainText('Shipping');
  await expect(panel).toContainText('needs a second source');
  await expect(panel).toContainText('note');
  // Selected, the claim shows its actors and its note.
  const sourceId = (await api<Array<{ id: string; title: string }>>(app, 'listSources', {})).find((s) =>
    s.title.startsWith('Cloud contract'),
  )!.id;
  const stored = async () =>
    (await api<{ annotations: Array<{ updatedAt: string }> }>(app, 'getSource', { id: sourceId })).annotations;
  const before = await stored();
  await panel.locator('.annotation-row-button').first().click();
  await expect(panel).toContainText('Ashcombe Marine');
  await expect(panel).toContainText('Victor Hale');
  await expect(panel).toContainText('port authority');
  await page.waitForTimeout(1500);
  expect(await stored()).toEqual(before);
  const painted = await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
    return registry ? [...registry.values()].reduce((n, h) => n + h.size, 0) : -1;
  });
  expect(painted).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(shots, 'w3c-imported-reader.png') });

  // The article with emoji and 𝔘 before its quotes: both annotations anchored where they were.
  await sourceOptions(page).filter({ hasText: 'Festival' }).click();
  await expect(reader(page)).toContainText('40,000 visitors came this year');
  await expect(panel).toContainText('40,000 visitors came this year');
  await expect(panel).toContainText('promised a new stage');
  await expect(panel).not.toContainText(/orphan/i);
  await page.screenshot({ path: path.join(shots, 'w3c-imported-astral.png') });

  // Export… › W3C downloads the notebook again: the same six annotations, the same sources.
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('menuitem', { name: 'W3C Web Annotations (.jsonld)…' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toMatch(/\.jsonld$/);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    total: number;
    'dossier:sources': Array<{ 'dossier:title': string }>;
  };
  const original = JSON.parse(buffer.toString('utf8')) as typeof exported;
  expect(exported.total).toBe(6);
  expect(exported['dossier:sources'].map((x) => x['dossier:title']).sort()).toEqual(
    original['dossier:sources'].map((x) => x['dossier:title']).sort(),
  );
});
