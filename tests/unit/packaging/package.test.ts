/**
 * The packaged app, built and packed the way `npm run dist` does it, without an
 * Electron binary: `npm run build`, then electron-builder's
 * `dir` target for Linux on a stand-in Electron distribution (a shell script
 * named `electron`; see fixtures/pack-linux-dir.cjs for the two test-only
 * config overrides). Then it reads `app.asar` as shipped: what is in it, what
 * is not, its size; extracts it and boots its main (Node 22, stand-in
 * electron module) far enough to open a notebook and create the window; runs
 * the packaged CLI from it with plain node; and runs the .deb's `dossier`
 * wrapper against the unpacked app. It also renders the icons (`npm run icons`)
 * into a temporary folder and checks each file's format and sizes.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import asar from '@electron/asar';
import { Resvg } from '@resvg/resvg-js';
import { init, parse } from 'es-module-lexer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staleReason } from '../../helpers/built-app';
import { tempDir } from '../../helpers/temp-dir';
import { runMain } from '../electron/fixtures/main-entry-scenarios';

const root = path.resolve(import.meta.dirname, '../../..');
const fixtures = path.join(root, 'tests/fixtures/articles/files');
const MB = 1024 * 1024; // as `ls -lh` counts
/**
 * The budget for app.asar (over 90 MB while the renderer's libraries and tsx were in `dependencies`).
 * 44 MB since the exchange formats and citation styles: citation-js with its fetch dependencies
 * (reference exports) and citeproc with the CSL styles (briefs) add about 4 MB; 42.4 MB when raised.
 * Team notebooks (isomorphic-git) and the interface languages (i18next, the catalogues, the Swedish
 * CSL locale) fit in it once the browser builds of pako and i18next are left out: 43.9 MB (46.2 MB with them).
 * 41.6 MB with sharing from the desktop app once web-streams-polyfill's unused builds are left out too.
 */
const ASAR_BUDGET = 44 * MB;

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const productionDeps = Object.keys(pkg.dependencies);
/**
 * Loaded by file path at run time, not imported: pdf-layout.ts (the PDF export) reads its font files; actor
 * detection (known-names.ts) reads the company list.
 */
const LOADED_BY_PATH = ['@expo-google-fonts/source-serif-4', '@cspell/dict-companies'];
/** The files of those that must be in the package. */
const DATA_FILES = [
  'node_modules/@cspell/dict-companies/cspell-ext.json',
  'node_modules/@cspell/dict-companies/dict/companies.txt',
];

let work: { dir: string; cleanup: () => Promise<void> };
let appOutDir: string;
let asarFile: string;
let app: string; // app.asar extracted
let entries: string[];

function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; timeout?: number } = {},
): SpawnSyncReturns<string> {
  const result = spawnSync(cmd, args, {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    timeout: opts.timeout ?? 180_000,
    env: { ...process.env, ...opts.env },
    maxBuffer: 64 * MB,
  });
  if (result.error) throw result.error;
  return result;
}

