/**
 * The actor registry API and the `dossier actors` CLI through a real notebook
 * session, on the fictional English, Swedish and German articles of
 * ./articles.ts: suggestions across languages, accept / reject
 * (persisted across reopening), create / edit / merge / delete with undo,
 * mentions in one source, and the actor page (grouped by source, filters,
 * members counted through memberOf, co-occurring actors, mentioned-only sources).
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import type { ApiInput, ApiOutput, DossierService, MethodName } from '../../../shared/api';
import type { Annotation } from '../../../shared/model';
import { ARTICLES } from './articles';
import { runCli } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp-dir';

const FILES = ['en', 'sv', 'de'] as const;

let dir: string;
let cleanup: () => Promise<void>;
let session: NotebookSession | undefined;
let ids: Record<(typeof FILES)[number], string>;

async function open(): Promise<NotebookSession> {
  session = await openNotebookSession(dir);
  return session;
}
async function close(): Promise<void> {
  await session?.close();
  session = undefined;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  await close(); // the CLI takes the notebook lock itself
  return runCli(dir, ...argv);
}

beforeEach(async () => {
  const t = await tempDir('dossier-actors-api-');
  cleanup = t.cleanup;
  dir = path.join(t.dir, 'Actors.dossier');
  const s = await open();
  ids = {} as typeof ids;
  for (const [i, file] of FILES.entries()) {
    const result = await s.service.importText({ text: ARTICLES[i]!.text, name: ARTICLES[i]!.name });
    expect(result.added).toHaveLength(1);
    expect(result.added[0]!.language).toBe(file);
    ids[file] = result.added[0]!.id;
  }
}, 60_000);

afterEach(async () => {
  await close();
  await cleanup();
});

type Api = { [M in MethodName]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };
/** The service through the validating door every transport uses (input defaults applied, errors thrown). */
function through(service: DossierService): Api {
  return new Proxy({} as Api, {
    get: (_t, method: string) => async (input: unknown) => {
      const r = await callApi(service, method as MethodName, input);
      if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
      return r.value;
    },
  });
}
const svc = () => through(session!.service);

async function claim(sourceId: string, quote: string, actors: Annotation['actors'] = []): Promise<Annotation> {
  const a = await svc().addClaimByQuote({ sourceId, quote });
  return actors.length ? svc().updateAnnotation({ sourceId, id: a.id, patch: { actors } }) : a;
}

