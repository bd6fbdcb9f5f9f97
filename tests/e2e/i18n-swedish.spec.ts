/**
 * The interface in Swedish: the page opens in English (the browser prefers
 * en-GB), the language setting is switched to Swedish through the API, and
 * the open window follows at once (settings-changed). Then each main screen —
 * the toolbar, the source list, a reader with its details, the command
 * palette, the History panel, the keyboard shortcuts — speaks Swedish, and no
 * text on it (lines of text, accessible names, titles, placeholders) is still
 * one of the English words of the catalogues those screens draw from, nor a
 * raw catalogue key. Setting the language back to "system" returns to English.
 * A claim's corroboration (similar passages, relation buttons, the group) is
 * checked the same way.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test } from './app-fixture';
import { courier, evening, wire } from '../unit/search/corpus';
import { api, pasteText } from './steps';

const SHOTS = process.env.DOSSIER_SHOTS_DIR;

/** The namespaces of the screens checked here. */
const CHECKED = [
  'common',
  'app',
  'sources',
  'reader',
  'import',
  'search',
  'help',
  'history',
  'inspector',
  'ui',
  'corroboration',
  'enums',
] as const;

type Tree = { [key: string]: string | Tree };
const values = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
const catalogue = (language: string, ns: string): string[] =>
  values(JSON.parse(readFileSync(path.join(repoRoot, 'shared/i18n/locales', language, `${ns}.json`), 'utf8')) as Tree);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An English value as a whole-text pattern: placeholders match any text, tags are dropped. */
const pattern = (value: string) =>
  new RegExp(
    `^${value
      .replace(/<[^>]+>/g, '')
      .split(/\{\{[^}]+\}\}/)
      .map((part) => escape(part.trim()))
      .join('.+')}$`,
  );

/** English values of the checked namespaces that Swedish does not share, each as a pattern. */
const ENGLISH = (() => {
  const swedish = new Set(CHECKED.flatMap((ns) => catalogue('sv', ns)));
  const english = CHECKED.flatMap((ns) => catalogue('en', ns)).filter((v) => !swedish.has(v));
  // A value that is nothing but placeholders and punctuation would match anything.
  return [...new Set(english)].filter((v) => /\p{L}{2}/u.test(v.replace(/\{\{[^}]+\}\}/g, ''))).map(pattern);
})();

/** Every text a person reads or hears in `scope`: its lines of text and the names, titles and placeholders. */
async function textsOf(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const roots = [...document.querySelectorAll<HTMLElement>(selector)];
    const out: string[] = [];
    for (const root of roots) {
      // Keys (<kbd>Delete</kbd>) are named as printed on the keyboard, not translated.
      const keys = new Set([...root.querySelectorAll('kbd')].map((k) => k.textContent?.trim()));
      out.push(...root.innerText.split('\n').filter((line) => !keys.has(line.trim())));
      for (const el of [root, ...root.querySelectorAll('*')]) {
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
          const v = el.getAttribute(attr);
          if (v) out.push(v);
        }
      }
    }
    return out.map((s) => s.trim()).filter(Boolean);
  }, scope);
}

