/**
 * Import end to end: a folder's worth of files through the file input (a
 * browser drop carries files, not folders; the desktop app imports dropped
 * folders through grants from main, the CLI by path — a page can name no
 * path: the bridge refuses importPaths and exportBriefToFile),
 * the progress bar with counts and Cancel, the summary, near-duplicate flags,
 * restoring removed text in one click, and editing metadata in place.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { IMPORT_ACCEPT } from '../../shared/enums';
import {
  FERRY_ARTICLE,
  GERMAN_ARTICLE,
  LIGHTHOUSE_ORIGINAL,
  LIGHTHOUSE_SYNDICATED,
  SWEDISH_ARTICLE,
} from '../unit/import-batch/articles';
import { artifactsDir, expect, test } from './app-fixture';
import { reader } from './steps';

const sourceList = (page: Page) => page.getByRole('listbox', { name: 'Sources' });
const sourceOptions = (page: Page) => sourceList(page).getByRole('option');
/** The number of sources the list's heading shows (the list itself holds only the rows in view). */
const sourceCount = (page: Page) => page.locator('.pane-sources .pane-heading .count');
const inspector = (page: Page) => page.getByRole('region', { name: 'Source details' });
const progressBar = (page: Page) => page.getByRole('status', { name: 'Import progress' });
const summary = (page: Page) => page.getByRole('status', { name: 'Import summary' });

const WORDS = (
  'harbour quay ferry gull tide wind survey boat crew pier lantern rope anchor storm cliff beacon net keel mast ' +
  'island channel buoy dock fisher morning evening chart compass sail hull harbourmaster volunteer count weather ' +
  'north south east west calm rough grey bright salt spray mooring slipway breakwater tug trawler dinghy kayak'
).split(' ');

