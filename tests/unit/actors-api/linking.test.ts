/**
 * Linking an actor from a claim, through a real notebook session on the
 * fictional harbour articles (English and Swedish): the type-ahead
 * (`actorOptions`) offers accepted actors by name or alias and detected
 * suggestions with their kind; a created actor gets the kind detection knows;
 * a name another actor already carries is never made into a second actor
 * (createActor refuses, acceptSuggestion answers with a conflict and merges
 * with `asActorId`, `dossier actors accept` says so); and every way of naming
 * an actor resolves an alias to the actor that carries it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../main/cli/command';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import { runCli } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp-dir';

const FIXTURES = path.resolve('tests/fixtures/actors');
let dir: string;
let cleanup: () => Promise<void>;
let session: NotebookSession | undefined;
let sources: Record<'en' | 'sv', string>;

async function api<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  session ??= await openNotebookSession(dir);
  const r = await callApi(session.service, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as ApiOutput<M>;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  await session?.close(); // the CLI takes the notebook lock itself
  session = undefined;
  return runCli(dir, ...argv);
}

beforeEach(async () => {
  const t = await tempDir('dossier-actor-linking-');
  cleanup = t.cleanup;
  dir = path.join(t.dir, 'Linking.dossier');
  sources = {} as typeof sources;
  for (const lang of ['en', 'sv'] as const) {
    const text = readFileSync(path.join(FIXTURES, `${lang}-harbour.txt`), 'utf8');
    const result = await api('importText', { text, name: `${lang}-harbour.txt` });
    sources[lang] = result.added[0]!.id;
  }
}, 60_000);

afterEach(async () => {
  await session?.close();
  session = undefined;
  await cleanup();
});

describe('the claim editor’s actor type-ahead', () => {
  it('offers a detected country and a detected company with their kinds before anything is accepted', async () => {
    const den = await api('actorOptions', { query: 'Den', limit: 8 });
    expect(den[0]).toMatchObject({ type: 'suggestion', key: 'state:dk', name: 'Denmark', kind: 'state' });
    // The Swedish form finds it too.
    expect((await api('actorOptions', { query: 'Danm', limit: 8 }))[0]).toMatchObject({ key: 'state:dk' });
    const micro = await api('actorOptions', { query: 'micro', limit: 8 });
    expect(micro[0]).toMatchObject({ type: 'suggestion', name: 'Microsoft', kind: 'organisation' });
  });

  it('choosing a suggestion accepts it with its kind; then the actor is offered, by name or alias', async () => {
    const [option] = await api('actorOptions', { query: 'Denmark', limit: 8 });
    expect(option?.type).toBe('suggestion');
    const accepted = await api('acceptSuggestion', { key: option!.type === 'suggestion' ? option!.key : '' });
    expect(accepted.created).toBe(true);
    expect(accepted.actor).toMatchObject({ name: 'Denmark', kind: 'state' });
    const byAlias = await api('actorOptions', { query: 'Danmark', limit: 8 });
    expect(byAlias[0]).toMatchObject({ type: 'actor', actor: { id: accepted.actor.id } });
    // The suggestion is not offered again beside the actor.
    expect(byAlias.filter((o) => o.type === 'suggestion' && o.name === 'Denmark')).toEqual([]);
  });

  it('creates an actor of the kind detection knows when none is given', async () => {
    expect((await api('createActor', { name: 'Norway' })).kind).toBe('state');
    expect((await api('createActor', { name: 'Ericsson' })).kind).toBe('organisation');
    expect((await api('createActor', { name: 'Upphandlingsmyndigheten' })).kind).toBe('organisation');
    expect((await api('createActor', { name: 'Ingrid Solheim' })).kind).toBe('person');
    // A detected suggestion's kind, once detection has run.
    await api('suggestActors', {});
    expect((await api('createActor', { name: 'Quayside Herald' })).kind).toBe('organisation');
    expect((await api('createActor', { name: 'Zorblat' })).kind).toBe('other');
    expect((await api('createActor', { name: 'Kestrel', kind: 'group' })).kind).toBe('group');
  });
});

describe('one actor per real-world actor', () => {
  it('refuses to create an actor whose name is an alias of another', async () => {
    await api('createActor', {
      name: 'Coalition for Clean Harbours and Open Data',
      kind: 'organisation',
      aliases: ['Koalitionen för rena hamnar'],
    });
    await expect(api('createActor', { name: 'koalitionen för rena hamnar' })).rejects.toThrow(
      /already an alias of “Coalition for Clean Harbours and Open Data”/,
    );
  });

  it('answers a conflict instead of accepting a second actor, and merges when asked', async () => {
    const ms = (await api('suggestActors', {})).find((s) => s.name === 'Microsoft')!;
    const corp = await api('createActor', { name: 'Redmond Software Group', kind: 'organisation', aliases: ['MSFT'] });
    // Accepting it under a name the registry already holds as an alias.
    const r = await api('acceptSuggestion', { key: ms.key, name: 'MSFT' });
    expect(r.created).toBe(false);
    expect(r.conflict).toMatchObject({ actor: { id: corp.id }, names: ['MSFT'] });
    expect((await api('listActors', {})).map((a) => a.name)).toEqual(['Redmond Software Group']);
    const merged = await api('acceptSuggestion', { key: ms.key, asActorId: corp.id });
    expect(merged.actor.id).toBe(corp.id);
    expect(merged.actor.aliases).toEqual(expect.arrayContaining(['MSFT', 'Microsoft']));
    expect(await api('listActors', {})).toHaveLength(1);
  });

  it('resolves an alias to the actor that carries it in the type-ahead, `--actor` and `brief draft --actor`', async () => {
    const coalition = await api('createActor', {
      name: 'Coalition for Clean Harbours and Open Data',
      kind: 'organisation',
      aliases: ['Koalitionen för rena hamnar'],
    });
    await api('createActor', { name: 'Koalitionsregeringen', kind: 'organisation' });
    const quote = 'meddelade Koalitionen för rena hamnar på fredagen';
    await api('addClaimByQuote', { sourceId: sources.sv, quote, actors: [] });
    const typeahead = await api('actorOptions', { query: 'Koalitionen för rena hamnar', limit: 8 });
    expect(typeahead[0]).toMatchObject({ type: 'actor', actor: { id: coalition.id } });
    expect((await api('lookupActor', { query: 'Koalitionen för rena hamnar' })).id).toBe(coalition.id);
    const linked = await cli(
      'claim',
      'add',
      sources.sv,
      '--quote',
      'Microsoft har fått uppdraget',
      '--actor',
      'Koalitionen för rena hamnar:subject',
      '--json',
    );
    expect(linked.code, linked.err).toBe(0);
    expect(JSON.parse(linked.out).actors).toEqual([{ actorId: coalition.id, role: 'subject' }]);
    const brief = await cli('brief', 'draft', '--actor', 'Koalitionen för rena hamnar', '--json');
    expect(brief.code, brief.err).toBe(0);
    expect(JSON.parse(brief.out).title).toContain('Coalition for Clean Harbours and Open Data');
    expect((await api('listActors', {})).map((a) => a.name).sort()).toEqual([
      'Coalition for Clean Harbours and Open Data',
      'Koalitionsregeringen',
    ]);
  });
});

describe('dossier actors accept, when an actor already carries the name', () => {
  it('changes nothing, says which actor and how to merge, and merges with --as', async () => {
    // The API answers a conflict (shown above); the command turns it into a one-line error with the way out.
    const corp = await api('createActor', { name: 'Redmond Software Group', kind: 'organisation', aliases: ['MSFT'] });
    const conflictOnce = async <M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
      if (method === 'acceptSuggestion' && !(input as { asActorId?: string }).asActorId)
        return { actor: corp, created: false, conflict: { actor: corp, names: ['MSFT'] } } as ApiOutput<M>;
      return api(method, input);
    };
    const { actorsCommand } = await import('../../../main/cli/commands/actors');
    const printed: string[] = [];
    const ctx = (args: string[], options: Record<string, string | undefined> = {}): CommandContext => ({
      args,
      options,
      json: false,
      notebook: '',
      io: { out: () => undefined, err: () => undefined, isTTY: false },
      call: conflictOnce,
      onEvent: async () => () => undefined,
      print: (_json: unknown, text: () => string[]) => void printed.push(...text()),
    });
    await expect(actorsCommand.run(ctx(['accept', 'Microsoft']))).rejects.toThrow(
      /“MSFT” is already a name of Redmond Software Group \(act_\w+\): merge into Redmond Software Group\? Run: dossier actors accept name:microsoft --as "Redmond Software Group"/,
    );
    expect(await api('listActors', {})).toHaveLength(1);
    await actorsCommand.run(ctx(['accept', 'Microsoft'], { as: 'Redmond Software Group' }));
    expect(printed.join('\n')).toMatch(
      /Updated act_\w+ {2}Redmond Software Group \[organisation\] {2}\(MSFT, Microsoft/,
    );
  });
});