/** The texts of `scope` still in English (or showing a raw key / an unfilled placeholder). */
async function leftovers(page: Page, scope: string): Promise<string[]> {
  const texts = await textsOf(page, scope);
  expect(texts.length, `${scope} has text`).toBeGreaterThan(0);
  return texts.filter(
    (text) =>
      ENGLISH.some((re) => re.test(text)) || /\{\{|^[a-z]+(\.[A-Za-z_-]+)+$|^(enums|common|app|sources):/.test(text),
  );
}

async function shot(page: Page, name: string, scope?: string): Promise<void> {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  const path = `${SHOTS}/${name}.png`;
  if (scope) await page.locator(scope).first().screenshot({ path });
  else await page.screenshot({ path });
}

const ARTICLE = `Harbour council approves night ferry trial

The harbour council voted on Tuesday to run a night ferry for six months.
Ferry operators said the trial would cost 1.2 million kronor.`;

const CLAIM =
  'Outside the conference hall, 14 people were injured when police cleared a protest by fishermen who fear the new route will damage their grounds.';

test('switching the language setting to Swedish turns the open window Swedish, with no English left', async ({
  page,
  app,
  pageProblems,
}) => {
  expect(ENGLISH.length).toBeGreaterThan(100);
  await api(app, 'importText', { text: ARTICLE, name: 'ferry.txt' });
  await api(app, 'importText', { text: 'Second article\n\nA short second article about ports.', name: 'b.txt' });
  const scripts: Array<Promise<string>> = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.text());
  });
  await page.goto(app.url);
  const toolbar = page.locator('header.toolbar');
  await expect(toolbar.getByRole('button', { name: 'Import…' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const swedishIn = async (from: number) =>
    (await Promise.all(scripts.slice(from))).filter((code) => code.includes('Importera…')).length;
  const loaded = scripts.length;
  expect(await swedishIn(0), 'an English window loads no Swedish words').toBe(0);

  // The setting changes elsewhere (another window, the CLI's settings): this window hears it and follows.
  await api(app, 'updateSettings', { language: 'sv' });
  await expect(toolbar.getByRole('button', { name: 'Importera…' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  expect(await swedishIn(loaded), 'the Swedish words come as one script when the window switches').toBe(1);
  await expect(toolbar.getByRole('button', { name: 'Historik' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Välj en källa att läsa' })).toBeVisible();
  expect(await leftovers(page, 'header.toolbar')).toEqual([]);
  expect(await leftovers(page, '.pane-sources')).toEqual([]);
  await shot(page, 'window-no-source');

  // The source list, a reader and its details.
  const list = page.getByRole('listbox', { name: 'Källor' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(page.getByPlaceholder('Filtrera på titel, publikation, författare')).toBeVisible();
  await list.getByRole('option', { name: /Harbour council/ }).click();
  await expect(page.locator('article.reader')).toContainText('night ferry');
  const details = page.getByRole('region', { name: 'Källans detaljer' });
  await expect(details).toContainText('Ursprung');
  await expect(details).toContainText('Inklistrad text');
  await expect(details.getByRole('button', { name: 'Ta bort källan…' })).toBeVisible();
  // The reader's own parts (its header also holds the annotation tools, whose words are another folder's).
  const readerOwn = 'article.reader .reader-text, article.reader .reader-byline, article.reader > p';
  for (const scope of ['header.toolbar', '.pane-sources', readerOwn, 'section.inspector']) {
    expect(await leftovers(page, scope), scope).toEqual([]);
  }
  await shot(page, 'window-reader');

  // Deleting a source asks first, in Swedish.
  await details.getByRole('button', { name: 'Ta bort källan…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Ta bort ”Harbour council approves night ferry trial”?' });
  await expect(confirm).toContainText('Den har inga påståenden, markeringar eller anteckningar.');
  expect(await leftovers(page, 'dialog.confirm-dialog')).toEqual([]);
  await shot(page, 'delete-confirm', 'dialog.confirm-dialog');
  await confirm.getByRole('button', { name: 'Avbryt' }).click();
  await expect(confirm).toBeHidden();

  // Pasting an article imports it; the summary says so in Swedish.
  await pasteText(page, 'Third article\n\nA third article about the harbour and its ferries.');
  const summary = page.getByRole('status', { name: 'Importsammanfattning' });
  await expect(summary).toContainText('Importerade 1 källa', { timeout: 30_000 });
  expect(await leftovers(page, '.import-summary')).toEqual([]);
  await summary.getByRole('button', { name: 'Stäng importsammanfattningen' }).click();
  await list.getByRole('option', { name: /Harbour council/ }).click();

  // The source list filtered: the count of matches is Swedish, with its plural.
  await page.getByRole('searchbox', { name: 'Filtrera källor' }).fill('article');
  await expect(page.getByRole('status').filter({ hasText: '2 källor matchar.' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filtrera källor' }).fill('second');
  await expect(page.getByRole('status').filter({ hasText: '1 källa matchar.' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filtrera källor' }).fill('');

  // The command palette, with results and commands.
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Sök och kommandon' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox', { name: 'Sök' }).fill('ferry');
  await expect(palette.getByRole('group', { name: 'Källor' }).first()).toBeVisible();
  await expect(palette).toContainText('↑↓ flyttar · Enter öppnar · Esc stänger');
  expect(await leftovers(page, '.palette')).toEqual([]);
  await shot(page, 'palette', '.palette');
  await palette.getByRole('combobox', { name: 'Sök' }).fill('gå');
  await expect(palette.getByRole('option', { name: /Gå till Källor/ })).toBeVisible();
  expect(await leftovers(page, '.palette')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // The History panel. An action is named in the language it was made in (like a commit message): the
  // imports made before the switch keep their English names, one made after it is named in Swedish.
  await api(app, 'createTag', { name: 'Sjöfart' });
  await toolbar.getByRole('button', { name: 'Historik' }).click();
  const history = page.getByRole('dialog', { name: 'Historik' });
  await expect(history.getByRole('heading', { name: 'Ögonblicksbilder' })).toBeVisible();
  await expect(history).toContainText('Före de här åtgärderna');
  await expect(history).toContainText('Nu');
  await expect(history.getByText('vid öppning').first()).toBeVisible();
  await expect(history).toContainText('Skapa taggen ”Sjöfart”');
  const madeBefore = ['Import “ferry.txt”', 'Import “b.txt”'];
  expect((await leftovers(page, 'dialog.history-dialog')).filter((t) => !madeBefore.includes(t))).toEqual([]);
  await shot(page, 'history', 'dialog.history-dialog');
  await history.getByRole('button', { name: 'Stäng' }).click();
  await expect(history).toBeHidden();

  // The keyboard shortcuts.
  await page.keyboard.press('F1');
  const shortcuts = page.getByRole('dialog', { name: 'Kortkommandon' });
  await expect(shortcuts.getByRole('heading', { name: 'Källista' })).toBeVisible();
  expect(await leftovers(page, 'dialog.shortcuts-dialog')).toEqual([]);
  await shot(page, 'shortcuts', 'dialog.shortcuts-dialog');
  await shortcuts.getByRole('button', { name: 'Stäng' }).click();

  // Back to the system's language (the browser prefers English).
  await api(app, 'updateSettings', { language: 'system' });
  await expect(toolbar.getByRole('button', { name: 'Import…' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Source details' })).toContainText('Pasted text');
  expect(pageProblems).toEqual([]);
});

test('a notebook opened while the setting says Swedish starts in Swedish', async ({ page, app, pageProblems }) => {
  await api(app, 'updateSettings', { language: 'sv' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Din anteckningsbok har inga källor än' })).toBeVisible();
  await expect(page.locator('header.toolbar').getByRole('button', { name: 'Importera…' })).toBeVisible();
  expect(await leftovers(page, 'main')).toEqual([]);
  await shot(page, 'empty-notebook');
  expect(pageProblems).toEqual([]);
});

test('the corroboration of a claim in Swedish: similar passages, relation buttons, the group and where they differ', async ({
  page,
  app,
  pageProblems,
}) => {
  const ids = new Map<string, string>();
  for (const s of [courier, wire, evening]) {
    const r = await api<{ added: Array<{ id: string }> }>(app, 'importText', { text: s.text, name: `${s.id}.txt` });
    ids.set(s.id, r.added[0]!.id);
    await api(app, 'updateSourceMeta', {
      id: r.added[0]!.id,
      patch: { title: s.title, outlet: s.outlet, publishedAt: s.publishedAt, language: s.language },
    });
  }
  await api(app, 'addClaimByQuote', { sourceId: ids.get(courier.id), quote: CLAIM });
  await api(app, 'updateSettings', { language: 'sv' });
  await page.goto(app.url);
  // The load event comes before the first render (the interface's words load as a chunk of their own).
  await expect(page.locator('header.toolbar')).toBeVisible();

  // The claim, found through the palette (its group is "Påståenden"), opens selected with its corroboration.
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Sök och kommandon' });
  await palette.getByRole('combobox', { name: 'Sök' }).fill('fishermen injured conference hall');
  await palette.getByRole('group', { name: 'Påståenden' }).getByRole('option').first().click();
  const panel = page.getByRole('region', { name: 'Bekräftelse' });
  await expect(panel.getByRole('heading', { name: 'Liknande passager i andra källor' })).toBeVisible();
  const wireSuggestion = panel.locator(`.suggestion[data-source-id="${ids.get(wire.id)}"]`);
  await expect(wireSuggestion.locator('.suggestion-actions').getByRole('button')).toHaveText([
    'Bekräftar',
    'Motsäger',
    'Utvecklar',
  ]);
  await expect(wireSuggestion.locator('.suggestion-why')).toContainText('% av orden');
  await wireSuggestion.getByRole('button', { name: 'Bekräftar' }).click();
  await expect(panel.getByTestId('group-badge')).toHaveText('2 oberoende källor');
  await panel
    .locator(`.suggestion[data-source-id="${ids.get(evening.id)}"]`)
    .getByRole('button', { name: 'Motsäger' })
    .click();
  await expect(panel.getByTestId('group-badge')).toHaveText('3 oberoende källor');
  await expect(panel.getByRole('heading', { name: 'Där de skiljer sig åt' })).toBeVisible();
  await expect(panel.locator('table.discrepancy').first().locator('caption')).toContainText('Tal:');
  expect(await leftovers(page, 'section.corroboration')).toEqual([]);
  await shot(page, 'corroboration', 'section.corroboration');
  expect(pageProblems).toEqual([]);
});
