/**
 * Team notebooks in the desktop app, on the BUILT main (out/main, as `npm run build` wrote it) against
 * the stand-in electron (fixtures/fake-electron.mjs, with its safeStorage and dialogs): File › Share
 * Notebook… shares the open notebook to a bare repository in a folder main asks for, keeps a token
 * encrypted in the person's configuration folder (never in the notebook; refused where the system
 * has no safe store), and quitting syncs the last change (the settings ask for it); File › Open
 * Shared Notebook… copies a team's notebook into a folder the person picks and opens it.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi, openNotebookSession } from '../../../main/services/session';
import { environmentCredentials } from '../../../main/services/team/git-repo';
import { cloneNotebook } from '../../../main/services/team/sync';
import { unwrap } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp-dir';
import { runMain } from './fixtures/main-entry-scenarios';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
async function temp(prefix = 'dossier-team-desktop-'): Promise<string> {
  const t = await tempDir(prefix);
  cleanups.push(t.cleanup);
  return t.dir;
}

/** Every file under a folder, with its text. */
async function filesUnder(dir: string): Promise<Array<{ file: string; text: string }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const file = path.join(e.parentPath, e.name);
        return { file, text: await readFile(file, 'latin1') };
      }),
  );
}

/** The actors of the notebook a remote holds (a fresh copy of it). */
async function actorsAt(remote: string): Promise<string[]> {
  const dir = path.join(await temp(), 'copy.dossier');
  await cloneNotebook(dir, remote, {
    author: { name: 'T', email: 't@example.org' },
    credentials: environmentCredentials,
  });
  const s = await openNotebookSession(dir);
  try {
    return (unwrap(await callApi(s.service, 'listActors', {})) as Array<{ name: string }>).map((a) => a.name).sort();
  } finally {
    await s.close();
  }
}

const TOKEN = 'glpat-Secret-Token-4711';
const WEB = 'https://127.0.0.1:9/team/bridge.git';

