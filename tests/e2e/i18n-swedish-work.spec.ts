/**
 * The working screens in Swedish: the language set through the API
 * (`updateSettings`), the interface follows `settings-changed`; then the
 * annotation popover and panel, the tag picker, the codebook, the actors list,
 * suggestions and an actor page, the brief editor with its claims panel and
 * citation style picker are each shown in Swedish, and none of them shows a
 * text or a read attribute (aria-label, title, placeholder) that is one of the
 * actors, annotations or briefs catalogues' English words. Screenshots of each
 * screen go to tests/artifacts/i18n-sv-*.png.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir, expect, repoRoot, test } from './app-fixture';
import { api, pasteText, reader, selectText } from './steps';

const NAMESPACES = ['actors', 'annotations', 'briefs'];

/** A catalogue's values by key path, nested objects flattened. */
function flatten(node: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'string') into.set(prefix, node);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  return into;
}
const catalogue = (language: string, ns: string) =>
  flatten(JSON.parse(readFileSync(path.join(repoRoot, 'shared', 'i18n', 'locales', language, `${ns}.json`), 'utf8')));

/**
 * The English words of our catalogues that Swedish says differently, as patterns over a whole text:
 * a {{count}} (or another number) stands for digits, any other {{placeholder}} for any text, <tags> are dropped. Values whose fixed words are too short to
 * tell (e.g. "{{text}}, {{members}}") are left out.
 */
function englishPatterns(): Array<{ key: string; english: string; source: string }> {
  const out: Array<{ key: string; english: string; source: string }> = [];
  for (const ns of NAMESPACES) {
    const sv = catalogue('sv', ns);
    for (const [key, english] of catalogue('en', ns)) {
      if (sv.get(key) === english) continue;
      const text = english.replace(/<\/?\w+>/g, '');
      const fixed = text.replace(/\{\{\w+\}\}/g, ' ');
      if (!/[A-Za-z]{3,}/.test(fixed)) continue;
      const source = text
        .split(/(\{\{\w+\}\})/)
        .map((part) => {
          if (/^\{\{(count|n|level|total)\}\}$/.test(part)) return '\\d+';
          if (/^\{\{\w+\}\}$/.test(part)) return '.+?';
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
        })
        .join('');
      out.push({ key: `${ns}:${key}`, english, source: `^\\s*${source}\\s*$` });
    }
  }
  return out;
}
const ENGLISH = englishPatterns();

/** Every text (each element's whole text, each text node) and read attribute inside `selector` that is English. */
async function englishIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ({ selector, patterns }) => {
      const regexes = patterns.map((p) => ({ ...p, re: new RegExp(p.source, 's') }));
      const found = new Set<string>();
      const check = (where: string, value: string | null | undefined) => {
        const v = value?.replace(/\s+/g, ' ').trim();
        if (!v) return;
        for (const p of regexes) if (p.re.test(v)) found.add(`${where} “${v}” = ${p.key} (“${p.english}”)`);
      };
      for (const root of document.querySelectorAll(selector)) {
        for (const el of [root, ...root.querySelectorAll('*')]) {
          if (el.closest('[aria-hidden="true"]')) continue;
          if (el.children.length < 8) check(`text of <${el.tagName.toLowerCase()}>`, (el as HTMLElement).innerText);
          for (const attr of ['aria-label', 'title', 'placeholder', 'alt'])
            check(`${attr} of <${el.tagName.toLowerCase()}>`, el.getAttribute(attr));
          for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) check('text', node.textContent);
        }
      }
      return [...found];
    },
    { selector, patterns: ENGLISH },
  );
}

/** Screenshot of the page in Swedish, then the scan of `selector` for English. */
async function swedishScreen(page: Page, name: string, selector: string): Promise<void> {
  await page.screenshot({ path: path.join(artifactsDir, `i18n-sv-${name}.png`) });
  expect(await englishIn(page, selector), `English words left on the ${name} screen`).toEqual([]);
}

const harbour = readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'actors', 'sv-harbour.txt'), 'utf8');

