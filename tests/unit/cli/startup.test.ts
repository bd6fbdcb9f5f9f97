/**
 * The CLI starts fast: the built `dossier sources` loads none of the heavy
 * packages that only some commands need (they sit in chunks loaded with
 * `import()`), and `npx dossier` (bin/dossier.mjs) runs that bundle only while
 * it was built from the current sources.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliBundleStaleReason } from '../../../scripts/cli-bundle.mjs';
import { writeSyntheticNotebook } from '../../../bench/lib/synthetic-notebook';
import { BUILT, repoRoot } from '../../helpers/built-app';
import { packageRecorder } from '../../helpers/package-recorder';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function scratch(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** Packages a listing command has no use for, each slow to load (actor detection, importers, exporters). */
const HEAVY = [
  '@citation-js/core',
  '@citation-js/plugin-bibtex',
  '@citation-js/plugin-ris',
  'saxes',
  'jsdom',
  'pdfjs-dist',
  'docx',
  'pdfkit',
  'compromise',
  'mammoth',
  '@mozilla/readability',
  'i18n-iso-countries',
];

/** Runs the built CLI, recording every package it loads (package-recorder.ts). */
async function packagesLoadedBy(
  args: string[],
): Promise<{ status: number | null; stderr: string; packages: string[] }> {
  const recorder = await packageRecorder(await scratch());
  const r = spawnSync(process.execPath, ['--import', recorder.registerUrl, path.join(repoRoot, BUILT.cli), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr, packages: await recorder.take() };
}

describe('the built CLI loads only what a command needs', () => {
  it('`dossier sources` loads none of the heavy packages', async () => {
    const nb = path.join(await scratch(), 'nb.dossier');
    await writeSyntheticNotebook(nb, 5, 1);
    const listing = await packagesLoadedBy(['--notebook', nb, 'sources', '--json']);
    expect(listing.stderr).toBe('');
    expect(listing.status).toBe(0);
    // The hook sees the packages the command does load (the schemas, the store)…
    expect(listing.packages).toEqual(expect.arrayContaining(['zod', 'lowdb']));
    // …and none of those it has no use for.
    expect(listing.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('a command that needs a heavy package still gets it (loaded on first use)', async () => {
    const nb = path.join(await scratch(), 'nb.dossier');
    await writeSyntheticNotebook(nb, 3, 1);
    const r = await packagesLoadedBy(['--notebook', nb, 'actors', 'suggest', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.packages).toContain('compromise');
  });

  it('an export to BibTeX loads citation.js, and one to REFI-QDA the XML writer', async () => {
    const dir = await scratch();
    const nb = path.join(dir, 'nb.dossier');
    await writeSyntheticNotebook(nb, 3, 1);
    for (const [format, pkg] of [
      ['bibtex', '@citation-js/core'],
      ['qdc', 'saxes'],
    ] as const) {
      const r = await packagesLoadedBy(['--notebook', nb, 'export', format, '--out', path.join(dir, `out.${format}`)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.packages).toContain(pkg);
    }
  });
});

describe('bin/dossier.mjs runs the bundle only while it is current', () => {
  /** A stand-in repository: a bundle, its inputs list and two inputs, all dated `at` (seconds). */
  async function fakeRoot(at: number): Promise<string> {
    const root = await scratch();
    await mkdir(path.join(root, 'out/cli'), { recursive: true });
    await mkdir(path.join(root, 'main'), { recursive: true });
    await writeFile(path.join(root, 'main/a.ts'), '');
    await writeFile(path.join(root, 'package.json'), '{}');
    await writeFile(path.join(root, 'out/cli/dossier.js'), '');
    await writeFile(path.join(root, 'out/cli/inputs.json'), JSON.stringify(['main/a.ts', 'package.json']));
    for (const f of ['main/a.ts', 'package.json', 'out/cli/dossier.js']) await utimes(path.join(root, f), at, at);
    return root;
  }

  it('current when no input is newer than the bundle', async () => {
    expect(cliBundleStaleReason(await fakeRoot(1_700_000_000))).toBeNull();
  });

  it('stale when an input was edited after the build, or is gone, or the bundle or its list is missing', async () => {
    const edited = await fakeRoot(1_700_000_000);
    await utimes(path.join(edited, 'main/a.ts'), 1_700_000_100, 1_700_000_100);
    expect(cliBundleStaleReason(edited)).toBe('main/a.ts is newer than out/cli/dossier.js');

    const removed = await fakeRoot(1_700_000_000);
    await writeFile(path.join(removed, 'out/cli/inputs.json'), JSON.stringify(['main/a.ts', 'main/gone.ts']));
    expect(cliBundleStaleReason(removed)).toBe('main/gone.ts is missing');

    expect(cliBundleStaleReason(await scratch())).toBe('out/cli/dossier.js is missing');
    const noList = await fakeRoot(1_700_000_000);
    await writeFile(path.join(noList, 'out/cli/inputs.json'), 'not json');
    expect(cliBundleStaleReason(noList)).toMatch(/inputs\.json is missing or unreadable/);
  });

  it('the repository’s own build lists the CLI’s sources, and is current after the build', async () => {
    const inputs = JSON.parse(await readFile(path.join(repoRoot, 'out/cli/inputs.json'), 'utf8')) as string[];
    expect(inputs).toEqual(expect.arrayContaining(['main/cli/dossier.ts', 'main/services/session.ts', 'package.json']));
    expect(cliBundleStaleReason(repoRoot)).toBeNull();
  });
});