/** A long fictional field report: sentences of words picked by a seeded generator, so no two reports share much text. */
function fieldReport(i: number): string {
  let seed = (i + 1) * 2654435761;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const sentence = () => {
    const n = 8 + Math.floor(next() * 10);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const paras = [`Survey log ${i}: ${sentence()}`];
  for (let p = 0; p < 30; p++) paras.push(Array.from({ length: 5 }, sentence).join(' '));
  return paras.join('\n\n');
}

// Close the page before the fixture stops the server: otherwise the page's event stream may try to reconnect to the
// stopped server in between and log ERR_CONNECTION_REFUSED, which the fixture counts as a page problem.
test.afterEach(async ({ page }) => {
  await page.close();
});

const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

/** Records every text the progress bar shows, so a short-lived bar is still seen. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
    new MutationObserver(() => {
      const el = document.querySelector('[aria-label="Import progress"]');
      if (el?.textContent && seen.at(-1) !== el.textContent) seen.push(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);

test('a batch of files: progress with counts, summary, near-duplicate flag, restore removed text, edit the title', async ({
  page,
  app,
}) => {
  test.setTimeout(90_000);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  await mkdir(artifactsDir, { recursive: true });

  const files = [
    file('herald-lighthouse.txt', LIGHTHOUSE_ORIGINAL),
    file('ferry.txt', FERRY_ARTICLE),
    file('bibliotek.txt', SWEDISH_ARTICLE),
    file('bruecke.txt', GERMAN_ARTICLE),
    ...Array.from({ length: 60 }, (_, i) => file(`survey-${String(i).padStart(2, '0')}.txt`, fieldReport(i))),
    file('wire-lighthouse.txt', LIGHTHOUSE_SYNDICATED),
    file('empty.txt', ''),
    file('ferry-again.txt', FERRY_ARTICLE),
  ];
  await watchProgress(page);
  // The picker offers every extension the importer reads (it once left out .markdown).
  await expect(page.getByTestId('import-input')).toHaveAttribute('accept', IMPORT_ACCEPT);
  expect(IMPORT_ACCEPT.split(',')).toEqual(expect.arrayContaining(['.md', '.markdown', '.htm', '.pdf', '.docx']));
  await page.getByTestId('import-input').setInputFiles(files);

  // The progress bar appears with counts, the current file and a Cancel button.
  await expect(progressBar(page)).toBeVisible();
  await expect(progressBar(page)).toContainText(/Importing \d+ of 67/);
  await expect(progressBar(page).getByRole('button', { name: 'Cancel' })).toBeVisible();
  await page.locator('.toolbar').screenshot({ path: path.join(artifactsDir, 'import-progress.png') });

  // The summary: added, skipped (the exact duplicate) and rejected (the empty file), each with its reason.
  await expect(summary(page)).toContainText('Imported 65 sources', { timeout: 60_000 });
  await expect(progressBar(page)).toHaveCount(0);
  const seen = await progressSeen(page);
  expect(seen.some((t) => /Importing \d+ of 67/.test(t))).toBe(true);
  expect(new Set(seen.map((t) => t.match(/Importing (\d+) of/)?.[1])).size).toBeGreaterThan(3);
  await expect(summary(page)).toContainText('65 added');
  await expect(summary(page)).toContainText('1 near-duplicate');
  await expect(summary(page).getByRole('list', { name: 'Skipped' })).toContainText(
    'ferry-again.txt — skipped: duplicate of',
  );
  await expect(summary(page).getByRole('list', { name: 'Rejected' })).toContainText('empty.txt — rejected:');
  await expect(summary(page).getByRole('list', { name: 'Near-duplicates' })).toContainText('wire-lighthouse.txt');
  await page.screenshot({ path: path.join(artifactsDir, 'import-summary.png') });
  await page.getByRole('button', { name: 'Close the import summary' }).click();
  await expect(sourceCount(page)).toHaveText('65');

  // The syndicated copy (imported last, at the end of the list) is flagged in the list; the flag opens its twin.
  await sourceList(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const wire = sourceOptions(page).filter({ has: page.locator('.near-duplicate-badge') });
  await expect(wire).toHaveCount(1);
  await wire.click();
  await expect(inspector(page)).toContainText('Near-duplicate');
  await expect(inspector(page)).toContainText('wire-lighthouse.txt');
  await wire.locator('.near-duplicate-badge').click();
  await expect(inspector(page)).toContainText('herald-lighthouse.txt');
  await expect(reader(page)).toContainText('For the first time since 1985');

  // What import removed, grouped by reason; one click restores the photo caption into the reader at its place.
  const caption = 'The lighthouse at Skarrow Point in February. Photo: Dan Reeve / Coastline Images';
  await expect(reader(page)).not.toContainText(caption);
  const panel = page.getByTestId('removed-panel');
  await panel.locator('summary').click();
  await expect(panel.getByRole('region', { name: 'Removed: caption' })).toContainText(caption);
  await expect(panel.getByRole('region', { name: 'Removed: related links' })).toBeVisible();
  // A tall window for the picture, so the whole panel fits in the inspector pane.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.locator('.pane-inspector').screenshot({ path: path.join(artifactsDir, 'import-removed-panel.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await panel.getByRole('button', { name: `Restore “${caption.slice(0, 60)}”` }).click();
  await expect(reader(page).locator('p.para').first()).toHaveText(caption);
  await expect(reader(page).locator('p.para').nth(1)).toContainText('For the first time since 1985');
  await expect(panel).not.toContainText(caption);
  const id = await sourceList(page).locator('[aria-selected="true"]').getAttribute('data-source-id');
  const stored = await app.readSource(id!);
  expect(stored.source.text.startsWith(`${caption}\n\nFor the first time since 1985`)).toBe(true);

  // Edit the title in place: click, type, Enter. Escape cancels; a bad date is explained.
  const newTitle = 'Skarrow lighthouse gets keepers again';
  await inspector(page)
    .getByRole('button', { name: /^title: / })
    .click();
  const titleInput = inspector(page).getByRole('textbox', { name: 'Edit the title' });
  await expect(titleInput).toBeFocused();
  await titleInput.fill(newTitle);
  await titleInput.press('Enter');
  await expect(inspector(page).getByRole('button', { name: /^title: / })).toHaveAccessibleName(`title: ${newTitle}`);
  await expect(sourceList(page).locator('[aria-selected="true"]')).toContainText(newTitle);
  expect((await app.readSource(id!)).source.title).toBe(newTitle);

  await inspector(page)
    .getByRole('button', { name: /^publication date: / })
    .click();
  const dateInput = inspector(page).getByRole('textbox', { name: 'Edit the publication date' });
  await dateInput.fill('14/03/2025');
  await dateInput.press('Enter');
  await expect(inspector(page).getByRole('alert')).toContainText('YYYY-MM-DD');
  await page.locator('.pane-inspector').screenshot({ path: path.join(artifactsDir, 'import-edit-invalid-date.png') });
  await dateInput.press('Escape');
  await expect(dateInput).toHaveCount(0);
  await expect(inspector(page).getByRole('button', { name: /^publication date: / })).toContainText('2025');
});

test('Cancel stops a running batch: what was added stays, the rest is skipped as cancelled', async ({ page, app }) => {
  test.setTimeout(90_000);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  // Enough files that the batch is still running when the click lands, even when the
  // machine is busy and the browser is slower to click than main is to import.
  const total = 600;
  const files = Array.from({ length: total }, (_, i) => file(`log-${String(i).padStart(3, '0')}.txt`, fieldReport(i)));
  await page.getByTestId('import-input').setInputFiles(files);
  await expect(progressBar(page)).toContainText(new RegExp(`Importing ([3-9]|\\d\\d) of ${total}`));
  await progressBar(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(summary(page)).toContainText('skipped', { timeout: 30_000 });
  const skipped = summary(page).getByRole('list', { name: 'Skipped' }).getByRole('listitem');
  const nSkipped = await skipped.count();
  expect(nSkipped).toBeGreaterThan(0);
  await expect(skipped.first()).toContainText('import cancelled');
  const files_ = await app.sourceFiles();
  expect(files_.length + nSkipped).toBe(total);
  await expect(sourceCount(page)).toHaveText(String(files_.length));
});

test('the page cannot name a file: the bridge serves neither importPaths nor exportBriefToFile, and nothing is read or written', async ({
  page,
  app,
}) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'dossier-e2e-folder-'));
  try {
    await mkdir(path.join(folder, 'sv'), { recursive: true });
    await writeFile(path.join(folder, 'herald-lighthouse.txt'), LIGHTHOUSE_ORIGINAL);
    await writeFile(path.join(folder, 'sv', 'bibliotek.txt'), SWEDISH_ARTICLE);
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
    const target = path.join(folder, 'written', 'by-the-page.md');
    // What the page's fetch would send (same origin); sent from the test, so the browser logs no failed load.
    const origin = new URL(app.url).origin;
    const post = async (method: string, body: unknown) => {
      const r = await page.request.post(`${origin}/api/${method}`, { headers: { Origin: origin }, data: body });
      return { status: r.status(), text: await r.text() };
    };
    const brief = JSON.parse((await post('createBrief', {})).text) as { value: { id: string } };
    expect(await post('importPaths', { paths: [folder] })).toEqual({
      status: 404,
      text: 'Unknown API method "importPaths".',
    });
    expect(await post('exportBriefToFile', { briefId: brief.value.id, format: 'md', path: target })).toEqual({
      status: 404,
      text: 'Unknown API method "exportBriefToFile".',
    });
    await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
    expect(await app.sourceFiles()).toEqual([]);
    expect(existsSync(path.dirname(target))).toBe(false);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
