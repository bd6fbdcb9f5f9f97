/**
 * File › Print… (Ctrl+P, the toolbar's Print…): on paper only what is in
 * front — the open source with its annotations marked, numbered and listed
 * with status, tags and note, or the open brief — black on white even in
 * the dark theme. Checked with print media emulated, and in a PDF Chromium
 * prints (`page.pdf`, the print path), read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir, expect, test } from './app-fixture';
import { api, pasteText, reader } from './steps';

const shots = path.join(artifactsDir, 'settings-print');
const ARTICLE = `Harbour to reopen in spring, minister says

The minister said on Monday that the harbour would reopen in spring after the storm repairs.

Local fishermen dispute the date; the port authority has not confirmed it.`;

/** The PDF Chromium prints of the page, as text (layout kept), and written where a person can look at it. */
async function printedText(page: Page, name: string): Promise<string> {
  await mkdir(shots, { recursive: true });
  const file = path.join(shots, `${name}.pdf`);
  // Background graphics off, as in a print dialog's default: the marks must show anyway.
  await page.pdf({ path: file, format: 'A4', printBackground: false });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(shots, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('the open source prints with its marked annotations and their notes, and nothing else of the window', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  await pasteText(page, ARTICLE);
  await expect(reader(page)).toContainText('Local fishermen dispute the date', { timeout: 30_000 });
  const sourceId = (await page.locator('.reader-text').getAttribute('data-source-id'))!;
  await api(app, 'updateSourceMeta', {
    id: sourceId,
    patch: { outlet: 'Northfield Evening Post', publishedAt: '2025-06-04' },
  });
  const claim = await api<{ id: string }>(app, 'addClaimByQuote', {
    sourceId,
    quote: 'the harbour would reopen in spring',
    tags: ['Timeline'],
    status: 'disputed',
  });
  const note = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ask the port.' }] }] };
  await api(app, 'updateAnnotation', { sourceId, id: claim.id, patch: { note } });
  await api(app, 'addClaimByQuote', { sourceId, quote: 'has not confirmed it', kind: 'highlight' });
  // Printing ignores the theme: dark on screen, black on white on paper.
  await api(app, 'updateSettings', { theme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('list', { name: 'Annotations in reading order' }).getByRole('listitem')).toHaveCount(2);

  // On screen the printed layout is hidden.
  const sheet = page.getByTestId('print-source');
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print…' })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  for (const hidden of ['.toolbar', '.panes', '.notices'])
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Harbour to reopen in spring, minister says');
  await expect(sheet.locator('.print-byline')).toContainText('Northfield Evening Post');
  await expect(sheet.locator('mark')).toHaveText(['the harbour would reopen in spring', 'has not confirmed it']);
  await expect(sheet.locator('.print-ref')).toHaveText(['[1]', '[2]']);
  const items = sheet.locator('.print-notes li');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Claim');
  await expect(items.nth(0)).toContainText('Status: disputed');
  await expect(items.nth(0)).toContainText('Tags: Timeline');
  await expect(items.nth(0)).toContainText('Ask the port.');
  await expect(items.nth(1)).toContainText('Highlight');
  const colours = await sheet.evaluate((el) => ({
    text: getComputedStyle(el).color,
    page: getComputedStyle(document.documentElement).backgroundColor,
    mark: getComputedStyle(el.querySelector('mark')!).backgroundColor,
    underline: getComputedStyle(el.querySelector('mark')!).textDecorationLine,
  }));
  expect(colours).toEqual({
    text: 'rgb(0, 0, 0)',
    page: 'rgb(255, 255, 255)',
    mark: expect.any(String),
    underline: 'underline',
  });
  expect(colours.mark).not.toMatch(/^rgba\(0, 0, 0, 0\)$/);

  const text = await printedText(page, 'print-source');
  expect(text).toContain('Harbour to reopen in spring, minister says');
  expect(text).toContain('Northfield Evening Post');
  expect(text).toMatch(/reopen in spring\s*\[1\]/);
  expect(text).toContain('Ask the port.');
  // Nothing of the window: no toolbar, no source list, no inspector.
  for (const absent of ['Import…', 'History', 'Sources', 'Delete source']) expect(text, absent).not.toContain(absent);
  await page.emulateMedia({ media: 'screen' });
  await expect(sheet).toBeHidden();
});

test('the open brief prints as its title and page, without the list, the claims or the editor’s controls', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await page.getByRole('button', { name: 'New brief' }).click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue('Untitled brief');
  await page.getByTestId('brief-doc').click();
  await page.keyboard.type('The harbour date is disputed by the fishermen.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('brief-doc')).toBeVisible();
  for (const hidden of ['.toolbar', '.briefs-sidebar', '.claims-panel', '.format-bar', '.brief-export'])
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  const text = await printedText(page, 'print-brief');
  expect(text).toContain('The harbour date is disputed by the fishermen.');
  for (const absent of ['New brief', 'From actor', 'Claims', 'Export', 'Saved'])
    expect(text, absent).not.toContain(absent);
});
