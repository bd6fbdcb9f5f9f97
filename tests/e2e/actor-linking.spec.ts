/**
 * Linking an actor from a claim, end to end: two fictional harbour articles
 * (English, Swedish) pasted in, a Swedish claim made, and the inspector's
 * type-ahead offers the detected (not yet accepted) Denmark with its kind for
 * "Den"; choosing it accepts it as a state and links it; typing its Swedish
 * name afterwards offers the accepted actor itself, with no second Denmark.
 * And when an actor already carries a suggestion's name, choosing the
 * suggestion offers "Merge into …?" instead of making a second actor.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { artifactsDir, expect, repoRoot, test } from './app-fixture';
import { annotationEditor, claimSelection, pasteText, reader, selectText } from './steps';

const fixture = (name: string) => readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'actors', name), 'utf8');

test('the claim type-ahead offers a detected country with its kind and accepts it when chosen', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000); // shared two-core machine; detection loads compromise once
  await mkdir(artifactsDir, { recursive: true });
  await page.goto(app.url);
  await pasteText(page, fixture('en-harbour.txt'));
  await expect(reader(page)).toContainText('Coastline Media Group');
  await pasteText(page, fixture('sv-harbour.txt'));
  await expect(reader(page)).toContainText('Danmarks transportminister');

  const quote = 'Danmarks transportminister Mette Kjær sade att regeringen ska studera planen';
  await selectText(page, quote);
  await claimSelection(page, quote);
  const links = annotationEditor(page).getByRole('group', { name: 'Actors' });
  const input = links.getByRole('combobox', { name: 'Link an actor' });
  await input.fill('Den');
  const denmark = links.getByRole('option', { name: /Denmark/ });
  await expect(denmark).toBeVisible({ timeout: 30_000 });
  await expect(denmark).toContainText('state · detected');
  await expect(denmark.getByRole('img', { name: 'State' })).toBeVisible();
  // The detected country comes before creating a new actor named "Den".
  await expect(links.getByRole('listbox').getByRole('option').first()).toContainText('Denmark');
  await expect(links.getByRole('listbox').getByRole('option').last()).toHaveText('Create actor “Den”');
  await page.screenshot({ path: path.join(artifactsDir, 'actor-typeahead-detected-country.png') });

  await denmark.click();
  const link = links.getByRole('listitem', { name: 'Link Denmark speaker' });
  await expect(link).toBeVisible();
  await expect(link.getByRole('img', { name: 'State' })).toBeVisible();
  // Stored: the accepted actor is a state, and the claim links it.
  await expect
    .poll(async () => {
      const manifest = JSON.parse(readFileSync(path.join(app.notebookDir, 'notebook.json'), 'utf8')) as {
        actors: Array<{ name: string; kind: string }>;
      };
      return manifest.actors.map((a) => `${a.name}:${a.kind}`);
    })
    .toEqual(['Denmark:state']);

  // The Swedish name now offers the accepted actor, not a second suggestion.
  await input.fill('Danmark');
  const options = links.getByRole('listbox').getByRole('option');
  await expect(options.first()).toContainText('Denmark');
  await expect(links.getByRole('option', { name: /detected/ })).toHaveCount(0);
  await expect(links.getByRole('option', { name: /Create actor/ })).toHaveCount(0);
});

test('a suggestion whose name another actor carries: the type-ahead offers that actor, Accept offers a merge', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await pasteText(page, fixture('sv-harbour.txt'));
  await expect(reader(page)).toContainText('Danmarks transportminister');
  // A messy registry: "Harbour Desk" carries both "Danmark" (the state's Swedish name, so detection files the
  // actor under Denmark) and "Kajkanten", which is then detected as a suggestion of its own.
  const created = await page.evaluate(async () => {
    const post = (method: string, input: unknown) =>
      fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
    await post('createActor', { name: 'Denmark', kind: 'state' });
    return (
      await post('createActor', { name: 'Harbour Desk', kind: 'organisation', aliases: ['Danmark', 'Kajkanten'] })
    ).ok;
  });
  expect(created).toBe(true);
  const quote = 'Kajkanten, en lokal nyhetsblogg, var först med att rapportera om upphandlingen';
  await selectText(page, quote);
  await claimSelection(page, quote);
  const links = annotationEditor(page).getByRole('group', { name: 'Actors' });
  await links.getByRole('combobox', { name: 'Link an actor' }).fill('Kajkant');
  // The actor that carries the name comes first; the detected suggestion of the same name is not offered.
  const list = links.getByRole('listbox').getByRole('option');
  await expect(list.first()).toContainText('Harbour Desk', { timeout: 30_000 });
  await expect(links.getByRole('option', { name: /detected/ })).toHaveCount(0);
  await list.first().click();
  await expect(links.getByRole('listitem', { name: 'Link Harbour Desk speaker' })).toBeVisible();

  // No second "Kajkanten" among the suggestions: the name is Harbour Desk's.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Actors' }).click();
  await page.getByRole('button', { name: 'Suggestions', exact: true }).click();
  const microsoft = page.getByRole('listitem', { name: 'Suggestion Microsoft' });
  await expect(microsoft).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('listitem', { name: 'Suggestion Kajkanten' })).toHaveCount(0);

  // When the service answers a conflict (an actor carrying the name appeared meanwhile), Accept offers the merge.
  let answered = false;
  await page.route('**/api/acceptSuggestion', async (route) => {
    const input = JSON.parse(route.request().postData() ?? '{}') as { asActorId?: string };
    if (answered || input.asActorId) return route.continue();
    answered = true;
    const desk = (
      JSON.parse(readFileSync(path.join(app.notebookDir, 'notebook.json'), 'utf8')) as {
        actors: Array<{ name: string }>;
      }
    ).actors.find((a) => a.name === 'Harbour Desk');
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ok: true,
        value: { actor: desk, created: false, conflict: { actor: desk, names: ['Microsoft'] } },
      }),
    });
  });
  await microsoft.getByRole('button', { name: 'Accept' }).click();
  const offer = microsoft.getByRole('alert');
  await expect(offer).toHaveText(/“Microsoft” is already a name of .*Harbour Desk\. Merge into Harbour Desk\?/);
  await page.screenshot({ path: path.join(artifactsDir, 'actor-suggestion-merge-offer.png') });
  await offer.getByRole('button', { name: 'Merge into Harbour Desk' }).click();
  await expect(microsoft).toHaveCount(0);
  await expect
    .poll(() =>
      (
        JSON.parse(readFileSync(path.join(app.notebookDir, 'notebook.json'), 'utf8')) as {
          actors: Array<{ name: string; aliases: string[] }>;
        }
      ).actors.map((a) => `${a.name}: ${a.aliases.join(', ')}`),
    )
    .toEqual(['Denmark: ', 'Harbour Desk: Danmark, Kajkanten, Microsoft']);
});
