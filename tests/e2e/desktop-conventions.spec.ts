/**
 * Desktop conventions in the built renderer: Help › Keyboard Shortcuts (on
 * ? and F1) lists every shortcut of the shared table that exists on this
 * platform, and the page background is the shared light / dark colour the
 * desktop window is painted with before the page draws.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { formatAccelerator, keysFor, SHORTCUTS } from '../../shared/shortcuts';
import { BACKGROUND } from '../../shared/theme';
import { artifactsDir, expect, test } from './app-fixture';

// The browser runs on this machine, so its platform is the test's.
const platform = process.platform;

test('? and F1 open Keyboard Shortcuts listing every shortcut of the table; ? typed in a field stays text', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.locator('.notebook-name')).toHaveText('E2E Notebook');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  const rows = await dialog.locator('[data-shortcut-id]').evaluateAll((items) =>
    items.map((item) => ({
      id: (item as HTMLElement).dataset.shortcutId,
      label: item.querySelector('dt')?.textContent,
      keys: [...item.querySelectorAll('kbd')].map((k) => k.textContent),
    })),
  );
  const expected = SHORTCUTS.filter((s) => keysFor(s, platform).length > 0).map((s) => ({
    id: s.id,
    label: s.label,
    keys: keysFor(s, platform).map((k) => formatAccelerator(k, platform)),
  }));
  expect(rows).toEqual(expected);
  await expect(dialog.locator('[data-shortcut-id="find"] kbd')).toHaveText(platform === 'darwin' ? '⌘K' : 'Ctrl+K');
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, 'e2e-keyboard-shortcuts.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(artifactsDir, 'e2e-keyboard-shortcuts-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('F1');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // In the search field, ? is a character.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Search and commands' }).getByRole('combobox', { name: 'Search' });
  await expect(search).toBeFocused();
  await page.keyboard.press('?');
  await expect(search).toHaveValue('?');
  await expect(dialog).toBeHidden();
});

test('the page background is the shared colour, light and dark', async ({ page, app }) => {
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.goto(app.url);
  expect(await background()).toBe(rgb(BACKGROUND.light));
  await page.emulateMedia({ colorScheme: 'dark' });
  // The page follows the system's scheme through a media-query listener: a moment after it changes.
  await expect.poll(background).toBe(rgb(BACKGROUND.dark));
});
