/**
 * The desktop app end to end: launches the built Electron app (out/) with
 * `_electron.launch` on a temporary notebook (DOSSIER_NOTEBOOK) and a
 * temporary settings folder (DOSSIER_USER_DATA), imports a fixture picked in
 * the window's file input (a grant from main, never a path in the page), and
 * checks that the window lists it and the security settings are in force. Skips, with the reason, where the Electron binary
 * is not installed. The app is built first unless DOSSIER_SKIP_BUILD=1.
 *
 * With DOSSIER_APP_EXECUTABLE naming a packaged app's executable (e.g.
 * release/linux-unpacked/dossier-app), it launches that instead: the app as
 * installed, loading its own app.asar (no build, no project folder). Playwright
 * drives the main process through `--inspect`, so that build needs the
 * EnableNodeCliInspectArguments fuse on (the release workflow packs such a test
 * build beside the installers, which keep it off).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { DESKTOP_METHODS, RENDERER_METHODS } from '../../shared/api-methods';

const root = path.resolve(import.meta.dirname, '../..');
const binaryRelative =
  process.platform === 'darwin'
    ? 'node_modules/electron/dist/Electron.app/Contents/MacOS/Electron'
    : process.platform === 'win32'
      ? 'node_modules/electron/dist/electron.exe'
      : 'node_modules/electron/dist/electron';
const packagedApp = process.env.DOSSIER_APP_EXECUTABLE
  ? path.resolve(root, process.env.DOSSIER_APP_EXECUTABLE)
  : undefined;
const electronBinary = packagedApp ?? path.join(root, binaryRelative);

const skipReason = `Electron binary not installed here (${binaryRelative} is missing; Electron downloads it on first use, which this machine cannot): skipped`;
const hasBinary = existsSync(electronBinary);

const TITLE = 'Hamnavtalet i Norrhamn undertecknat efter nattliga förhandlingar';
const ARTICLE = `${TITLE}

Publicerad 14 mars 2026 · Uppdaterad 15 mars 2026

Av Karin Lindqvist, Kustbladet

Efter två dygns förhandlingar skrev hamnbolaget och fackförbundet på måndagen under ett nytt avtal om skiftarbete i Norrhamn. ”Det här ger oss arbetsro i tre år”, sade förhandlaren Per Ek.

Avtalet gäller från den 1 april. Rederierna välkomnade beskedet men varnade för högre avgifter.

Läs också: Färjetrafiken ställs in i helgen

© Kustbladet 2026. Alla rättigheter förbehållna.
`;

interface Fixture {
  dir: string;
  notebook: string;
  article: string;
}

let fixture: Fixture;
let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  // A packaged app that was asked for and is missing is a failed packaging, not a reason to skip.
  if (packagedApp && !hasBinary)
    throw new Error(`DOSSIER_APP_EXECUTABLE names ${packagedApp}, which does not exist (package the app first)`);
  if (!hasBinary) {
    // Printed, so a skipped run says why (the list reporter shows test output, not skip annotations).
    console.log(`[electron e2e] ${skipReason}`);
    test.skip(true, skipReason);
    return;
  }
  if (!packagedApp && process.env.DOSSIER_SKIP_BUILD !== '1') {
    const build = spawnSync('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], {
      cwd: root,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    expect(build.status, `electron-vite build failed:\n${build.stdout}\n${build.stderr}`).toBe(0);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-electron-e2e-'));
  fixture = { dir, notebook: path.join(dir, 'E2E.dossier'), article: path.join(dir, 'hamnavtalet.txt') };
  await writeFile(fixture.article, ARTICLE, 'utf8');

  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RENDERER_URL') env[k] = v;
  env.DOSSIER_NOTEBOOK = fixture.notebook;
  env.DOSSIER_USER_DATA = path.join(dir, 'userData');

  app = await electron.launch({
    executablePath: electronBinary,
    // Chromium refuses to run as root with its OS sandbox (CI containers); the page sandbox (webPreferences) stays on.
    // A packaged app loads its own app.asar; the bare Electron binary is given the project folder.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...(packagedApp ? [] : [root])],
    cwd: packagedApp ? dir : root,
    env,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (fixture) await rm(fixture.dir, { recursive: true, force: true });
});

test('opens the requested notebook in a hardened window', async () => {
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
  expect(title).toContain('E2E');
  // The app under test is the one asked for: the packaged app.asar, or the project folder.
  const where = await app.evaluate(({ app: electronApp }) => ({
    packaged: electronApp.isPackaged,
    appPath: electronApp.getAppPath(),
  }));
  expect(where.packaged).toBe(Boolean(packagedApp));
  expect(where.appPath).toMatch(packagedApp ? /app\.asar$/ : /./);
  expect(await readdir(fixture.notebook)).toContain('notebook.json');

  // The page sees window.dossier (one function per renderer-facing method, onEvent, the desktop extras) and no Node.
  const surface = await page.evaluate(() => {
    const g = globalThis as unknown as { dossier?: Record<string, unknown>; require?: unknown; process?: unknown };
    return { keys: Object.keys(g.dossier ?? {}).sort(), require: typeof g.require, process: typeof g.process };
  });
  expect(surface.keys).toEqual([...RENDERER_METHODS, ...DESKTOP_METHODS, 'onEvent'].sort());
  expect(surface.keys).not.toContain('importPaths');
  expect(surface.require).toBe('undefined');
  expect(surface.process).toBe('undefined');
});

test('imports a fixture picked in the file input (through a grant) and the window lists it', async ({}, testInfo) => {
  // The page cannot name a path: a grant id main did not issue is refused.
  const forged = await page.evaluate(async () => {
    const g = globalThis as unknown as { dossier: { importGrants(i: { grants: string[] }): Promise<unknown> } };
    return g.dossier.importGrants({ grants: ['A'.repeat(32)] });
  });
  expect(forged).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  // A file the person picks: the preload reads its path, main hands the page a grant and imports it.
  await page.getByTestId('import-input').setInputFiles(fixture.article);

  const sources = page.getByRole('listbox', { name: 'Sources' });
  await expect(sources.getByRole('option').filter({ hasText: TITLE })).toBeVisible();
  await sources.getByRole('option').filter({ hasText: TITLE }).click();
  await expect(page.getByText('sade förhandlaren Per Ek')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('electron-window.png') });
});

test('a page that navigates away is stopped and keeps its API door shut to others', async () => {
  const before = page.url();
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'file:///etc/hostname';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  // An invalid payload comes back as a Result, not a thrown error.
  const bad = await page.evaluate(async () => {
    const g = globalThis as unknown as { dossier: { getSource(i: unknown): Promise<unknown> } };
    return g.dossier.getSource({ id: 42 });
  });
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
});
