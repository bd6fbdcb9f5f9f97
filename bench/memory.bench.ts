/**
 * Memory and import time of a working session on a large notebook: writes a
 * synthetic notebook (2 claims a source), then runs bench/lib/session-scenario.ts
 * in fresh processes — the first builds the near-duplicate index, the second
 * finds it on disk, the third runs without the search area (whose first build
 * reads every source) — and prints each one's timings and peak RSS.
 * Targets at 20,000 sources: peak RSS ≤ 600 MB, one import ≤ 200 ms once the index exists.
 *
 * The import worker is the built one (out/cli/import-worker.js) after `npm run build`.
 *
 *   npx tsx bench/memory.bench.ts [sources]      (default 20000)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useWorkerBesideBundle } from '../main/services/workers/entry';
import { useSourceWorkers } from '../main/services/workers/source';
import { runSessionScenario } from './lib/session-scenario';
import { writeSyntheticNotebook } from './lib/synthetic-notebook';

const self = fileURLToPath(import.meta.url);
const [mode, arg] = process.argv.slice(2);

if (mode === '--session') {
  // The built workers when there is a build (as the app runs them), else the sources through tsx.
  const cli = new URL('../out/cli/dossier.js', import.meta.url);
  if (existsSync(fileURLToPath(cli))) useWorkerBesideBundle(cli.href);
  else useSourceWorkers();
  const result = await runSessionScenario(arg!, {
    waitForIndex: process.argv.includes('--wait-for-index'),
    withSearch: !process.argv.includes('--without-search'),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const sources = Number(mode ?? 20000);
  const root = mkdtempSync(path.join(os.tmpdir(), 'dossier-memory-'));
  try {
    const dir = path.join(root, `synthetic-${sources}.dossier`);
    await writeSyntheticNotebook(dir, sources, 2);
    const run = (...flags: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [...process.execArgv, self, '--session', dir, ...flags], { encoding: 'utf8' }),
      ) as Record<string, number>;
    console.table({
      'first session (builds the near-duplicate index)': run('--wait-for-index'),
      'second session (index on disk)': run(),
      'third session, without the search area': run('--without-search'),
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
