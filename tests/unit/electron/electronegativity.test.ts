import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyAllowlist, type Finding } from '../../../scripts/electronegativity';
import { tempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function finding(id: string, file: string, sample = ''): Finding {
  return {
    id,
    file,
    line: 1,
    column: 0,
    severity: 'MEDIUM',
    confidence: 'FIRM',
    description: '',
    sample,
    manualReview: false,
  };
}

describe('applyAllowlist', () => {
  const reason = 'Reviewed: a reason long enough to count as one.';

  it('justifies only findings with the same check id and file (and sample text when given)', () => {
    const findings = [
      finding('OPEN_EXTERNAL_JS_CHECK', 'main/electron/window.ts', 'shell.openExternal(url)'),
      finding('OPEN_EXTERNAL_JS_CHECK', 'main/electron/other.ts', 'shell.openExternal(url)'),
      finding('NODE_INTEGRATION_JS_CHECK', 'main/electron/window.ts'),
      finding('CSP_GLOBAL_CHECK', 'renderer/index.html', "script-src 'self' 'unsafe-eval'"),
    ];
    const { justified, remaining, unused } = applyAllowlist(findings, [
      { id: 'open_external_js_check', file: 'main/electron/window.ts', reason },
      { id: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', contains: "script-src 'self';", reason },
      { id: 'SANDBOX_JS_CHECK', file: 'main/electron/window.ts', reason },
    ]);
    expect(justified.map((j) => j.finding.file)).toEqual(['main/electron/window.ts']);
    expect(remaining.map((f) => `${f.id}@${f.file}`)).toEqual([
      'OPEN_EXTERNAL_JS_CHECK@main/electron/other.ts',
      'NODE_INTEGRATION_JS_CHECK@main/electron/window.ts',
      'CSP_GLOBAL_CHECK@renderer/index.html',
    ]);
    expect(unused.map((e) => e.id)).toEqual(['CSP_GLOBAL_CHECK', 'SANDBOX_JS_CHECK']);
  });
});

function scan(args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/electronegativity.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  return { code: result.status, out: `${result.stdout}\n${result.stderr}` };
}

describe('scripts/electronegativity.ts', () => {
  it('fails on an insecure app, listing each finding and an inline eng-disable, and writes CSV and JSON', async () => {
    const t = await tempDir('dossier-eng-test-');
    cleanups.push(t.cleanup);
    const app = path.join(t.dir, 'app');
    await mkdir(app);
    await writeFile(
      path.join(app, 'main.js'),
      [
        "const { app, BrowserWindow, shell } = require('electron');",
        'app.whenReady().then(() => {',
        '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
        "  win.webContents.on('new-window', (e, url) => shell.openExternal(url)); // eng-disable OPEN_EXTERNAL_JS_CHECK",
        "  win.loadURL('http://example.org/');",
        '});',
      ].join('\n'),
    );
    const emptyAllowlist = path.join(t.dir, 'allow-none.json');
    await writeFile(emptyAllowlist, JSON.stringify({ entries: [] }));
    const report = path.join(t.dir, 'report');

    const failing = scan(['--input', app, '--allowlist', emptyAllowlist, '--report', report]);
    expect(failing.code, failing.out).toBe(1);
    expect(failing.out).toContain('SANDBOX_JS_CHECK');
    expect(failing.out).toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
    expect(failing.out).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(failing.out).toContain('INLINE_ENG_DISABLE');
    const parsed = JSON.parse(await readFile(path.join(report, 'report.json'), 'utf8')) as { remaining: Finding[] };
    expect(parsed.remaining.length).toBeGreaterThan(3);
    await expect(readFile(path.join(report, 'report.csv'), 'utf8')).resolves.toContain('CONTEXT_ISOLATION_JS_CHECK');

    // Passing with a full allowlist is covered by applyAllowlist above and by the real scan in `npm test`.
  }, 120_000);
});
