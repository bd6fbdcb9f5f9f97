/**
 * A shared notebook in the app: the toolbar's Sync button, and the Conflicts panel — a conflict a
 * merge kept shows mine and theirs side by side; Take theirs puts theirs in place and the
 * conflict goes; undo brings both back.
 */
import { mkdir } from 'node:fs/promises';
import { expect, test } from './app-fixture';
import { SHARED_NOTEBOOK_WITH_CONFLICT } from './shared-notebook';
import { api } from './steps';

const SHOTS = process.env.DOSSIER_SHOTS_DIR;

test.use({ seedFiles: SHARED_NOTEBOOK_WITH_CONFLICT });

test('the Conflicts panel shows both values and takes theirs; undo brings the conflict back', async ({
  page,
  app,
  pageProblems,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Sync' })).toBeVisible();
  await page.getByRole('button', { name: '1 conflict' }).click();
  const panel = page.getByRole('dialog', { name: 'Conflicts' });
  await expect(panel).toBeVisible();
  const item = panel.getByRole('listitem');
  await expect(item).toContainText('notebook.json › actors › Anna L. › name');
  await expect(item).toContainText('Mine by Bob <bob@example.org>');
  await expect(item).toContainText('Theirs by Alice <alice@example.org>');
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/team-conflicts.png` });
  }
  await item.getByRole('button', { name: 'Take theirs' }).click();
  await expect(panel).toContainText('No conflicts.');
  const actors = await api<Array<{ name: string }>>(app, 'listActors', {});
  expect(actors.map((a) => a.name)).toEqual(['Anna Lindqvist']);
  await api(app, 'undo', {});
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  expect((await api<Array<{ name: string }>>(app, 'listActors', {})).map((a) => a.name)).toEqual(['Anna L.']);
  expect(pageProblems).toEqual([]);
});
