/**
 * The CLI names actors, tags and sources through the API's lookups, with one
 * rule everywhere: `search --actor` and `brief draft --actor` agree on what a
 * name means (a unique prefix wins, several matches are a one-line error),
 * `claim add` links what exists and creates only what matches nothing, and the
 * API's input schemas now check what the CLI sends.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Annotation, Brief, SourceMeta } from '../../../shared/model';
import { main } from '../../../main/cli/dossier';
import { callApi, openNotebookSession } from '../../../main/services/session';
import { tempDir } from '../../helpers/temp-dir';

const FIXTURES = path.resolve('tests/fixtures/basic');
let dir: string;
let cleanup: () => Promise<void>;
let harbour: SourceMeta;
let ministers: SourceMeta;
const ids: Record<string, string> = {};

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['--notebook', dir, ...argv], {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    isTTY: false,
  });
  return { code, out, err };
}

/** Expects a failure with `code`, nothing on stdout and one line on stderr; returns that line. */
async function fails(code: number, ...argv: string[]): Promise<string> {
  const r = await run(...argv);
  expect(r.code, argv.join(' ')).toBe(code);
  expect(r.out).toBe('');
  const lines = r.err.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

const QUOTE = 'This is a fair deal for both coasts,';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  dir = path.join(dir, 'lookup.dossier');
  const imported = await run(
    'import',
    path.join(FIXTURES, 'harbour-accord.txt'),
    path.join(FIXTURES, 'ministers-meet.html'),
    '--json',
  );
  [harbour, ministers] = z.tuple([SourceMeta, SourceMeta]).parse(JSON.parse(imported.out).added);
  const session = await openNotebookSession(dir);
  try {
    for (const name of ['Anna Lindqvist', 'Per Lindgren', 'Bjørn Ødegård'])
      ids[name] = (await session.service.createActor({ name, kind: 'person', aliases: [], memberOf: [] })).id;
    ids.Energy = (await session.service.createTag({ name: 'Energy' })).id;
    ids['Energy policy'] = (await session.service.createTag({ name: 'Energy policy' })).id;
    ids.Fishing = (await session.service.createTag({ name: 'Fishing' })).id;
    ids.Quotas = (await session.service.createTag({ name: 'Quotas', parentId: ids.Fishing })).id;
  } finally {
    await session.close();
  }
});
afterAll(() => cleanup());

