/**
 * Actors end to end: two fictional articles (English, Swedish) pasted in →
 * the Suggestions panel lists United States with its Swedish forms → accept
 * it → link a Swedish claim to it as speaker with a stance from the
 * inspector's type-ahead ("USA") → open the actor page from the link → the
 * claim is listed under the Swedish source, and clicking it opens the passage.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { artifactsDir, expect, test } from './app-fixture';
import {
  annotationEditor as editor,
  claimSelection,
  clickInText,
  linkSpeaker,
  pasteText,
  reader,
  selectText,
} from './steps';
import { EN, SV } from '../unit/actors-api/articles';

test('accept a suggestion, link a claim as speaker with a stance, open the actor page and find the claim under its source', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000); // shared two-core machine; detection loads compromise once (~2 s)
  await mkdir(artifactsDir, { recursive: true });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  await pasteText(page, EN.text);
  await expect(reader(page)).toContainText('will not accept a closed sea');
  await pasteText(page, SV.text);
  await expect(reader(page)).toContainText('Vita huset');

  // Suggestions: United States, seen as the Swedish "USA" and "Vita huset" too.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Actors' }).click();
  await page.getByRole('button', { name: 'Suggestions', exact: true }).click();
  const us = page.getByRole('listitem', { name: 'Suggestion United States' });
  await expect(us).toBeVisible({ timeout: 30_000 });
  await expect(us.getByLabel('Seen as')).toContainText('USA');
  await expect(us.getByLabel('Seen as')).toContainText('Vita huset');
  await expect(us).toContainText('2 sources');
  await expect(page.getByRole('listitem', { name: 'Suggestion China' })).toContainText('Kina');
  await page.screenshot({ path: path.join(artifactsDir, 'actors-suggestions.png'), fullPage: true });
  await us.getByRole('button', { name: 'Accept' }).click();
  await expect(us).toHaveCount(0);
  const registry = page.getByRole('complementary', { name: 'Actor registry' });
  await expect(registry.getByRole('button', { name: /United States/ })).toBeVisible();

  // Back in the reader: a claim in the Swedish article, linked to "USA" as speaker, supporting.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Sources' }).click();
  await page
    .getByRole('listbox', { name: 'Sources' })
    .getByRole('option', { name: /Arktiska farleden/ })
    .click();
  await expect(reader(page)).toContainText('Vita huset');
  const quote = 'är USA berett att betala en tredjedel av kostnaden';
  await selectText(page, quote);
  await claimSelection(page, quote);
  const {
    links,
    link,
    sourceId: svId,
  } = await linkSpeaker(page, app, 'USA', /United States/, 'United States', 'supports');

  // Mentions of known actors are painted (one CSS highlight); clicking one with the claim selected links it.
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('dossier-mention')?.size ?? 0))
    .toBeGreaterThanOrEqual(3);
  await clickInText(page, 'Vita huset', 1, 3);
  const menu = page.getByRole('menu', { name: 'Mention of United States' });
  await expect(menu).toBeVisible();
  await page.screenshot({ path: path.join(artifactsDir, 'actors-mention-menu.png') });
  await menu.getByRole('menuitem', { name: 'Link United States as subject' }).click();
  await expect(links.getByRole('listitem', { name: 'Link United States subject' })).toBeVisible();
  await expect(link).toBeVisible(); // the claim stayed selected; the speaker link is still there
  await expect
    .poll(async () => JSON.stringify((await app.readSource(svId)).annotations), { timeout: 10_000 })
    .toMatch(/"role":"subject"/);
  await page.screenshot({ path: path.join(artifactsDir, 'actors-inspector-links.png') });

  // The actor page, from the link's name: the claim under the Swedish source, with role and stance.
  await link.getByRole('button', { name: /United States$/ }).click();
  const actorPage = page.getByRole('article', { name: 'Actor United States' });
  await expect(actorPage).toBeVisible();
  const group = actorPage.getByRole('region', { name: /Source Arktiska farleden/ });
  await expect(group).toContainText(quote);
  await expect(group).toContainText('speaker');
  await expect(group).toContainText('supports');
  await expect(group).toContainText('subject');
  await expect(actorPage.getByRole('region', { name: /Source Arctic Lane/ })).toHaveCount(0);
  await expect(actorPage.locator('.actor-counts')).toHaveText(/^1 claim in 1 source$/);
  // The English article mentions the United States but has no claim yet.
  await expect(actorPage.getByRole('list', { name: 'Mentioned but no claims yet' })).toContainText(
    'Arctic Lane Talks Stall',
  );
  // Filters: "opposes" hides it.
  await actorPage.getByRole('button', { name: /^opposes/ }).click();
  await expect(actorPage.locator('.actor-counts')).toHaveText(/0 claims in 0 sources/);
  await actorPage.getByRole('button', { name: 'Clear filters' }).click();
  await expect(group).toContainText(quote);
  await page.screenshot({ path: path.join(artifactsDir, 'actors-page.png'), fullPage: true });

  // Clicking the claim navigates to {view:'sources', sourceId, annotationId}: the Swedish source opens with the claim selected.
  await group.getByRole('button', { name: new RegExp(quote) }).click();
  await expect(
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Sources' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.reader-text')).toHaveAttribute('data-source-id', svId);
  await expect(reader(page)).toContainText(quote);
  await expect(editor(page).locator('blockquote')).toHaveText(quote);
});

test('registry: create with alias chips, merge two actors, delete with counts, undo restores', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Actors' }).click();
  const registry = page.getByRole('complementary', { name: 'Actor registry' });

  const create = async (name: string, aliases: string[]) => {
    await registry.getByRole('button', { name: 'New actor' }).click();
    const form = page.getByRole('form', { name: 'New actor' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Kind').selectOption('person');
    for (const a of aliases) {
      await form.getByLabel(/^Aliases/).fill(a);
      await form.getByLabel(/^Aliases/).press('Enter');
    }
    return form;
  };
  const form = await create('Dana Whitcombe', ['Whitcombe', 'D. Whitcombe']);
  await expect(form.locator('.actor-chip')).toHaveText(['Whitcombe×', 'D. Whitcombe×']);
  await page.screenshot({ path: path.join(artifactsDir, 'actors-form.png') });
  await form.getByRole('button', { name: 'Create actor' }).click();
  const dana = page.getByRole('article', { name: 'Actor Dana Whitcombe' });
  await expect(dana.getByLabel('Aliases')).toContainText('D. Whitcombe');

  await (await create('Whitcombe, Dana', [])).getByRole('button', { name: 'Create actor' }).click();
  await expect(page.getByRole('article', { name: 'Actor Whitcombe, Dana' })).toBeVisible();
  await registry.getByRole('button', { name: /^Person Dana Whitcombe/ }).click();
  await dana.getByRole('button', { name: 'Merge…' }).click();
  const merge = page.getByRole('group', { name: 'Merge actors' });
  await merge.getByRole('combobox').selectOption({ label: 'Whitcombe, Dana' });
  await expect(merge).toContainText('0 claims');
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(registry.locator('.actors-list-item')).toHaveCount(1);
  await expect(dana.getByLabel('Aliases')).toContainText('Whitcombe, Dana');

  // Search over aliases.
  await registry.getByRole('searchbox', { name: 'Search actors' }).fill('d. whit');
  await expect(registry.locator('.actors-list-item')).toHaveCount(1);
  await registry.getByRole('searchbox', { name: 'Search actors' }).fill('nobody');
  await expect(registry.locator('.actors-list-item')).toHaveCount(0);
  await registry.getByRole('searchbox', { name: 'Search actors' }).fill('');

  await dana.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete actor' });
  await expect(confirm).toContainText('0 claims (0 annotations) in 0 sources');
  await confirm.getByRole('button', { name: 'Delete actor' }).click();
  await expect(registry.locator('.actors-list-item')).toHaveCount(0);
  await page
    .locator('.notices')
    .getByRole('status')
    .filter({ hasText: 'Deleted Dana Whitcombe' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(registry.locator('.actors-list-item')).toHaveCount(1);
  await expect(registry.locator('.actors-list-item')).toContainText('Dana Whitcombe');
});
