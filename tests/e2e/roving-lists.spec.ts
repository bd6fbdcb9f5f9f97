/**
 * One Tab stop per list, the arrows within it, by keyboard only: the briefs
 * list and the actor suggestions. Tab enters the list once (on the selected
 * brief, else the first), ↓/↑ move, and Tab from the list's stop goes through
 * that one item's controls and then leaves the list instead of walking every
 * item's buttons.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ARTICLES } from '../unit/briefs-api/articles';
import { expect, test } from './app-fixture';
import { api } from './steps';

const SHOTS = process.env.DOSSIER_SHOTS;
const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

/** How many elements inside `list` Tab can reach. */
const tabStops = (list: Locator) =>
  list.evaluate(
    (el) =>
      [...el.querySelectorAll<HTMLElement>('button, select, a[href], input, [tabindex]')].filter(
        (c) => c.tabIndex >= 0 && !c.matches(':disabled') && c.checkVisibility(),
      ).length,
  );

/** Presses Tab until the focus is inside `list` (at most `max` times). */
async function tabInto(page: Page, list: Locator, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await list.evaluate((el) => el.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the list');
}

test('the briefs list: one Tab stop, arrows move, Tab leaves after the item', async ({ page, app }) => {
  for (const title of ['Harbour brief', 'Fishing brief', 'Budget brief']) await api(app, 'createBrief', { title });
  await page.goto(app.url);
  await views(page).getByRole('button', { name: 'Briefs' }).click();
  const list = page.getByRole('list', { name: 'Briefs list' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  // The one stop: the first brief's open button and its three actions, nothing of the other two.
  expect(await tabStops(list)).toBe(4);

  await page.getByRole('button', { name: 'New brief' }).focus();
  await tabInto(page, list);
  const opens = list.locator('.brief-open');
  await expect(opens.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(opens.nth(1)).toBeFocused();
  // The stop moved with the focus: Shift+Tab out and Tab back lands on the second brief.
  expect(await tabStops(list)).toBe(4);
  await expect(opens.nth(1)).toHaveAttribute('tabindex', '0');
  await expect(opens.nth(0)).toHaveAttribute('tabindex', '-1');
  // Tab goes through its actions (Rename, Duplicate, Delete), then out of the list.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(list.getByRole('button', { name: /^Delete/ }).nth(1)).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await list.evaluate((el) => el.contains(document.activeElement))).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(opens.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.brief-doc')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'briefs-list-roving.png') });
});

test('the suggestions list: one Tab stop per list, arrows between suggestions', async ({ page, app }) => {
  test.setTimeout(90_000);
  await api(app, 'importFiles', {
    files: ARTICLES.map((a) => ({ name: a.name, bytes: new TextEncoder().encode(a.html) })),
  });
  await page.goto(app.url);
  await views(page).getByRole('button', { name: 'Actors' }).click();
  await page.getByRole('button', { name: 'Suggestions', exact: true }).click();
  const list = page.getByRole('list', { name: 'Suggested actors' });
  const rows = list.getByRole('listitem', { name: /^Suggestion / });
  await expect(rows.nth(2)).toBeVisible({ timeout: 30_000 });
  const controls = await rows.nth(0).evaluate(
    (li) => li.querySelectorAll('button, select').length + 1, // its controls and the row itself
  );
  expect(await tabStops(list)).toBe(controls);

  await page.getByRole('button', { name: 'Suggestions', exact: true }).focus();
  await tabInto(page, list);
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(1)).toBeFocused();
  // Tab walks the second suggestion's controls (its sources, Accept, the actor select, Reject), then leaves.
  const second = await rows.nth(1).evaluate((li) => li.querySelectorAll('button, select').length);
  for (let i = 0; i < second; i++) await page.keyboard.press('Tab');
  await expect(rows.nth(1).getByRole('button', { name: 'Reject' })).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await list.evaluate((el) => el.contains(document.activeElement))).toBe(false);
  if (SHOTS) {
    await rows.nth(1).focus();
    await page.screenshot({ path: path.join(SHOTS, 'suggestions-roving.png') });
  }
});
