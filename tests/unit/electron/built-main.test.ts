/**
 * The BUILT Electron main (out/main/index.js and its chunks, as `npm run
 * build` wrote them) in plain Node 22 against the stand-in electron. Node's
 * ESM loader is the one Electron's main process uses, so a bundle Node
 * refuses (a JSON import without its import attribute, a require of a file
 * that is not there) is a bundle the app cannot start from.
 *
 *   - the shared scenarios (start-up, IPC, File menu with dialogs, second
 *     launch, activate, quit) run on the bundle, as the packaged app;
 *   - every module file of the bundle is imported, and the File-menu scenario
 *     must have loaded every module the bundle imports (lazy ones included);
 *   - a static check of out/main/**: JSON imports carry `with { type: 'json' }`,
 *     every import and require resolves, every package is a dependency;
 *   - both checks reject a deliberately broken copy of the bundle.
 */
import { execFile } from 'node:child_process';
import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT, repoRoot, staleReason } from '../../helpers/built-app';
import { tempDir } from '../../helpers/temp-dir';
import { describeMainEntry, runMain, type MainSummary } from './fixtures/main-entry-scenarios';

interface BundleReport {
  files: string[];
  imports: Array<{ file: string; specifier: string; kind: string; resolved: string | null; json: boolean }>;
  problems: string[];
}

const outMain = path.join(repoRoot, 'out/main');

/** Runs fixtures/check-bundle.mjs on a bundle folder. */
function checkBundle(dir: string): Promise<BundleReport> {
  const script = path.join(import.meta.dirname, 'fixtures/check-bundle.mjs');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--experimental-import-meta-resolve', '--no-warnings', script, dir, path.join(repoRoot, 'package.json')],
      { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`check-bundle.mjs failed: ${stderr}`));
        else resolve(JSON.parse(stdout) as BundleReport);
      },
    );
  });
}

/** A copy of out/main in a temporary folder that still finds the project's node_modules. */
async function copyOfBundle(): Promise<{ dir: string; main: string; cleanup: () => Promise<void> }> {
  const t = await tempDir('dossier-broken-bundle-');
  const main = path.join(t.dir, 'main');
  await cp(outMain, main, { recursive: true });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(t.dir, 'node_modules'), 'dir');
  return { dir: t.dir, main, cleanup: t.cleanup };
}

let report: BundleReport;
beforeAll(async () => {
  report = await checkBundle(outMain);
}, 60_000);

describe('out/ is what the sources build to', () => {
  it('the global setup brought out/ up to date', () => {
    expect(staleReason()).toBeNull();
  });
});

describe('static check of out/main', () => {
  it('finds the entry and its chunks, and no problem in them', () => {
    expect(report.files).toContain('index.js');
    expect(report.files.some((f) => f.startsWith('chunks/'))).toBe(true);
    expect(report.problems).toEqual([]);
  });

  it('rejects a JSON import without its attribute, a require of a missing file and a package that is not a dependency', async () => {
    const copy = await copyOfBundle();
    try {
      const chunk = report.files.find((f) => f.startsWith('chunks/'))!;
      const file = path.join(copy.main, chunk);
      await writeFile(
        file,
        [
          'import countriesEn from "i18n-iso-countries/langs/en.json";',
          'import { createRequire as makeRequire } from "node:module";',
          'import { describe as notShipped } from "vitest";',
          'const require$1 = makeRequire(import.meta.url);',
          'export const broken = [countriesEn, notShipped, () => require$1("./langs/en.json"), (n) => require$1("./langs/" + n + ".json")];',
          await readFile(file, 'utf8'),
        ].join('\n'),
      );
      const broken = await checkBundle(copy.main);
      expect(broken.problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /static import "i18n-iso-countries\/langs\/en\.json" is JSON .* no with \{ type: 'json' \}/,
          ),
          expect.stringMatching(/require\("\.\/langs\/en\.json"\) finds nothing/),
          expect.stringMatching(/"vitest", but vitest is not in package.json dependencies/),
          expect.stringMatching(/computed require relative to the bundle/),
        ]),
      );
      expect(broken.problems).toHaveLength(4);
    } finally {
      await copy.cleanup();
    }
  }, 60_000);
});

describe('the built main in Node', () => {
  it('imports every module file of the bundle (lazily loaded chunks too) and quits', async () => {
    const t = await tempDir('dossier-boot-');
    try {
      const { summary } = await runMain('built', 'load-chunks', { home: t.dir });
      expect(summary.steps.imported).toEqual(report.files);
      expect(summary.lifecycle.slice(-2)).toEqual(['quit', 'exit 0']);
    } finally {
      await t.cleanup();
    }
  }, 60_000);

  it('refuses to load a copy whose lazily loaded chunk imports JSON without the attribute', async () => {
    const copy = await copyOfBundle();
    try {
      const chunk = report.files.find((f) => f.startsWith('chunks/'))!;
      const file = path.join(copy.main, chunk);
      await writeFile(
        file,
        `import countriesEn from "i18n-iso-countries/langs/en.json";\nvoid countriesEn;\n${await readFile(file, 'utf8')}`,
      );
      await expect(
        runMain('built', 'load-chunks', { home: copy.dir, env: { BOOT_MAIN_ENTRY: path.join(copy.main, 'index.js') } }),
      ).rejects.toThrow(/ERR_IMPORT_ATTRIBUTE_MISSING/);
    } finally {
      await copy.cleanup();
    }
  }, 60_000);
});

/** The bundle's files reachable from `entry` through its relative imports (static and dynamic). */
function reachableFrom(entry: string): Set<string> {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    for (const i of report.imports) {
      if (i.file !== file || !i.resolved || !i.resolved.startsWith(outMain + path.sep)) continue;
      const next = path.relative(outMain, i.resolved);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describeMainEntry('built', {
  afterDesktop(summary: MainSummary) {
    // The session went through every part of the main thread's bundle, and loaded every module it imports.
    // What only the import worker uses loads in the worker thread (out of the loader hooks' sight): the
    // scenario's imports succeeding is the proof that it loads.
    const onMainThread = reachableFrom('index.js');
    expect(report.files).toContain('import-worker.js');
    expect(onMainThread.has('import-worker.js')).toBe(false);
    const loaded = new Set(summary.loadedFiles);
    for (const file of report.files.filter((f) => onMainThread.has(f)))
      expect(loaded, `out/main/${file} was never loaded`).toContain(path.join(outMain, file));
    const modules = report.imports.filter(
      (i) =>
        onMainThread.has(i.file) &&
        (i.kind === 'static' || i.kind === 'dynamic') &&
        i.resolved &&
        path.isAbsolute(i.resolved),
    );
    // The lazily loaded exporters are among them (pdfkit for PDF, docx for Word).
    expect(modules.some((i) => i.specifier.startsWith('pdfkit'))).toBe(true);
    for (const i of modules)
      expect(loaded, `${i.specifier} (imported by ${i.file}) was never loaded`).toContain(i.resolved);
    expect(path.join(repoRoot, BUILT.main)).toBe(path.join(outMain, 'index.js'));
  },
});
