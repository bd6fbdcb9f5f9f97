/**
 * A really full disk (a 512 KB tmpfs), with the built CLI: an import that does
 * not fit and an edit on a disk with no byte left each get one readable line
 * and a failing exit code, never a stack; nothing is left behind (no temp
 * file, no unlisted source file, no lock), and what was saved before stays.
 * Mounting needs root (as in CI's container); elsewhere the test says why it
 * does not run. The same faults are injected at every write in
 * tests/unit/store/crash-consistency.test.ts, which runs everywhere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT, repoRoot } from '../../helpers/built-app';

const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'dossier-full-disk-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mountPoint], { stdio: 'pipe' });
  mounted = true;
} catch (err) {
  console.log(
    `full-disk test skipped: a small tmpfs could not be mounted here (${String((err as Error).message).split('\n')[0]})`,
  );
}
afterAll(() => {
  if (mounted) spawnSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, BUILT.cli), '--notebook', nb, ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const nb = path.join(mountPoint, 'full.dossier');

describe.skipIf(!mounted)('a full disk, for real', () => {
  it('refuses what does not fit with a readable line, loses nothing and leaves nothing behind', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-full-disk-input-'));
    try {
      const small = path.join(work, 'ferry.txt');
      writeFileSync(
        small,
        'Harbour board delays the night ferry\n\nThe board postponed its decision until the spring.\n',
      );
      const big = path.join(work, 'report.txt');
      const lines = ['Annual report of the harbour board', ''];
      for (let i = 0; i < 14000; i++)
        lines.push(`Item ${i}: berth ${i % 37}, budget ${1000 + i} crowns, ${i % 9} complaints.`, '');
      writeFileSync(big, lines.join('\n'));

      expect(cli('import', small).code).toBe(0);
      const tooBig = cli('import', big);
      expect(tooBig.code).toBe(1);
      expect(tooBig.out).toMatch(/The disk is full: the change was not saved, and what was saved before is kept/);

      // Not a byte left: even a tag does not fit.
      writeFileSync(path.join(mountPoint, 'filler'), '');
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${path.join(mountPoint, 'filler')}`, 'bs=1k', 'count=1024'], {
          stdio: 'ignore',
        });
      } catch {
        // dd stops with "No space left on device": the disk is full, as wanted.
      }
      const tag = cli('tag', 'add', 'Ferries');
      expect(tag.code).toBe(1);
      expect(tag.err.trim().split('\n')).toHaveLength(1);
      expect(tag.err).toMatch(/^dossier: The disk is full/);
      expect(tag.err).not.toMatch(/at .*:\d+:\d+/);

      const names = [...readdirSync(nb), ...readdirSync(path.join(nb, 'sources'))];
      expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect(names).not.toContain('.lock');
      const manifest = JSON.parse(readFileSync(path.join(nb, 'notebook.json'), 'utf8')) as {
        sources: { id: string }[];
        tags: unknown[];
      };
      expect(manifest.sources).toHaveLength(1);
      expect(manifest.tags).toEqual([]);
      expect(readdirSync(path.join(nb, 'sources'))).toEqual([`${manifest.sources[0]!.id}.json`]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
