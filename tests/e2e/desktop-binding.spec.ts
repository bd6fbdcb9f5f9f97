/**
 * The renderer with a desktop binding: the page is given a `window.dossier`
 * shaped like the Electron preload's (the renderer-facing methods over the
 * bridge, plus the desktop extras as stand-ins that record their calls), so
 * the browser drives the code paths the desktop app takes:
 *
 * - a drop and the file input ask `grantDroppedFiles` and import with
 *   `importGrants` — the page handles grant ids, never a path, and never
 *   calls a path-taking method (it has none);
 * - a File the binding has no path for (null grant) is imported by its bytes;
 * - a refused grant shows main's message;
 * - brief export asks `exportBriefWithDialog` and shows only the file name,
 *   with no download in the page.
 *
 * The stand-ins imitate main with the files' bytes (the browser has no paths);
 * the real main side is covered by tests/unit/electron.
 */
import type { Page } from '@playwright/test';
import { RENDERER_METHODS } from '../../shared/api-methods';
import { expect, test } from './app-fixture';
import { installBridgeApi, type BridgeInPage } from './steps';

const sourceOptions = (page: Page) => page.getByRole('listbox', { name: 'Sources' }).getByRole('option');

interface Recorded {
  calls: Array<{ method: string; input: unknown }>;
}

/** Installs the desktop-shaped binding before the app's scripts run. */
async function installDesktopBinding(page: Page, options: { refuseGrants?: boolean } = {}): Promise<void> {
  await installBridgeApi(page);
  await page.addInitScript(
    ({ methods, refuseGrants }) => {
      const recorded = { calls: [] as Array<{ method: string; input: unknown }> };
      (window as unknown as { __desktop: typeof recorded }).__desktop = recorded;
      const note = (method: string, input: unknown) => recorded.calls.push({ method, input });
      const bridge = (window as unknown as { __bridge: BridgeInPage }).__bridge;
      const post = bridge.post;
      const api: Record<string, unknown> = { onEvent: bridge.api.onEvent };
      for (const method of methods)
        api[method] = (input: unknown) => {
          note(method, input);
          return post(method, input);
        };
      // Main's part, imitated: a grant per File "from disk" (a name starting "clip" has no path).
      const granted = new Map<string, File>();
      let next = 0;
      api.grantDroppedFiles = async (files: File[]) => {
        note('grantDroppedFiles', { names: files.map((f) => f.name) });
        const grants = files.map((file) => {
          if (file.name.startsWith('clip')) return null;
          const id = `grant${String(next++).padStart(27, '0')}`;
          granted.set(id, file);
          return id;
        });
        return { ok: true, value: { grants } };
      };
      api.importGrants = async (input: { grants: string[] }) => {
        note('importGrants', input);
        if (refuseGrants || !input.grants.every((id) => granted.has(id)))
          return {
            ok: false,
            error: { code: 'invalid-input', message: 'Dossier did not hand out this file permission.' },
          };
        const files = await Promise.all(
          input.grants.map(async (id) => {
            const file = granted.get(id)!;
            granted.delete(id);
            return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
          }),
        );
        return post('importFiles', { files });
      };
      api.exportBriefWithDialog = async (input: { briefId: string; format: string }) => {
        note('exportBriefWithDialog', input);
        const made = await post('exportBrief', input);
        return made.ok ? { ok: true, value: { saved: true, fileName: 'Hamnen (slutversion).md' } } : made;
      };
      (window as unknown as { dossier: unknown }).dossier = Object.freeze(api);
    },
    { methods: [...RENDERER_METHODS], refuseGrants: options.refuseGrants ?? false },
  );
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __desktop: Recorded }).__desktop.calls);

async function drop(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return data;
  }, files);
  await page.dispatchEvent('.pane-reader', 'dragenter', { dataTransfer });
  await page.dispatchEvent('.pane-reader', 'dragover', { dataTransfer });
  await page.dispatchEvent('.pane-reader', 'drop', { dataTransfer });
}

const FERRY = 'Nattfärjan till Brask får klartecken\n\nHamnfullmäktige i Vellmar röstade för ett halvårslångt försök.';
const PIER = 'Old pier to close for repairs\n\nThe harbour office said the pier will close for six weeks in spring.';
const CLIP = 'Lighthouse keeper retires\n\nAfter forty years the keeper of Brask light hands over the keys.';

test.afterEach(async ({ page }) => {
  await page.close();
});

test('a drop and the file input import through grants; a File without a path goes by its bytes', async ({
  page,
  app,
}) => {
  await installDesktopBinding(page);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();

  await drop(page, [{ name: 'farjan.txt', text: FERRY }]);
  await expect(sourceOptions(page)).toHaveCount(1);
  await page
    .getByTestId('import-input')
    .setInputFiles([{ name: 'pier.txt', mimeType: 'text/plain', buffer: Buffer.from(PIER) }]);
  await expect(sourceOptions(page)).toHaveCount(2);
  await drop(page, [{ name: 'clip.txt', text: CLIP }]);
  await expect(sourceOptions(page)).toHaveCount(3);

  const calls = (await recorded(page)).filter((c) =>
    ['grantDroppedFiles', 'importGrants', 'importFiles'].includes(c.method),
  );
  expect(calls.map((c) => c.method)).toEqual([
    'grantDroppedFiles',
    'importGrants',
    'grantDroppedFiles',
    'importGrants',
    'grantDroppedFiles',
    'importFiles',
  ]);
  expect(calls[0]!.input).toEqual({ names: ['farjan.txt'] });
  expect(calls[1]!.input).toEqual({ grants: [expect.stringMatching(/^grant\d{27}$/)] });
  expect(calls[2]!.input).toEqual({ names: ['pier.txt'] });
  // The page never named a path: nothing it sent looks like one.
  expect(JSON.stringify(await recorded(page))).not.toMatch(/"paths"|\/home\/|\\\\Users/);
});

test('a refused grant shows the message main gave, and imports nothing', async ({ page, app }, testInfo) => {
  await installDesktopBinding(page, { refuseGrants: true });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();
  await drop(page, [{ name: 'farjan.txt', text: FERRY }]);
  await expect(page.getByText('Dossier did not hand out this file permission.')).toBeVisible();
  await expect(sourceOptions(page)).toHaveCount(0);
  expect(await app.sourceFiles()).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('desktop-refused-grant.png') });
});

test('brief export asks main for a save dialog and shows only the chosen file name; no download in the page', async ({
  page,
  app,
}, testInfo) => {
  await installDesktopBinding(page);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await page.getByRole('button', { name: 'New brief' }).click();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Export as Markdown' }).click();
  await expect(page.getByText('Exported “Hamnen (slutversion).md”.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('desktop-export-notice.png') });
  const calls = await recorded(page);
  const exports = calls.filter((c) => c.method === 'exportBriefWithDialog');
  expect(exports).toEqual([{ method: 'exportBriefWithDialog', input: { briefId: expect.any(String), format: 'md' } }]);
  expect(downloads).toBe(0);
});
