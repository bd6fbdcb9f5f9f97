/**
 * The CLI covers the model: undo/redo, the codebook (tag …), the actor
 * registry (actor …) and relations, each with --json and the API's own
 * validation. Each `run` is a separate session, as separate `dossier`
 * invocations are, so undo here reaches back across commands.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Actor, Annotation, Relation, Tag } from '../../../shared/model';
import { BUILT, repoRoot } from '../../helpers/built-app';
import { tempDir } from '../../helpers/temp-dir';
import { FIXTURES, run, runJson } from './run-cli';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A notebook with the harbour article and two claims on its first two long lines. */
async function notebook(): Promise<{ nb: string; sourceId: string; quotes: string[]; claims: string[] }> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const nb = path.join(t.dir, 'model.dossier');
  await runJson('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
  const sourceId = (await runJson<Array<{ id: string }>>('--notebook', nb, 'sources'))[0]!.id;
  const { text } = await runJson<{ text: string }>('--notebook', nb, 'show', sourceId);
  const quotes = text
    .split('\n')
    .filter((l) => l.length > 40)
    .slice(0, 2);
  const claims = [];
  for (const quote of quotes) {
    claims.push((await runJson<{ id: string }>('--notebook', nb, 'claim', 'add', sourceId, '--quote', quote)).id);
  }
  return { nb, sourceId, quotes, claims };
}

async function annotations(nb: string, sourceId: string): Promise<Annotation[]> {
  return Annotation.array().parse(
    (await runJson<{ annotations: unknown }>('--notebook', nb, 'show', sourceId)).annotations,
  );
}

/** Expects a one-line error with this exit code. */
function failed(r: { code: number; out: string; err: string }, code: number, message: RegExp): void {
  expect(r.out).toBe('');
  expect(r.code).toBe(code);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(message);
}