describe('suggestions', () => {
  it('puts the Swedish article’s Kina, Ryssland, FN and USA under China, Russia, United Nations and United States', async () => {
    const sv = ids.sv;
    const all = await svc().suggestActors({});
    const expectUnder = (name: string, surface: string) => {
      const s = all.find((x) => x.name === name);
      expect(s, name).toBeDefined();
      expect(s!.sourceIds).toContain(sv);
      expect(s!.aliasesSeen).toContain(surface);
      expect(s!.occurrences.some((o) => o.sourceId === sv)).toBe(true);
    };
    expectUnder('China', 'Kina');
    expectUnder('Russia', 'Ryssland');
    expectUnder('United Nations', 'FN');
    expectUnder('United States', 'USA');
    // One real-world actor is one suggestion, across the three languages.
    const us = all.filter((x) => x.name === 'United States');
    expect(us).toHaveLength(1);
    expect(us[0]!.sourceIds).toEqual(expect.arrayContaining([ids.en, sv]));
    // Cached: the same array comes back while nothing changed.
    expect(await svc().suggestActors({})).toBe(all);
  }, 60_000);

  it('accept creates the actor with its surface forms as aliases; the suggestion then points at it', async () => {
    const before = await svc().suggestActors({});
    const us = before.find((x) => x.key === 'state:us')!;
    const { actor, created } = await svc().acceptSuggestion({ key: 'state:us' });
    expect(created).toBe(true);
    expect(actor.name).toBe('United States');
    expect(actor.kind).toBe('state');
    expect(actor.aliases).toEqual(expect.arrayContaining(us.aliasesSeen.filter((a) => a !== 'United States')));
    expect((await svc().listActors({})).map((a) => a.id)).toContain(actor.id);
    const after = (await svc().suggestActors({})).find((x) => x.key === 'state:us');
    expect(after?.existingActorId).toBe(actor.id);
    // Undoable as one step.
    await svc().undo({});
    expect(await svc().listActors({})).toEqual([]);
  }, 60_000);

  it('accept into an existing actor adds the surface forms as aliases', async () => {
    const un = await svc().createActor({ name: 'Förenta nationerna', kind: 'igo' });
    const fn = (await svc().suggestActors({})).find((x) => x.aliasesSeen.includes('FN'))!;
    const { actor, created } = await svc().acceptSuggestion({ key: fn.key, asActorId: un.id });
    expect(created).toBe(false);
    expect(actor.id).toBe(un.id);
    expect(actor.aliases).toContain('FN');
    expect(actor.aliases).toContain('United Nations');
    expect(await svc().listActors({})).toHaveLength(1);
  }, 60_000);

  it('a rejected suggestion stays rejected, also after reopening the notebook', async () => {
    const first = await svc().suggestActors({});
    expect(first.some((s) => s.key === 'state:ru')).toBe(true);
    await svc().rejectSuggestion({ key: 'state:ru' });
    expect((await svc().suggestActors({})).some((s) => s.key === 'state:ru')).toBe(false);
    await close();
    const s = await open();
    expect(s.store.manifest.rejectedSuggestions).toEqual(['state:ru']);
    expect((await svc().suggestActors({})).some((x) => x.key === 'state:ru')).toBe(false);
    expect((await svc().suggestActors({})).some((x) => x.key === 'state:cn')).toBe(true);
  }, 60_000);

  it('recomputes when a source text changes (cache keyed by source id + text hash)', async () => {
    const sv = ids.sv;
    const before = (await svc().suggestActors({})).find((x) => x.key === 'state:us')!;
    expect(before.sourceIds).toContain(sv);
    const text = (await svc().getSource({ id: sv })).source.text;
    const paragraphIndex = text.split('\n\n').findIndex((p) => p.includes('USA:s'));
    expect(paragraphIndex).toBeGreaterThan(-1);
    await svc().removeParagraph({ sourceId: sv, paragraphIndex });
    const after = (await svc().suggestActors({})).find((x) => x.key === 'state:us')!;
    expect(after.sourceIds).not.toContain(sv);
    expect(after.aliasesSeen).not.toContain('Vita huset');
    expect(after.sourceIds).toContain(ids.en);
  }, 60_000);

  it('sourceMentions gives the known actors’ occurrences in one source, at the right offsets', async () => {
    const sv = ids.sv;
    expect(await svc().sourceMentions({ sourceId: sv })).toEqual([]); // no actors yet: nothing is "known"
    const { actor } = await svc().acceptSuggestion({ key: 'state:cn' });
    const mentions = await svc().sourceMentions({ sourceId: sv });
    const text = (await svc().getSource({ id: sv })).source.text;
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) {
      expect(m.actorId).toBe(actor.id);
      expect(text.slice(m.start, m.end)).toBe(m.surface);
    }
    expect(mentions.map((m) => m.surface)).toContain('Kina');
  }, 60_000);
});

