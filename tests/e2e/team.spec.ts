/**
 * A shared notebook in the app: the toolbar's Sync button, and the Conflicts panel — a conflict
 * Bob's merge kept, seen by Alice: each side named by who made it, Bob's marked as the one kept now,
 * Alice's as hers; Take yours puts hers in place and the conflict goes; undo brings both back.
 */
import { mkdir } from 'node:fs/promises';
import { expect, test } from './app-fixture';
import { SHARED_NOTEBOOK_WITH_CONFLICT } from './shared-notebook';
import { api } from './steps';

const SHOTS = process.env.DOSSIER_SHOTS_DIR;

test.use({ seedFiles: SHARED_NOTEBOOK_WITH_CONFLICT });

test('the Conflicts panel names each side by its author; Alice takes hers; undo brings the conflict back', async ({
  page,
  app,
  pageProblems,
}) => {
  // Alice looks at the notebook she pulled after Bob's merge: `ours` is Bob's value, not hers.
  await api(app, 'updateSettings', { authorName: 'Alice', authorEmail: 'alice@example.org' });
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Sync' })).toBeVisible();
  await page.getByRole('button', { name: '1 conflict' }).click();
  const panel = page.getByRole('dialog', { name: 'Conflicts' });
  await expect(panel).toBeVisible();
  const item = panel.getByRole('listitem');
  await expect(item).toContainText('The notebook › Actors › Anna L. › Name');
  const [kept, other] = [item.locator('[data-side="ours"]'), item.locator('[data-side="theirs"]')];
  await expect(kept.getByRole('heading')).toHaveText("Bob's value kept now");
  await expect(kept).toContainText('Bob <bob@example.org>');
  await expect(kept.getByRole('button')).toHaveText("Keep Bob's");
  await expect(other.getByRole('heading')).toHaveText("Alice's value yours");
  await expect(other).toContainText('Alice <alice@example.org>');
  await expect(item).not.toContainText(/mine/i);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/team-conflicts.png` });
  }
  await item.getByRole('button', { name: 'Take yours' }).click();
  await expect(panel).toContainText('No conflicts.');
  const actors = await api<Array<{ name: string }>>(app, 'listActors', {});
  expect(actors.map((a) => a.name)).toEqual(['Anna Lindqvist']);
  await api(app, 'undo', {});
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  expect((await api<Array<{ name: string }>>(app, 'listActors', {})).map((a) => a.name)).toEqual(['Anna L.']);
  expect(pageProblems).toEqual([]);
});