function mustRun(cmd: string, args: string[], opts?: Parameters<typeof run>[2]): string {
  const result = run(cmd, args, opts);
  if (result.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} exited ${result.status}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`,
    );
  return result.stdout;
}

/** A stand-in for an unpacked Electron distribution: what electron-builder copies and renames. */
async function fakeElectronDist(dir: string): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  await writeFile(path.join(dir, 'locales', 'en-US.pak'), 'stand-in');
  await writeFile(path.join(dir, 'LICENSE'), 'Stand-in for the Electron license (tests only).\n');
  await writeFile(path.join(dir, 'LICENSES.chromium.html'), '<p>Stand-in (tests only).</p>\n');
  await writeFile(path.join(dir, 'version'), `${readElectronVersion()}\n`);
  // Run as Node (ELECTRON_RUN_AS_NODE=1), it reports its arguments, one a line,
  // so the .deb wrapper's call can be checked; otherwise it says what it is.
  const exe = path.join(dir, 'electron');
  await writeFile(
    exe,
    '#!/bin/sh\nif [ "$ELECTRON_RUN_AS_NODE" = 1 ]; then echo "run-as-node"; for a in "$@"; do echo "$a"; done; exit 0; fi\necho "stand-in electron: no GUI here" >&2\nexit 3\n',
  );
  chmodSync(exe, 0o755);
  return dir;
}

function readElectronVersion(): string {
  return (
    JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
  ).version;
}

/** Bare specifiers (packages) that a built bundle imports, statically or with import('literal'). */
function importedPackages(file: string): string[] {
  const [imports] = parse(readFileSync(file, 'utf8'));
  return imports
    .map((i) => i.n)
    .filter(
      (n): n is string => typeof n === 'string' && !n.startsWith('.') && !n.startsWith('/') && !n.startsWith('node:'),
    );
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function jsFilesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dir, f));
}

/** The packaged CLI, from the extracted app, with plain node. */
function cli(notebook: string, ...args: string[]): SpawnSyncReturns<string> {
  return run(process.execPath, [path.join(app, 'out/cli/dossier.js'), '--notebook', notebook, ...args], {
    cwd: work.dir,
    timeout: 60_000,
  });
}

function cliJson<T>(notebook: string, ...args: string[]): T {
  const r = cli(notebook, ...args, '--json');
  expect(r.status, `dossier ${args.join(' ')}:\n${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as T;
}

beforeAll(async () => {
  await init;
  work = await tempDir('dossier-package-');
  // out/ is brought up to date once for the whole run by Vitest's global setup (tests/helpers/build-once.ts).
  expect(staleReason()).toBeNull();
  const dist = await fakeElectronDist(path.join(work.dir, 'electron-dist'));
  const packed = mustRun(process.execPath, [
    path.join(import.meta.dirname, 'fixtures/pack-linux-dir.cjs'),
    root,
    dist,
    path.join(work.dir, 'release'),
  ]);
  appOutDir = (JSON.parse(packed.trim().split('\n').at(-1)!) as { appOutDir: string }).appOutDir;
  asarFile = path.join(appOutDir, 'resources', 'app.asar');
  entries = asar.listPackage(asarFile, { isPack: false }).map((e) => e.replaceAll('\\', '/').replace(/^\//, ''));
  app = path.join(work.dir, 'app');
  asar.extractAll(asarFile, app);
}, 300_000);

afterAll(async () => {
  await work?.cleanup();
});

describe('app.asar', () => {
  it(`stays within ${ASAR_BUDGET / MB} MB`, () => {
    const size = statSync(asarFile).size;
    console.log(
      `[package] app.asar: ${(size / MB).toFixed(1)} MB, ${entries.length} entries (budget ${ASAR_BUDGET / MB} MB)`,
    );
    expect(size).toBeLessThanOrEqual(ASAR_BUDGET);
  });

  it('holds the built app, the CLI, package.json and every production dependency', () => {
    for (const file of [
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/cli/dossier.js',
      'package.json',
    ]) {
      expect(entries, file).toContain(file);
    }
    for (const dep of productionDeps) expect(entries, dep).toContain(`node_modules/${dep}/package.json`);
    const shipped = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8'));
    expect(shipped.main).toBe('out/main/index.js');
    // Electron names the app, and so its settings and logs folders (~/.config/Dossier, %APPDATA%\Dossier),
    // from the shipped package.json's productName, before main runs; without it they would be "dossier".
    expect(shipped.productName).toBe('Dossier');
  });

  it('holds no sources, tests, docs, source maps, renderer-only or build-time packages', () => {
    const forbidden = [
      /^(tests|bench|docs|scripts|main|renderer|shared|build|bin)\//,
      /\.map$/,
      /\.(ts|tsx|mts|cts)$/,
      /^node_modules\/(react|react-dom|@tiptap|prosemirror-[^/]+|tsx|esbuild|@esbuild|electron|vite|vitest|typescript|@napi-rs)\//,
    ];
    const found = entries.filter((e) => forbidden.some((re) => re.test(e)));
    expect(found).toEqual([]);
  });

  it('every package main and the CLI import is a production dependency and resolves inside the package', () => {
    const bundles = [...jsFilesIn(path.join(app, 'out/main')), ...jsFilesIn(path.join(app, 'out/cli'))];
    const specifiers = [...new Set(bundles.flatMap(importedPackages))].filter((s) => s !== 'electron');
    expect(specifiers.length).toBeGreaterThan(10);
    for (const s of specifiers) expect(productionDeps, `${s} is imported at run time`).toContain(packageName(s));
    // And no production dependency is dead weight: each is imported (or read by path).
    const used = new Set(specifiers.map(packageName));
    expect(productionDeps.filter((d) => !used.has(d) && !LOADED_BY_PATH.includes(d))).toEqual([]);
    for (const f of DATA_FILES) expect(existsSync(path.join(app, f)), f).toBe(true);

    // Resolve each one as Node would from the extracted out/main (ESM conditions).
    const probe = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        'for (const s of JSON.parse(process.argv[1])) console.log(import.meta.resolve(s));',
        JSON.stringify(specifiers),
      ],
      { cwd: path.join(app, 'out/main') },
    );
    expect(probe.stderr).toBe('');
    const resolved = probe.stdout.trim().split('\n');
    expect(resolved).toHaveLength(specifiers.length);
    for (const url of resolved) expect(url.startsWith(pathToFileURL(app).href + '/node_modules/')).toBe(true);
  });

  it('the CLI is plain JavaScript: no tsx, no TypeScript or JSON imports left for a loader', () => {
    const specifiers = jsFilesIn(path.join(app, 'out/cli')).flatMap(importedPackages);
    expect(specifiers.filter((s) => s.startsWith('tsx') || /\.(ts|json)$/.test(s))).toEqual([]);
    const mainSpecifiers = jsFilesIn(path.join(app, 'out/main')).flatMap(importedPackages);
    expect(mainSpecifiers.filter((s) => s.endsWith('.json'))).toEqual([]);
  });
});

describe('the packaged main process', () => {
  it('boots from the extracted asar: opens the notebook, creates the window, serves the API, quits cleanly', async () => {
    // The same first-start scenario the built-main tests run, on the bundle inside app.asar.
    const home = path.join(work.dir, 'home');
    mkdirSync(home, { recursive: true });
    const { summary } = await runMain('built', 'first-start', {
      home,
      env: { BOOT_MAIN_ENTRY: path.join(app, 'out/main/index.js') },
    });
    const start = summary.steps.start;
    expect(summary.dialogs).toEqual([]);
    expect(start.title).toBe('My Research — Dossier');
    // The page is served by the app:// handler from the renderer folder inside the package.
    expect(summary.loads).toEqual([{ kind: 'url', target: 'app://dossier/index.html' }]);
    expect(start.protocol.entry).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(start.protocol.entry.body).toBe(readFileSync(path.join(app, 'out/renderer/index.html'), 'utf8'));
    expect(start.webPreferences.preload).toBe(path.join(app, 'out/preload/index.cjs'));
    expect(existsSync(start.webPreferences.preload)).toBe(true);
    const notebook = path.join(home, 'Documents', 'Dossier', 'My Research.dossier');
    expect(summary.steps.ipc.getNotebook).toMatchObject({ ok: true, value: { path: notebook, readOnly: false } });
    expect(summary.steps.ipc.imported).toMatchObject({
      ok: true,
      value: { added: [{ title: 'Färjan till Norrhamn ställs in' }] },
    });
    expect(summary.lifecycle.slice(-2)).toEqual(['quit', 'exit 0']);
    expect(summary.steps.atQuit).toEqual({ notebookLockPresent: false });
    // Every module the packaged bundle loaded came from inside the package.
    expect(summary.loadedFiles.length).toBeGreaterThan(0);
    const outside = summary.loadedFiles.filter(
      (f) => !f.startsWith(app + path.sep) && !f.startsWith(path.join(root, 'tests') + path.sep),
    );
    expect(outside).toEqual([]);
  }, 120_000);
});

describe('the packaged CLI (out/cli/dossier.js in app.asar, plain node)', () => {
  it('imports PDF, Word and HTML articles, lists them, and exports a brief as PDF', async () => {
    const notebook = path.join(work.dir, 'Cli.dossier');
    const files = ['en-harbour-strike.pdf', 'sv-farjelinjen.docx', 'de-wasserstoff.html'];
    const expected = files.map(
      (f) => (JSON.parse(readFileSync(path.join(fixtures, `${f}.expected.json`), 'utf8')) as { title: string }).title,
    );

    const imported = cliJson<{ added: Array<{ id: string; title: string }>; rejected: unknown[] }>(
      notebook,
      'import',
      ...files.map((f) => path.join(fixtures, f)),
    );
    expect(imported.rejected).toEqual([]);
    expect(imported.added.map((s) => s.title)).toEqual(expected);

    const sources = cliJson<Array<{ id: string; title: string }>>(notebook, 'sources');
    expect(sources.map((s) => s.title).sort()).toEqual([...expected].sort());

    const pdfSource = imported.added[0]!;
    cliJson(
      notebook,
      'claim',
      'add',
      pdfSource.id,
      '--quote',
      'Container traffic',
      '--actor',
      'Hannah Okafor:speaker:opposes',
    );
    const brief = cliJson<{ id: string }>(notebook, 'brief', 'draft', '--actor', 'Hannah Okafor');
    // PDF: reads the embedded fonts by path from node_modules (the files the asar must keep).
    const out = path.join(work.dir, 'brief.pdf');
    cliJson(notebook, 'brief', 'export', brief.id, '--format', 'pdf', '--out', out);
    expect((await readFile(out)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // References: citation-js loads from the packaged node_modules (its CommonJS build; the asar drops the twin).
    const ris = path.join(work.dir, 'refs.ris');
    expect(cliJson<{ items: number }>(notebook, 'export', 'ris', '--out', ris).items).toBe(files.length);
    const records = await readFile(ris, 'utf8');
    expect(records.match(/^TY {2}- NEWS\r$/gm)).toHaveLength(files.length);
    for (const title of expected) expect(records).toContain(`TI  - ${title}\r\n`);
  }, 120_000);

  it('the .deb wrapper runs it with the app binary as Node (ELECTRON_RUN_AS_NODE)', () => {
    const wrapper = path.join(root, 'build/linux/dossier');
    const r = run(wrapper, ['sources', '--json'], { env: { DOSSIER_APP_DIR: appOutDir } });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual([
      'run-as-node',
      path.join(appOutDir, 'resources/app.asar/out/cli/dossier.js'),
      'sources',
      '--json',
    ]);
    // The GUI binary it calls is the one electron-builder named; the script it names is in the asar.
    expect(existsSync(path.join(appOutDir, 'dossier-app'))).toBe(true);
    expect(entries).toContain('out/cli/dossier.js');
  });
});

describe('icons (npm run icons, from build/icon.svg)', () => {
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
  let out: string;

  beforeAll(() => {
    out = path.join(work.dir, 'icons-out');
    mustRun(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/icons.ts'), '--out', out]);
  }, 60_000);

  it('renders the Linux set, one PNG per size, each that size', () => {
    for (const size of sizes) {
      const png = readFileSync(path.join(out, 'icons', `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${size}x${size}.png`).toEqual([size, size]);
    }
    // RGBA (PNG colour type 6), so the rounded corners can be transparent…
    expect(readFileSync(path.join(out, 'icon.png'))[25]).toBe(6);
    // …and the vector, rendered the way the script renders it, is transparent at a corner and painted in the middle.
    const { pixels, width } = new Resvg(readFileSync(path.join(root, 'build/icon.svg'), 'utf8'), {
      fitTo: { mode: 'width', value: 64 },
      background: 'rgba(0,0,0,0)',
    }).render();
    const alpha = (x: number, y: number) => pixels[(y * width + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(32, 32)).toBe(255);
  });

  it('packs a macOS .icns up to 1024 px and a Windows .ico up to 256 px', () => {
    const icns = readFileSync(path.join(out, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
      types.push(icns.subarray(at, at + 4).toString('latin1'));
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));

    const ico = readFileSync(path.join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});
