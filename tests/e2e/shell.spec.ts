/**
 * The renderer shell end to end: the built renderer in Chromium, bound to the
 * real services on a temporary notebook through the loopback bridge.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir, expect, fixturesDir, repoRoot, test, type AppServer } from './app-fixture';
import { pasteText, reader } from './steps';

const TXT = path.join(fixturesDir, 'harbour-ferry.txt');
const HTML = path.join(fixturesDir, 'nattfarja.html');
const MD = path.join(fixturesDir, 'nachtfaehre.md');

const sourceList = (page: Page) => page.getByRole('listbox', { name: 'Sources' });
const sourceOptions = (page: Page) => sourceList(page).getByRole('option');

/** The reader convention: one <p class="para" data-start=N> per paragraph holding exactly text.slice(N, N+len). */
async function expectReaderMatches(page: Page, app: AppServer, id: string) {
  const { source } = await app.readSource(id);
  const paras = await reader(page)
    .locator('p.para')
    .evaluateAll((els) =>
      els.map((el) => ({
        start: Number((el as HTMLElement).dataset.start),
        text: el.textContent ?? '',
        onlyOneTextNode: el.childNodes.length === 1 && el.firstChild?.nodeType === Node.TEXT_NODE,
      })),
    );
  expect(paras.length).toBeGreaterThan(1);
  for (const p of paras) {
    expect(p.onlyOneTextNode).toBe(true);
    expect(p.text).toBe(source.text.slice(p.start, p.start + p.text.length));
  }
  expect(paras.map((p) => p.text).join('\n\n')).toBe(source.text);
}

async function selectedId(page: Page): Promise<string> {
  const id = await sourceList(page).locator('[aria-selected="true"]').getAttribute('data-source-id');
  if (!id) throw new Error('no source is selected');
  return id;
}

test('empty notebook → import a .txt and an .html through the Import button → listed, opened, read', async ({
  page,
  app,
}) => {
  await page.goto(app.url);

  // Empty state explains the three ways in.
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  await expect(page.getByText('Drag and drop')).toBeVisible();
  await expect(page.getByText(/Paste/)).toBeVisible();
  await expect(page.locator('.notebook-name')).toHaveText('E2E Notebook');
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, 'e2e-empty-notebook.png') });

  // The toolbar's Import button opens the file picker.
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  const chooser = await chooserPromise;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles([TXT, HTML]);

  await expect(page.getByRole('status', { name: 'Import summary' })).toContainText('Imported 2 sources');
  await expect(sourceOptions(page)).toHaveCount(2);
  await expect(sourceList(page)).toContainText('Harbour council approves night ferry trial despite cost warnings');
  await expect(sourceList(page)).toContainText('Nattfärjan till Brask får grönt ljus – trots varningar');
  expect(await app.sourceFiles()).toHaveLength(2);

  // The first added source is selected and its clean text is in the reader.
  await expect(reader(page)).toContainText('The Vellmar harbour council voted 7–4 on Tuesday evening');
  await expect(reader(page)).toContainText('“We have waited for this for years,”');
  await expectReaderMatches(page, app, await selectedId(page));
  await expect(reader(page)).toHaveAttribute('lang', 'en');

  // Open the other one with a click; its metadata is in the inspector.
  await sourceOptions(page).filter({ hasText: 'Nattfärjan' }).click();
  await expect(reader(page)).toContainText('Hamnfullmäktige i Vellmar röstade på tisdagskvällen');
  await expect(reader(page)).toHaveAttribute('lang', 'sv');
  const inspector = page.getByRole('region', { name: 'Source details' });
  await expect(inspector).toContainText('Vellmarsposten');
  await expect(inspector).toContainText('Elin Sandberg');
  await expect(inspector).toContainText('Swedish');
  await expect(inspector).toContainText('nattfarja.html');
  await expectReaderMatches(page, app, await selectedId(page));

  // Keyboard: ↑ in the focused list goes back to the first source.
  await sourceList(page).focus();
  await page.keyboard.press('ArrowUp');
  await expect(sourceOptions(page).first()).toHaveAttribute('aria-selected', 'true');
  await expect(reader(page)).toContainText('night ferry between the old pier');

  await page.getByRole('button', { name: 'Close the import summary' }).click();
  await expect(page.getByRole('status', { name: 'Import summary' })).toHaveCount(0);
  await sourceOptions(page).filter({ hasText: 'Nattfärjan' }).click();
  await expect(reader(page)).toContainText('Hamnfullmäktige');
  await page.screenshot({ path: path.join(artifactsDir, 'e2e-reader.png') });
});

test('pasting text outside a text field creates a source', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  const text = await readFile(MD, 'utf8');
  await pasteText(page, text);

  await expect(sourceOptions(page)).toHaveCount(1);
  await expect(reader(page)).toContainText('Der Hafenrat von Vellmar hat am Dienstagabend');
  const id = await selectedId(page);
  const stored = await app.readSource(id);
  expect(stored.source.origin.kind).toBe('paste');
  expect(stored.source.language).toBe('de');
  await expect(page.getByRole('region', { name: 'Source details' })).toContainText('Pasted text');
  await expectReaderMatches(page, app, id);

  // An empty clipboard is explained in a dismissible message, and nothing is created.
  await page.evaluate(() => {
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true }),
    );
  });
  const notice = page.getByRole('alert').filter({ hasText: 'The clipboard holds no text to import.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await expect(sourceOptions(page)).toHaveCount(1);
  expect(await app.sourceFiles()).toHaveLength(1);
});

