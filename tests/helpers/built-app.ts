/**
 * The app as `npm run build` writes it (out/), for tests that check what the
 * person runs. `ensureBuilt()` builds only when a build input is newer than
 * the oldest output, so a second test run costs nothing; it runs once per
 * Vitest run from the global setup (tests/helpers/build-once.ts), before any
 * test file, so parallel test files never see a half-written out/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The entry files of a build: main, preload, renderer and the CLI. */
export const BUILT = {
  main: 'out/main/index.js',
  preload: 'out/preload/index.cjs',
  renderer: 'out/renderer/index.html',
  cli: 'out/cli/dossier.js',
} as const;

const INPUT_DIRS = ['main', 'shared', 'renderer'];
const INPUT_FILES = [
  'electron.config.ts',
  'scripts/build-cli.ts',
  'scripts/eld-ngrams.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];

function newestInput(root: string): { file: string; mtime: number } {
  let newest = { file: '', mtime: 0 };
  const consider = (file: string) => {
    const mtime = statSync(file).mtimeMs;
    if (mtime > newest.mtime) newest = { file, mtime };
  };
  for (const dir of INPUT_DIRS) {
    const abs = path.join(root, dir);
    if (!existsSync(abs)) continue;
    for (const entry of readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && !entry.parentPath.includes(`${path.sep}node_modules`))
        consider(path.join(entry.parentPath, entry.name));
    }
  }
  for (const file of INPUT_FILES) if (existsSync(path.join(root, file))) consider(path.join(root, file));
  return newest;
}

/** Why out/ must be rebuilt, or null when it is up to date. */
export function staleReason(root = repoRoot): string | null {
  const outputs = Object.values(BUILT).map((f) => path.join(root, f));
  const missing = outputs.find((f) => !existsSync(f));
  if (missing) return `${path.relative(root, missing)} is missing`;
  const oldest = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const input = newestInput(root);
  return input.mtime > oldest ? `${path.relative(root, input.file)} is newer than out/` : null;
}

/** Runs `npm run build` when out/ is stale; throws with the build's output when it fails. */
export function ensureBuilt(root = repoRoot): { built: boolean; reason: string | null; ms: number } {
  const reason = staleReason(root);
  if (!reason) return { built: false, reason, ms: 0 };
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    timeout: 300_000,
  });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return { built: true, reason, ms: Date.now() - started };
}
