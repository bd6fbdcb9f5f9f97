/**
 * The automatic syncs of a session that asks for them (`team.autoSync`, the desktop app) over a real
 * notebook and a local bare repository: the timer shares a change by itself, the sync on close shares
 * the last ones, a remote that never answers does not hold the close up (and the notebook opens
 * again afterwards), and a shared notebook is cloned into a new folder (File › Open shared notebook…).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent, ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import { unwrap } from '../../../shared/errors';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { environmentCredentials } from '../../../main/services/team/git-repo';
import { cloneNotebook } from '../../../main/services/team/sync';
import { MINUTE_MS } from '../../../main/services/team/auto-sync';

const temps: string[] = [];
const sessions: NotebookSession[] = [];
const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(sessions.splice(0).map((s) => s.close().catch(() => undefined)));
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function temp(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'dossier-autosync-'));
  temps.push(d);
  return d;
}

async function call<M extends MethodName>(s: NotebookSession, m: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return unwrap(await callApi(s.service, m, input)) as ApiOutput<M>;
}

async function open(dir: string, name: string, sync: { everyMinutes?: number; onClose?: boolean } = {}) {
  const session = await openNotebookSession(dir, { team: { autoSync: true }, settingsDir: await temp() });
  sessions.push(session);
  await call(session, 'updateSettings', {
    authorName: name,
    authorEmail: `${name.toLowerCase()}@example.org`,
    sync: { everyMinutes: 0, onClose: false, ...sync },
  });
  return session;
}

const author = { name: 'Test', email: 'test@example.org' };
const actorsAt = async (remote: string) => {
  const dir = path.join(await temp(), 'copy.dossier');
  await cloneNotebook(dir, remote, { author, credentials: environmentCredentials });
  const s = await openNotebookSession(dir);
  sessions.push(s);
  return (await call(s, 'listActors', {})).map((a) => a.name).sort();
};

describe('automatic sync in a session', () => {
  it('the timer shares a change by itself every N minutes, and says so with an event', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const remote = path.join(await temp(), 'team.git');
    const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice');
    await call(a, 'shareNotebook', { remote });
    const events: ApiEvent[] = [];
    a.onEvent((e) => void events.push(e));
    await call(a, 'updateSettings', { sync: { everyMinutes: 2, onClose: false } });
    await call(a, 'createActor', { name: 'Anna Lind', kind: 'person' });
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    expect(events.filter((e) => e.type === 'auto-sync')).toEqual([]);
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    await vi.waitFor(() => expect(events.some((e) => e.type === 'auto-sync')).toBe(true), { timeout: 20_000 });
    expect(events.find((e) => e.type === 'auto-sync')).toEqual({
      type: 'auto-sync',
      result: expect.objectContaining({ state: 'pushed', conflicts: 0 }),
    });
    expect(await actorsAt(remote)).toEqual(['Anna Lind']);
  }, 60_000);

  it('a failing remote is reported once as the first failure, then quietly', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const remote = path.join(await temp(), 'team.git');
    const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice', { everyMinutes: 1 });
    await call(a, 'shareNotebook', { remote });
    const events: ApiEvent[] = [];
    a.onEvent((e) => void events.push(e));
    // The remote moves to an address nobody answers at.
    const { setRemote } = await import('../../../main/services/team/git-repo');
    await setRemote(a.dir, 'http://127.0.0.1:9/team.git');
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(MINUTE_MS);
      await vi.waitFor(() => expect(events.filter((e) => e.type === 'auto-sync')).toHaveLength(i + 1), {
        timeout: 20_000,
      });
    }
    const failures = events.flatMap((e) => (e.type === 'auto-sync' && e.error ? [e.error] : []));
    expect(failures.map((f) => f.first)).toEqual([true, false, false]);
    expect(failures[0]!.message).not.toBe('');
  }, 60_000);

  it('the sync on close shares the last changes when the settings ask for it', async () => {
    const remote = path.join(await temp(), 'team.git');
    const dir = path.join(await temp(), 'nb.dossier');
    const a = await open(dir, 'Alice');
    await call(a, 'shareNotebook', { remote });
    await call(a, 'createActor', { name: 'Per Alm', kind: 'person' });
    expect(await a.syncBeforeClose(10_000)).toBe('off');
    expect(await actorsAt(remote)).toEqual([]);
    await call(a, 'updateSettings', { sync: { everyMinutes: 0, onClose: true } });
    expect(await a.syncBeforeClose(10_000)).toBe('synced');
    await a.close();
    expect(await actorsAt(remote)).toEqual(['Per Alm']);
    // A notebook that is not shared has nothing to sync.
    const b = await open(path.join(await temp(), 'other.dossier'), 'Bob', { onClose: true });
    expect(await b.syncBeforeClose(10_000)).toBe('not-shared');
  }, 60_000);

  it('a remote that never answers does not hold the close up, and the notebook opens again', async () => {
    // A web remote that takes the connection and never answers.
    const server = createServer(() => undefined);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/team.git`;
    const dir = path.join(await temp(), 'nb.dossier');
    const a = await open(dir, 'Alice', { onClose: true });
    await call(a, 'shareNotebook', {});
    const { setRemote } = await import('../../../main/services/team/git-repo');
    await setRemote(dir, url);
    await call(a, 'createActor', { name: 'Per Alm', kind: 'person' });
    const started = Date.now();
    expect(await a.syncBeforeClose(500)).toBe('timed-out');
    expect(Date.now() - started).toBeLessThan(5000);
    await a.close();
    sessions.splice(sessions.indexOf(a), 1);
    expect(await readdir(dir)).not.toContain('.lock');
    // The hanging request ends; the closed session opens nothing again, and the notebook opens here.
    server.closeAllConnections();
    const again = await openNotebookSession(dir);
    sessions.push(again);
    expect((await call(again, 'listActors', {})).map((x) => x.name)).toEqual(['Per Alm']);
  }, 60_000);
});

describe('cloning a shared notebook', () => {
  it('copies the team’s notebook into a new folder; refuses a folder with files; leaves nothing when the remote is empty', async () => {
    const remote = path.join(await temp(), 'team.git');
    const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice');
    await call(a, 'createActor', { name: 'Anna Lind', kind: 'person' });
    await call(a, 'shareNotebook', { remote });
    expect(await actorsAt(remote)).toEqual(['Anna Lind']);

    const busy = path.join(await temp(), 'busy');
    await mkdir(busy);
    await writeFile(path.join(busy, 'notes.txt'), 'mine');
    await expect(cloneNotebook(busy, remote, { author, credentials: environmentCredentials })).rejects.toThrow(
      /is not empty/,
    );
    expect(await readdir(busy)).toEqual(['notes.txt']);

    const empty = path.join(await temp(), 'empty.git');
    const target = path.join(await temp(), 'new.dossier');
    await expect(cloneNotebook(target, empty, { author, credentials: environmentCredentials })).rejects.toThrow(
      /holds no shared notebook/,
    );
    await expect(readdir(target)).rejects.toThrow(/ENOENT/);
    const emptyFolder = await temp();
    await expect(cloneNotebook(emptyFolder, empty, { author, credentials: environmentCredentials })).rejects.toThrow(
      /holds no shared notebook/,
    );
    expect(await readdir(emptyFolder)).toEqual([]);
  }, 60_000);
});