describe('dossier tag', () => {
  it('adds, lists, renames, moves, merges and removes tags, by name, path or id', async () => {
    const { nb, sourceId, claims } = await notebook();
    const energy = Tag.parse(await runJson('--notebook', nb, 'tag', 'add', 'Energy'));
    const wind = Tag.parse(await runJson('--notebook', nb, 'tag', 'add', 'Wind', '--parent', 'energy'));
    expect(wind.parentId).toBe(energy.id);
    const tags = Tag.array().parse(await runJson('--notebook', nb, 'tag', 'list'));
    expect(tags.map((t) => t.name).sort()).toEqual(['Energy', 'Wind']);
    expect((await run('--notebook', nb, 'tag', 'list')).out).toContain(`${wind.id}  Energy › Wind`);

    const renamed = Tag.parse(await runJson('--notebook', nb, 'tag', 'rename', 'Energy/Wind', 'Offshore wind'));
    expect(renamed).toMatchObject({ id: wind.id, name: 'Offshore wind', parentId: energy.id });
    const top = Tag.parse(await runJson('--notebook', nb, 'tag', 'move', wind.id, '--top'));
    expect(top.parentId).toBeUndefined();
    const under = Tag.parse(await runJson('--notebook', nb, 'tag', 'move', 'Offshore', '--under', 'Energy'));
    expect(under.parentId).toBe(energy.id);

    // Tag a claim with "Offshore wind", then merge that tag into "Energy".
    await runJson('--notebook', nb, 'claim', 'add', sourceId, '--quote', 'harbour', '--tag', 'Offshore wind');
    const tagged = (await annotations(nb, sourceId)).filter((a) => a.tagIds.includes(wind.id));
    expect(tagged).toHaveLength(1);
    const merged = await runJson('--notebook', nb, 'tag', 'merge', 'Offshore wind', '--into', 'Energy');
    expect(merged).toMatchObject({ merged: { id: wind.id }, into: { id: energy.id }, annotationsChanged: 1 });
    const after = (await annotations(nb, sourceId)).find((a) => a.id === tagged[0]!.id)!;
    expect(after.tagIds).toEqual([energy.id]);

    const removed = await runJson('--notebook', nb, 'tag', 'rm', 'Energy');
    expect(removed).toMatchObject({ deleted: { id: energy.id }, annotationsChanged: 1 });
    expect(await runJson('--notebook', nb, 'tag', 'list')).toEqual([]);
    expect((await annotations(nb, sourceId)).every((a) => a.tagIds.length === 0)).toBe(true);
    expect(claims).toHaveLength(2);
  });

  it('refuses what the app refuses, with one line', async () => {
    const { nb } = await notebook();
    await runJson('--notebook', nb, 'tag', 'add', 'Energy');
    await runJson('--notebook', nb, 'tag', 'add', 'Wind', '--parent', 'Energy');
    failed(await run('--notebook', nb, 'tag', 'add', 'energy'), 1, /A tag named “Energy” already exists/);
    failed(await run('--notebook', nb, 'tag', 'rename', 'Wind', 'ENERGY'), 1, /already exists/);
    failed(
      await run('--notebook', nb, 'tag', 'move', 'Energy', '--under', 'Wind'),
      1,
      /under itself or one of its own/,
    );
    failed(await run('--notebook', nb, 'tag', 'merge', 'Wind', '--into', 'Wind'), 1, /two different tags/);
    failed(await run('--notebook', nb, 'tag', 'rm', 'Solar'), 1, /No tag named "Solar"/);
    failed(await run('--notebook', nb, 'tag', 'move', 'Wind'), 2, /exactly one of --under T or --top/);
    failed(await run('--notebook', nb, 'tag', 'rename', 'Wind'), 2, /needs the new name/);
    failed(await run('--notebook', nb, 'tag', 'paint', 'Wind'), 2, /unknown tag command "paint"/);
    failed(
      await run('--notebook', nb, 'tag', 'add', 'Solar', '--color', 'red'),
      2,
      /--color takes a colour as #RRGGBB/,
    );
    const solar = Tag.parse(await runJson('--notebook', nb, 'tag', 'add', 'Solar', '--color', '#AA3300'));
    expect(solar.color).toBe('#AA3300');
  });
});

