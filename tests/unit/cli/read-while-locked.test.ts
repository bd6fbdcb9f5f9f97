/**
 * The CLI's reading commands work while another process (the app) holds the
 * notebook's writer lock: they open it without the lock and write nothing.
 * Writing commands are still refused with the "open in another process"
 * message. The lock holder here is a real second process.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT, repoRoot } from '../../helpers/built-app';
import { tempDir } from '../../helpers/temp-dir';
import { FIXTURES, notebookWithBrief, run } from './run-cli';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A second process holding the notebook open, and a way to make it write. */
async function holdNotebook(dir: string): Promise<{ pid: number; send(line: string): Promise<void> }> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/unit/cli/fixtures/hold-notebook.ts', dir],
    { cwd: repoRoot },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  cleanups.push(async () => {
    child.stdin.end();
    if (child.exitCode === null) await new Promise((r) => child.on('close', r));
  });
  const next = async (want: string) => {
    const line = await lines.next();
    if (line.value !== want) throw new Error(`lock holder said ${String(line.value)}, not ${want}: ${stderr}`);
  };
  await next('ready');
  return {
    pid: child.pid!,
    async send(line) {
      child.stdin.write(`${line}\n`);
      await next('done');
    },
  };
}

/** Every file under the folder with its size and modification time. */
async function listing(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return Promise.all(
    names.sort().map(async (n) => {
      const s = await stat(path.join(dir, n));
      return `${n} ${s.size} ${s.mtimeMs}`;
    }),
  );
}

describe('reading while the app has the notebook open', () => {
  it('lists, shows, searches and exports without the lock; writing is refused; nothing is written', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'shared.dossier');
    const { sourceId, quote, briefId } = await notebookWithBrief(nb);
    const holder = await holdNotebook(nb);
    const lock = await readFile(path.join(nb, '.lock'), 'utf8');
    expect(JSON.parse(lock).pid).toBe(holder.pid);
    const before = await listing(nb);

    const sources = await run('--notebook', nb, 'sources', '--json');
    expect(sources.err).toBe('');
    expect(sources.code).toBe(0);
    expect(JSON.parse(sources.out).map((s: { id: string }) => s.id)).toEqual([sourceId]);
    const show = await run('--notebook', nb, 'show', sourceId.slice(0, 8), '--json');
    expect(show.code).toBe(0);
    expect(JSON.parse(show.out).text).toContain('harbour');
    const search = await run('--notebook', nb, 'search', 'harbour', '--json');
    expect(search.code).toBe(0);
    expect(JSON.parse(search.out).length).toBeGreaterThan(0);
    for (const argv of [['actors'], ['brief', 'list']]) {
      const r = await run('--notebook', nb, ...argv, '--json');
      expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
    }
    const exported = path.join(t.dir, 'brief.md');
    const exporting = await run('--notebook', nb, 'brief', 'export', briefId, '--format', 'md', '--out', exported);
    expect(exporting.err).toBe('');
    expect(await readFile(exported, 'utf8')).toContain(quote.slice(0, 30));

    const claim = await run('--notebook', nb, 'claim', 'add', sourceId, '--quote', 'harbour');
    expect(claim.code).toBe(1);
    expect(claim.err).toMatch(/^dossier: The notebook is open in another process \(.*\d+/);
    expect(claim.err.trim().split('\n')).toHaveLength(1);

    // The readers wrote nothing (no search cache, no lock of their own) and left the holder's lock alone.
    expect(await listing(nb)).toEqual(before);
    expect(await readFile(path.join(nb, '.lock'), 'utf8')).toBe(lock);

    // The holder's later writes are what the next reader sees.
    await holder.send(`import ${path.join(FIXTURES, 'ministers-meet.html')}`);
    expect(JSON.parse((await run('--notebook', nb, 'sources', '--json')).out)).toHaveLength(2);
  }, 120_000); // a second process (tsx) starts: seconds on a busy machine

  it('reads whole files while the holder writes in a burst', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'busy.dossier');
    expect((await run('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'))).code).toBe(0);
    const holder = await holdNotebook(nb);
    const burst = holder.send('edits 150');
    let reads = 0;
    let finished = false;
    void burst.then(() => (finished = true));
    while (!finished || reads < 5) {
      const r = await run('--notebook', nb, 'sources', '--json');
      expect(r.err).toBe('');
      expect(JSON.parse(r.out)).toHaveLength(1);
      reads++;
    }
    await burst;
  }, 120_000); // a second process (tsx) starts: seconds on a busy machine

  it('a reading command on a missing notebook finds it empty and creates nothing', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'missing.dossier');
    const r = await run('--notebook', nb, 'sources', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
    expect(await readdir(t.dir)).toEqual([]);
  });

  it('the built CLI reads while locked and refuses to write', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'built.dossier');
    expect((await run('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'))).code).toBe(0);
    await holdNotebook(nb);
    const cli = (...argv: string[]) =>
      spawnSync(process.execPath, [path.join(repoRoot, BUILT.cli), '--notebook', nb, ...argv], { encoding: 'utf8' });
    const list = cli('sources', '--json');
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
    const write = cli('import', path.join(FIXTURES, 'ministers-meet.html'));
    expect(write.status).toBe(1);
    expect(write.stderr).toMatch(/^dossier: The notebook is open in another process/);
  }, 120_000); // each spawn of the built CLI loads its bundle: seconds on a busy machine
});