describe('names on the command line', () => {
  it('`search --actor` and `brief draft --actor` fail alike on an ambiguous name, naming the candidates', async () => {
    const message = '"Lind" matches 2 actors: Anna Lindqvist, Per Lindgren — use the full name or the id';
    // A bad filter stays bad usage (exit 2); a brief that cannot be drafted a failed operation (exit 1).
    expect(await fails(2, 'search', 'accord', '--actor', 'Lind')).toBe(`dossier: ${message}. Try: dossier --help`);
    expect(await fails(1, 'brief', 'draft', '--actor', 'Lind')).toBe(`dossier: ${message}.`);
    expect(await fails(2, 'search', 'accord', '--tag', 'ener')).toMatch(/"ener" matches 2 tags: Energy, Energy policy/);
    expect(await fails(1, 'brief', 'draft', '--tag', 'ener')).toMatch(/"ener" matches 2 tags: Energy, Energy policy/);
  });

  it('claim add links the unique match of a prefix, a folded name or a path, and creates only what matches nothing', async () => {
    const r = await run(
      'claim',
      'add',
      harbour.id.slice(0, 8),
      '--quote',
      QUOTE,
      '--actor',
      'lindq:speaker',
      '--actor',
      'bjorn odegard:mentioned',
      '--actor',
      'Saltmarsh:subject',
      '--tag',
      'fishing/quo',
      '--tag',
      'energy',
      '--tag',
      'Harbours',
      '--json',
    );
    expect(r.err).toBe('');
    const claim = Annotation.parse(JSON.parse(r.out));
    expect(claim.sourceId).toBe(harbour.id);
    expect(claim.actors.slice(0, 2)).toEqual([
      { actorId: ids['Anna Lindqvist'], role: 'speaker' },
      { actorId: ids['Bjørn Ødegård'], role: 'mentioned' },
    ]);
    expect(Object.values(ids)).not.toContain(claim.actors[2]!.actorId);
    expect(claim.tagIds.slice(0, 2)).toEqual([ids.Quotas, ids.Energy]);
    const actors = JSON.parse((await run('actors', '--json')).out) as Array<{ id: string; name: string }>;
    expect(actors.find((a) => a.id === claim.actors[2]!.actorId)?.name).toBe('Saltmarsh');

    // The same claim on an ambiguous actor or tag adds nothing and creates nothing.
    expect(
      await fails(1, 'claim', 'add', harbour.id, '--quote', QUOTE, '--actor', 'Lind:speaker', '--tag', 'Brand new'),
    ).toMatch(/"Lind" matches 2 actors/);
    expect(
      await fails(1, 'claim', 'add', harbour.id, '--quote', QUOTE, '--tag', 'Ener', '--actor', 'Somebody New:speaker'),
    ).toMatch(/"Ener" matches 2 tags/);
    const shown = JSON.parse((await run('show', harbour.id, '--json')).out) as { annotations: unknown[] };
    expect(shown.annotations).toHaveLength(1);
    expect((JSON.parse((await run('actors', '--json')).out) as unknown[]).length).toBe(actors.length);
  });

  it('finds a source by id prefix or title in show, claim add and search --source', async () => {
    const byTitle = JSON.parse((await run('show', 'ministers meet in GOTHENBURG', '--json')).out) as { id: string };
    expect(byTitle.id).toBe(ministers.id);
    const hits = JSON.parse(
      (await run('search', 'accord', '--source', harbour.id.slice(0, 7), '--json')).out,
    ) as Array<{ sourceId: string }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.sourceId === harbour.id)).toBe(true);
    expect(await fails(1, 'show', 'Ministers')).toBe(
      'dossier: No source with id or title "Ministers" in this notebook.',
    );
    expect(await fails(2, 'search', 'accord', '--source', 'src_')).toMatch(
      /^dossier: "src_" matches 2 sources: .* — use more of the id, or the exact title\. Try: dossier --help$/,
    );
  });

  it('drafts a brief from a unique surname prefix, the same actor search --actor finds', async () => {
    const r = await run('brief', 'draft', '--actor', 'Lindqv', '--json');
    expect(r.err).toBe('');
    expect(Brief.parse(JSON.parse(r.out)).title).toBe('Brief: Anna Lindqvist');
    const hits = JSON.parse((await run('search', 'fair deal', '--actor', 'Lindqv', '--json')).out) as Array<{
      sourceId: string;
      annotationId?: string;
    }>;
    expect(hits.some((h) => h.annotationId !== undefined && h.sourceId === harbour.id)).toBe(true);
  });

  it('goes through the API’s input schemas: trimmed, limited, and errors as one line', async () => {
    expect(await fails(1, 'search', 'x'.repeat(1001))).toMatch(/^dossier: Invalid input \(query\)/);
    expect(await fails(1, 'brief', 'draft', '--actor', '   ')).toMatch(/^dossier: Invalid input \(query\)/);
  });
});

describe('lookup API', () => {
  it('answers through callApi with Result envelopes: the record, not-found, or invalid-input listing the candidates', async () => {
    const session = await openNotebookSession(dir);
    try {
      expect(await callApi(session.service, 'lookupActor', { query: '  per  ' })).toMatchObject({
        ok: true,
        value: { id: ids['Per Lindgren'] },
      });
      expect(await callApi(session.service, 'lookupTag', { query: 'Fishing › Quotas' })).toMatchObject({
        ok: true,
        value: { id: ids.Quotas },
      });
      expect(
        await callApi(session.service, 'lookupSource', { query: 'Harbour accord signed after night of talks' }),
      ).toMatchObject({ ok: true, value: { id: harbour.id } });
      expect(await callApi(session.service, 'lookupActor', { query: 'Lind' })).toEqual({
        ok: false,
        error: {
          code: 'invalid-input',
          message: '"Lind" matches 2 actors: Anna Lindqvist, Per Lindgren — use the full name or the id.',
        },
      });
      expect(await callApi(session.service, 'lookupTag', { query: 'Weather' })).toEqual({
        ok: false,
        error: { code: 'not-found', message: 'No tag named "Weather".' },
      });
      // The claim that failed on an ambiguous actor created none of its new tags.
      expect(await callApi(session.service, 'lookupTag', { query: 'Brand new' })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
      expect(await callApi(session.service, 'lookupSource', {})).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    } finally {
      await session.close();
    }
  });
});
