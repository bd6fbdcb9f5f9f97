/**
 * Dossier as git's merge driver, with Debian's real git: two clones of a bare repository edit one
 * notebook at once; `git pull` merges notebook.json and the source files record by record, with no
 * conflict markers, and each field both changed differently is exactly one recorded conflict.
 * git runs the built CLI (out/cli/dossier.js) as the driver, as it would run the installed one; the
 * edits go through the API in this process (each CLI start costs seconds on a busy machine).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import { unwrap } from '../../../shared/errors';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = path.join(root, 'out/cli/dossier.js');
const GIT = '/usr/bin/git';
const DRIVER = `'${process.execPath}' '${CLI}' merge-driver %O %A %B %P`;
let tmp: string;
const git = (cwd: string, ...args: string[]) =>
  execFileSync(GIT, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      HOME: tmp,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
      DOSSIER_CONFIG_DIR: path.join(tmp, 'config'),
    },
  });

/** Opens the notebook, runs `work` with a caller of its API, closes it (releasing the lock for git). */
async function withNotebook<T>(dir: string, work: (call: Call) => Promise<T>): Promise<T> {
  const session: NotebookSession = await openNotebookSession(dir, { team: { mergeDriver: DRIVER } });
  try {
    return await work(async (m, input) => unwrap(await callApi(session.service, m, input)) as ApiOutput<typeof m>);
  } finally {
    await session.close();
  }
}
type Call = <M extends MethodName>(m: M, input: ApiInput<M>) => Promise<ApiOutput<M>>;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'dossier-git-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.runIf(existsSync(GIT) && existsSync(CLI))('git pull with the Dossier merge driver', () => {
  it('merges two clones record by record: no markers, one conflict per field changed differently', async () => {
    const bare = path.join(tmp, 'team.git');
    git(tmp, 'init', '--quiet', '--bare', '-b', 'main', bare);
    const a = path.join(tmp, 'alice.dossier');
    const b = path.join(tmp, 'bob.dossier');
    const { sourceId, claimId, actorId } = await withNotebook(a, async (call) => {
      const imported = await call('importText', {
        text: 'The minister said the bridge would open in May.\n\nCritics doubted it.',
        name: 'article.txt',
      });
      const sourceId = imported.added[0]!.id;
      const claim = await call('addClaimByQuote', { sourceId, quote: 'the bridge would open in May' });
      const actor = await call('createActor', { name: 'Anna Lind', kind: 'person' });
      await call('shareNotebook', { remote: bare });
      return { sourceId, claimId: claim.id, actorId: actor.id };
    });
    git(tmp, 'clone', '--quiet', bare, b);
    await withNotebook(b, (call) => call('shareNotebook', {})); // registers the merge driver in this clone
    expect(git(b, 'config', 'merge.dossier.driver').trim()).toBe(DRIVER);

    // Concurrent edits: a field both change (the actor's name, a claim's status), additions on both sides.
    await withNotebook(a, async (call) => {
      await call('updateActor', { id: actorId, name: 'Anna Lindqvist' });
      await call('createActor', { name: 'Per Alm', kind: 'person' });
      await call('updateAnnotation', { sourceId, id: claimId, patch: { status: 'corroborated' } });
    });
    git(a, 'add', '-A');
    git(a, 'commit', '--quiet', '-m', 'Alice');
    git(a, 'push', '--quiet', 'origin', 'main');
    await withNotebook(b, async (call) => {
      await call('updateActor', { id: actorId, name: 'Anna L.' });
      await call('createActor', { name: 'City Council', kind: 'organisation' });
      await call('updateAnnotation', { sourceId, id: claimId, patch: { status: 'disputed' } });
    });
    git(b, 'add', '-A');
    git(b, 'commit', '--quiet', '-m', 'Bob');
    git(b, 'pull', '--quiet', '--no-rebase', '--no-edit', 'origin', 'main'); // throws when the merge fails

    for (const f of git(b, 'ls-files').trim().split('\n'))
      expect(await readFile(path.join(b, f), 'utf8'), f).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    const { names, conflicts, status } = await withNotebook(b, async (call) => ({
      names: (await call('listActors', {})).map((x) => x.name).sort(),
      conflicts: await call('listConflicts', {}),
      status: (await call('getSource', { id: sourceId })).annotations[0]!.status,
    }));
    expect(names).toEqual(['Anna L.', 'City Council', 'Per Alm']);
    expect(status).toBe('disputed');
    expect(conflicts.map((c) => [c.file, c.ours, c.theirs]).sort()).toEqual([
      ['notebook.json', 'Anna L.', 'Anna Lindqvist'],
      [`sources/${sourceId}.json`, 'disputed', 'corroborated'],
    ]);

    // Bob takes Alice's name and syncs; Alice pulls with plain git and sees the other conflict.
    await withNotebook(b, async (call) => {
      await call('resolveConflict', { id: conflicts.find((c) => c.ours === 'Anna L.')!.id, take: 'theirs' });
      expect((await call('syncNotebook', {})).state).toBe('pushed');
    });
    git(a, 'pull', '--quiet', '--no-rebase', '--no-edit', 'origin', 'main');
    const seen = await withNotebook(a, async (call) => ({
      names: (await call('listActors', {})).map((x) => x.name).sort(),
      conflicts: (await call('listConflicts', {})).map((c) => c.file),
    }));
    expect(seen).toEqual({
      names: ['Anna Lindqvist', 'City Council', 'Per Alm'],
      conflicts: [`sources/${sourceId}.json`],
    });
  }, 60_000);
});
