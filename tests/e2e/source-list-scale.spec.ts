/**
 * The source list on a notebook of a few hundred sources: a virtual list
 * (far fewer rows in the page than sources; scrolling to the end shows the
 * last one; End and ↑/↓ reach rows not yet read), sorted and filtered, and an
 * edit that costs one source's head over the API — no refetch of the list —
 * and shows in the list.
 */
import type { Page, Request } from '@playwright/test';
import { SCHEMA_VERSION } from '../../shared/model';
import { expect, test } from './app-fixture';

const SOURCES = 400;
const NOW = '2026-01-01T00:00:00.000Z';

/** A notebook of `n` short fictional sources, written straight into the folder. */
function notebookFiles(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  const sources = [];
  for (let i = 0; i < n; i++) {
    const id = `src_${String(i).padStart(6, '0')}`;
    const meta = {
      id,
      title: `Fictional report ${i}`,
      outlet: i % 2 ? 'Norrvik Posten' : 'Baltic Wire',
      publishedAt: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      language: 'en',
      importedAt: NOW,
      origin: { kind: 'file', name: `report-${i}.txt`, sha256: i.toString(16).padStart(64, '0') },
    };
    sources.push(meta);
    const text = `Fictional report ${i}\n\nThe harbour council met on a fictional Tuesday to discuss report ${i}.`;
    files[`sources/${id}.json`] = JSON.stringify({
      schemaVersion: SCHEMA_VERSION,
      source: { ...meta, text, removed: [] },
      annotations: [],
    });
  }
  files['notebook.json'] = JSON.stringify({
    schemaVersion: SCHEMA_VERSION,
    id: 'nb_scale_e2e',
    title: 'Four hundred sources',
    createdAt: NOW,
    sources,
  });
  return files;
}

test.use({ seedFiles: notebookFiles(SOURCES) });

const sourceList = (page: Page) => page.getByRole('listbox', { name: 'Sources' });
const options = (page: Page) => sourceList(page).getByRole('option');
/** The row whose title is exactly `title`. */
const row = (page: Page, title: string) =>
  options(page).filter({ has: page.locator('.source-title').getByText(title, { exact: true }) });
const method = (request: Request) => new URL(request.url()).pathname.replace(/^\/api\//, '');

test('the list holds only the rows in view; scrolling, End and the arrow keys reach the last source', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(options(page).first()).toHaveText(/Fictional report 0/);
  await expect(page.locator('.pane-sources .count')).toHaveText(String(SOURCES));
  const rendered = await options(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);

  // Scrolling to the bottom shows the last source (its page is read then).
  await sourceList(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(row(page, `Fictional report ${SOURCES - 1}`)).toBeVisible();
  expect(await options(page).count()).toBeLessThan(60);

  // Keyboard: Home selects the first; End the last; ↑ the one before it.
  await sourceList(page).focus();
  await page.keyboard.press('Home');
  await expect(row(page, 'Fictional report 0')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  const last = row(page, `Fictional report ${SOURCES - 1}`);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(row(page, `Fictional report ${SOURCES - 2}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('article.reader')).toContainText(`discuss report ${SOURCES - 2}`);
});

test('sorting and filtering ask main for the view; a source opened elsewhere is scrolled into view', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(options(page).first()).toHaveText(/Fictional report 0/);
  await page.getByRole('combobox', { name: 'Sort sources' }).selectOption('title');
  // Numbers in order: 0, 1, 2 … (not 0, 1, 10, 100).
  await expect(options(page).nth(2)).toHaveText(/Fictional report 2/);
  // Filtering from far down the list starts the shorter list at its top (or at the selected source).
  await sourceList(page).focus();
  await page.keyboard.press('End');
  await expect(row(page, 'Fictional report 399')).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('searchbox', { name: 'Filter sources' }).fill('report 39');
  await expect(page.getByRole('status').filter({ hasText: '11 sources match.' })).toBeVisible();
  await expect(sourceList(page).locator('.source-title')).toHaveText(
    [39, ...Array.from({ length: 10 }, (_, k) => 390 + k)].map((n) => `Fictional report ${n}`),
  );
  await page.getByRole('searchbox', { name: 'Filter sources' }).fill('');
  await page.getByRole('combobox', { name: 'Sort sources' }).selectOption('imported');

  // The command palette opens a source far down the list: the list scrolls to it and selects it.
  await sourceList(page).focus();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search' }).fill('"Fictional report 350"');
  const hit = page
    .getByRole('listbox', { name: 'Results' })
    .getByRole('option', { name: /Fictional report 350\b/ })
    .first();
  await expect(hit).toBeVisible();
  await hit.click();
  const target = row(page, 'Fictional report 350');
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await expect(target).toBeInViewport();
});

test('an edit fetches the changed source, not the list, and the list shows it', async ({ page, app }) => {
  const requests: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/') && method(r) !== 'events') requests.push(r);
  });
  await page.goto(app.url);
  await row(page, 'Fictional report 3').click();
  await expect(page.locator('article.reader')).toContainText('discuss report 3');
  await page.waitForLoadState('networkidle');
  requests.length = 0;

  // Rename it in its details.
  await page.getByRole('button', { name: 'title: Fictional report 3', exact: true }).click();
  await page.getByRole('textbox', { name: 'Edit the title' }).fill('Harbour report, corrected');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Harbour report, corrected')).toHaveAttribute('aria-selected', 'true');
  await page.waitForLoadState('networkidle');

  const called = requests.map(method);
  expect(called).toContain('updateSourceMeta');
  expect(called).toContain('getSourceHeads');
  expect(called.filter((m) => m === 'listSources' || m === 'listSourcePage')).toEqual([]);
  let bytes = 0;
  for (const r of requests) bytes += (await (await r.response())?.body())?.length ?? 0;
  // One head and the open source's text, not 400 heads.
  expect(bytes).toBeLessThan(10_000);
  await expect(row(page, 'Fictional report 3')).toHaveCount(0);
});
