/**
 * Search and corroboration end to end, on the fictional Nordvik reports
 * (English, Swedish, German) set up through the API: search from the palette
 * (Ctrl+K), open a hit (the reader reveals the passage), accept a
 * corroboration suggestion in the inspector, and see the group's count of
 * independent sources. Screenshots: tests/artifacts/search-*.png.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { allSources, courier, dagblad, evening, wire } from '../unit/search/corpus';
import { artifactsDir, expect, test, type AppServer } from './app-fixture';
import { api } from './steps';

const CLAIM =
  'Outside the conference hall, 14 people were injured when police cleared a protest by fishermen who fear the new route will damage their grounds.';

async function seed(app: AppServer): Promise<{ ids: Map<string, string>; claimId: string }> {
  const ids = new Map<string, string>();
  for (const s of allSources) {
    const r = await api<{ added: Array<{ id: string }> }>(app, 'importText', { text: s.text, name: `${s.id}.txt` });
    const id = r.added[0]!.id;
    ids.set(s.id, id);
    await api(app, 'updateSourceMeta', {
      id,
      patch: { title: s.title, outlet: s.outlet, publishedAt: s.publishedAt, language: s.language },
    });
  }
  const claim = await api<{ id: string }>(app, 'addClaimByQuote', { sourceId: ids.get(courier.id), quote: CLAIM });
  return { ids, claimId: claim.id };
}

/** The claim whose row shows `text` is the selected one in the inspector (opening it by its id selects it). */
async function expectSelected(page: Page, text: string) {
  await expect(page.locator('.annotation-row').filter({ hasText: text })).toHaveClass(/is-selected/);
}

/** The text of each range of a CSS highlight in the page, in document order. */
async function marked(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => r.toString()), name);
}

/** Whether the first range of a CSS highlight is inside the reader pane's visible area. */
async function markInView(page: Page, name: string): Promise<boolean> {
  return page.evaluate((n) => {
    const range = [...(CSS.highlights.get(n) ?? [])][0] as Range | undefined;
    const pane = document.querySelector('.reader-text')?.closest('.pane');
    if (!range || !pane) return false;
    const r = range.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    return r.height > 0 && r.top >= p.top && r.bottom <= p.bottom;
  }, name);
}

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search and commands' });
const results = (page: Page) => palette(page).getByRole('listbox', { name: 'Results' });

