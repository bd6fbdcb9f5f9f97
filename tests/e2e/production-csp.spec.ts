/**
 * One whole journey under the exact production Content-Security-Policy:
 * import a fictional article through the Import button, claim a passage
 * selected with the mouse, link a new actor to it, draft a brief from that
 * actor (citing the claim), export it as Markdown and DOCX. The test fails on
 * any CSP violation, any console message about the policy, any console error
 * and any uncaught page error (the `pageProblems` fixture, checked after each
 * step here so a failure names the step).
 *
 * The page is the bundle `npm run build` writes to out/renderer (the global
 * setup runs that build), served by the loopback bridge. What differs from
 * Electron's production page, and nothing else:
 * - Origin: http://127.0.0.1:<port> instead of file://, so 'self' names the
 *   bridge; every request the page makes is checked to stay on that origin.
 * - Delivery: Electron gets the policy from index.html's <meta> tag only; here
 *   the same <meta> tag applies and the bridge also sends the policy as a header,
 *   which adds frame-ancestors 'none' (a <meta> policy cannot carry it; it only
 *   limits who may frame the page). Both are enforced, so the page runs under
 *   the intersection — exactly the production policy.
 * - API: Electron's preload provides `window.dossier` (IPC). Here no script is
 *   injected: the bundled renderer, finding no `window.dossier`, uses its
 *   built-in client of the same shape over fetch and EventSource to /api/ on
 *   its own origin — allowed by the production connect-src 'self', not by any
 *   relaxation.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { contentSecurityPolicy } from '../../shared/csp';
import { artifactsDir, expect, fixturesDir, repoRoot, test } from './app-fixture';
import {
  annotationEditor,
  caretToEnd,
  claimSelection,
  downloadExport,
  dragOver,
  draftBriefFromActor,
  linkSpeaker,
  reader,
} from './steps';

const ARTICLE = path.join(fixturesDir, 'harbour-ferry.txt');
const TITLE = 'Harbour council approves night ferry trial despite cost warnings';
const QUOTE = 'Nurses and bakers on Brask start work before the first boat leaves.';
const ACTOR = 'Ingrid Halvorsen';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(artifactsDir, `csp-journey-${name}.png`) });

test('the built renderer under the production CSP: import → claim → link an actor → brief → export, without a single violation', async ({
  page,
  app,
  pageProblems,
}, testInfo) => {
  test.setTimeout(180_000); // shared two-core machine
  await mkdir(artifactsDir, { recursive: true });
  const origin = new URL(app.url).origin;
  const offOrigin: string[] = [];
  const apiCalls = new Set<string>();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.origin !== origin) offOrigin.push(req.url());
    else if (url.pathname.startsWith('/api/')) apiCalls.add(`${req.method()} ${url.pathname}`);
  });
  const step = (name: string) =>
    expect(pageProblems, `CSP violations, console errors or page errors after: ${name}`).toEqual([]);

  // The page is the built bundle, under the production policy, as header and <meta>.
  const response = await page.goto(app.url);
  expect(response!.headers()['content-security-policy']).toBe(contentSecurityPolicy());
  expect(await response!.text()).toBe(await readFile(path.join(repoRoot, 'out', 'renderer', 'index.html'), 'utf8'));
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    contentSecurityPolicy({ delivery: 'meta' }),
  );
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  expect(
    await page.evaluate(() => 'dossier' in window),
    'no window.dossier is injected: the bundle brings its own bridge client',
  ).toBe(false);
  step('opening the app');

  // Import a fictional article through the toolbar's file picker.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles([ARTICLE]);
  await expect(page.getByRole('status', { name: 'Import summary' })).toContainText('Imported 1 source');
  await expect(reader(page)).toContainText(QUOTE);
  // Fonts come from the bundle ('self'): the reading face is loaded, not a fallback.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts].some((f) => f.family.includes('Source Serif 4') && f.status === 'loaded'),
      ),
    )
    .toBe(true);
  step('importing the article');

  // A claim from a mouse selection, linked as a supporting speaker to the person detection found (choosing the
  // suggestion accepts it).
  await dragOver(page, QUOTE);
  await claimSelection(page, QUOTE);
  await linkSpeaker(page, app, ACTOR, new RegExp(`${ACTOR} person · detected`), ACTOR, 'supports');
  await annotationEditor(page).getByRole('textbox', { name: 'Note' }).click();
  await page.keyboard.type('Ask the ferry operator for the first-sailing times.');
  await shot(page, '1-claim-and-actor');
  step('claiming and linking the actor');

  // A brief drafted from the actor cites the claim.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Briefs' }).click();
  await draftBriefFromActor(page, 'halvor', ACTOR);
  const chip = page.locator('.brief-doc .cite-chip');
  await expect(chip).toHaveCount(1);
  await expect(chip).toHaveAttribute('data-state', 'live');
  const doc = page.getByTestId('brief-doc');
  await expect(doc).toContainText(QUOTE);
  // A closing paragraph after the quote: at the end of its attribution line, Enter twice (the second
  // leaves the quote).
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await caretToEnd(page, doc.locator('blockquote > p').last(), 'End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The council vote was 7–4.');
  await expect(doc.locator('blockquote + p')).toHaveText('The council vote was 7–4.');
  await expect(chip).toHaveCount(1);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await shot(page, '2-brief');
  step('drafting the brief');

  // Export: Markdown with a footnote naming the source, DOCX with a real Word footnote.
  const dir = testInfo.outputPath('exports');
  await mkdir(dir, { recursive: true });
  const md = await downloadExport(page, 'Markdown', dir);
  expect(md.name).toBe(`Brief ${ACTOR}.md`);
  const markdown = await readFile(md.file, 'utf8');
  expect(markdown).toContain(QUOTE);
  expect(markdown).toContain('The council vote was 7–4.');
  expect(markdown.match(/^\[\^1\]: .*$/m)?.[0]).toContain(TITLE);
  const docx = await downloadExport(page, 'DOCX', dir);
  expect(docx.name).toBe(`Brief ${ACTOR}.docx`);
  const files = unzipSync(new Uint8Array(await readFile(docx.file)));
  const documentXml = strFromU8(files['word/document.xml']!);
  const footnotesXml = strFromU8(files['word/footnotes.xml']!);
  expect(documentXml.match(/<w:footnoteReference /g)).toHaveLength(1);
  expect(`${documentXml}${footnotesXml}`).toContain('Nurses and bakers on Brask');
  expect(footnotesXml).toContain(TITLE);
  await shot(page, '3-exported');
  step('exporting');

  // Everything the page loaded or called stayed on its own origin: the bundle's bridge client did the work.
  expect(offOrigin).toEqual([]);
  for (const call of [
    'GET /api/events',
    'POST /api/importFiles',
    'POST /api/acceptSuggestion',
    'POST /api/draftBrief',
    'POST /api/exportBrief',
  ]) {
    expect([...apiCalls]).toContain(call);
  }
});

test('the policy in force is the production one, from both the <meta> tag and the header: what it must refuse, it refuses', async ({
  page,
  app,
}) => {
  // The same page, in a second tab the problem fixture does not watch, so the refusals can be provoked.
  await page.goto(app.url);
  const probe = await page.context().newPage();
  await probe.goto(app.url);
  await expect(probe.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  // Each attempt runs as a task of the page itself (code evaluated by the test tool may skip the eval check);
  // its result is the directives and the policies of the violations it caused.
  const refused = await probe.evaluate(async () => {
    const attempts: Array<() => unknown> = [
      () => eval('1'),
      () => document.head.append(Object.assign(document.createElement('script'), { textContent: 'void 0' })),
      () => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body{}' })),
      () =>
        document.body.append(
          Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }),
        ),
      () => new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' }))),
      () => fetch('http://203.0.113.7/'),
      () => document.body.append(Object.assign(document.createElement('iframe'), { src: './index.html' })),
    ];
    const results: Array<{ directives: string[]; policies: string[] }> = [];
    for (const attempt of attempts) {
      const directives = new Set<string>();
      const policies = new Set<string>();
      const record = (e: SecurityPolicyViolationEvent) => {
        directives.add(e.effectiveDirective);
        policies.add(e.originalPolicy);
      };
      document.addEventListener('securitypolicyviolation', record);
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          try {
            void Promise.resolve(attempt()).catch(() => undefined);
          } catch {
            // A refused eval or worker throws: the violation event is what counts.
          }
          resolve();
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      document.removeEventListener('securitypolicyviolation', record);
      results.push({ directives: [...directives], policies: [...policies].sort() });
    }
    return results;
  });
  const both = [contentSecurityPolicy(), contentSecurityPolicy({ delivery: 'meta' })].sort();
  expect(refused).toEqual(
    ['script-src', 'script-src-elem', 'style-src-elem', 'img-src', 'worker-src', 'connect-src', 'frame-src'].map(
      (d) => ({ directives: [d], policies: both }),
    ),
  );
  await probe.close();
});
