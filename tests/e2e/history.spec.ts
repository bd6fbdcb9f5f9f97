/**
 * Edit › History…: three edits, the panel lists them newest first with the
 * current point marked; jumping back two undoes both at once (the undone ones
 * stay listed, redoable), jumping forward from the keyboard redoes them. Then
 * a snapshot taken in the panel is restored after another change.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { api } from './steps';

const SHOTS = process.env.DOSSIER_SHOTS_DIR;

const TEXT = `Harbour accord signed

The harbour accord was signed on Monday by four port authorities.`;

const sourceList = (page: Page) => page.getByRole('listbox', { name: 'Sources' });
const panel = (page: Page) => page.getByRole('dialog', { name: 'History' });
const actions = (page: Page) => panel(page).getByRole('list', { name: 'Actions, newest first' }).getByRole('button');

test('three edits, jump back two and forward again, then restore a snapshot', async ({ page, app, pageProblems }) => {
  const { added } = await api<{ added: Array<{ id: string }> }>(app, 'importText', { text: TEXT, name: 'a.txt' });
  const id = added[0]!.id;
  await api(app, 'updateSourceMeta', { id, patch: { title: 'Renamed once' } });
  await api(app, 'updateSourceMeta', { id, patch: { title: 'Renamed twice' } });
  await page.goto(app.url);
  await expect(sourceList(page)).toContainText('Renamed twice');

  // The shortcut of the one table opens it (Edit › History… sends the same command).
  await page.keyboard.press('Control+Shift+H');
  await expect(panel(page)).toBeVisible();
  await expect(actions(page)).toHaveCount(4);
  await expect(actions(page).nth(0)).toContainText('Edit title');
  await expect(actions(page).nth(0)).toHaveAttribute('aria-current', 'step');
  await expect(actions(page).nth(0)).toContainText('Now');
  await expect(actions(page).nth(2)).toContainText('Import');
  await expect(actions(page).nth(3)).toContainText('Before these actions');

  // Back two: to just after the import.
  await actions(page).nth(2).click();
  await expect(actions(page).nth(2)).toHaveAttribute('aria-current', 'step');
  await expect(actions(page).nth(0)).toContainText('Undone — redo');
  await expect(actions(page).nth(1)).toContainText('Undone — redo');
  await expect(sourceList(page)).toContainText('Harbour accord signed');
  expect((await app.readSource(id)).source.title).toBe('Harbour accord signed');
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await panel(page).screenshot({ path: `${SHOTS}/history-panel.png` });
  }

  // Forward again, from the keyboard: ↑ twice to the newest, Enter.
  await actions(page).nth(2).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(actions(page).nth(0)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(actions(page).nth(0)).toHaveAttribute('aria-current', 'step');
  await expect(sourceList(page)).toContainText('Renamed twice');

  // Snapshots: take one, change the title, restore it.
  const snapshots = panel(page).getByRole('list', { name: 'Snapshots, newest first' }).getByRole('listitem');
  await expect(snapshots).toHaveCount(1); // the one taken on opening
  await panel(page).getByRole('button', { name: 'Take snapshot' }).click();
  await expect(snapshots).toHaveCount(2);
  await api(app, 'updateSourceMeta', { id, patch: { title: 'Renamed after the snapshot' } });
  await expect(sourceList(page)).toContainText('Renamed after the snapshot');
  await snapshots.first().getByRole('button', { name: 'Restore…' }).click();
  await snapshots
    .first()
    .getByRole('group', { name: 'Confirm the restore' })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(sourceList(page)).toContainText('Renamed twice');
  expect((await app.readSource(id)).source.title).toBe('Renamed twice');
  // The files changed under the history: it starts empty, and the state before the restore is a snapshot.
  await expect(panel(page)).toContainText('Nothing to undo yet');
  await expect(snapshots).toHaveCount(3);
  await expect(snapshots.first()).toContainText('before a restore');
  if (SHOTS) await panel(page).screenshot({ path: `${SHOTS}/history-after-restore.png` });

  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  // And the toolbar's button opens it again.
  await page.getByRole('button', { name: 'History' }).click();
  await expect(panel(page)).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/history-window.png` });
  expect(pageProblems).toEqual([]);
});