describe('registry', () => {
  it('create, edit and reject bad input', async () => {
    const se = await svc().createActor({ name: 'Sweden', kind: 'state', aliases: ['Sverige', 'sweden', ' Schweden '] });
    expect(se.aliases).toEqual(['Sverige', 'Schweden']); // the name itself and blanks are no aliases
    await expect(svc().createActor({ name: 'SWEDEN', kind: 'state', aliases: [] })).rejects.toThrow(/already exists/);
    const pm = await svc().createActor({ name: 'Ulf Kristersson', kind: 'person', memberOf: [se.id] });
    expect(pm.memberOf).toEqual([se.id]);
    await expect(svc().updateActor({ id: se.id, memberOf: [pm.id] })).rejects.toThrow(/circle/);
    await expect(svc().updateActor({ id: se.id, memberOf: [se.id] })).rejects.toThrow(/itself/);
    const edited = await svc().updateActor({
      id: se.id,
      description: 'Nordic state',
      color: '#0072b2',
      aliases: ['Sverige', 'Suède'],
    });
    expect(edited).toMatchObject({
      name: 'Sweden',
      description: 'Nordic state',
      color: '#0072b2',
      aliases: ['Sverige', 'Suède'],
    });
    const cleared = await svc().updateActor({ id: se.id, description: null });
    expect(cleared.description).toBeUndefined();
    // Through the validating door: a bad kind is refused.
    const bad = await callApi(session!.service, 'createActor', { name: 'X', kind: 'planet' });
    expect(bad.ok).toBe(false);
  });

  it('merge moves every link in every source file, combines aliases, rewrites memberOf; undo restores', async () => {
    const en = ids.en;
    const sv = ids.sv;
    const usa = await svc().createActor({ name: 'USA', kind: 'state' });
    const us = await svc().createActor({ name: 'United States', kind: 'state', aliases: ['Washington'] });
    const spokes = await svc().createActor({ name: 'White House spokesperson', kind: 'person', memberOf: [usa.id] });
    const c1 = await claim(en, 'the White House said the United States', [{ actorId: us.id, role: 'subject' }]);
    const c2 = await claim(sv, 'är USA berett att betala en tredjedel av kostnaden', [
      { actorId: usa.id, role: 'speaker', stance: 'neutral' },
      { actorId: spokes.id, role: 'mentioned' },
    ]);
    expect(await svc().actorUsage({ id: usa.id })).toMatchObject({ claims: 1, links: 1, sources: 1, memberOf: 1 });

    const merged = await svc().mergeActors({ keepId: us.id, dropId: usa.id });
    expect(merged).toMatchObject({ annotationsChanged: 1, sourcesChanged: 1 });
    expect(merged.actor.aliases).toEqual(expect.arrayContaining(['Washington', 'USA']));
    const actors = await svc().listActors({});
    expect(actors.map((a) => a.id)).not.toContain(usa.id);
    expect(actors.find((a) => a.id === spokes.id)!.memberOf).toEqual([us.id]);
    const svFile = await svc().getSource({ id: sv });
    expect(svFile.annotations.find((a) => a.id === c2.id)!.actors).toEqual([
      { actorId: us.id, role: 'speaker', stance: 'neutral' },
      { actorId: spokes.id, role: 'mentioned' },
    ]);
    expect((await svc().getSource({ id: en })).annotations.find((a) => a.id === c1.id)!.actors).toEqual([
      { actorId: us.id, role: 'subject' },
    ]);
    expect(await svc().actorUsage({ id: us.id })).toMatchObject({ claims: 2, sources: 2 });

    // One undo step restores actor, links and membership.
    await svc().undo({});
    expect((await svc().listActors({})).map((a) => a.id)).toContain(usa.id);
    expect((await svc().getSource({ id: sv })).annotations.find((a) => a.id === c2.id)!.actors[0]!.actorId).toBe(
      usa.id,
    );
  });

  it('delete reports what it touched, removes the links, and undo restores them', async () => {
    const sv = ids.sv;
    const fr = ids.de;
    const ru = await svc().createActor({ name: 'Russia', kind: 'state' });
    const kreml = await svc().createActor({ name: 'Kremlin', kind: 'organisation', memberOf: [ru.id] });
    await claim(sv, 'Ryssland vägrar garantera eskort', [{ actorId: ru.id, role: 'speaker', stance: 'opposes' }]);
    await claim(fr, 'Russland lehnte Geleitschutz ab', [{ actorId: ru.id, role: 'subject' }]);
    expect(await svc().actorUsage({ id: ru.id })).toEqual({
      claims: 2,
      annotations: 2,
      links: 2,
      sources: 2,
      memberOf: 1,
      page: { claims: 2, sources: 2, throughMembers: 0 },
    });

    const result = await svc().deleteActor({ id: ru.id });
    expect(result).toMatchObject({ annotationsChanged: 2, sourcesChanged: 2, memberOfChanged: 1 });
    expect(result.deleted.id).toBe(ru.id);
    for (const id of [sv, fr])
      for (const a of (await svc().getSource({ id })).annotations) expect(a.actors).toEqual([]);
    expect((await svc().listActors({})).find((a) => a.id === kreml.id)!.memberOf).toEqual([]);

    await svc().undo({});
    expect(await svc().actorUsage({ id: ru.id })).toMatchObject({ claims: 2, sources: 2, memberOf: 1 });
  });
});