test('dropping a file on the window imports it', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  const content = await readFile(MD, 'utf8');
  const dataTransfer = await page.evaluateHandle((md) => {
    const data = new DataTransfer();
    data.items.add(new File([md], 'nachtfaehre.md', { type: 'text/markdown' }));
    return data;
  }, content);

  await page.dispatchEvent('.pane-reader', 'dragenter', { dataTransfer });
  await page.dispatchEvent('.pane-reader', 'dragover', { dataTransfer });
  await expect(page.getByText('Drop files to import them')).toBeVisible();
  await page.dispatchEvent('.pane-reader', 'drop', { dataTransfer });
  await expect(page.getByText('Drop files to import them')).toHaveCount(0);

  await expect(sourceOptions(page)).toHaveCount(1);
  await expect(sourceList(page)).toContainText('Nachtfähre nach Brask');
  await expect(reader(page)).toContainText('„Darauf haben wir jahrelang gewartet“');
  const stored = await app.readSource(await selectedId(page));
  expect(stored.source.origin).toMatchObject({ kind: 'file', name: 'nachtfaehre.md' });
});

test('random bytes are rejected with a reason; the same article twice is skipped', async ({ page, app }) => {
  await page.goto(app.url);
  const input = page.getByTestId('import-input');
  await input.setInputFiles(TXT);
  await expect(sourceOptions(page)).toHaveCount(1);

  // Deterministic pseudo-random bytes (a fixed LCG), full of NULs and invalid UTF-8.
  const noise = Buffer.alloc(8192);
  let x = 20250312;
  for (let i = 0; i < noise.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    noise[i] = x >>> 24;
  }
  await input.setInputFiles([
    { name: 'scan-0042.txt', mimeType: 'text/plain', buffer: noise },
    { name: 'harbour-ferry-copy.txt', mimeType: 'text/plain', buffer: await readFile(TXT) },
  ]);

  const summary = page.getByRole('status', { name: 'Import summary' });
  await expect(summary).toContainText('Nothing new to import');
  const rejected = summary.getByRole('list', { name: 'Rejected' });
  await expect(rejected).toContainText('scan-0042.txt');
  await expect(rejected).toContainText('rejected:');
  const reason = (await rejected.textContent())?.split('rejected:')[1]?.trim() ?? '';
  expect(reason.length).toBeGreaterThan(5);
  await expect(summary.getByRole('list', { name: 'Skipped' })).toContainText('harbour-ferry-copy.txt');
  await expect(summary.getByRole('list', { name: 'Skipped' })).toContainText('duplicate');

  // Nothing was added and the notebook still parses.
  await expect(sourceOptions(page)).toHaveCount(1);
  expect(await app.sourceFiles()).toHaveLength(1);
  const manifest = JSON.parse(await readFile(path.join(app.notebookDir, 'notebook.json'), 'utf8')) as {
    sources: unknown[];
  };
  expect(manifest.sources).toHaveLength(1);
  await page.screenshot({ path: path.join(artifactsDir, 'e2e-import-summary.png') });
});

test.describe('a notebook whose manifest cannot be read', () => {
  const broken = '{"schemaVersion": 1, "title": "Half-written';
  test.use({ seedFiles: { 'notebook.json': broken } });

  test('opens read-only with a banner that names the file, and nothing overwrites it', async ({ page, app }) => {
    await page.goto(app.url);
    const banner = page.getByRole('alert').filter({ hasText: 'read-only' });
    await expect(banner).toContainText('This notebook is open read-only.');
    await expect(banner).toContainText('notebook.json');
    await expect(page.getByRole('button', { name: 'Import…' })).toBeDisabled();
    const before = await stat(path.join(app.notebookDir, 'notebook.json'));
    expect(await readFile(path.join(app.notebookDir, 'notebook.json'), 'utf8')).toBe(broken);
    expect(before.size).toBe(broken.length);
  });
});

test.describe('a notebook with a source file it does not list (a crash mid-import)', () => {
  const damaged = path.join(repoRoot, 'tests', 'fixtures', 'hostile', 'damaged.dossier');
  const seed = (file: string) => readFileSync(path.join(damaged, file), 'utf8');
  test.use({
    seedFiles: {
      'notebook.json': seed('notebook.json'),
      'sources/src_9ph9rtaeor.json': seed('sources/src_9ph9rtaeor.json'),
      'sources/src_ci2zmy9a1d.json': seed('sources/src_ci2zmy9a1d.json'),
    },
  });

  test('shows a notice pointing to dossier doctor', async ({ page, app }) => {
    await page.goto(app.url);
    const notice = page.getByTestId('unlisted-files-notice');
    await expect(notice).toContainText('1 file in this notebook’s sources folder is not listed in it');
    await expect(notice).toContainText('dossier doctor');
    await page.screenshot({ path: path.join(artifactsDir, 'e2e-unlisted-files-notice.png') });
  });
});
