/**
 * Accessibility end to end: axe-core (WCAG 2.0 and 2.1, levels A and AA, and
 * axe's best practices) on every main screen and dialog, in the light and the
 * dark colour scheme (in dark, the colour rules: the rest does not change), in
 * one walk through one notebook: the empty notebook, an import in progress
 * and its summary, the reader with highlights and the selection popover, the
 * inspector, the Tags and statuses dialog and its merge confirmation, the
 * source deletion, the history panel, the command palette, the keyboard
 * shortcuts, the Settings dialog, the actors list, an actor page, its merge and delete
 * confirmations, the suggestions panel and the brief editor with its claims
 * panel; in a shared notebook, the toolbar's Sync and the Conflicts panel
 * with mine and theirs side by side. No critical or serious violation may remain; the failure lists each
 * one (rule, elements, summary). Each screen also has exactly one level-one
 * heading, one banner and one main landmark, and names on its other
 * landmarks; the import progress and the toasts speak from live regions that
 * were there first. A second test checks that closing a dialog gives the
 * focus back to what opened it; a third scans a shared notebook's timeline
 * panel (a list of commits, then an earlier source shown read only).
 *
 * A11Y_SHOTS=<folder> saves a screenshot of each screen as scanned;
 * A11Y_ALL=1 lists violations of every impact and prints each outline.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ARTICLES, MINISTER } from '../unit/briefs-api/articles';
import { expect, test, type AppServer } from './app-fixture';
import { SHARED_NOTEBOOK_WITH_CONFLICT } from './shared-notebook';
import { annotationEditor, api, draftBriefFromActor, popover, reader, selectText } from './steps';
import { dossier, person, startApp } from './team-steps';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'] as const;
/** The rules whose outcome depends on colour: all that the dark scheme can change. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe on the page in both colour schemes; returns one line per critical or serious violation. */
async function scan(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const axe = new AxeBuilder({ page });
    // Every rule in light; in dark only those colour can change (the structure is the same).
    const { violations } = await (
      colorScheme === 'light' ? axe.withTags([...TAGS, 'best-practice']) : axe.withRules(COLOUR_RULES)
    ).analyze();
    // To look at each screen as scanned, set A11Y_SHOTS to a folder.
    if (process.env.A11Y_SHOTS) {
      await page.screenshot({
        path: path.join(process.env.A11Y_SHOTS, `${screen.replace(/\W+/g, '-')}-${colorScheme}.png`),
      });
    }
    for (const v of violations) {
      if (v.impact !== 'critical' && v.impact !== 'serious' && !process.env.A11Y_ALL) continue;
      for (const node of v.nodes) {
        const summary = (node.failureSummary ?? v.help).replace(/\s+/g, ' ').trim();
        found.push(`[${screen}, ${colorScheme}] ${v.id} (${v.impact}) at ${node.target.join(' ')}: ${summary}`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  found.push(...(await structure(page, screen)));
  return found;
}

/**
 * The screen's outline: exactly one level-one heading (the person's own writing, the brief being edited, may
 * hold more); one banner and one main landmark, and every navigation, complementary landmark and region named.
 */
async function structure(page: Page, screen: string): Promise<string[]> {
  const { outline, landmarks } = await page.evaluate(() => {
    const shown = (el: HTMLElement) =>
      el.checkVisibility() && !el.closest('[contenteditable="true"], [aria-hidden="true"], [inert]');
    const headings = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]')]
      .filter(shown)
      .map((h) => ({ level: Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)), text: h.innerText.trim() }));
    const sectioning = 'article, aside, main, nav, section';
    const role = (el: HTMLElement): string | null => {
      const explicit = el.getAttribute('role');
      if (explicit) return explicit;
      const tag = el.tagName.toLowerCase();
      if (tag === 'header') return el.parentElement?.closest(sectioning) ? null : 'banner';
      if (tag === 'aside') return 'complementary';
      if (tag === 'section')
        return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
      return { main: 'main', nav: 'navigation' }[tag] ?? null;
    };
    const landmarks = [...document.querySelectorAll<HTMLElement>('header, nav, main, aside, section, [role]')]
      .filter((el) => shown(el) && !el.closest('dialog, [role="dialog"], [role="alertdialog"]'))
      .map((el) => ({ role: role(el), name: el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') }))
      .filter((l) => ['banner', 'main', 'navigation', 'complementary', 'region'].includes(l.role ?? ''));
    return { outline: headings, landmarks };
  });
  if (process.env.A11Y_ALL) console.log(screen, JSON.stringify(outline), JSON.stringify(landmarks));
  const problems: string[] = [];
  const ones = outline.filter((h) => h.level === 1);
  if (ones.length !== 1) problems.push(`[${screen}] ${ones.length} level-one headings: ${JSON.stringify(ones)}`);
  for (const only of ['banner', 'main']) {
    const n = landmarks.filter((l) => l.role === only).length;
    if (n !== 1) problems.push(`[${screen}] ${n} ${only} landmarks`);
  }
  for (const l of landmarks)
    if (l.role !== 'banner' && l.role !== 'main' && !l.name) problems.push(`[${screen}] a ${l.role} without a name`);
  return problems;
}

/** Articles with claims linked to an actor, through the API. */
async function seed(app: AppServer): Promise<void> {
  const imported = await api<{ added: Array<{ id: string }> }>(app, 'importFiles', {
    files: ARTICLES.map((a) => ({ name: a.name, bytes: new TextEncoder().encode(a.html) })),
  });
  for (const [i, article] of ARTICLES.entries()) {
    for (const c of article.claims) {
      await api(app, 'addClaimByQuote', {
        sourceId: imported.added[i]!.id,
        quote: c.quote,
        tags: [c.tag],
        actors: [{ name: MINISTER, role: c.role, kind: 'person', ...(c.stance ? { stance: c.stance } : {}) }],
      });
    }
  }
  await api(app, 'createActor', { name: 'Skärvik Fishing Cooperative', kind: 'organisation', aliases: ['SFC'] });
}

/** Opens the first claim of the open source in the inspector. */
async function openFirstClaim(page: Page): Promise<void> {
  const list = page.getByRole('list', { name: 'Annotations in reading order' });
  await list.getByRole('listitem').first().getByRole('button').first().click();
  await expect(annotationEditor(page).locator('blockquote')).toBeVisible();
}

const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

test('every screen and dialog passes axe (WCAG A and AA) in light and dark', async ({ page, app }) => {
  test.setTimeout(240_000); // ~30 scans on a shared two-core machine
  const found: string[] = [];
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  // Live regions are there before anything is said in them: the toolbar's import status and the toasts.
  await expect(page.getByRole('banner').locator('[aria-live="polite"]')).toHaveCount(1);
  await expect(page.locator('.notices[aria-live="polite"]')).toHaveCount(1);
  found.push(...(await scan(page, 'empty notebook')));

  // An import still running (many small files: enough to outlast two scans now that a text import
  // starts at once), then its summary after Cancel.
  const files = Array.from({ length: 2500 }, (_, i) =>
    file(`report-${i}.txt`, `Field report ${i}\n\nThe survey team counted ${i} boats in the harbour today.`),
  );
  await page.getByTestId('import-input').setInputFiles(files);
  const progress = page.getByRole('status', { name: 'Import progress' });
  await expect(progress).toContainText(/Importing \d+ of 2500/);
  await expect(page.getByRole('banner').locator('[aria-live="polite"]').getByRole('status')).toHaveAccessibleName(
    'Import progress',
  );
  found.push(...(await scan(page, 'import in progress')));
  await expect(progress, 'the import was still running when scanned').toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  const summary = page.getByRole('status', { name: 'Import summary' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  found.push(...(await scan(page, 'import summary')));
  await summary.getByRole('button', { name: 'Close the import summary' }).click();
  // A toast is said politely (role status) from the live region.
  await page.locator('body').press('Control+Shift+z');
  await expect(page.locator('.notices[aria-live="polite"]').getByRole('status')).toHaveText(/Nothing to redo/);

  await seed(app);
  // Hundreds of field reports came before the Cancel: the list is virtual, so find the article by its title.
  await page.getByRole('searchbox', { name: 'Filter sources' }).fill(ARTICLES[0]!.title.slice(0, 20));
  await page
    .getByRole('listbox', { name: 'Sources' })
    .getByRole('option', { name: new RegExp(ARTICLES[0]!.title.slice(0, 20)) })
    .click();
  await expect(reader(page).locator('.reader-text')).toBeVisible();

  // The reader with highlights and the popover of a fresh selection.
  const words = (await reader(page).locator('.reader-text p.para').last().innerText()).split(' ').slice(0, 4).join(' ');
  await selectText(page, words);
  await expect(popover(page)).toBeVisible();
  found.push(...(await scan(page, 'reader with popover')));
  await page.keyboard.press('Escape');

  // The inspector with a claim open.
  await openFirstClaim(page);
  found.push(...(await scan(page, 'inspector')));

  // Tags and statuses, and its merge confirmation.
  await annotationEditor(page).getByRole('button', { name: 'Manage tags…' }).click();
  const codebook = page.getByRole('dialog', { name: 'Tags and statuses' });
  await expect(codebook).toBeVisible();
  found.push(...(await scan(page, 'tags and statuses')));
  const mergeRow = codebook.locator('li.codebook-tag').first();
  await mergeRow.getByRole('combobox', { name: /^Merge .* into$/ }).selectOption({ index: 1 });
  await mergeRow.getByRole('button', { name: 'Merge…' }).click();
  await expect(codebook.getByRole('alertdialog')).toBeVisible();
  found.push(...(await scan(page, 'tag merge confirmation')));
  await codebook.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await codebook.getByRole('button', { name: 'Close' }).click();
  await expect(codebook).toHaveCount(0);

  // Deleting a source asks first.
  const sources = page.getByRole('listbox', { name: 'Sources' });
  await sources.getByRole('option', { selected: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: /Delete source/ }).click();
  const deletion = page.getByRole('alertdialog', { name: /^Delete/ });
  await expect(deletion).toContainText(/will be deleted with it/);
  found.push(...(await scan(page, 'source deletion')));
  await deletion.getByRole('button', { name: 'Cancel' }).click();

  // History, the command palette and the keyboard shortcuts.
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  await expect(history).toBeVisible();
  found.push(...(await scan(page, 'history')));
  await page.keyboard.press('Escape');
  await expect(history).toHaveCount(0);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search and commands' });
  await palette.getByRole('combobox', { name: 'Search' }).fill('wind');
  await expect(palette.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
  found.push(...(await scan(page, 'command palette')));
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await page.keyboard.press('F1');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  found.push(...(await scan(page, 'keyboard shortcuts')));
  await page.keyboard.press('Escape');
  await expect(shortcuts).toHaveCount(0);
  // Settings.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  found.push(...(await scan(page, 'settings')));
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // Actors: the list and an actor page, its merge and delete confirmations, the suggestions.
  await views(page).getByRole('button', { name: 'Actors' }).click();
  const registry = page.getByRole('complementary', { name: 'Actor registry' });
  await registry.getByRole('button', { name: new RegExp(MINISTER) }).click();
  const actor = page.getByRole('article', { name: `Actor ${MINISTER}` });
  await expect(actor).toBeVisible();
  found.push(...(await scan(page, 'actor page')));
  await actor.getByRole('button', { name: 'Merge…' }).click();
  await page.getByRole('group', { name: 'Merge actors' }).getByRole('combobox').selectOption({ index: 1 });
  await expect(page.getByRole('group', { name: 'Merge actors' })).toContainText('goes into');
  found.push(...(await scan(page, 'actor merge')));
  await page.getByRole('group', { name: 'Merge actors' }).getByRole('button', { name: 'Cancel' }).click();
  await actor.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Delete actor' })).toBeVisible();
  found.push(...(await scan(page, 'actor deletion')));
  await page.getByRole('alertdialog', { name: 'Delete actor' }).getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Suggestions', exact: true }).click();
  await expect(page.getByRole('listitem', { name: /^Suggestion / }).first()).toBeVisible({ timeout: 30_000 });
  found.push(...(await scan(page, 'suggestions')));

  // A brief drafted from the actor: the editor with its claims panel.
  await views(page).getByRole('button', { name: 'Briefs' }).click();
  await draftBriefFromActor(page, 'Ekwall', MINISTER);
  await expect(page.locator('.brief-doc')).toBeVisible();
  found.push(...(await scan(page, 'brief editor')));

  if (found.length > 0)
    await test.info().attach('axe violations', { body: found.join('\n'), contentType: 'text/plain' });
  expect(found.length, `axe found critical or serious violations:\n${found.join('\n')}`).toBe(0);
});

test('closing a dialog gives the focus back to what opened it', async ({ page, app }) => {
  test.setTimeout(120_000);
  await seed(app);
  await page.goto(app.url);
  const sources = page.getByRole('listbox', { name: 'Sources' });
  await sources.getByRole('option', { name: new RegExp(ARTICLES[0]!.title.slice(0, 20)) }).click();
  await expect(reader(page).locator('.reader-text')).toBeVisible();

  /** Focuses `opener`, opens a dialog with `key` (Enter by default), closes it with Escape: the focus is back. */
  const roundTrip = async (
    opener: ReturnType<Page['locator']>,
    dialog: ReturnType<Page['locator']>,
    key = 'Enter',
    close = () => page.keyboard.press('Escape'),
  ) => {
    await opener.focus();
    await page.keyboard.press(key);
    await expect(dialog).toBeVisible();
    await close();
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  };

  await roundTrip(page.getByRole('button', { name: 'History' }), page.getByRole('dialog', { name: 'History' }));
  await roundTrip(sources, page.getByRole('dialog', { name: 'Search and commands' }), 'Control+k');
  await roundTrip(sources, page.getByRole('alertdialog', { name: /^Delete/ }), 'Delete');
  await roundTrip(
    page.getByRole('button', { name: 'Export…' }),
    page.getByRole('dialog', { name: 'Keyboard shortcuts' }),
    'F1',
  );
  await openFirstClaim(page);
  await roundTrip(
    annotationEditor(page).getByRole('button', { name: 'Manage tags…' }),
    page.getByRole('dialog', { name: 'Tags and statuses' }),
  );

  await views(page).getByRole('button', { name: 'Briefs' }).click();
  await roundTrip(
    page.getByRole('button', { name: 'From actor…' }),
    page.getByRole('dialog', { name: 'New brief from actor' }),
  );
  await views(page).getByRole('button', { name: 'Actors' }).click();
  await page
    .getByRole('complementary', { name: 'Actor registry' })
    .getByRole('button', { name: new RegExp(MINISTER) })
    .click();
  const actor = page.getByRole('article', { name: `Actor ${MINISTER}` });
  const confirm = page.getByRole('alertdialog', { name: 'Delete actor' });
  await roundTrip(actor.getByRole('button', { name: 'Delete…' }), confirm, 'Enter', () =>
    confirm.getByRole('button', { name: 'Cancel' }).click(),
  );
});

test('the shared timeline passes axe in light and dark, and gives the focus back on closing', async ({ page }) => {
  test.setTimeout(120_000);
  const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-a11y-timeline-'));
  const alice = await person(root, 'Alice');
  await writeFile(path.join(root, 'article.txt'), ARTICLES[0]!.claims.map((c) => c.quote).join('\n\n'));
  dossier(alice, 'import', path.join(root, 'article.txt'));
  const [{ id }] = JSON.parse(dossier(alice, 'sources', '--json')) as [{ id: string }];
  dossier(alice, 'share', '--remote', path.join(root, 'team.git'));
  dossier(alice, 'claim', 'add', id, '--quote', ARTICLES[0]!.claims[0]!.quote);
  dossier(alice, 'sync');
  const { server, app } = await startApp(alice);
  try {
    await page.goto(app.url);
    const opener = page.getByRole('button', { name: 'Timeline' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Shared timeline' });
    const rows = panel.getByRole('list', { name: 'Shared changes' }).getByRole('button');
    await expect(rows).toHaveCount(2);
    const found = await scan(page, 'shared timeline');
    await rows.first().click();
    await panel.getByRole('button', { name: 'View as it was' }).click();
    await expect(panel.getByRole('article')).toContainText('1 annotation');
    found.push(...(await scan(page, 'shared timeline, an earlier source')));
    expect(found, found.join('\n')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(opener).toBeFocused();
  } finally {
    await page.close().catch(() => undefined);
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
});

test.describe('a shared notebook with a conflict', () => {
  test.use({ seedFiles: SHARED_NOTEBOOK_WITH_CONFLICT });

  test('the toolbar’s Sync and the Conflicts panel pass axe in light and dark', async ({ page, app }) => {
    test.setTimeout(90_000);
    await page.goto(app.url);
    await expect(page.getByRole('button', { name: 'Sync' })).toBeVisible();
    const found = await scan(page, 'shared notebook');
    await page.getByRole('button', { name: '1 conflict' }).click();
    const panel = page.getByRole('dialog', { name: 'Conflicts' });
    const conflict = panel.getByRole('listitem');
    await expect(conflict).toContainText('Anna L.');
    await expect(conflict).toContainText('Anna Lindqvist');
    await expect(conflict.getByRole('button', { name: "Take Alice's" })).toBeVisible();
    found.push(...(await scan(page, 'conflicts panel')));
    if (found.length > 0)
      await test.info().attach('axe violations', { body: found.join('\n'), contentType: 'text/plain' });
    expect(found.length, `axe found critical or serious violations:\n${found.join('\n')}`).toBe(0);
  });
});
