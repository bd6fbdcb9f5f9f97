/**
 * Search and corroboration through a real notebook session and the CLI, on
 * the fictional Nordvik corpus (English, Swedish and German reports of one
 * invented event, plus unrelated articles): ranking, corroboration order,
 * accepting a suggestion (annotation + relation, undoable as one step), the
 * index following edits and undo, and the persisted index reused on reopen.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_DIR, INDEX_DIR } from '../../../main/services/search/search-service';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { runCli } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp-dir';
import { actors, allSources, courier, dagblad, economy, evening, football, rundschau, wire } from '../search/corpus';

let dir: string;
let cleanup: () => Promise<void>;
let session: NotebookSession | undefined;
/** corpus id → id in the notebook */
const idOf = new Map<string, string>();

async function open(): Promise<NotebookSession> {
  session = await openNotebookSession(dir);
  return session;
}
async function close(): Promise<void> {
  await session?.close();
  session = undefined;
}
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  await close();
  return runCli(dir, ...argv);
}

const ENGLISH_CLAIM =
  'Outside the conference hall, 14 people were injured when police cleared a protest by fishermen who fear the new route will damage their grounds.';
const SIGNED_CLAIM =
  'China and Russia signed an Arctic shipping agreement in Nordvik on Monday, pledging to build six icebreakers for a year-round route along the northern coast.';

beforeEach(async () => {
  const t = await tempDir('dossier-search-api-');
  cleanup = t.cleanup;
  dir = path.join(t.dir, 'Nordvik.dossier');
  const s = await open();
  idOf.clear();
  for (const src of allSources) {
    const result = await s.service.importText({ text: src.text, name: `${src.id}.txt` });
    expect(result.added).toHaveLength(1);
    const id = result.added[0]!.id;
    idOf.set(src.id, id);
    await s.service.updateSourceMeta({
      id,
      patch: { title: src.title, outlet: src.outlet, publishedAt: src.publishedAt, language: src.language },
    });
  }
  for (const a of actors) await s.service.createActor({ name: a.name, kind: a.kind, aliases: a.aliases, memberOf: [] });
}, 60_000);

afterEach(async () => {
  await close();
  await cleanup();
});

const sid = (corpusId: string) => idOf.get(corpusId)!;

describe('search', () => {
  it('ranks the Swedish article first for a Swedish word, folding diacritics', async () => {
    const s = session!;
    const { hits, ready } = await s.service.search({ query: 'skadades', limit: 10, wait: true });
    expect(ready).toBe(true);
    expect(hits[0]?.sourceId).toBe(sid(dagblad.id));
    // without the ring: "hamnstaden" / "Västerhamn" as typed on an English keyboard
    const folded = await s.service.search({ query: 'vasterhamn', limit: 5, wait: true });
    expect(folded.hits[0]?.sourceId).toBe(sid(dagblad.id));
    expect(folded.hits[0]!.snippet).toContain('Västerhamn'); // shown as written
    const [from, to] = folded.hits[0]!.highlights[0]!;
    expect(folded.hits[0]!.snippet.slice(from, to)).toMatch(/västerhamn/i);
  });

  it('filters by language and source, and lists sources for the hits', async () => {
    const s = session!;
    const all = await s.service.search({ query: 'Nordvik', limit: 50, wait: true });
    expect(new Set(all.hits.map((h) => h.sourceId)).size).toBeGreaterThan(2);
    const de = await s.service.search({ query: 'Nordvik', filters: { languages: ['de'] }, limit: 50, wait: true });
    expect(de.hits.length).toBeGreaterThan(0);
    expect(new Set(de.hits.map((h) => h.sourceId))).toEqual(new Set([sid(rundschau.id)]));
    expect(de.sources.map((x) => x.outlet)).toEqual(['Nordische Rundschau']);
  });

  it('answers "not ready" at once with wait:false before the index exists, and reports its status', async () => {
    await close();
    const s = await openNotebookSession(dir);
    session = s;
    const quick = await s.service.search({ query: 'icebreakers', limit: 5, wait: false });
    // The background load starts 1.5 s after open; a stalled machine may have finished it already.
    if (quick.ready) console.log('wait:false check skipped: the index was already loaded when the first query came');
    else expect(quick.hits).toEqual([]);
    const full = await s.service.search({ query: 'icebreakers', limit: 5, wait: true });
    expect(full.ready).toBe(true);
    expect(full.hits.length).toBeGreaterThan(0);
    const status = await s.service.searchStatus({});
    expect(status).toMatchObject({ ready: true, sources: allSources.length });
  });
});

