/**
 * A long import in the built CLI (what the person runs) stops when asked:
 * SIGTERM or SIGINT cancels it — the file being read included, since it is
 * read in a worker thread that is terminated — and the CLI closes the
 * notebook properly (its lock released) and exits, instead of running on
 * until the reader finishes.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT, repoRoot } from '../../helpers/built-app';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A very long fictional report: reading it takes many seconds. */
async function longReport(file: string): Promise<void> {
  const parts = ['Annual report of the Nordvik harbour board', ''];
  for (let i = 0; i < 160_000; i++)
    parts.push(
      `Item ${i}: the board reviewed berth ${i % 37}, the lighting budget of ${1000 + i} crowns and ${i % 9} complaints.`,
      '',
    );
  await writeFile(file, parts.join('\n'));
}

describe.each(['SIGTERM', 'SIGINT'] as const)('%s during a long import', (signal) => {
  it('stops the reading at once, closes the notebook and exits', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'signals.dossier');
    const report = path.join(t.dir, 'report.txt');
    await longReport(report);
    const child = spawn(process.execPath, [path.join(repoRoot, BUILT.cli), '--notebook', nb, 'import', report], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // The notebook is open (its lock taken) and the import under way; give the worker time to be reading.
    for (let i = 0; i < 600 && !existsSync(path.join(nb, '.lock')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(path.join(nb, '.lock'))).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    const sent = performance.now();
    child.kill(signal);
    const code = await exited;
    const took = performance.now() - sent;
    expect(err).not.toMatch(/at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(out).toMatch(/0 added, 1 skipped, 0 rejected/);
    expect(out).toMatch(/import cancelled/);
    expect(code).toBe(0);
    expect(existsSync(path.join(nb, '.lock'))).toBe(false);
    // "Within a second" on an idle machine; the bound leaves room for a loaded test machine,
    // and is far below the many seconds the reader would have gone on for.
    expect(took).toBeLessThan(5000);
  }, 120_000);
});
