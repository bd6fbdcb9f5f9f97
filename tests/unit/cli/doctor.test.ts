/**
 * dossier doctor on the damaged fixture notebook (tests/fixtures/hostile/damaged.dossier):
 * a listed source cut in half, a valid unlisted source, an unlisted file that
 * is not JSON, temp files of the writer.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotebookCheck, NotebookRepair } from '../../../shared/api';
import { callApi, openNotebookSession } from '../../../main/services/session';
import { tempDir } from '../../helpers/temp-dir';
import { FIXTURES, run, runJson } from './run-cli';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const BROKEN = 'src_xdhs8u0u98';
const VALID_ORPHAN = 'src_ci2zmy9a1d';
const GARBLED_ORPHAN = 'src_garbled0001';
const TEMP_FILES = ['.notebook.json.fedcba9876543210.tmp', 'sources/.src_zz.json.0123456789abcdef.tmp'];

async function damaged(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const nb = path.join(t.dir, 'damaged.dossier');
  await cp(path.resolve('tests/fixtures/hostile/damaged.dossier'), nb, { recursive: true });
  return nb;
}

describe('dossier doctor', () => {
  it('reports what a crash left, changes nothing and exits 1', async () => {
    const nb = await damaged();
    const before = (await readdir(nb, { recursive: true })).sort();
    const r = await run('--notebook', nb, 'doctor');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`1 of 2 listed sources cannot be read[\\s\\S]*${BROKEN}.*could not be read`));
    expect(r.out).toMatch(
      new RegExp(`sources/${VALID_ORPHAN}\\.json: “Fiskeavtalet.*a valid source; --repair lists it again`),
    );
    expect(r.out).toMatch(
      new RegExp(`sources/${GARBLED_ORPHAN}\\.json: cannot be read.*--repair moves it to \\.orphans/`),
    );
    expect(r.out).toMatch(/2 temp file\(s\) left by a crash/);
    expect(r.err).toMatch(/^dossier: the notebook needs attention/);
    expect((await readdir(nb, { recursive: true })).sort()).toEqual(before);

    const check = JSON.parse((await run('--notebook', nb, 'doctor', '--json')).out) as NotebookCheck;
    expect(check.ok).toBe(false);
    expect(check.unreadableSources.map((s) => s.id)).toEqual([BROKEN]);
    expect(check.unlistedFiles).toEqual([
      { file: `sources/${VALID_ORPHAN}.json`, id: VALID_ORPHAN, title: expect.stringMatching(/^Fiskeavtalet/) },
      { file: `sources/${GARBLED_ORPHAN}.json`, problem: expect.stringMatching(/not valid JSON/) },
    ]);
    expect(check.tempFiles.sort()).toEqual(TEMP_FILES);
    expect(check.lock).toEqual({ state: 'none' });
    // The app's notice reads the count from getNotebook.
    const session = await openNotebookSession(nb, { readOnly: true });
    try {
      const info = await callApi(session.service, 'getNotebook', {});
      expect(info).toMatchObject({ ok: true, value: { unlistedFiles: 2, sourceCount: 2 } });
    } finally {
      await session.close();
    }
  });

  it('--repair asks first, then lists the valid file again (undoable) and moves the other aside', async () => {
    const nb = await damaged();
    const refused = await run('--notebook', nb, 'doctor', '--repair');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/add --yes/);
    // Opening for writing clears the writer's temp files, as always, and says so.
    expect(refused.out).toMatch(/✓ removed 2 temp file\(s\) left by a crash/);
    expect(await readdir(nb)).not.toContain(TEMP_FILES[0]);
    expect(existsSync(path.join(nb, '.orphans'))).toBe(false);
    expect(await runJson<unknown[]>('--notebook', nb, 'sources')).toHaveLength(2);

    const r = await run('--notebook', nb, 'doctor', '--repair', '--yes', '--json');
    const { before, repair, after } = JSON.parse(r.out) as {
      before: NotebookCheck;
      repair: NotebookRepair;
      after: NotebookCheck;
    };
    expect(before.tempFiles).toEqual([]);
    expect(repair.relisted).toEqual([
      { id: VALID_ORPHAN, title: expect.stringMatching(/^Fiskeavtalet/), file: `sources/${VALID_ORPHAN}.json` },
    ]);
    expect(repair.movedAside).toEqual([
      { file: `sources/${GARBLED_ORPHAN}.json`, to: `.orphans/${GARBLED_ORPHAN}.json`, reason: expect.any(String) },
    ]);
    expect(after.unlistedFiles).toEqual([]);
    expect(after.tempFiles).toEqual([]);
    // The listed source cut in half is left for a backup: doctor still says so.
    expect(after.unreadableSources.map((s) => s.id)).toEqual([BROKEN]);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(nb, '.orphans', `${GARBLED_ORPHAN}.json`))).toBe(true);
    const ids = (await runJson<Array<{ id: string }>>('--notebook', nb, 'sources')).map((s) => s.id);
    expect(ids).toContain(VALID_ORPHAN);
    expect((await runJson<{ text: string }>('--notebook', nb, 'show', VALID_ORPHAN)).text).toMatch(/\S/);

    // Reversible: undo unlists it again, and doctor finds it again.
    expect((await runJson<{ label: string }>('--notebook', nb, 'undo')).label).toMatch(/again/);
    const again = JSON.parse((await run('--notebook', nb, 'doctor', '--json')).out) as NotebookCheck;
    expect(again.unlistedFiles.map((u) => u.id)).toEqual([VALID_ORPHAN]);
  });

  it("the app's count of unlisted files follows a repair and its undo within one session", async () => {
    const nb = await damaged();
    const session = await openNotebookSession(nb);
    try {
      const count = async () => {
        const info = await callApi(session.service, 'getNotebook', {});
        return info.ok ? ((info.value as { unlistedFiles?: number }).unlistedFiles ?? 0) : -1;
      };
      expect(await count()).toBe(2);
      expect((await callApi(session.service, 'repairNotebook', {})).ok).toBe(true);
      expect(await count()).toBe(0);
      expect((await callApi(session.service, 'undo', {})).ok).toBe(true);
      expect(await count()).toBe(1);
    } finally {
      await session.close();
    }
  });

  it('says so, exit 0, for a sound notebook; names a link it refuses', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'sound.dossier');
    await runJson('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
    const r = await run('--notebook', nb, 'doctor');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ notebook\.json and all 1 listed sources can be read/);
    expect(r.out).not.toMatch(/✗/);
    expect((await run('--notebook', nb, 'doctor', '--repair')).out).toMatch(/Nothing to repair/);
    await symlink('/etc/hostname', path.join(nb, 'sources', 'planted.json'));
    const linked = await run('--notebook', nb, 'doctor');
    expect(linked.code).toBe(1);
    expect(linked.err).toMatch(/planted\.json is a symbolic link/);
  });

  it('names a brief file that cannot be read, and exits 1', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'briefs.dossier');
    await runJson('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
    await mkdir(path.join(nb, 'briefs'));
    await writeFile(path.join(nb, 'briefs', 'brf_cut.json'), '{"schemaVersion": 1, "brief": {"id": "brf_cut", "ti');
    const r = await run('--notebook', nb, 'doctor');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ 1 brief files cannot be read[\s\S]*briefs\/brf_cut\.json could not be read/);
    const check = JSON.parse((await run('--notebook', nb, 'doctor', '--json')).out) as NotebookCheck;
    expect(check.unreadableBriefs).toEqual([
      { file: path.join('briefs', 'brf_cut.json'), problem: expect.stringMatching(/not valid JSON/) },
    ]);
  });

  it('reports an unreadable notebook.json instead of failing before it can look', async () => {
    const nb = await damaged();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(nb, 'notebook.json'), '{"schemaVersion": 1, "tit');
    const r = await run('--notebook', nb, 'doctor');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ notebook\.json could not be read/);
    expect((await run('--notebook', nb, 'doctor', '--repair', '--yes')).out).toMatch(/Nothing to repair/);
  });
});
