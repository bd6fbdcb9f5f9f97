/**
 * `dossier … | head -1`: the reader closes the pipe early. The built CLI (what
 * the person runs) must end quietly — no EPIPE stack — with exit 0, and release
 * the notebook's lock.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT, repoRoot } from '../../helpers/built-app';
import { tempDir } from '../../helpers/temp-dir';
import { FIXTURES, runJson } from './run-cli';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Runs the built CLI, reads its first chunk of output, then closes the pipe like `head -c` would. */
function runClosingEarly(
  args: string[],
): Promise<{ code: number | null; signal: string | null; err: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, BUILT.cli), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let first = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString().slice(0, 200);
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, err, first }));
  });
}

/** A long fictional article: far more than a pipe's buffer once printed. */
async function longArticle(file: string, topic: string): Promise<void> {
  const paragraph = (i: number) =>
    `${topic} paragraph ${i}: the fictional harbour council of Nordvik met again on day ${i} and agreed on berth ${i % 37}, ` +
    `while the ferry operator said the timetable would change in week ${i % 52}.`;
  await writeFile(
    file,
    [`${topic} in Nordvik`, '', ...Array.from({ length: 2500 }, (_, i) => paragraph(i))].join('\n\n'),
  );
}

/** A scratch folder with a notebook path and a long article in it. */
async function scratch(topic: string): Promise<{ nb: string; big: string }> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const big = path.join(t.dir, `long-${topic.toLowerCase()}.txt`);
  await longArticle(big, topic);
  return { nb: path.join(t.dir, 'pipe.dossier'), big };
}

describe('a pipe closed early (dossier … | head -1)', () => {
  it('ends a writing command quietly with exit 0 and releases the lock', { timeout: 60_000 }, async () => {
    const { nb, big } = await scratch('Harbour');
    const r = await runClosingEarly(['--notebook', nb, 'import', big, '--json']);
    expect(r.first).toMatch(/^\{/);
    expect(r.err).toBe('');
    expect(r).toMatchObject({ code: 0, signal: null });
    expect(existsSync(path.join(nb, '.lock'))).toBe(false);
    // The import happened: the next command finds the source (and the notebook is not locked).
    expect(await runJson<unknown[]>('--notebook', nb, 'sources')).toHaveLength(1);
  });

  it('ends a reading command quietly with exit 0', { timeout: 60_000 }, async () => {
    const { nb, big } = await scratch('Ferry');
    await runJson('--notebook', nb, 'import', big, path.join(FIXTURES, 'harbour-accord.txt'));
    const [source] = await runJson<Array<{ id: string }>>('--notebook', nb, 'sources');
    const r = await runClosingEarly(['--notebook', nb, 'show', source!.id]);
    expect(r.first).toContain('Ferry in Nordvik');
    expect(r.err).toBe('');
    expect(r).toMatchObject({ code: 0, signal: null });
  });
});
