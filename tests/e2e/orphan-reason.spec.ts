/**
 * An annotation whose passage is gone from the text (an orphan) says why it
 * could not be placed, in the interface's language: in the inspector's editor
 * when it is selected, in English and after switching to Swedish.
 */
import path from 'node:path';
import { expect, test } from './app-fixture';
import { annotationEditor, api } from './steps';

const SHOTS = process.env.DOSSIER_SHOTS;
const TEXT = 'The minister said the bridge would open in May.\n\nCritics doubted the budget.';
const at = '2026-01-01T00:00:00.000Z';
const meta = {
  id: 'src_one',
  title: 'Bridge opening',
  language: 'en',
  importedAt: at,
  origin: { kind: 'paste', sha256: 'a'.repeat(64) },
};

test.use({
  seedFiles: {
    'notebook.json': `${JSON.stringify({ schemaVersion: 1, id: 'nb_orphan', title: 'Bridge', createdAt: at, sources: [meta] }, null, 1)}\n`,
    'sources/src_one.json': `${JSON.stringify(
      {
        schemaVersion: 1,
        source: { ...meta, text: TEXT, removed: [] },
        annotations: [
          {
            id: 'ann_gone',
            sourceId: 'src_one',
            kind: 'claim',
            // A passage the text no longer has, anywhere.
            target: { start: 0, end: 29, exact: 'The harbour tunnel is cancelled', prefix: '', suffix: ' for good' },
            tagIds: [],
            status: 'unverified',
            actors: [],
            createdAt: at,
            updatedAt: at,
          },
        ],
      },
      null,
      1,
    )}\n`,
  },
});

test('an orphan says why it could not be placed, in English and in Swedish', async ({ page, app }) => {
  await page.goto(app.url);
  await page
    .getByRole('listbox', { name: 'Sources' })
    .getByRole('option', { name: /Bridge opening/ })
    .click();
  const orphans = page.getByRole('list', { name: 'Orphaned annotations' });
  await orphans.getByRole('button').first().click();
  await expect(annotationEditor(page).locator('.orphan-warning')).toHaveText(
    'This passage is no longer found in the text; the annotation is kept with its quote. ' +
      'It could not be placed: the quote was not found in the text, not even approximately.',
  );
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'orphan-reason-en.png') });

  await api(app, 'updateSettings', { language: 'sv' });
  await page.reload();
  await page
    .getByRole('listbox', { name: 'Källor' })
    .getByRole('option', { name: /Bridge opening/ })
    .click();
  await page.getByRole('list', { name: 'Föräldralösa annoteringar' }).getByRole('button').first().click();
  await expect(page.locator('.orphan-warning')).toContainText(
    'Den kunde inte placeras: citatet finns inte i texten, inte ens ungefärligt.',
  );
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'orphan-reason-sv.png') });
});