test('search from the palette, open a hit, accept a corroboration and see the group count', async ({
  page,
  app,
  pageProblems,
}) => {
  void pageProblems;
  test.setTimeout(120_000); // several round trips on a shared, loaded machine
  await mkdir(artifactsDir, { recursive: true });
  const { ids, claimId } = await seed(app);
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Sources' })).toBeVisible();

  // Ctrl+K, type a Swedish word: the Swedish article is the first hit, with the match marked
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await palette(page).getByRole('combobox', { name: 'Search' }).fill('skadades');
  const first = results(page).getByRole('option').first();
  await expect(first).toContainText(dagblad.title);
  await expect(first.locator('mark').first()).toHaveText(/skadades/i);
  await expect(results(page).getByRole('group', { name: 'Commands' })).toHaveCount(0);
  await page.screenshot({ path: path.join(artifactsDir, 'search-palette.png') });

  // a filter chip narrows the results: German only
  await palette(page).getByRole('combobox', { name: 'Search' }).fill('Nordvik');
  await palette(page).getByLabel('Filter by language').selectOption('de');
  await expect(results(page).getByRole('option').first()).toContainText('China und Russland');
  await expect(results(page).getByRole('option').filter({ hasText: courier.title })).toHaveCount(0);
  await palette(page).getByLabel('Filter by language').selectOption('');

  // a hit on a title marks the title and still shows a snippet: the opening of the text
  await palette(page).getByRole('combobox', { name: 'Search' }).fill('sjöfartsavtal');
  const titleHit = results(page).getByRole('option').first();
  await expect(titleHit.locator('.palette-title mark')).toHaveText('sjöfartsavtal');
  await expect(titleHit.locator('.palette-snippet')).toContainText('Kina och Ryssland undertecknade');
  if (process.env.DOSSIER_SHOTS)
    await page.screenshot({ path: path.join(process.env.DOSSIER_SHOTS, 'search-title-hit-snippet.png') });

  // Enter opens the hit: the reader shows the Swedish passage, with the matched word marked where it stands
  await palette(page).getByRole('combobox', { name: 'Search' }).fill('skadades');
  await expect(results(page).getByRole('option').first()).toContainText(dagblad.title);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);
  await expect(page.locator('.reader-text')).toHaveAttribute('data-source-id', ids.get(dagblad.id)!);
  await expect(page.locator('.reader-text')).toContainText('skadades 14 personer');
  await expect.poll(() => marked(page, 'dossier-reveal-match')).toEqual(['skadades']);
  await expect.poll(() => marked(page, 'dossier-reveal')).toEqual([expect.stringContaining('skadades 14 personer')]);
  await page.waitForTimeout(1000); // still marked once the reader has settled
  expect(await marked(page, 'dossier-reveal-match')).toEqual(['skadades']);
  expect(await markInView(page, 'dossier-reveal-match')).toBe(true);
  await page.screenshot({ path: path.join(artifactsDir, 'search-opened-hit.png') });
  if (process.env.DOSSIER_SHOTS)
    await page.screenshot({ path: path.join(process.env.DOSSIER_SHOTS, 'search-opened-hit.png') });

  // commands: "Go to Briefs" from the palette, then back to the claim
  await page.keyboard.press('Control+k');
  await palette(page).getByRole('combobox', { name: 'Search' }).fill('go to br');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Briefs' })).toHaveAttribute('aria-current', 'page');

  // the claim in the English report: suggestions in the inspector
  await page.keyboard.press('Control+k');
  await palette(page).getByRole('combobox', { name: 'Search' }).fill('fishermen injured conference hall');
  const claimHit = results(page).getByRole('group', { name: 'Claims' }).getByRole('option').first();
  await expect(claimHit).toContainText(courier.title);
  await claimHit.click();
  await expect(page.locator('.reader-text')).toHaveAttribute('data-source-id', ids.get(courier.id)!);
  // the claim is selected in the inspector (the route's annotationId), the words that matched marked in it
  await expectSelected(page, 'Outside the conference hall');
  await expect.poll(() => marked(page, 'dossier-reveal-match')).toEqual(['conference', 'hall', 'injured', 'fishermen']);
  // the marks are temporary: a click in the reader takes them away
  await page.locator('.reader-byline').click();
  expect(await marked(page, 'dossier-reveal-match')).toEqual([]);
  await expectSelected(page, 'Outside the conference hall');
  const panel = page.getByRole('region', { name: 'Corroboration' });
  await expect(panel.getByRole('heading', { name: 'Similar passages in other sources' })).toBeVisible();
  const suggestions = panel.locator('.suggestion');
  await expect(suggestions.first()).toBeVisible();
  const wireSuggestion = panel.locator(`.suggestion[data-source-id="${ids.get(wire.id)}"]`);
  await expect(wireSuggestion).toContainText('Fourteen people were injured');
  const svSuggestion = panel.locator(`.suggestion[data-source-id="${ids.get(dagblad.id)}"]`);
  await expect(svSuggestion).toContainText('14 personer');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifactsDir, 'search-corroboration.png') });
  if (process.env.DOSSIER_SHOTS)
    await page.screenshot({ path: path.join(process.env.DOSSIER_SHOTS, 'search-relation-buttons.png') });

  // one button per relation kind; the wire report elaborates on the claim…
  await expect(wireSuggestion.locator('.suggestion-actions').getByRole('button')).toHaveText([
    'Corroborates',
    'Contradicts',
    'Elaborates',
  ]);
  await wireSuggestion.getByRole('button', { name: 'Elaborates' }).click();
  await expect(panel.getByTestId('group-badge')).toHaveText('2 independent sources');
  const relations = await api<Array<{ type: string }>>(app, 'listRelations', { annotationId: claimId });
  expect(relations.map((r) => r.type)).toEqual(['elaborates']);
  // …and the Swedish one corroborates it: the group shows 3 independent sources on the claim…
  await panel
    .locator(`.suggestion[data-source-id="${ids.get(dagblad.id)}"]`)
    .getByRole('button', { name: 'Corroborates' })
    .click();
  await expect(panel.getByTestId('group-badge')).toHaveText('3 independent sources');
  // a report with another count contradicts it: 4 outlets, and the numbers side by side
  await panel
    .locator(`.suggestion[data-source-id="${ids.get(evening.id)}"]`)
    .getByRole('button', { name: 'Contradicts' })
    .click();
  await expect(panel.getByTestId('group-badge')).toHaveText('4 independent sources');
  const numbers = panel.getByLabel('Discrepancies').locator('table.discrepancy').first();
  await expect(numbers).toContainText('14');
  await expect(numbers).toContainText('40');
  await panel.getByTestId('group-badge').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifactsDir, 'search-group.png') });

  // …and on the new member in the other source, reached from the group
  await panel.locator('.group-members').getByRole('button', { name: 'Dagbladet Norrland' }).click();
  await expect(page.locator('.reader-text')).toHaveAttribute('data-source-id', ids.get(dagblad.id)!);
  await expectSelected(page, 'skadades 14 personer');
  await expect(page.getByRole('region', { name: 'Corroboration' }).getByTestId('group-badge')).toHaveText(
    '4 independent sources',
  );
});
