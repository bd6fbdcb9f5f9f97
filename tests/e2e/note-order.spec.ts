/**
 * A note written elsewhere (the API, the CLI, an import) may list its JSON
 * keys in another order than the note editor does. Opening the claim, and
 * clicking into its note and out again without typing, must not store
 * anything: the annotation's updatedAt and the undo history stay as they were.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { annotationEditor as editor, api, reader } from './steps';

const TEXT = `Ferry timetable revised

The ferry company will add two late departures from the harbour in July.`;

const QUOTE = 'The ferry company will add two late departures from the harbour in July.';

/** The same document tiptap writes, with every object's keys in another order. */
const NOTE = {
  content: [
    { content: [{ text: 'Ask the port', type: 'text' }], attrs: { level: 2 }, type: 'heading' },
    {
      content: [
        { text: 'Check the ', type: 'text' },
        { text: 'July', marks: [{ type: 'bold' }], type: 'text' },
        { text: ' numbers.', type: 'text' },
      ],
      type: 'paragraph',
    },
  ],
  type: 'doc',
};

interface Stored {
  id: string;
  updatedAt: string;
  note?: unknown;
}

const sourceList = (page: Page) => page.getByRole('listbox', { name: 'Sources' });
const annotations = (page: Page) => page.getByRole('list', { name: 'Annotations in reading order' });

test('opening a claim whose note has its keys in another order writes nothing', async ({ page, app }) => {
  test.setTimeout(120_000);
  const { added } = await api<{ added: Array<{ id: string }> }>(app, 'importText', { text: TEXT, name: 'ferry.txt' });
  const sourceId = added[0]!.id;
  const claim = await api<Stored>(app, 'addClaimByQuote', { sourceId, quote: QUOTE });
  const seeded = await api<Stored>(app, 'updateAnnotation', { sourceId, id: claim.id, patch: { note: NOTE } });
  const history = await api<unknown>(app, 'listHistory', {});
  const undo = await api<unknown>(app, 'getHistory', {});
  const stored = async () => (await app.readSource(sourceId)).annotations as unknown as Stored[];
  expect((await stored())[0]!.updatedAt).toBe(seeded.updatedAt);

  await page.goto(app.url);
  await sourceList(page).getByRole('option').first().click();
  await expect(reader(page)).toContainText(QUOTE);
  await annotations(page).getByRole('listitem').first().click();
  const note = editor(page).getByRole('textbox', { name: 'Note' });
  await expect(note).toContainText('Check the July numbers.');
  await expect(note.locator('h2')).toHaveText('Ask the port');

  // Into the note and out again, without typing; then longer than the editor's save delay.
  await note.click();
  await expect(note).toBeFocused();
  await reader(page).click({ position: { x: 5, y: 5 } });
  await expect(note).not.toBeFocused();
  await page.waitForTimeout(1500);

  // Going to another annotation and back flushes whatever the editor still holds.
  await page.keyboard.press('Escape');
  await annotations(page).getByRole('listitem').first().click();
  await expect(note).toContainText('Check the July numbers.');
  await page.waitForTimeout(1000);

  const [after] = await stored();
  expect(after!.updatedAt).toBe(seeded.updatedAt);
  expect(after!.note).toEqual(NOTE);
  expect(await api(app, 'listHistory', {})).toEqual(history);
  expect(await api(app, 'getHistory', {})).toEqual(undo);

  // A real edit is still saved.
  await note.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Done.');
  await expect.poll(async () => JSON.stringify((await stored())[0]!.note), { timeout: 10_000 }).toContain('Done.');
  expect((await api<{ undoLabel?: string }>(app, 'getHistory', {})).undoLabel).toBe('Edit note');
});