describe('corroboration', () => {
  it('lists the same-language reports first and the other-language report close behind', async () => {
    const s = session!;
    const claim = await s.service.addClaimByQuote({
      sourceId: sid(courier.id),
      quote: ENGLISH_CLAIM,
      kind: 'claim',
      tags: [],
      actors: [],
      occurrence: 0,
    });
    const hits = await s.service.corroborate({ annotationId: claim.id, limit: 10 });
    const order = hits.map((h) => h.sourceId);
    expect(order).not.toContain(sid(courier.id));
    expect(order.slice(0, 2)).toContain(sid(wire.id));
    expect(order.slice(0, 4)).toContain(sid(dagblad.id));
    expect(order.slice(0, 4)).not.toContain(sid(football.id));
    const sv = hits.find((h) => h.sourceId === sid(dagblad.id))!;
    expect(sv.text).toContain('14 personer');
    expect(sv.source.outlet).toBe('Dagbladet Norrland');
  });

  it('accepting creates the annotation and the relation in one undoable step, and shows the group', async () => {
    const s = session!;
    const claim = await s.service.addClaimByQuote({
      sourceId: sid(courier.id),
      quote: ENGLISH_CLAIM,
      kind: 'claim',
      tags: [],
      actors: [],
      occurrence: 0,
    });
    const [sv] = (await s.service.corroborate({ annotationId: claim.id, limit: 10 })).filter(
      (h) => h.sourceId === sid(dagblad.id),
    );
    const { annotation, relation } = await s.service.acceptCorroboration({
      annotationId: claim.id,
      sourceId: sv!.sourceId,
      start: sv!.start,
      end: sv!.end,
      type: 'corroborates',
    });
    expect(annotation.kind).toBe('claim');
    expect(annotation.target.exact).toBe(sv!.text);
    expect(relation).toMatchObject({ from: annotation.id, to: claim.id, type: 'corroborates' });
    expect((await s.service.getSource({ id: sid(dagblad.id) })).annotations.map((a) => a.id)).toContain(annotation.id);
    expect(await s.service.listRelations({ annotationId: claim.id })).toEqual([
      expect.objectContaining({
        id: relation.id,
        other: expect.objectContaining({ annotationId: annotation.id, sourceId: sid(dagblad.id) }),
      }),
    ]);

    // a contradicting report with a different count joins the group: 3 outlets, and "14" vs "Forty" side by side
    const ev = (await s.service.corroborate({ annotationId: claim.id, limit: 10 })).find(
      (h) => h.sourceId === sid(evening.id),
    )!;
    expect(ev).toBeDefined();
    await s.service.acceptCorroboration({
      annotationId: claim.id,
      sourceId: ev.sourceId,
      start: ev.start,
      end: ev.end,
      type: 'contradicts',
    });
    const group = await s.service.getClaimGroup({ annotationId: annotation.id });
    expect(group.independentSources).toBe(3);
    expect(group.members.map((m) => m.sourceId).sort()).toEqual(
      [sid(courier.id), sid(dagblad.id), sid(evening.id)].sort(),
    );
    const numbers = group.discrepancies.filter((d) => d.kind === 'number');
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers[0]!.values.map((v) => v.value).sort()).toEqual(expect.arrayContaining(['14', '40']));

    // undo the contradiction, then the corroboration: each removes its annotation and relation together
    await s.service.undo({});
    expect((await s.service.getClaimGroup({ annotationId: claim.id })).independentSources).toBe(2);
    await s.service.undo({});
    expect((await s.service.getSource({ id: sid(dagblad.id) })).annotations).toEqual([]);
    expect(await s.service.listRelations({ annotationId: claim.id })).toEqual([]);
    const alone = await s.service.getClaimGroup({ annotationId: claim.id });
    expect(alone).toMatchObject({
      members: [expect.objectContaining({ annotationId: claim.id })],
      independentSources: 1,
    });
    await expect(s.service.getClaimGroup({ annotationId: annotation.id })).rejects.toThrow(/No annotation/);

    // deleteRelation removes a relation (and is undoable too)
    await s.service.redo({});
    await s.service.deleteRelation({ id: relation.id });
    expect(await s.service.listRelations({ annotationId: claim.id })).toEqual([]);
  });
});

