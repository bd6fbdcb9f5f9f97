/**
 * The Node.js version guard (scripts/check-node.mjs) and the Electron binary
 * check before `npm start` / `npm run dev` (scripts/ensure-electron.mjs):
 * each expected failure is one readable line and a non-zero exit, never a
 * stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAtLeast, nodeVersionProblem, requiredNodeVersion } from '../../../scripts/check-node.mjs';
import { downloadFailureReason } from '../../../scripts/ensure-electron.mjs';
import { tempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
const pretendOld = path.join(root, 'tests/fixtures/node-guard/pretend-node-20.mjs');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('the Node.js version guard', () => {
  it('reads the requirement from package.json engines', () => {
    const engines = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node as string;
    expect(engines).toBe(`>=${requiredNodeVersion()}`);
  });

  it('compares versions part by part', () => {
    expect(isAtLeast('22.12.0', '22.12.0')).toBe(true);
    expect(isAtLeast('v22.12.1', '22.12.0')).toBe(true);
    expect(isAtLeast('23.0.0', '22.12.0')).toBe(true);
    expect(isAtLeast('22.11.9', '22.12.0')).toBe(false);
    expect(isAtLeast('20.20.2', '22.12.0')).toBe(false);
    expect(isAtLeast('22.9.0', '22.12.0')).toBe(false); // numeric, not string, comparison
    expect(nodeVersionProblem('22.12.0', '22.12.0')).toBeNull();
    expect(nodeVersionProblem('v20.20.2', '22.12.0')).toMatch(
      /needs Node\.js 22\.12\.0 or newer; this is Node\.js 20\.20\.2/,
    );
  });

  for (const [name, script] of [
    ['npx dossier', 'bin/dossier.mjs'],
    ['the npm scripts (pre-start, pre-test, pre-bench, pre-dev:web)', 'scripts/check-node.mjs'],
    ['npm start / npm run dev (before any download)', 'scripts/ensure-electron.mjs'],
  ] as const) {
    it(`${name} on an older Node prints one line naming both versions and exits 1`, () => {
      const out = run(['--import', pretendOld, script, '--help']);
      expect(out.status).toBe(1);
      expect(out.stdout).toBe('');
      const lines = out.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Node.js ${requiredNodeVersion()} or newer`);
      expect(lines[0]).toContain('Node.js 20.9.0');
    });
  }

  it('the package.json scripts a person runs are guarded', () => {
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const name of ['start', 'dev']) expect(scripts[`pre${name}`]).toBe('node scripts/ensure-electron.mjs');
    for (const name of ['dev:web', 'test', 'bench']) expect(scripts[`pre${name}`]).toBe('node scripts/check-node.mjs');
  });

  it('a current Node passes the guard and the CLI runs', () => {
    const out = run(['bin/dossier.mjs', '--help']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/dossier/i);
  });
});

describe('the Electron binary check before npm start', () => {
  it('names the cause from the downloader output, not its stack', () => {
    const stack =
      'TypeError: fetch failed\n    at node:internal/deps/undici/undici:15456:13\n    at async FetchDownloader.download (x.js:46:30)';
    expect(downloadFailureReason(stack)).toBe('fetch failed: the download host could not be reached');
    expect(downloadFailureReason('RequestError: getaddrinfo ENOTFOUND github.com\n    at foo')).toBe(
      'getaddrinfo ENOTFOUND github.com',
    );
    expect(downloadFailureReason('')).toBe('no output');
  });

  it('a failed download prints one readable line, exits 1 and leaves no stack trace on screen', async () => {
    // A copy of the project's scripts beside a copy of the electron package
    // without its binary, downloading from a closed loopback port: the same
    // failure as offline, on any machine (even one where Electron is installed).
    const t = await tempDir('dossier-electron-check-');
    cleanups.push(t.cleanup);
    const electronPkg = path.dirname(require.resolve('electron/package.json', { paths: [root] }));
    mkdirSync(path.join(t.dir, 'scripts'));
    mkdirSync(path.join(t.dir, 'node_modules', 'electron'), { recursive: true });
    for (const f of ['check-node.mjs', 'ensure-electron.mjs'])
      cpSync(path.join(root, 'scripts', f), path.join(t.dir, 'scripts', f));
    cpSync(path.join(root, 'package.json'), path.join(t.dir, 'package.json'));
    for (const f of ['package.json', 'install.js', 'checksums.json', 'index.js']) {
      cpSync(path.join(electronPkg, f), path.join(t.dir, 'node_modules', 'electron', f));
    }
    // The installer's own dependencies, as npm would have hoisted them.
    for (const dep of [
      '@electron',
      '@electron-internal',
      'debug',
      'ms',
      'env-paths',
      'graceful-fs',
      'progress',
      'semver',
      'sumchecker',
      'fs-extra',
      'universalify',
      'jsonfile',
    ]) {
      const src = path.join(root, 'node_modules', dep);
      if (existsSync(src)) symlinkSync(src, path.join(t.dir, 'node_modules', dep));
    }
    const child = spawnSync(process.execPath, [path.join(t.dir, 'scripts', 'ensure-electron.mjs')], {
      cwd: t.dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        ELECTRON_EXEC_PATH: '',
        ELECTRON_OVERRIDE_DIST_PATH: '',
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: path.join(t.dir, 'cache'),
      },
    });
    expect(child.status).toBe(1);
    expect(child.stdout).toMatch(/^Downloading the Electron \d+\.\d+\.\d+ binary/);
    const lines = child.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Dossier: the Electron \d+\.\d+\.\d+ binary is not installed and could not be downloaded \(.+\)\./,
    );
    expect(lines[0]).toContain('npx install-electron');
    // The installer really ran and failed on the network, not on a missing module.
    const log = readFileSync(path.join(t.dir, 'node_modules', '.cache', 'dossier', 'electron-install.log'), 'utf8');
    expect(log).toMatch(/fetch failed|ECONNREFUSED/);
    expect(log).not.toMatch(/Cannot find (module|package)/);
  });
});
