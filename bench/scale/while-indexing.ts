/**
 * A large notebook in the browser UI while its search index is built: the
 * built renderer served by `npm run dev:web -- --built`, driven in Debian
 * Chromium. The notebook is copied without its caches, so opening it builds
 * the index (and the near-duplicate signatures) in the background; meanwhile
 * this script shows the sources list, opens a source by a click and searches
 * in the command palette, times each step, asks the bridge whether the index
 * was still building at each one, and saves a screenshot of each:
 *
 *   node --import tsx bench/scale/while-indexing.ts <notebook> <screenshot folder>
 *
 * It prints one JSON line: each step's time and whether the index was ready.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startDevWeb } from '../../tests/helpers/dev-web-server';
import { launch } from '../paint/harness';
import { bridgeCall } from './ui-steps';

const [notebook, shots] = process.argv.slice(2);
if (!notebook || !shots) throw new Error('usage: while-indexing.ts <notebook> <screenshot folder>');

const work = await mkdtemp(path.join(os.tmpdir(), 'dossier-while-indexing-'));
const dir = path.join(work, path.basename(notebook));
// Everything but the derived data: the index and the near-duplicate signatures are built on open.
await cp(notebook, dir, { recursive: true, filter: (src) => path.basename(src) !== '.cache' });
await mkdir(shots, { recursive: true });
const server = await startDevWeb(dir, 'built', 180_000);
const browser = await launch();
const steps: Record<string, { ms: number; indexReady: boolean }> = {};
const ready = async () => (await bridgeCall<{ ready: boolean }>(server.url, 'searchStatus', {})).ready;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(120_000);
  const listbox = page.getByRole('listbox', { name: 'Sources' });
  let t = Date.now();
  await page.goto(server.url, { waitUntil: 'commit' });
  await listbox.getByRole('option').first().waitFor({ state: 'visible' });
  steps.listPainted = { ms: Date.now() - t, indexReady: await ready() };
  await page.screenshot({ path: path.join(shots, '1-sources-list.png') });

  const id = await listbox.getByRole('option').nth(3).getAttribute('data-source-id');
  t = Date.now();
  await listbox.locator(`[role="option"][data-source-id="${id}"]`).click();
  await page.locator(`article.reader .reader-text[data-source-id="${id}"]`).waitFor({ state: 'visible' });
  steps.sourceOpened = { ms: Date.now() - t, indexReady: await ready() };
  await page.screenshot({ path: path.join(shots, '2-source.png') });

  t = Date.now();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search and commands' });
  await palette.getByRole('combobox', { name: 'Search' }).waitFor({ state: 'visible' });
  steps.paletteOpened = { ms: Date.now() - t, indexReady: await ready() };
  await palette.getByRole('combobox', { name: 'Search' }).fill('harbour');
  await page.waitForTimeout(400);
  steps.paletteTyped = { ms: 0, indexReady: await ready() };
  await page.screenshot({ path: path.join(shots, '3-palette.png') });
  t = Date.now();
  await palette.getByRole('listbox', { name: 'Results' }).getByRole('option').first().waitFor({ state: 'visible' });
  steps.firstResults = { ms: Date.now() - t, indexReady: await ready() };
  await page.screenshot({ path: path.join(shots, '4-palette-results.png') });
  process.stdout.write(`${JSON.stringify(steps)}\n`);
} finally {
  await browser.close();
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
