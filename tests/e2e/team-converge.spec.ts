/**
 * Two app windows, two people, one team: Alice's and Bob's notebooks in two temporary folders share
 * one bare repository. Each adds a claim in the reader and both set the status of the claim they
 * share, differently; after syncing both twice (Sync button) each window shows every claim and the
 * same single conflict in the Conflicts panel, each side named by who made it: in Alice's window (she
 * pulled Bob's merge) the value kept now is Bob's, and hers is marked hers. Alice settles it, both
 * sync again, and both agree.
 * Screenshots of each window's Sync state and Conflicts panel go to $DOSSIER_SHOTS_DIR.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Conflict } from '../../shared/team/conflicts';
import { expect, test, type AppServer } from './app-fixture';
import { annotationEditor, api, claimSelection, selectText } from './steps';
import { dossier, person, startApp, syncInUi } from './team-steps';

const SHOTS = process.env.DOSSIER_SHOTS_DIR;
const TITLE = 'Harbour ferry to stop in May';
const ARTICLE = [
  TITLE,
  'The council said the harbour ferry would stop running in May.',
  'Critics doubted the savings of 4 million kronor.',
  'The operator declined to comment on the timetable.',
].join('\n\n');
const SHARED = 'the harbour ferry would stop running in May';
const ALICE_CLAIM = 'Critics doubted the savings of 4 million kronor.';
const BOB_CLAIM = 'The operator declined to comment on the timetable.';

const annotationList = (page: Page) => page.getByRole('list', { name: 'Annotations in reading order' });

/** In front, opens the source, claims `quote` in the reader, and sets the shared claim's status. */
async function edit(page: Page, quote: string, status: string) {
  // Two windows: the one the person works in is in front (a selection in a window behind does not show its popover).
  await page.bringToFront();
  await page.locator('.pane-sources').getByText(TITLE).click();
  await expect(page.locator('.reader-text')).toContainText(quote);
  await selectText(page, quote);
  await claimSelection(page, quote);
  await annotationList(page).getByRole('listitem').filter({ hasText: SHARED }).getByRole('button').first().click();
  await expect(annotationEditor(page).locator('blockquote')).toHaveText(SHARED);
  await annotationEditor(page).getByRole('combobox', { name: 'Status' }).selectOption(status);
}

async function stored(app: AppServer, sourceId: string) {
  const { annotations } = await api<{ annotations: { target: { exact: string }; status: string }[] }>(
    app,
    'getSource',
    { id: sourceId },
  );
  return Object.fromEntries(annotations.map((a) => [a.target.exact, a.status]));
}

