/**
 * The shared timeline in the app: two people's commits (made with the CLI and the Sync button),
 * a list walked with the arrow keys (one tab stop), what a commit touched, an earlier brief and an
 * earlier source shown read only (the source with its annotations), and Restore — a new change
 * that undo takes back.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './app-fixture';
import { api } from './steps';
import { dossier, person, startApp, syncInUi } from './team-steps';

const SHOTS = process.env.DOSSIER_SHOTS_DIR;
const ARTICLE = [
  'Harbour ferry to stop in May',
  'The council said the harbour ferry would stop running in May.',
  'Critics doubted the savings of 4 million kronor.',
].join('\n\n');

test('the timeline lists both people, shows what a commit touched and restores an earlier source', async ({ page }) => {
  test.setTimeout(120_000);
  const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-timeline-'));
  const remote = path.join(root, 'team.git');
  const [alice, bob] = [await person(root, 'Alice'), await person(root, 'Bob')];
  const article = path.join(root, 'ferry.txt');
  await writeFile(article, ARTICLE);
  dossier(alice, 'import', article);
  const [source] = JSON.parse(dossier(alice, 'sources', '--json')) as { id: string; title: string }[];
  dossier(alice, 'claim', 'add', source!.id, '--quote', 'the harbour ferry would stop running in May');
  dossier(alice, 'share', '--remote', remote);
  dossier(bob, 'share', '--remote', remote);
  dossier(bob, 'claim', 'add', source!.id, '--quote', 'the savings of 4 million kronor');
  dossier(bob, 'sync');

  const { server, app } = await startApp(alice);
  try {
    await page.goto(app.url);
    await api(app, 'createBrief', {
      title: 'Ferry brief',
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The ferry stops in May.' }] }],
      },
    });
    await syncInUi(page, app);
    const annotations = async () =>
      (await api<{ annotations: unknown[] }>(app, 'getSource', { id: source!.id })).annotations.length;
    expect(await annotations()).toBe(2);

    await page.getByRole('button', { name: 'Timeline' }).click();
    const panel = page.getByRole('dialog', { name: 'Shared timeline' });
    const rows = panel.getByRole('list', { name: 'Shared changes' }).getByRole('button');
    // Alice's brief, Bob's claim, the merge of the two (Alice synced after Bob) and the first share.
    await expect(rows, `the commits: ${JSON.stringify(await rows.allInnerTexts())}`).toHaveCount(4);
    await expect(rows.nth(0)).toContainText('Merge');
    await expect(rows.filter({ hasText: 'Bob' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'New brief' })).toContainText('Alice');
    await expect(rows.nth(3)).toContainText('Share the notebook');

    // One tab stop; the arrows, Home and End move along the commits.
    await rows.nth(0).focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(rows.nth(3)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(rows.nth(0)).toBeFocused();
    await expect(panel.locator('.team-timeline-row[tabindex="0"]')).toHaveCount(1);
    await expect(rows.nth(0)).toHaveAttribute('tabindex', '0');
    const bobs = rows.filter({ hasText: 'Bob' });
    await bobs.focus();
    await expect(bobs).toHaveAttribute('tabindex', '0');
    await expect(panel.locator('.team-timeline-row[tabindex="0"]')).toHaveCount(1);

    // Bob's commit changed the source; seen as it was then, it holds both claims.
    await page.keyboard.press('Enter');
    await expect(bobs).toHaveAttribute('aria-pressed', 'true');
    const detail = panel.locator('.team-timeline-detail');
    await expect(detail.getByRole('heading', { level: 3 })).toContainText(/claim/i);
    const touched = detail.getByRole('listitem').filter({ hasText: source!.title });
    await expect(touched).toContainText('Source');
    await expect(touched).toContainText('changed');
    await touched.getByRole('button', { name: 'View as it was' }).click();
    await expect(detail.getByRole('article')).toContainText('2 annotations');
    await expect(detail.getByRole('article')).toContainText('the savings of 4 million kronor');

    // Alice's brief, as she wrote it then: its title and text, read only.
    await rows.filter({ hasText: 'New brief' }).click();
    const brief = detail.getByRole('listitem').filter({ hasText: 'Ferry brief' });
    await expect(brief).toContainText('Brief');
    await expect(brief).toContainText('added');
    await brief.getByRole('button', { name: 'View as it was' }).click();
    await expect(detail.getByRole('article')).toContainText('The ferry stops in May.');
    await expect(detail.getByRole('article').getByRole('heading')).toHaveText('Ferry brief');

    // Alice's first commit: the source as shared, with her claim only; restore it.
    await rows.nth(3).click();
    await detail.getByRole('listitem').filter({ hasText: source!.title }).getByRole('button').click();
    const earlier = detail.getByRole('article');
    await expect(earlier).toContainText('1 annotation');
    await expect(earlier).toContainText('As it was on');
    await expect(earlier).toContainText('by Alice');
    if (SHOTS) {
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'timeline.png') });
    }
    await earlier.getByRole('button', { name: 'Restore this version' }).click();
    await expect(page.locator('.notices')).toContainText('Restored. Undo takes it back.');
    await expect.poll(annotations).toBe(1);
    const history = await api<{ entries: { label: string }[] }>(app, 'listHistory', {});
    expect(history.entries.at(-1)!.label).toMatch(/^Restore source “.*” as Alice had it on /);
    await api(app, 'undo', {});
    await expect.poll(annotations).toBe(2);
  } finally {
    await page.close().catch(() => undefined);
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
});