describe('dossier actor', () => {
  it('adds, edits, aliases, merges and removes actors; names, aliases and ids all find them', async () => {
    const { nb, sourceId, quotes } = await notebook();
    const anna = Actor.parse(
      await runJson('--notebook', nb, 'actor', 'add', 'Anna Berg', '--kind', 'person', '--alias', 'A. Berg'),
    );
    expect(anna).toMatchObject({ name: 'Anna Berg', kind: 'person', aliases: ['A. Berg'] });
    const union = Actor.parse(
      await runJson('--notebook', nb, 'actor', 'add', 'Harbour Union', '--kind', 'organisation'),
    );
    const edited = Actor.parse(
      await runJson('--notebook', nb, 'actor', 'edit', 'a. berg', '--member-of', union.id, '--description', 'Chair'),
    );
    expect(edited).toMatchObject({ id: anna.id, memberOf: [union.id], description: 'Chair' });
    const aliased = Actor.parse(
      await runJson('--notebook', nb, 'actor', 'alias', anna.id, '--add', 'Berg', '--remove', 'A. Berg'),
    );
    expect(aliased.aliases).toEqual(['Berg']);

    // A claim spoken by Anna; merging her into the union moves the link.
    await runJson(
      '--notebook',
      nb,
      'claim',
      'add',
      sourceId,
      '--quote',
      quotes[0]!,
      '--actor',
      'Berg:speaker:supports',
    );
    const merged = await runJson<{ actor: Actor; annotationsChanged: number }>(
      '--notebook',
      nb,
      'actor',
      'merge',
      'Anna Berg',
      '--into',
      'Harbour Union',
    );
    expect(merged.actor.id).toBe(union.id);
    expect(merged.actor.aliases).toEqual(expect.arrayContaining(['Anna Berg', 'Berg']));
    expect(merged.annotationsChanged).toBe(1);
    const linked = (await annotations(nb, sourceId)).filter((a) => a.actors.length);
    expect(linked.flatMap((a) => a.actors)).toEqual([{ actorId: union.id, role: 'speaker', stance: 'supports' }]);

    const removed = await runJson<{ deleted: Actor; annotationsChanged: number }>(
      '--notebook',
      nb,
      'actor',
      'rm',
      'Berg', // an alias the merge gave the union
    );
    expect(removed.deleted.id).toBe(union.id);
    expect(removed.annotationsChanged).toBe(1);
    expect(await runJson('--notebook', nb, 'actors')).toEqual([]);
  });

  it('refuses what the app refuses, with one line', async () => {
    const { nb } = await notebook();
    await runJson('--notebook', nb, 'actor', 'add', 'Anna Berg', '--kind', 'person');
    failed(await run('--notebook', nb, 'actor', 'add', 'anna berg'), 1, /An actor named “Anna Berg” already exists/);
    failed(await run('--notebook', nb, 'actor', 'edit', 'Anna', '--member-of', 'Anna'), 1, /member of itself/);
    failed(
      await run('--notebook', nb, 'actor', 'alias', 'Anna', '--remove', 'Zed'),
      1,
      /“Zed” is not an alias of Anna/,
    );
    failed(await run('--notebook', nb, 'actor', 'rm', 'Per Holm'), 1, /Per Holm/);
    failed(await run('--notebook', nb, 'actor', 'add', 'Per', '--kind', 'robot'), 2, /--kind must be/);
    failed(await run('--notebook', nb, 'actor', 'edit', 'Anna'), 2, /at least one of/);
    failed(await run('--notebook', nb, 'actor', 'merge', 'Anna'), 2, /needs --into/);
  });
});

describe('dossier relation', () => {
  it('adds, lists and removes a relation between two claims, and refuses a duplicate or a self-relation', async () => {
    const { nb, claims } = await notebook();
    const [a, b] = claims as [string, string];
    const relation = Relation.parse(await runJson('--notebook', nb, 'relation', 'add', a, b, '--type', 'contradicts'));
    expect(relation).toMatchObject({ from: a, to: b, type: 'contradicts' });
    const listed = await runJson<Array<{ id: string; other: { annotationId: string } }>>(
      '--notebook',
      nb,
      'relation',
      'list',
      b,
    );
    expect(listed.map((r) => [r.id, r.other.annotationId])).toEqual([[relation.id, a]]);
    expect((await run('--notebook', nb, 'relation', 'list', a)).out).toMatch(
      new RegExp(`^${relation.id}  contradicts ${b} “`),
    );
    expect((await run('--notebook', nb, 'relation', 'list', b)).out).toMatch(
      new RegExp(`^${relation.id}  ${a} “.*” contradicts it\n$`),
    );
    failed(await run('--notebook', nb, 'relation', 'add', b, a, '--type', 'contradicts'), 1, /already related/);
    failed(await run('--notebook', nb, 'relation', 'add', a, a, '--type', 'elaborates'), 1, /to itself/);
    failed(await run('--notebook', nb, 'relation', 'add', a, 'ann_nothing', '--type', 'elaborates'), 1, /ann_nothing/);
    failed(await run('--notebook', nb, 'relation', 'add', a, b, '--type', 'likes'), 2, /--type must be/);
    expect(await runJson('--notebook', nb, 'relation', 'rm', relation.id)).toEqual({ deleted: relation });
    expect(await runJson('--notebook', nb, 'relation', 'list', a)).toEqual([]);
  });
});

