/**
 * Test fixtures for the browser end-to-end tests:
 *
 * - `app`: a fresh temporary notebook served by `scripts/dev-web.ts --built`
 *   (the loopback bridge + the built renderer) on a free port; stopped and
 *   removed after the test. `seedFiles` may prepare the folder first;
 *   `renderer: 'dev-server'` serves through Vite's dev server instead.
 * - `pageProblems`: every console error, uncaught page error and CSP
 *   violation of the page; the fixture fails the test if any occurred.
 * - `page`: Playwright's, whose `goto` and `reload` also wait for the window
 *   to be ready (its first render comes after the load event).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { startDevWeb } from '../helpers/dev-web-server';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = path.join(repoRoot, 'tests', 'e2e', 'fixtures');
export const artifactsDir = path.join(repoRoot, 'tests', 'artifacts');

export interface StoredSource {
  source: { id: string; title: string; text: string; language: string; origin: { kind: string; name?: string } };
  annotations: unknown[];
}

export interface AppServer {
  url: string;
  notebookDir: string;
  /** sources/<id>.json as written by the real services. */
  readSource(id: string): Promise<StoredSource>;
  sourceFiles(): Promise<string[]>;
}

export const test = base.extend<{
  /** Files to write into the notebook folder before the app opens it: relative path → content. */
  seedFiles: Record<string, string> | null;
  /** 'built' (default): out/renderer, as Electron loads it; 'dev-server': Vite's dev server with hot reload. */
  renderer: 'built' | 'dev-server';
  app: AppServer;
  pageProblems: string[];
}>({
  seedFiles: [null, { option: true }],
  renderer: ['built', { option: true }],

  app: async ({ seedFiles, renderer, page }, use) => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'dossier-e2e-'));
    const notebookDir = path.join(tmp, 'E2E Notebook.dossier');
    for (const [relative, content] of Object.entries(seedFiles ?? {})) {
      const file = path.join(notebookDir, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    const server = await startDevWeb(notebookDir, renderer);
    try {
      await use({
        url: server.url,
        notebookDir,
        readSource: async (id) =>
          JSON.parse(await readFile(path.join(notebookDir, 'sources', `${id}.json`), 'utf8')) as StoredSource,
        sourceFiles: async () => (await readdir(path.join(notebookDir, 'sources'))).filter((f) => f.endsWith('.json')),
      });
    } finally {
      // Close the page first, so its event stream does not log a refused connection during teardown.
      await page.close().catch(() => undefined);
      await server.stop();
      await rm(tmp, { recursive: true, force: true });
    }
  },

  // The window renders after the page's load event (the interface's words load first), so a navigation
  // also waits for the window to say it is ready (#root loses aria-busy once its listeners are in place).
  page: async ({ page }, use) => {
    const ready = () => page.locator('#root:not([aria-busy])').waitFor({ state: 'attached' });
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (options?.waitUntil !== 'commit') await ready();
      return response;
    };
    page.reload = async (options) => {
      const response = await reload(options);
      if (options?.waitUntil !== 'commit') await ready();
      return response;
    };
    await use(page);
  },

  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        // Chromium reports some policy problems (e.g. a directive a <meta> policy ignores) below the error level.
        if (msg.type() !== 'error' && !/Content[- ]Security[- ]Policy/i.test(msg.text())) return;
        problems.push(`console ${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(
            `CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
          );
        });
      });
      await use(problems);
      expect(problems, 'the page logged errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
