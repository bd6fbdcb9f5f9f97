/**
 * File › Settings… in the browser UI (the toolbar's Settings, Ctrl+,): a
 * labelled modal dialog that keeps the focus and gives it back; the theme
 * overrides the system's and 'system' follows it; the reader's font size and
 * line width change the reader at once; every value is saved as it changes,
 * in the person's configuration folder (never the notebook), and survives a
 * reload.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BACKGROUND } from '../../shared/theme';
import { artifactsDir, expect, test } from './app-fixture';
import { pasteText, reader } from './steps';

const shots = path.join(artifactsDir, 'settings-print');
const ARTICLE = `Harbour to reopen in spring, minister says

The minister said on Monday that the harbour would reopen in spring after the storm repairs.

Local fishermen dispute the date; the port authority has not confirmed it.`;

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};

/** Every file under a folder, recursively (relative paths). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

test('Settings: theme, reader size and width, exports, author and sync — saved per user at once, kept after a reload', async ({
  page,
  app,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  await pasteText(page, ARTICLE);
  await expect(reader(page)).toContainText('Local fishermen dispute the date', { timeout: 30_000 });
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  const readerStyle = () =>
    reader(page).evaluate((el) => {
      const style = getComputedStyle(el.querySelector('p.para:not(.para-title)') ?? el);
      return { fontSize: style.fontSize, width: el.getBoundingClientRect().width };
    });
  const before = await readerStyle();

  // Opened from the toolbar: a labelled modal dialog, focus inside it.
  const opener = page.getByRole('button', { name: 'Settings', exact: true });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement) && (d as HTMLDialogElement).open)).toBe(true);
  await page.screenshot({ path: path.join(shots, 'settings-light.png') });
  // Modal: the rest of the page is inert while it is open, so Tab keeps the focus inside.
  expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect(
      await dialog.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body),
    ).toBe(true);
  }
  await expect(dialog.getByRole('combobox', { name: 'Language' })).toHaveValue('system');
  await expect(dialog.getByRole('option', { name: 'Svenska' })).toHaveAttribute('lang', 'sv');

  // Dark overrides the (light) system theme: the page and its background turn dark.
  // A click saves the choice; the radio shows it once the settings cache has told the dialog (a tick later).
  await dialog.getByRole('radio', { name: 'Dark' }).click();
  await expect(dialog.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
    .toBe(rgb(BACKGROUND.dark));
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');

  // Font size and line width: the reader behind the dialog follows at once, and so does the preview.
  await dialog.getByRole('slider', { name: 'Font size' }).fill('26');
  await expect(dialog.locator('output').first()).toHaveText('26 pixels');
  await expect.poll(async () => (await readerStyle()).fontSize).toBe('26px');
  expect(before.fontSize).not.toBe('26px');
  await expect(dialog.getByTestId('settings-preview')).toHaveCSS('font-size', '26px');
  await dialog.getByRole('slider', { name: 'Line width' }).fill('40');
  await expect.poll(async () => (await readerStyle()).width).toBeLessThan(before.width);

  await dialog.getByRole('textbox', { name: 'Organisation' }).fill('Northfield Fact Desk');
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Hanne Lorentzen');
  await dialog.getByRole('textbox', { name: 'Your e-mail' }).fill('hanne@example.org');
  await dialog.getByRole('spinbutton', { name: 'Sync every (minutes)' }).fill('15');
  // The dialog shows a choice once main has it (one tick later): click, then wait for it to show.
  await dialog.getByRole('checkbox', { name: 'Sync when the notebook is closed' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Sync when the notebook is closed' })).toBeChecked();
  await page.screenshot({ path: path.join(shots, 'settings-dark.png') });
  await dialog.getByRole('checkbox', { name: 'Sync when the notebook is closed' }).scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: path.join(shots, 'settings-sync-dark.png') });

  // Escape closes it and the focus goes back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Saved in the person's configuration folder …
  const settingsFile = path.join(path.dirname(app.notebookDir), 'config', 'settings.json');
  await expect
    .poll(async () => JSON.parse(await readFile(settingsFile, 'utf8').catch(() => '{}')) as Record<string, unknown>)
    .toMatchObject({
      theme: 'dark',
      readerFontSize: 26,
      readerLineWidth: 40,
      organisation: 'Northfield Fact Desk',
      authorName: 'Hanne Lorentzen',
      authorEmail: 'hanne@example.org',
      sync: { everyMinutes: 15, onClose: true },
    });
  // … and nowhere in the notebook.
  for (const file of await filesUnder(app.notebookDir)) {
    const text = await readFile(file, 'utf8').catch(() => '');
    expect(text, file).not.toContain('Northfield Fact Desk');
    expect(text, file).not.toContain('hanne@example.org');
  }

  // A reload keeps everything: the theme and the reader at once, the fields in the dialog (Ctrl+,).
  await page.reload();
  await page.locator('.pane-sources').getByText('Harbour to reopen in spring, minister says').click();
  await expect(reader(page)).toContainText('Local fishermen dispute the date');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => (await readerStyle()).fontSize).toBe('26px');
  await page.locator('.pane-heading').first().click();
  await page.keyboard.press('Control+Comma');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(dialog.getByRole('slider', { name: 'Font size' })).toHaveValue('26');
  await expect(dialog.getByRole('textbox', { name: 'Organisation' })).toHaveValue('Northfield Fact Desk');
  await expect(dialog.getByRole('textbox', { name: 'Your e-mail' })).toHaveValue('hanne@example.org');
  await expect(dialog.getByRole('spinbutton', { name: 'Sync every (minutes)' })).toHaveValue('15');
  await expect(dialog.getByRole('checkbox', { name: 'Sync when the notebook is closed' })).toBeChecked();

  // 'System' follows the system's theme, both ways.
  await dialog.getByRole('radio', { name: 'System' }).click();
  await expect(dialog.getByRole('radio', { name: 'System' })).toBeChecked();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await dialog.getByRole('radio', { name: 'Light' }).click();
  await expect(dialog.getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
    .toBe(rgb(BACKGROUND.light));
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});
