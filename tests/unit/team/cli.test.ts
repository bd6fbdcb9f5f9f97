/**
 * The CLI's team commands in process (the same `main` the binary runs): share, join by sharing an
 * empty notebook, sync, conflicts (text and --json), resolve with a side or a JSON value, undo; the
 * timeline and restoring a source from it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/dossier';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'dossier-team-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function dossier(nb: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['--notebook', path.join(tmp, nb), ...argv], {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    isTTY: false,
  });
  return { code, out, err };
}

describe('dossier share, sync, conflicts, resolve', () => {
  it('share, join, sync; a conflict listed and resolved with a value of ones own, undoably', async () => {
    const remote = path.join(tmp, 'team.git');
    expect((await dossier('a', 'actor', 'add', 'Anna Lind')).code).toBe(0);
    expect(await dossier('a', 'share', '--remote', remote)).toMatchObject({ code: 0, out: 'Shared your changes.\n' });
    expect(await dossier('b', 'share', '--remote', remote)).toMatchObject({
      code: 0,
      out: "Took the team's changes.\n",
    });
    await dossier('a', 'actor', 'edit', 'Anna Lind', '--name', 'Anna Lindqvist');
    await dossier('b', 'actor', 'edit', 'Anna Lind', '--name', 'Anna L.');
    expect((await dossier('a', 'sync')).out).toBe('Shared your changes.\n');
    expect((await dossier('b', 'sync')).out).toMatch(/^Merged .* 1 conflict kept: dossier conflicts lists it\.\n$/);

    const text = (await dossier('b', 'conflicts')).out.split('\n');
    // Where it is, in words rather than the files' spelling.
    expect(text[0]).toMatch(/^\S+ {2}The notebook › Actors › Anna L\. › Name$/);
    // One person on both computers: both sides by the same author, neither called yours.
    expect(text[1]).toMatch(/^ {2}ours {4}"Anna L\." {9}by .+ \(kept now\)$/);
    expect(text[2]).toMatch(/^ {2}theirs {2}"Anna Lindqvist" {2}by [^(]+$/);
    expect(text[3]).toBe('Keep the value kept now: dossier resolve <id> --take ours; take the other: --take theirs.');
    const [conflict] = JSON.parse((await dossier('b', 'conflicts', '--json')).out) as { id: string; label: string }[];
    expect(conflict!.label).toBe('notebook.json › actors › Anna L. › name');

    expect((await dossier('b', 'resolve', conflict!.id)).code).toBe(2);
    expect(await dossier('b', 'resolve', conflict!.id, '--take', '"Anna Lind-Qvist"')).toMatchObject({ code: 0 });
    expect((await dossier('b', 'actors')).out).toMatch(/Anna Lind-Qvist/);
    expect((await dossier('b', 'conflicts')).out).toBe('No conflicts.\n');
    expect((await dossier('b', 'undo')).code).toBe(0);
    expect((await dossier('b', 'actors')).out).toMatch(/Anna L\./);
    expect(JSON.parse((await dossier('b', 'conflicts', '--json')).out)).toHaveLength(1);
    expect(await dossier('b', 'resolve', 'cf_nothing', '--take', 'ours')).toMatchObject({ code: 1 });
  });
});

describe('dossier conflicts, as each person reads them', () => {
  it('after Bob merges and shares, Alice pulls: the kept value is by Bob, hers is marked hers', async () => {
    const as = async (who: string, ...argv: string[]) => {
      const config = path.join(tmp, `config-${who}`);
      await mkdir(config, { recursive: true });
      const settings = { language: 'en', authorName: who, authorEmail: `${who.toLowerCase()}@example.org` };
      await writeFile(path.join(config, 'settings.json'), JSON.stringify(settings));
      const before = process.env.DOSSIER_CONFIG_DIR;
      process.env.DOSSIER_CONFIG_DIR = config;
      try {
        return await dossier(who, ...argv);
      } finally {
        process.env.DOSSIER_CONFIG_DIR = before;
      }
    };
    const remote = path.join(tmp, 'people.git');
    await as('Alice', 'actor', 'add', 'Anna Lind');
    await as('Alice', 'share', '--remote', remote);
    await as('Bob', 'share', '--remote', remote);
    await as('Alice', 'actor', 'edit', 'Anna Lind', '--name', 'Anna Lindqvist');
    await as('Bob', 'actor', 'edit', 'Anna Lind', '--name', 'Anna L.');
    await as('Alice', 'sync');
    expect((await as('Bob', 'sync')).out).toMatch(/1 conflict kept/);
    expect((await as('Alice', 'sync')).out).toBe("Took the team's changes.\n");

    const alice = (await as('Alice', 'conflicts')).out.split('\n');
    expect(alice[1]).toBe('  ours    "Anna L."         by Bob <bob@example.org> (kept now)');
    expect(alice[2]).toBe('  theirs  "Anna Lindqvist"  by Alice <alice@example.org> (yours)');
    const bob = (await as('Bob', 'conflicts')).out.split('\n');
    expect(bob[1]).toBe('  ours    "Anna L."         by Bob <bob@example.org> (kept now) (yours)');
    expect(bob[2]).toBe('  theirs  "Anna Lindqvist"  by Alice <alice@example.org>');
  });
});

describe('dossier timeline, restore', () => {
  it('lists the commits, shows what one touched, and restores a source from one, undoably', async () => {
    const remote = path.join(tmp, 'timeline.git');
    const file = path.join(tmp, 'bridge.txt');
    await writeFile(file, 'The minister said the bridge would open in May.\n');
    expect((await dossier('ta', 'import', file)).code).toBe(0);
    const [source] = JSON.parse((await dossier('ta', 'sources', '--json')).out) as { id: string }[];
    await dossier('ta', 'share', '--remote', remote);
    await dossier('tb', 'share', '--remote', remote);
    expect((await dossier('tb', 'claim', 'add', source!.id, '--quote', 'the bridge would open')).code).toBe(0);
    await dossier('tb', 'sync');
    await dossier('ta', 'sync');

    const lines = (await dossier('ta', 'timeline')).out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{7} {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}\S/);
    const commits = JSON.parse((await dossier('ta', 'timeline', '--json')).out) as { id: string; summary: string }[];
    expect(commits.map((c) => c.id.slice(0, 7))).toEqual(lines.map((l) => l.slice(0, 7)));
    const first = commits.at(-1)!.id.slice(0, 7);
    expect((await dossier('ta', 'timeline', commits[0]!.id.slice(0, 7))).out).toMatch(
      new RegExp(`\\n {2}source changed: {2}.*\\(${source!.id}\\)\\n`),
    );

    const annotations = async () =>
      (JSON.parse((await dossier('ta', 'show', source!.id, '--json')).out) as { annotations: unknown[] }).annotations;
    expect(await annotations()).toHaveLength(1);
    expect(await dossier('ta', 'restore', 'source', source!.id)).toMatchObject({ code: 2 });
    expect(await dossier('ta', 'restore', 'actor', source!.id, '--from', first)).toMatchObject({ code: 2 });
    const restored = await dossier('ta', 'restore', 'source', source!.id, '--from', first);
    expect(restored).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Restore source “.*” as .* had it on .*\.\n$/),
    });
    expect(await annotations()).toHaveLength(0);
    expect((await dossier('ta', 'undo')).code).toBe(0);
    expect(await annotations()).toHaveLength(1);
    expect(await dossier('ta', 'restore', 'brief', 'brf_none', '--from', first)).toMatchObject({ code: 1 });
  });
});