describe('the index follows changes', () => {
  it('stays right after edits, deletes and undo', async () => {
    const s = session!;
    const before = await s.service.search({
      query: 'Marsk',
      filters: { statuses: ['disputed'] },
      limit: 10,
      wait: true,
    });
    expect(before.hits.filter((h) => h.annotationId)).toEqual([]);
    const claim = await s.service.addClaimByQuote({
      sourceId: sid(courier.id),
      quote: '“We were not asked,” said Elin Marsk',
      kind: 'claim',
      tags: [],
      actors: [],
      occurrence: 0,
      status: 'disputed',
    });
    const found = await s.service.search({
      query: 'Marsk',
      filters: { statuses: ['disputed'] },
      limit: 10,
      wait: true,
    });
    expect(found.hits.map((h) => h.annotationId)).toContain(claim.id);

    await s.service.updateAnnotation({ sourceId: claim.sourceId, id: claim.id, patch: { status: 'corroborated' } });
    expect(
      (await s.service.search({ query: 'Marsk', filters: { statuses: ['disputed'] }, limit: 10, wait: true })).hits.map(
        (h) => h.annotationId,
      ),
    ).not.toContain(claim.id);
    expect(
      (
        await s.service.search({ query: 'Marsk', filters: { statuses: ['corroborated'] }, limit: 10, wait: true })
      ).hits.map((h) => h.annotationId),
    ).toContain(claim.id);

    await s.service.undo({});
    expect(
      (await s.service.search({ query: 'Marsk', filters: { statuses: ['disputed'] }, limit: 10, wait: true })).hits.map(
        (h) => h.annotationId,
      ),
    ).toContain(claim.id);

    await s.service.deleteAnnotation({ sourceId: claim.sourceId, id: claim.id });
    expect(
      (await s.service.search({ query: 'Marsk', limit: 10, wait: true })).hits.map((h) => h.annotationId),
    ).not.toContain(claim.id);
    await expect(s.service.corroborate({ annotationId: claim.id, limit: 5 })).rejects.toThrow(/No annotation/);

    // a renamed source and a new actor alias are searchable at once
    await s.service.updateSourceMeta({ id: sid(economy.id), patch: { title: 'Exporters eye the Zembla passage' } });
    expect((await s.service.search({ query: 'zembla', limit: 5, wait: true })).hits[0]?.sourceId).toBe(sid(economy.id));
    const china = (await s.service.listActors({})).find((a) => a.name === 'China')!;
    await s.service.updateActor({ id: china.id, aliases: [...china.aliases, 'Zhongguo'] });
    expect(
      (await s.service.search({ query: 'zhongguo', limit: 5, wait: true })).actors.map((a) => a.actorId),
    ).toContain(china.id);
    await s.service.undo({});
    expect(
      (await s.service.search({ query: 'zhongguo', limit: 5, wait: true })).actors.map((a) => a.actorId),
    ).not.toContain(china.id);
  });
});