describe('dossier claim rm', () => {
  it('removes an annotation with its relations; undo brings both back', async () => {
    const { nb, sourceId, claims } = await notebook();
    const [a, b] = claims as [string, string];
    const relation = Relation.parse(await runJson('--notebook', nb, 'relation', 'add', a, b, '--type', 'corroborates'));
    const removed = await runJson<{ deleted: Annotation }>('--notebook', nb, 'claim', 'rm', a);
    expect(removed.deleted).toMatchObject({ id: a, sourceId });
    expect((await annotations(nb, sourceId)).map((x) => x.id)).toEqual([b]);
    expect(await runJson('--notebook', nb, 'relation', 'list', b)).toEqual([]);
    failed(await run('--notebook', nb, 'claim', 'rm', a), 1, new RegExp(`No annotation with id "${a}"`));
    expect((await runJson<{ label: string }>('--notebook', nb, 'undo')).label).toBe('Delete claim');
    expect((await annotations(nb, sourceId)).map((x) => x.id).sort()).toEqual([a, b].sort());
    expect((await runJson<Array<{ id: string }>>('--notebook', nb, 'relation', 'list', b)).map((r) => r.id)).toEqual([
      relation.id,
    ]);
  });
});

describe('dossier undo / redo', () => {
  it('steps back and forth across separate commands and says what it undid', async () => {
    const { nb } = await notebook();
    await runJson('--notebook', nb, 'tag', 'add', 'Energy');
    await runJson('--notebook', nb, 'tag', 'rename', 'Energy', 'Power');
    const undone = await run('--notebook', nb, 'undo');
    expect(undone.code).toBe(0);
    expect(undone.out.trim()).toBe('Undid: Rename tag “Energy”  (next undo: Create tag “Energy”)');
    expect((await runJson<Tag[]>('--notebook', nb, 'tag', 'list')).map((t) => t.name)).toEqual(['Energy']);
    expect(await runJson('--notebook', nb, 'undo')).toEqual({
      label: 'Create tag “Energy”',
      canUndo: true,
      canRedo: true,
      undoLabel: 'Add claim from quote',
      redoLabel: 'Create tag “Energy”',
    });
    expect(await runJson('--notebook', nb, 'tag', 'list')).toEqual([]);
    expect((await run('--notebook', nb, 'redo')).out.trim()).toBe(
      'Redid: Create tag “Energy”  (next undo: Create tag “Energy”)',
    );
    expect((await runJson<{ label: string }>('--notebook', nb, 'redo')).label).toBe('Rename tag “Energy”');
    expect((await runJson<Tag[]>('--notebook', nb, 'tag', 'list')).map((t) => t.name)).toEqual(['Power']);
    failed(await run('--notebook', nb, 'redo'), 1, /^dossier: Nothing to redo\.$/m);
  });

  it('says so when there is nothing to undo', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    failed(await run('--notebook', path.join(t.dir, 'empty.dossier'), 'undo'), 1, /^dossier: Nothing to undo\.$/m);
  });
});

describe('help', () => {
  it('`dossier <command> --help` shows that command only', async () => {
    const r = await run('tag', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('tag merge <tag> --into T');
    expect(r.out).not.toContain('actor add');
    expect(r.out).toMatch(/^Usage: dossier tag/);
  });
});

describe('the built CLI', () => {
  it('runs a new command and undoes it', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'built.dossier');
    const cli = (...argv: string[]) =>
      spawnSync(process.execPath, [path.join(repoRoot, BUILT.cli), '--notebook', nb, ...argv], { encoding: 'utf8' });
    const added = cli('actor', 'add', 'Anna Berg', '--kind', 'person', '--json');
    expect(added.stderr).toBe('');
    expect(Actor.parse(JSON.parse(added.stdout)).name).toBe('Anna Berg');
    const undone = cli('undo');
    expect(undone.status).toBe(0);
    expect(undone.stdout.trim()).toBe('Undid: Create actor “Anna Berg”  (nothing more to undo)');
    expect(JSON.parse(cli('actors', '--json').stdout)).toEqual([]);
  }, 120_000); // each spawn of the built CLI loads its bundle: seconds on a busy machine
});