test('annotating, the codebook, actors and briefs speak Swedish once the setting says so', async ({ app, page }) => {
  test.setTimeout(150_000);
  expect(ENGLISH.length, 'the scan knows the English words').toBeGreaterThan(200);
  await page.goto(app.url);
  await mkdir(artifactsDir, { recursive: true });
  await pasteText(page, harbour);
  // Importing and detecting actors is slow on a busy machine.
  await expect(reader(page)).toContainText('Danmarks transportminister', { timeout: 60_000 });

  // The setting changes through the API; the open window follows.
  await api(app, 'updateSettings', { language: 'sv' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');

  // The selection popover.
  const quote = 'Danmarks transportminister Mette Kjær sade att regeringen ska studera planen';
  await selectText(page, quote);
  const popover = page.getByRole('toolbar', { name: 'Annotera markeringen' });
  await expect(popover.getByRole('button', { name: 'Påstående C' })).toBeVisible();
  await expect(popover.getByRole('button', { name: 'Markering H' })).toHaveAttribute('title', 'Markera (H)');
  await swedishScreen(page, 'popover', '.selection-popover');
  await popover.getByRole('button', { name: 'Påstående C' }).click();

  // The annotation panel and its editor, with the tag picker's list open.
  const panel = page.getByRole('region', { name: 'Annoteringar' });
  const editor = panel.getByRole('group', { name: 'Vald annotering' });
  await expect(editor.locator('blockquote')).toHaveText(quote);
  await expect(editor.getByRole('combobox', { name: 'Typ' })).toHaveValue('claim');
  await expect(editor.getByRole('combobox', { name: 'Typ' }).locator('option:checked')).toHaveText('Påstående');
  await expect(editor.getByRole('button', { name: 'Ta bort påståendet' })).toBeVisible();
  await expect(editor).toContainText(/Skapad \d/);
  // The statuses every notebook starts with read in Swedish; the stored value stays the same.
  const status = editor.getByRole('combobox', { name: 'Status' });
  await expect(status).toHaveValue('unverified');
  await expect(status.locator('option:checked')).toHaveText('obekräftad');
  await expect(panel.locator('.status-badge').first()).toHaveText(/obekräftad/);
  const tagInput = editor.getByRole('combobox', { name: 'Lägg till en tagg' });
  await tagInput.fill('Sjöfart');
  await expect(editor.getByRole('listbox', { name: 'Matchande taggar' })).toContainText('Skapa taggen ”Sjöfart”');
  await swedishScreen(page, 'annotation-panel', 'section.annotations');
  await tagInput.press('Enter');
  await expect(editor.getByRole('list', { name: 'Taggar' })).toContainText('Sjöfart');
  await expect(editor.getByRole('button', { name: 'Ta bort taggen Sjöfart' })).toBeVisible();
  // The claim's actors: link one (the detected suggestion, or a new actor), give it a stance.
  const links = editor.getByRole('group', { name: 'Aktörer' });
  await links.getByRole('combobox', { name: 'Koppla en aktör' }).fill('Mette Kjær');
  await expect(links.getByRole('option', { name: /Mette Kjær/ }).first()).toBeVisible();
  await swedishScreen(page, 'actor-options', 'section.annotations');
  await links
    .getByRole('option', { name: /Mette Kjær/ })
    .first()
    .click();
  const link = links.getByRole('listitem', { name: 'Koppling Mette Kjær talare' });
  await expect(link).toBeVisible();
  await link.getByRole('combobox', { name: 'Hållning' }).selectOption('opposes');
  await expect(link.getByRole('combobox', { name: 'Hållning' }).locator('option:checked')).toHaveText('motsätter sig');
  await expect(link.getByRole('button', { name: 'Ta bort Mette Kjær (talare)' })).toBeVisible();
  // The list of annotations under the editor.
  await expect(panel.getByRole('combobox', { name: 'Filtrera efter typ' })).toContainText('Påståenden');
  await swedishScreen(page, 'annotation-list', 'section.annotations');

  // The codebook.
  await editor.getByRole('button', { name: 'Hantera taggar…' }).click();
  const codebook = page.getByRole('dialog', { name: 'Taggar och statusar' });
  await expect(codebook.getByRole('region', { name: 'Faktagranskningar' })).toBeVisible();
  await expect(codebook.getByRole('textbox', { name: 'Namn på Sjöfart' })).toHaveValue('Sjöfart');
  await codebook.getByRole('button', { name: 'Ta bort…' }).click();
  await expect(codebook.getByRole('alertdialog', { name: 'Bekräfta' })).toContainText(
    'Ta bort ”Sjöfart”: den tas bort från 1 annotering i 1 källa.',
  );
  await swedishScreen(page, 'codebook', 'dialog.codebook');
  await codebook.getByRole('button', { name: 'Avbryt' }).click();
  await codebook.getByRole('button', { name: 'Stäng' }).click();
  await expect(codebook).toHaveCount(0);

  // The actors: the registry and the suggestions (the view tabs are not ours: reached by position).
  const views = page.locator('nav.view-tabs button');
  await views.nth(1).click();
  const registry = page.getByRole('complementary', { name: 'Aktörsregister' });
  await expect(registry.getByRole('button', { name: /Mette Kjær/ })).toBeVisible();
  await registry.getByRole('button', { name: 'Förslag', exact: true }).click();
  const suggestions = page.getByRole('region', { name: 'Förslag' });
  await expect(suggestions.getByRole('list', { name: 'Föreslagna aktörer' })).toBeVisible();
  await expect(suggestions.getByRole('listitem', { name: /^Förslag / }).first()).toContainText(
    /omnämnanden? i 1 källa/,
  );
  await swedishScreen(page, 'suggestions', '.actors-view');

  // The actor page of the linked actor, with its claim.
  await registry.getByRole('button', { name: /Mette Kjær/ }).click();
  const actorPage = page.getByRole('article', { name: 'Aktör Mette Kjær' });
  await expect(actorPage).toContainText('1 påstående i 1 källa');
  await expect(actorPage.getByRole('button', { name: /^talare/ })).toBeVisible();
  await expect(actorPage.getByRole('button', { name: /^ingen hållning/ })).toBeVisible();
  await expect(actorPage.locator('.role-badge')).toHaveText('talare · motsätter sig');
  await swedishScreen(page, 'actor-page', '.actors-view');
  await page.getByRole('button', { name: 'Ny aktör' }).click();
  await expect(page.getByRole('form', { name: 'Ny aktör' }).getByLabel('Typ')).toContainText('Internationellt organ');
  await swedishScreen(page, 'actor-form', '.actors-view');

  // The briefs: a new brief, its editor, the claims panel and the citation style picker.
  await views.nth(2).click();
  const briefs = page.locator('.briefs-view');
  await expect(briefs.getByRole('heading', { name: 'Skriv ett PM' })).toBeVisible();
  await briefs.getByRole('button', { name: 'Nytt PM' }).click();
  await expect(page.getByRole('textbox', { name: 'PM-titel' })).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Sparat');
  await expect(
    page.getByRole('toolbar', { name: 'Formatering' }).getByRole('button', { name: 'Fetstil' }),
  ).toBeVisible();
  // The citation style picker (the brief's language picker beside it shares its look).
  const stylePicker = page.locator('label.brief-style', { hasText: 'Hänvisningar' });
  await expect(stylePicker).toBeVisible();
  await expect(stylePicker.locator('option').last()).toHaveText('Lägg till en CSL-stil…');
  const claims = page.getByRole('complementary', { name: 'Påståenden', exact: true });
  await expect(claims.getByLabel('Påståenden att hänvisa till')).toContainText(quote);
  await expect(claims.getByRole('combobox', { name: 'Aktör' })).toContainText('Alla aktörer');
  await expect(briefs.getByRole('list', { name: 'Lista över PM' })).toContainText(/1 hänvisning|0 hänvisningar/);
  await swedishScreen(page, 'brief-editor', '.briefs-view');

  // The cite popup.
  await page.getByTestId('brief-doc').click();
  await page.keyboard.type('@Kjær');
  const cite = page.getByRole('dialog', { name: 'Hänvisa till ett påstående' });
  await expect(cite).toContainText('Påståenden som matchar Kjær');
  await swedishScreen(page, 'cite-popup', '.briefs-view');
});