describe('persistence', () => {
  it('builds once, saves at close, loads on reopen; a stale or corrupt cache is rebuilt', async () => {
    let s = session!;
    const claim = await s.service.addClaimByQuote({
      sourceId: sid(courier.id),
      quote: SIGNED_CLAIM,
      kind: 'claim',
      tags: [],
      actors: [],
      occurrence: 0,
    });
    await s.service.search({ query: 'icebreakers', limit: 5, wait: true });
    expect((await s.service.searchStatus({})).loadedFrom).toBe('build');
    await close();

    s = await open();
    const hits = await s.service.corroborate({ annotationId: claim.id, limit: 5 });
    expect((await s.service.searchStatus({})).loadedFrom).toBe('cache');
    expect(hits.map((h) => h.sourceId)).toContain(sid(wire.id));
    // changes after a load are applied to the loaded index
    await s.service.deleteAnnotation({ sourceId: claim.sourceId, id: claim.id });
    await expect(s.service.corroborate({ annotationId: claim.id, limit: 5 })).rejects.toThrow(/No annotation/);
    await close();
    s = await open();
    expect((await s.service.search({ query: 'Nordvik', limit: 1, wait: true })).ready).toBe(true);
    expect((await s.service.searchStatus({})).loadedFrom).toBe('cache');
    await expect(s.service.corroborate({ annotationId: claim.id, limit: 5 })).rejects.toThrow(/No annotation/);
    await close();

    // a change made while the cache was not updated (another tool edited a source file) → rebuilt
    const file = path.join(dir, 'sources', `${sid(football.id)}.json`);
    const raw = JSON.parse(await readFile(file, 'utf8'));
    raw.source.text += '\n\nQuokkaball is the new craze.';
    await writeFile(file, JSON.stringify(raw));
    s = await open();
    expect((await s.service.search({ query: 'quokkaball', limit: 5, wait: true })).hits[0]?.sourceId).toBe(
      sid(football.id),
    );
    expect((await s.service.searchStatus({})).loadedFrom).toBe('build');
    await close();

    // a corrupt cache file is ignored and rebuilt, never fatal
    const indexDir = path.join(dir, CACHE_DIR, INDEX_DIR);
    const base = (await readdir(indexDir)).find((n) => n.startsWith('base-'))!;
    await writeFile(path.join(indexDir, base), '{"format":4,"index":');
    s = await open();
    expect((await s.service.search({ query: 'skadades', limit: 3, wait: true })).hits[0]?.sourceId).toBe(
      sid(dagblad.id),
    );
    expect((await s.service.searchStatus({})).loadedFrom).toBe('build');
  });
});

describe('CLI', () => {
  it('search and corroborate print the shapes of docs/cli.md and check their input', async () => {
    const s = session!;
    const claim = await s.service.addClaimByQuote({
      sourceId: sid(courier.id),
      quote: ENGLISH_CLAIM,
      kind: 'claim',
      tags: [],
      actors: [],
      occurrence: 0,
    });
    const found = await cli('search', 'skadades', '--json');
    expect(found.code).toBe(0);
    const hits = JSON.parse(found.out) as Array<Record<string, unknown>>;
    expect(hits[0]!.sourceId).toBe(sid(dagblad.id));
    for (const h of hits)
      expect(Object.keys(h).sort()).toEqual(expect.arrayContaining(['score', 'snippet', 'sourceId']));
    for (const h of hits)
      expect(Object.keys(h).filter((k) => !['sourceId', 'annotationId', 'snippet', 'score'].includes(k))).toEqual([]);
    const scores = hits.map((h) => h.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const de = JSON.parse((await cli('search', 'Nordvik', '--lang', 'de', '--limit', '3', '--json')).out) as Array<{
      sourceId: string;
    }>;
    expect(de.length).toBeGreaterThan(0);
    expect(de.length).toBeLessThanOrEqual(3);
    expect(de.every((h) => h.sourceId === sid(rundschau.id))).toBe(true);

    const corr = await cli('corroborate', claim.id, '--json');
    expect(corr.code).toBe(0);
    const list = JSON.parse(corr.out) as Array<Record<string, unknown>>;
    expect(list.length).toBeGreaterThan(1);
    for (const h of list) expect(Object.keys(h).sort()).toEqual(['end', 'score', 'sourceId', 'start', 'text']);
    expect(list.map((h) => h.sourceId)).not.toContain(sid(courier.id));

    expect((await cli('search', '--json')).code).not.toBe(0);
    expect((await cli('search', 'x', '--from', 'yesterday')).code).not.toBe(0);
    const unknown = await cli('corroborate', 'ann_nope');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toMatch(/No annotation/);
  }, 60_000);
});
