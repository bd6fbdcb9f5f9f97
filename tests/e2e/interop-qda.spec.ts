/**
 * REFI-QDA end to end: a .qdpx project written from the fixture notebook
 * (tests/fixtures/interop/qda-notebook.ts, by tests/e2e/fixtures/make-qdpx.ts)
 * goes through the page's Import… into a fresh notebook; the reader shows the
 * claims at their places (after an emoji and a CJK ideograph too) and the
 * codebook shows the nested, coloured tags and the statuses.
 * Screenshots go to tests/artifacts/.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { artifactsDir, expect, repoRoot, test } from './app-fixture';
import { annotationEditor as editor, reader } from './steps';

const sourceList = (page: Page) => page.getByRole('listbox', { name: 'Sources' });
const option = (page: Page, title: string) => sourceList(page).getByRole('option', { name: new RegExp(title) });
const list = (page: Page) => page.getByRole('list', { name: 'Annotations in reading order' });

test('a REFI-QDA project imports into a fresh notebook: claims in the reader, tags and statuses in the codebook', async ({
  page,
  app,
}) => {
  // Writing the fixture project starts a notebook and its import worker in another process.
  test.setTimeout(120_000);
  const work = await mkdtemp(path.join(os.tmpdir(), 'dossier-e2e-qdpx-'));
  try {
    const file = path.join(work, 'saltmarsh.qdpx');
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'tests/e2e/fixtures/make-qdpx.ts', file], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(made.status, made.stderr).toBe(0);

    await page.goto(app.url);
    await page.getByTestId('import-input').setInputFiles(file);
    const summary = page.getByRole('status', { name: 'Import summary' });
    await expect(summary).toContainText('saltmarsh.qdpx', { timeout: 30_000 });
    await expect(summary).toContainText(
      'REFI-QDA project: 3 sources added, 0 matched, 6 annotations, 4 tags, 4 actors, 2 notes',
    );
    await expect(sourceList(page).getByRole('option')).toHaveCount(3);

    // The Finnish article: the claim after the emoji and the ideograph sits exactly on its words.
    await option(page, 'Saariston lautta').click();
    await expect(reader(page)).toContainText('Kunnanjohtaja');
    await expect(list(page).getByRole('listitem')).toHaveCount(2);
    await list(page).getByRole('listitem').nth(1).getByRole('button').first().click();
    await expect(editor(page).locator('blockquote')).toHaveText(/Aikataulu pitää 🌊 koko kesän\./);
    await mkdir(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, 'interop-qda-reader-fi.png') });

    // The English article: its claim with the speaker, the stance and the two-paragraph note.
    await option(page, 'Harbour council').click();
    await expect(list(page).getByRole('listitem')).toHaveCount(2);
    await list(page).getByRole('listitem').first().getByRole('button').first().click();
    await expect(editor(page).locator('blockquote')).toHaveText(/The barrier will protect 4,000 homes by 2031\./);
    await expect(editor(page)).toContainText('Ilse Varga');
    await expect(editor(page)).toContainText('Check the 2031 date');
    await page.screenshot({ path: path.join(artifactsDir, 'interop-qda-reader-en.png') });

    // The codebook: the nested tags with their colours, and the custom status after the defaults.
    await editor(page).getByRole('button', { name: 'Manage tags…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tags and statuses' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('[data-tag-id]')).toHaveCount(4);
    await expect(dialog.getByRole('textbox', { name: 'Name of Flood defence' })).toBeVisible();
    await expect(dialog.getByLabel('Colour of Flood defence')).toHaveValue('#56b4e9');
    await expect(dialog.getByLabel('Parent of Flood defence')).toHaveValue(/.+/);
    await expect(dialog.getByLabel('Status 5')).toHaveValue('needs a source');
    await page.screenshot({ path: path.join(artifactsDir, 'interop-qda-codebook.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // And back out: the toolbar's Export menu downloads the imported notebook as a project again.
    await page.getByRole('button', { name: 'Export…' }).click();
    const pending = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'REFI-QDA Project (.qdpx)…' }).click();
    const download = await pending;
    expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
    const again = path.join(work, download.suggestedFilename());
    await download.saveAs(again);
    const entries = Object.keys(unzipSync(new Uint8Array(await readFile(again))));
    expect(entries).toContain('project.qde');
    expect(entries.filter((e) => e.startsWith('Sources/'))).toHaveLength(3);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