describe('actor page', () => {
  it('groups claims by source, counts members (memberOf), filters, lists co-actors and mentioned-only sources', async () => {
    const en = ids.en;
    const sv = ids.sv;
    const fr = ids.de;
    const { actor: france } = await svc().acceptSuggestion({ key: 'state:fr' });
    const { actor: un } = await svc().acceptSuggestion({ key: 'igo:un' });
    const macron = await svc().createActor({
      name: 'Emmanuel Macron',
      kind: 'person',
      aliases: ['Macron'],
      memberOf: [france.id],
    });

    const a1 = await claim(en, 'the Elysée announced that France would send observers to the next round', [
      { actorId: france.id, role: 'speaker', stance: 'supports' },
    ]);
    const a2 = await claim(sv, 'Frankrikes president Emmanuel Macron säger att farleden ska vara öppen för alla', [
      { actorId: france.id, role: 'subject' },
    ]);
    const a3 = await claim(en, 'French President Emmanuel Macron said the lane', [
      { actorId: macron.id, role: 'speaker', stance: 'opposes' },
      { actorId: un.id, role: 'mentioned' },
    ]);
    await svc().updateAnnotation({ sourceId: en, id: a3.id, patch: { status: 'disputed' } });

    const page = await svc().getActorPage({ actorId: france.id });
    expect(page.actor.id).toBe(france.id);
    expect(page.members.map((m) => m.id)).toEqual([macron.id]);
    expect(page.counts).toMatchObject({ claims: 3, total: 3, sources: 2 });
    const bySource = Object.fromEntries(page.groups.map((g) => [g.source.id, g.claims.map((c) => c.annotation.id)]));
    expect(bySource[en]).toEqual(expect.arrayContaining([a1.id, a3.id]));
    expect(bySource[en]).toHaveLength(2);
    expect(bySource[sv]).toEqual([a2.id]);
    const enGroup = page.groups.find((g) => g.source.id === en)!;
    expect(enGroup.source.title).toBe('Arctic Lane Talks Stall In Tromsø');
    expect(enGroup.claims.find((c) => c.annotation.id === a3.id)!.via).toEqual([macron.id]);
    expect(page.counts.byRole).toEqual({ speaker: 2, subject: 1 });
    expect(page.counts.byStance).toEqual({ supports: 1, none: 1, opposes: 1 });
    expect(page.coActors).toEqual([{ actor: expect.objectContaining({ id: un.id }), claims: 1 }]);
    // The French article names France but has no linked claim yet: work still to do.
    expect(page.mentionedOnly.map((m) => m.source.id)).toEqual([fr]);
    expect(page.mentionedOnly[0]!.mentions).toBeGreaterThan(0);

    const speakers = await svc().getActorPage({ actorId: france.id, filters: { roles: ['speaker'] } });
    expect(speakers.groups.flatMap((g) => g.claims.map((c) => c.annotation.id)).sort()).toEqual([a1.id, a3.id].sort());
    expect(speakers.counts.total).toBe(3);
    const opposing = await svc().getActorPage({ actorId: france.id, filters: { stances: ['opposes'] } });
    expect(opposing.groups.flatMap((g) => g.claims.map((c) => c.annotation.id))).toEqual([a3.id]);
    const disputed = await svc().getActorPage({ actorId: france.id, filters: { statuses: ['disputed'] } });
    expect(disputed.counts.claims).toBe(1);
    const noStance = await svc().getActorPage({ actorId: france.id, filters: { stances: ['none'] } });
    expect(noStance.groups.flatMap((g) => g.claims.map((c) => c.annotation.id))).toEqual([a2.id]);

    // Macron's own page: only his claim; France is not his member.
    const own = await svc().getActorPage({ actorId: macron.id });
    expect(own.groups.flatMap((g) => g.claims.map((c) => c.annotation.id))).toEqual([a3.id]);
    expect(own.memberOf.map((a) => a.id)).toEqual([france.id]);

    // The registry counts what the page shows: France's own claims and its member's.
    expect((await svc().actorUsage({ id: france.id })).page).toEqual({ claims: 3, sources: 2, throughMembers: 1 });
    expect((await svc().actorUsage({ id: macron.id })).page).toEqual({ claims: 1, sources: 1, throughMembers: 0 });
  }, 60_000);

  it('the registry and the page agree for an actor whose claims all come through a member', async () => {
    const { actor: france } = await svc().acceptSuggestion({ key: 'state:fr' });
    const macron = await svc().createActor({ name: 'Emmanuel Macron', kind: 'person', memberOf: [france.id] });
    const minister = await svc().createActor({ name: 'French minister', kind: 'person', memberOf: [macron.id] });
    await claim(ids.en, 'French President Emmanuel Macron said the lane', [{ actorId: macron.id, role: 'speaker' }]);
    await claim(ids.sv, 'Frankrikes president Emmanuel Macron säger att farleden ska vara öppen för alla', [
      { actorId: macron.id, role: 'speaker' },
      { actorId: minister.id, role: 'mentioned' },
    ]);
    await claim(ids.en, 'the Elysée announced that France would send observers', [
      { actorId: minister.id, role: 'subject' },
    ]);
    const usage = await svc().actorUsage({ id: france.id });
    const page = await svc().getActorPage({ actorId: france.id });
    // No claim names France itself: the deletion impact is nil, yet the page and the registry show three.
    expect(usage).toMatchObject({ claims: 0, annotations: 0, sources: 0 });
    expect(usage.page).toEqual({ claims: 3, sources: 2, throughMembers: 3 });
    expect({
      claims: page.counts.total,
      sources: page.counts.sources,
      throughMembers: page.counts.throughMembers,
    }).toEqual(usage.page);
  }, 60_000);
});

