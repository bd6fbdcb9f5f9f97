/**
 * The CLI's team commands in process (the same `main` the binary runs): share, join by sharing an
 * empty notebook, sync, conflicts (text and --json), resolve with a side or a JSON value, undo.
 */
import { mkdtemp, rm } from 'node:fs/promises';
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
    expect(text[1]).toMatch(/^ {2}mine: {3}"Anna L\."/);
    expect(text[2]).toMatch(/^ {2}theirs: "Anna Lindqvist"/);
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