describe('team notebooks in the desktop app (built main, stand-in electron)', () => {
  it('File › Share Notebook…: a bare repository in the folder main asks for, the token in the keychain, a sync on quit', async () => {
    const home = await temp();
    const config = path.join(home, 'config');
    // The person makes a new, empty folder for the team in the dialog.
    const remote = path.join(home, 'Team share', 'bridge');
    await mkdir(remote, { recursive: true });
    const { summary } = await runMain('built', 'share', {
      home,
      env: { DOSSIER_CONFIG_DIR: config },
      dialogs: { open: [null, [remote]] },
      input: { web: WEB, token: TOKEN },
    });
    const s = summary.steps.share;
    // The menu item asks the page for its dialog.
    expect(s.menu).toEqual([{ type: 'menu', command: 'share-notebook' }]);
    // A web address that does not answer: readable, and nothing shared.
    expect(s.web).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringMatching(/Could not reach/) },
    });
    // The token was kept, encrypted with the system's key, in the configuration folder only.
    const tokens = JSON.parse(await readFile(path.join(config, 'git-tokens.json'), 'utf8'));
    expect(Object.keys(tokens)).toEqual(['https://127.0.0.1:9/team/bridge.git']);
    expect(tokens['https://127.0.0.1:9/team/bridge.git'].username).toBe('hanne');
    const cipher = Buffer.from(tokens['https://127.0.0.1:9/team/bridge.git'].token, 'base64');
    expect(cipher.subarray(0, 3).toString()).toBe('v11');
    expect(summary.safeStorage.encrypted).toBe(1);
    for (const where of [config, s.notebook, remote])
      for (const { file, text } of await filesUnder(where)) expect(text, file).not.toContain(TOKEN);

    // Cancelled: nothing shared; then the folder main asked for became the team's bare repository.
    expect(s.cancelled).toEqual({ ok: true, value: { shared: false } });
    expect(s.shared).toMatchObject({
      ok: true,
      value: { shared: true, remote: 'bridge', result: { state: 'pushed' } },
    });
    expect(s.dialogs.map((d: { kind: string }) => d.kind)).toEqual(['open', 'open']);
    expect(s.dialogs[1]).toMatchObject({
      parent: expect.any(Number),
      options: { title: 'Choose the folder the team shares', buttonLabel: 'Share Here' },
    });
    expect(s.dialogs[1].options.properties).toEqual(['openDirectory', 'createDirectory', 'promptToCreate']);
    expect(await readdir(remote)).toEqual(expect.arrayContaining(['HEAD', 'objects', 'refs']));
    expect(s.status).toMatchObject({ ok: true, value: { shared: true, remote } });

    // Quitting synced the change made after sharing (sync.onClose), and closed the notebook.
    expect(summary.lifecycle.slice(-2)).toEqual(['quit', 'exit 0']);
    expect(await readdir(s.notebook)).not.toContain('.lock');
    expect(await actorsAt(remote)).toEqual(['Anna Lind', 'Per Alm']);
  }, 120_000);

  it('a token is refused, not kept in plain text, where the system has no safe store', async () => {
    for (const store of ['basic', 'none']) {
      const home = await temp();
      const config = path.join(home, 'config');
      const { summary } = await runMain('built', 'share-no-keychain', {
        home,
        env: { DOSSIER_CONFIG_DIR: config, FAKE_SAFE_STORAGE: store, FAKE_PLATFORM: 'linux' },
        input: { web: WEB, token: TOKEN },
      });
      expect(summary.steps.web, store).toMatchObject({
        ok: false,
        error: { code: 'unsupported', message: expect.stringMatching(/never keeps tokens in plain text/) },
      });
      expect(summary.safeStorage.encrypted).toBe(0);
      expect(await readdir(config).catch(() => [])).not.toContain('git-tokens.json');
      expect(summary.steps.status).toMatchObject({ ok: true, value: { shared: false } });
    }
  }, 120_000);

  it('File › Open Shared Notebook…: copies the team’s notebook into the folder the person picks and opens it', async () => {
    const home = await temp();
    // A team's notebook, shared into a bare repository.
    const remote = path.join(home, 'share', 'bridge.git');
    const team = await openNotebookSession(path.join(home, 'team', 'Bridge.dossier'), { settingsDir: await temp() });
    try {
      unwrap(await callApi(team.service, 'createActor', { name: 'Anna Lind', kind: 'person' }));
      unwrap(await callApi(team.service, 'shareNotebook', { remote }));
    } finally {
      await team.close();
    }
    const target = path.join(home, 'Documents', 'Dossier', 'Bridge copy');
    const { summary } = await runMain('built', 'open-shared', {
      home,
      env: { DOSSIER_CONFIG_DIR: path.join(home, 'config') },
      dialogs: { open: [[remote], [remote]], save: [target, target] },
    });
    const s = summary.steps.open;
    expect(s.menu).toEqual([{ type: 'menu', command: 'open-shared-notebook' }]);
    expect(s.opened).toEqual({ ok: true, value: { opened: true, name: 'Bridge copy.dossier' } });
    // Main's dialogs: the shared folder, then where the copy goes (suggested by the remote's name).
    expect(s.dialogs.map((d: { kind: string }) => d.kind)).toEqual(['open', 'save']);
    expect(s.dialogs[0].options).toMatchObject({
      title: 'Choose the shared notebook’s folder',
      properties: ['openDirectory'],
    });
    expect(s.dialogs[1].options).toMatchObject({
      title: 'Where should your copy go?',
      defaultPath: path.join(home, 'Documents', 'Dossier', 'bridge.dossier'),
    });
    // The window shows the copy, shared with the team's folder.
    expect(s.after).toMatchObject({ windows: 1, title: 'Bridge copy — Dossier', notebook: `${target}.dossier` });
    expect(s.before.notebook).not.toBe(s.after.notebook);
    expect(s.actors).toEqual(['Anna Lind']);
    expect(s.status).toMatchObject({ ok: true, value: { shared: true, remote } });
    // Into the folder it now fills: refused, naming the folder, never its path.
    expect(s.again).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(s.again.error.message).toContain('Bridge copy.dossier is not empty');
    expect(s.again.error.message).not.toContain(home);
    expect(summary.lifecycle.slice(-2)).toEqual(['quit', 'exit 0']);
  }, 120_000);
});
