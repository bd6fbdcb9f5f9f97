/** `dossier snapshots`: list, take, and restore — which needs --yes without a terminal. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { FIXTURES, run, runJson } from './run-cli';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface Snap {
  id: string;
  reason: string;
}

describe('dossier snapshots', () => {
  it('lists, takes and restores a snapshot, asking for --yes first', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const saved = process.env.DOSSIER_SNAPSHOTS;
    process.env.DOSSIER_SNAPSHOTS = path.join(t.dir, 'snapshots');
    cleanups.push(async () => void (process.env.DOSSIER_SNAPSHOTS = saved));
    const nb = path.join(t.dir, 'cli.dossier');

    await runJson('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
    const listed = await runJson<Snap[]>('--notebook', nb, 'snapshots');
    expect(listed.map((s) => s.reason)).toEqual(['open']);
    const taken = await runJson<Snap>('--notebook', nb, 'snapshots', 'take');
    expect(taken.reason).toBe('manual');
    const manifest = await readFile(path.join(nb, 'notebook.json'), 'utf8');

    await runJson('--notebook', nb, 'tag', 'add', 'Energy');
    const text = await run('--notebook', nb, 'snapshots');
    expect(text.out).toMatch(new RegExp(`^${taken.id}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC  manual`, 'm'));

    const refused = await run('--notebook', nb, 'snapshots', 'restore', taken.id);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/add --yes to confirm/);
    expect(await readFile(path.join(nb, 'notebook.json'), 'utf8')).not.toBe(manifest);

    const restored = await runJson<{ restored: string; saved: Snap }>(
      '--notebook',
      nb,
      'snapshots',
      'restore',
      taken.id,
      '--yes',
    );
    expect(restored).toMatchObject({ restored: taken.id, saved: { reason: 'restore' } });
    expect(await readFile(path.join(nb, 'notebook.json'), 'utf8')).toBe(manifest);
    expect((await run('--notebook', nb, 'undo')).code).toBe(1);

    const missing = await run('--notebook', nb, 'snapshots', 'restore', '20200101-000000-000-manual', '--yes');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no snapshot "20200101-000000-000-manual"/);
  });
});
