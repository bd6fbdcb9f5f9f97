/**
 * The app:// handler serves the built renderer folder and nothing else: no
 * path out of it (plain, encoded or backslashed `..`), no other host, no NUL,
 * only GET and HEAD; every page carries the production CSP header.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, appFilePath, serveAppFile } from '../../../main/electron/app-protocol';
import { contentSecurityPolicy } from '../../../shared/csp';
import { tempDir } from '../../helpers/temp-dir';

let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  root = path.join(t.dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Dossier</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(t.dir, 'secret.txt'), 'outside the renderer folder');
});
afterAll(() => cleanup());

describe('app:// handler', () => {
  it('serves the entry page and assets with their types and the production CSP', async () => {
    const page = await serveAppFile({ url: APP_ENTRY_URL }, root);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Dossier</title>');
    const script = await serveAppFile({ url: 'app://dossier/assets/app.js?v=1#x' }, root);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const head = await serveAppFile({ url: APP_ENTRY_URL, method: 'HEAD' }, root);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://dossier/../secret.txt',
    'app://dossier/..%2Fsecret.txt',
    'app://dossier/%2e%2e/secret.txt',
    'app://dossier/assets/..%5C..%5Csecret.txt',
    'app://dossier/index.html%00.js',
    'app://dossier/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://dossier/missing.js',
    'app://dossier/assets',
  ])('answers 404 for %s', async (url) => {
    const response = await serveAppFile({ url }, root);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside');
  });

  it('refuses other methods', async () => {
    expect((await serveAppFile({ url: APP_ENTRY_URL, method: 'POST' }, root)).status).toBe(405);
  });

  it('maps the root to index.html and stays inside the folder', () => {
    expect(appFilePath('app://dossier/', root)).toBe(path.join(root, 'index.html'));
    expect(appFilePath('app://dossier/a/../index.html', root)).toBe(path.join(root, 'index.html'));
  });
});