describe('CLI', () => {
  it('`actors suggest --json` and `actors --json` print the shapes of docs/cli.md; accept and reject by name persist', async () => {
    const sugg = await cli('actors', 'suggest', '--json');
    expect(sugg.code).toBe(0);
    const list = JSON.parse(sugg.out) as Array<Record<string, unknown>>;
    for (const s of list)
      expect(Object.keys(s).sort()).toEqual(['aliasesSeen', 'kind', 'mentions', 'name', 'sourceIds']);
    const china = list.find((s) => s.name === 'China')!;
    expect(china.aliasesSeen).toContain('Kina');
    expect(china.sourceIds).toContain(ids.sv);

    expect((await cli('actors', 'accept', 'Kina', '--json')).code).toBe(0);
    expect((await cli('actors', 'reject', 'Ryssland')).code).toBe(0);
    const actors = JSON.parse((await cli('actors', '--json')).out) as Array<{
      name: string;
      kind: string;
      aliases: string[];
      memberOf: string[];
    }>;
    expect(actors).toHaveLength(1);
    expect(actors[0]).toMatchObject({ name: 'China', kind: 'state', memberOf: [] });
    expect(actors[0]!.aliases).toContain('Kina');
    const again = JSON.parse((await cli('actors', 'suggest', '--json')).out) as Array<{ name: string }>;
    expect(again.some((s) => s.name === 'Russia')).toBe(false);

    const missing = await cli('actors', 'accept', 'Atlantis');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No current suggestion/);
    expect((await cli('actors', 'frobnicate')).code).toBe(2);
  }, 90_000);
});
