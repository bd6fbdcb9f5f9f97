/**
 * Sharing and syncing through isomorphic-git, over the API (the session reopens the store): two and
 * three copies of one notebook on local bare repositories, concurrent edits merged record by record,
 * conflicts listed and resolved (undoably), and a sync stopped at each step repaired by the next.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, type NotebookSession } from '../../../main/services/session';
import type { SyncStep } from '../../../main/services/team/sync';
import { git, fs } from '../../../main/services/team/git-repo';
import { call, cloneOf, open, temp } from './sessions';

const actors = async (s: NotebookSession) => (await call(s, 'listActors', {})).map((a) => a.name).sort();

describe('team notebooks over git (isomorphic-git, local remotes)', () => {
  it('shares a notebook, and two copies merge concurrent edits record by record', async () => {
    const remote = path.join(await temp(), 'team.git');
    const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice');
    const anna = await call(a, 'createActor', { name: 'Anna Lind', kind: 'person' });
    const shared = await call(a, 'shareNotebook', { remote });
    expect(shared.state).toBe('pushed');
    const b = await cloneOf(remote, 'Bob');
    expect(await actors(b)).toEqual(['Anna Lind']);

    await call(a, 'createActor', { name: 'Per Alm', kind: 'person' });
    await call(b, 'createActor', { name: 'City Council', kind: 'organisation' });
    await call(b, 'updateActor', { id: anna.id, description: 'Minister' });
    expect((await call(a, 'syncNotebook', {})).state).toBe('pushed');
    const merged = await call(b, 'syncNotebook', {});
    expect(merged).toMatchObject({ state: 'merged', conflicts: 0 });
    expect(await actors(b)).toEqual(['Anna Lind', 'City Council', 'Per Alm']);
    expect((await call(a, 'syncNotebook', {})).state).toBe('pulled');
    expect(await actors(a)).toEqual(['Anna Lind', 'City Council', 'Per Alm']);
    expect((await call(a, 'listActors', {})).find((x) => x.id === anna.id)!.description).toBe('Minister');
    // The commit message names what was done.
    const log = await git.log({ fs, dir: a.dir, depth: 10 });
    expect(log.map((c) => c.commit.message).join('\n')).toMatch(/Per Alm/);
    expect(log.some((c) => c.commit.author.name === 'Bob')).toBe(true);
  });

  it('keeps one conflict per field both sides changed, lists it with both values, and resolves it undoably', async () => {
    const remote = path.join(await temp(), 'team.git');
    const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice');
    const anna = await call(a, 'createActor', { name: 'Anna Lind', kind: 'person' });
    await call(a, 'shareNotebook', { remote });
    const b = await cloneOf(remote, 'Bob');
    await call(a, 'updateActor', { id: anna.id, name: 'Anna Lindqvist' });
    await call(b, 'updateActor', { id: anna.id, name: 'Anna L.' });
    await call(a, 'syncNotebook', {});
    expect((await call(b, 'syncNotebook', {})).conflicts).toBe(1);
    const [conflict, ...more] = await call(b, 'listConflicts', {});
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({
      ours: 'Anna L.',
      theirs: 'Anna Lindqvist',
      base: 'Anna Lind',
      theirsBy: 'Alice <alice@example.org>',
    });
    expect(await actors(b)).toEqual(['Anna L.']);
    // The conflict travels: Alice sees it after her next sync.
    await call(b, 'syncNotebook', {});
    await call(a, 'syncNotebook', {});
    expect((await call(a, 'listConflicts', {})).map((c) => c.id)).toEqual([conflict!.id]);
    // Bob takes theirs; undo brings the conflict back.
    await call(b, 'resolveConflict', { id: conflict!.id, take: 'theirs' });
    expect(await actors(b)).toEqual(['Anna Lindqvist']);
    expect(await call(b, 'listConflicts', {})).toEqual([]);
    await call(b, 'undo', {});
    expect(await actors(b)).toEqual(['Anna L.']);
    expect(await call(b, 'listConflicts', {})).toHaveLength(1);
    await call(b, 'redo', {});
    await call(b, 'syncNotebook', {});
    await call(a, 'syncNotebook', {});
    expect(await call(a, 'listConflicts', {})).toEqual([]);
    expect(await actors(a)).toEqual(['Anna Lindqvist']);
  });

  it('keeps what the team changed in the manifest alone when this copy changed only a source', async () => {
    const remote = path.join(await temp(), 'team.git');
    const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice');
    const [source] = (await call(a, 'importText', { text: 'The minister said the bridge would open.', name: 'b.txt' }))
      .added;
    const claim = await call(a, 'addClaimByQuote', { sourceId: source!.id, quote: 'the bridge would open' });
    await call(a, 'shareNotebook', { remote });
    const b = await cloneOf(remote, 'Bob');
    // Alice changes only notebook.json, Bob only the source file: Bob's sync merges.
    const tag = await call(a, 'createTag', { name: 'budget' });
    await call(b, 'updateAnnotation', { sourceId: source!.id, id: claim.id, patch: { status: 'disputed' } });
    await call(a, 'syncNotebook', {});
    expect((await call(b, 'syncNotebook', {})).state).toBe('merged');
    await call(a, 'syncNotebook', {});
    for (const s of [a, b]) {
      expect((await call(s, 'listTags', {})).map((t) => t.id)).toEqual([tag.id]);
      expect((await call(s, 'getSource', { id: source!.id })).annotations[0]!.status).toBe('disputed');
    }
  });

  it('three copies converge', async () => {
    const remote = path.join(await temp(), 'team.git');
    const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice');
    await call(a, 'shareNotebook', { remote });
    const b = await cloneOf(remote, 'Bob');
    const c = await cloneOf(remote, 'Cleo');
    await call(a, 'createTag', { name: 'budget' });
    await call(b, 'createTag', { name: 'delay' });
    await call(c, 'createTag', { name: 'safety' });
    for (const s of [a, b, c, a, b]) await call(s, 'syncNotebook', {});
    const tags = async (s: NotebookSession) => (await call(s, 'listTags', {})).map((t) => t.name).sort();
    for (const s of [a, b, c]) expect(await tags(s)).toEqual(['budget', 'delay', 'safety']);
  });

  it('a sync stopped at any step leaves a notebook that opens, and the next sync repairs the repository', async () => {
    const steps: SyncStep[] = ['committed', 'fetched', 'merged', 'checkout', 'moved', 'pushed'];
    const stopAndRepair = async (stopAt: SyncStep) => {
      const remote = path.join(await temp(), 'team.git');
      const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice');
      await call(a, 'shareNotebook', { remote });
      let armed = false;
      const b = await cloneOf(remote, 'Bob', {
        onStep: (s) => {
          if (armed && s === stopAt) throw new Error(`stopped at ${s}`);
        },
      });
      await call(a, 'createActor', { name: 'From Alice', kind: 'person' });
      await call(a, 'syncNotebook', {});
      await call(b, 'createActor', { name: 'From Bob', kind: 'person' });
      armed = true;
      const stopped = await callApi(b.service, 'syncNotebook', {});
      expect(stopped.ok, stopAt).toBe(false);
      armed = false;
      // The notebook opens (the session reopened it) and keeps Bob's work.
      expect(await actors(b), stopAt).toContain('From Bob');
      await call(b, 'syncNotebook', {});
      expect(await actors(b), stopAt).toEqual(['From Alice', 'From Bob']);
      await call(a, 'syncNotebook', {});
      expect(await actors(a), stopAt).toEqual(['From Alice', 'From Bob']);
      const status = await git.statusMatrix({ fs, dir: b.dir });
      expect(
        status.filter(([, h, w, s]) => !(h === 1 && w === 1 && s === 1)),
        stopAt,
      ).toEqual([]);
      expect(await readFile(path.join(b.dir, '.gitignore'), 'utf8')).toMatch(/\.lock/);
    };
    for (const step of steps) await stopAndRepair(step);
  }, 120_000);
});
