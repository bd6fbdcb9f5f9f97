/**
 * Toasts behave as in a good desktop app: information closes itself after a
 * few seconds, but not while the pointer is over it or the focus is in it;
 * an error stays until it is dismissed. Time is driven by Playwright's clock,
 * so the test waits for no real seconds.
 */
import path from 'node:path';
import { artifactsDir, expect, test } from './app-fixture';
import { api } from './steps';

const shots = process.env.DOSSIER_SHOTS ?? artifactsDir;

test('information closes itself unless hovered or focused; an error stays until dismissed', async ({ page, app }) => {
  test.setTimeout(90_000);
  await api(app, 'createActor', { name: 'Harbour Authority', kind: 'organisation' });
  await api(app, 'createActor', { name: 'Port of Nordvik', kind: 'organisation' });
  await page.clock.install();
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  const toasts = page.locator('.notices');
  const nothing = toasts.getByRole('status').filter({ hasText: 'Nothing to redo.' });

  // Ctrl+Shift+Z with nothing to redo says so, and the message goes away by itself
  await page.locator('body').press('Control+Shift+z');
  await expect(nothing).toBeVisible();
  await page.clock.fastForward(2000);
  await expect(nothing).toBeVisible();
  await page.clock.fastForward(4000);
  await expect(nothing).toHaveCount(0);

  // hovered, it stays; when the pointer leaves, it counts down again
  await page.locator('body').press('Control+Shift+z');
  await nothing.hover();
  await page.clock.fastForward(30_000);
  await expect(nothing).toBeVisible();
  await page.mouse.move(10, 400);
  await page.clock.fastForward(6000);
  await expect(nothing).toHaveCount(0);

  // focused (a keyboard user reading it), it stays too
  await page.locator('body').press('Control+Shift+z');
  await nothing.getByRole('button', { name: 'Dismiss' }).focus();
  await page.clock.fastForward(30_000);
  await expect(nothing).toBeVisible();
  await nothing.getByRole('button', { name: 'Dismiss' }).blur();
  await page.clock.fastForward(6000);
  await expect(nothing).toHaveCount(0);

  // an error (renaming an actor to a name another one has) stays until dismissed
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Actors' }).click();
  await page
    .getByRole('complementary', { name: 'Actor registry' })
    .getByRole('button', { name: /Port of Nordvik/ })
    .click();
  await page.getByRole('article', { name: 'Actor Port of Nordvik' }).getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit Port of Nordvik' });
  await form.getByLabel('Name').fill('Harbour Authority');
  await form.getByRole('button', { name: 'Save' }).click();
  const error = toasts.getByRole('alert');
  await expect(error).toContainText('The actor could not be saved: An actor named “Harbour Authority” already exists.');
  await page.screenshot({ path: path.join(shots, 'toast-error.png') });
  await page.clock.fastForward(120_000);
  await expect(error).toBeVisible();
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(error).toHaveCount(0);
});