test('two windows converge through one remote: every edit in both, one conflict alike, settled in one', async ({
  page,
  pageProblems,
}) => {
  test.setTimeout(240_000);
  const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-converge-'));
  const remote = path.join(root, 'team.git');
  const [alice, bob] = [await person(root, 'Alice'), await person(root, 'Bob')];
  await writeFile(path.join(root, 'ferry.txt'), ARTICLE);
  dossier(alice, 'import', path.join(root, 'ferry.txt'));
  const [{ id: sourceId }] = JSON.parse(dossier(alice, 'sources', '--json')) as [{ id: string }];
  dossier(alice, 'claim', 'add', sourceId, '--quote', SHARED);
  dossier(alice, 'share', '--remote', remote);
  dossier(bob, 'share', '--remote', remote);

  const a = await startApp(alice);
  const b = await startApp(bob);
  const pageB = await page.context().newPage();
  pageB.on('console', (m) => void (m.type() === 'error' && pageProblems.push(`Bob's window: ${m.text()}`)));
  pageB.on('pageerror', (e) => pageProblems.push(`Bob's window: ${e.message}`));
  const windows = [
    { who: 'alice', page, app: a.app },
    { who: 'bob', page: pageB, app: b.app },
  ] as const;
  try {
    await page.goto(a.app.url);
    await pageB.goto(b.app.url);
    await edit(page, ALICE_CLAIM, 'corroborated');
    await edit(pageB, BOB_CLAIM, 'disputed');
    await expect
      .poll(() => stored(a.app, sourceId))
      .toMatchObject({ [ALICE_CLAIM]: 'unverified', [SHARED]: 'corroborated' });
    await expect.poll(() => stored(b.app, sourceId)).toMatchObject({ [BOB_CLAIM]: 'unverified', [SHARED]: 'disputed' });

    // Both sync, twice: Alice shares, Bob merges (one conflict kept), Alice takes the merge, Bob is up to date.
    for (const w of [...windows, ...windows]) await syncInUi(w.page, w.app);

    const conflicts: Conflict[][] = [];
    for (const w of windows) {
      await expect(annotationList(w.page).getByRole('listitem')).toHaveCount(3);
      for (const quote of [SHARED, ALICE_CLAIM, BOB_CLAIM]) await expect(annotationList(w.page)).toContainText(quote);
      const button = w.page.getByRole('button', { name: '1 conflict' });
      await expect(button).toBeVisible();
      if (SHOTS) {
        await mkdir(SHOTS, { recursive: true });
        await w.page.screenshot({ path: path.join(SHOTS, `sync-${w.who}.png`) });
      }
      await button.click();
      const panel = w.page.getByRole('dialog', { name: 'Conflicts' });
      await expect(panel.getByRole('listitem')).toHaveCount(1);
      await expect(panel.getByRole('listitem')).toContainText('Status');
      await expect(panel.getByRole('listitem')).toContainText('corroborated');
      await expect(panel.getByRole('listitem')).toContainText('disputed');
      // Bob merged, so both notebooks keep Bob's value now; "yours" only in its author's window.
      const [kept, other] = ['ours', 'theirs'].map((side) => panel.locator(`[data-side="${side}"]`));
      await expect(kept!.getByRole('heading')).toHaveText(
        w.who === 'alice' ? "Bob's value kept now" : "Bob's value kept now yours",
      );
      await expect(kept!.locator('.team-conflict-value')).toHaveText('disputed');
      await expect(other!.getByRole('heading')).toHaveText(w.who === 'alice' ? "Alice's value yours" : "Alice's value");
      await expect(other!.locator('.team-conflict-value')).toHaveText('corroborated');
      await expect(panel).not.toContainText(/mine/i);
      if (SHOTS) await w.page.screenshot({ path: path.join(SHOTS, `conflicts-${w.who}.png`) });
      conflicts.push(await api<Conflict[]>(w.app, 'listConflicts', {}));
    }
    // The same conflict in both: one place, one id, the same two values.
    expect(conflicts[0]).toHaveLength(1);
    expect(conflicts[1]).toEqual(conflicts[0]);
    expect(conflicts[0]![0]).toMatchObject({ ours: 'disputed', theirs: 'corroborated' });

    // Alice takes her value ("corroborated") back: Bob's is the one her notebook keeps now.
    const panelA = page.getByRole('dialog', { name: 'Conflicts' });
    await expect(panelA.getByRole('button', { name: "Keep Bob's" })).toBeVisible();
    await panelA.getByRole('button', { name: 'Take yours' }).click();
    await expect(panelA).toContainText('No conflicts.');
    await panelA.getByRole('button', { name: 'Close' }).click();
    await pageB.getByRole('dialog', { name: 'Conflicts' }).getByRole('button', { name: 'Close' }).click();
    for (const w of windows) await syncInUi(w.page, w.app);

    const final = { [SHARED]: 'corroborated', [ALICE_CLAIM]: 'unverified', [BOB_CLAIM]: 'unverified' };
    for (const w of windows) {
      expect(await stored(w.app, sourceId), w.who).toEqual(final);
      expect(await api(w.app, 'listConflicts', {}), w.who).toEqual([]);
      await expect(w.page.getByRole('button', { name: /conflict/ })).toHaveCount(0);
      await expect(annotationList(w.page).getByRole('listitem').filter({ hasText: SHARED })).toContainText(
        /corroborated/i,
      );
    }
  } finally {
    await pageB.close().catch(() => undefined);
    await page.close().catch(() => undefined);
    await Promise.all([a.server.stop(), b.server.stop()]);
    await rm(root, { recursive: true, force: true });
  }
});
