/**
 * `npm run dev:web` (Vite's dev server behind the loopback bridge) under the
 * development policy of shared/csp.ts: the HMR websocket connects with
 * connect-src 'self' alone, Vite's injected <style> elements and React
 * refresh's inline preamble are allowed, and nothing logs a violation
 * (the `pageProblems` fixture fails the test otherwise).
 */
import { contentSecurityPolicy } from '../../shared/csp';
import { expect, test } from './app-fixture';
import { annotationEditor, claimSelection, pasteText, reader, selectText } from './steps';

test.use({ renderer: 'dev-server' });

test('the dev server page runs under the development policy: hot reload connected, an editor mounted, no violation', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000); // the first load pre-bundles the dependencies
  const connected = page.waitForEvent('console', {
    predicate: (m) => m.text().includes('[vite] connected'),
    timeout: 60_000,
  });
  await page.goto(app.url);
  await connected;
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    contentSecurityPolicy({ dev: true, delivery: 'meta' }),
  );
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible({
    timeout: 60_000,
  });
  const quote = 'The ferry keeps its winter timetable.';
  await pasteText(page, `Ferry timetable unchanged\n\n${quote} The harbour office confirmed it on Friday.`);
  await expect(reader(page)).toContainText(quote);
  await selectText(page, quote);
  await claimSelection(page, quote);
  await expect(annotationEditor(page).getByRole('textbox', { name: 'Note' })).toBeVisible();
});
