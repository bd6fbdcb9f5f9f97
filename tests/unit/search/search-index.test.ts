import { describe, expect, it } from 'vitest';
import { MemoryTexts, SearchIndex } from '../../../main/services/search';
import type { SearchHit } from '../../../shared/api/search';
import { SearchHit as SearchHitSchema } from '../../../shared/api/search';
import {
  claim,
  corpus,
  courier,
  dagblad,
  economy,
  injuredClaim,
  rundschau,
  signedClaim,
  swedishClaim,
  wire,
} from './corpus';

const ids = (hits: SearchHit[]) => hits.map((h) => h.sourceId);
const marked = (h: SearchHit) => h.highlights.map(([a, b]) => h.snippet.slice(a, b));

describe('SearchIndex.search', () => {
  const index = SearchIndex.build(corpus());

  it('matches free text as written: an actor’s aliases do not widen it', () => {
    // "Ryssland" is an alias of Russia, and "Paris" would be one of France: a plain search finds the word, not the actor
    const hits = index.search('Ryssland');
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(ids(hits))).toEqual(new Set([dagblad.id]));
    expect(hits.every((h) => marked(h).every((m) => /^ryssland$/i.test(m)))).toBe(true);
    expect(index.search('Moskau')).toEqual([]);
    // the actor filter is where aliases count: passages naming Russia in any language
    const filtered = new Set(ids(index.search('Nordvik', { actorIds: ['act_russia'] })));
    expect(filtered).toEqual(new Set([courier.id, wire.id, dagblad.id, rundschau.id]));
  });

  it('gives every hit a snippet with its match marked, and the match’s offsets in the source', () => {
    for (const q of ['Nordvik', 'China', 'injured', 'Ryssland', 'icebreakers', 'fourteen injured', 'sjukhuset']) {
      const hits = index.search(q, {}, 50);
      expect(hits.length, q).toBeGreaterThan(0);
      for (const h of hits) {
        expect(h.snippet.trim(), `${q}: ${h.kind} ${h.sourceId}`).not.toBe('');
        if (h.kind === 'title') {
          expect(h.titleHighlights?.length, `${q}: title of ${h.sourceId}`).toBeGreaterThan(0);
          continue;
        }
        expect(h.highlights.length, `${q}: ${h.kind} ${h.sourceId} “${h.snippet}”`).toBeGreaterThan(0);
        const text = corpus().sources.find((x) => x.id === h.sourceId)!.text;
        if (h.kind === 'passage') expect(text.slice(h.start!, h.end!)).toBe(h.snippet);
        if (!h.marks) {
          // a match in a claim's note: nothing in the source to mark
          expect(text.includes(h.snippet), `${q}: ${h.kind} “${h.snippet}”`).toBe(false);
          continue;
        }
        // what the reader marks: the matched words, at their place in the source
        for (const [a, b] of h.marks!) expect(a >= h.start! && b <= h.end!).toBe(true);
        expect(h.marks!.map(([a, b]) => text.slice(a, b))).toEqual(expect.arrayContaining(marked(h)));
      }
    }
    // a title hit says which words of the title matched, and shows the opening of the text
    const title = index.search('sjöfartsavtal').find((h) => h.kind === 'title')!;
    expect(title.sourceId).toBe(dagblad.id);
    expect(title.titleHighlights?.map(([a, b]) => dagblad.title.slice(a, b))).toEqual(['sjöfartsavtal']);
    expect(dagblad.text.startsWith(title.snippet)).toBe(true);
    expect(title.snippet.length).toBeGreaterThan(20);
    // a text that starts with its title: the snippet is what follows it, not the title again
    const titled = SearchIndex.build({ ...corpus(), sources: [{ ...wire, text: `${wire.title}\n\n${wire.text}` }] });
    const hit = titled.search('sea-lane').find((h) => h.kind === 'title')!;
    expect(hit.snippet.startsWith('NORDVIK (Baltic Wire)')).toBe(true);
  });

  it('matches inflected forms through stemming', () => {
    expect(ids(index.search('avtal'))[0]).toBe(dagblad.id); // text says "avtalet", "avtal"
    const hits = index.search('injuring');
    expect(new Set(ids(hits))).toEqual(new Set([courier.id, wire.id, 'src_evening']));
  });

  it('folds diacritics for matching but shows the snippet as written', () => {
    const hits = index.search('malmo vasterhamn');
    expect(hits[0]!.sourceId).toBe(dagblad.id);
    expect(hits[0]!.snippet).toContain('Malmö och Västerhamn');
    expect(marked(hits[0]!)).toEqual(['Malmö', 'Västerhamn']);
  });

  it('matches prefixes and small typos', () => {
    expect(ids(index.search('undertec'))).toEqual([dagblad.id]);
    expect(ids(index.search('icebraekers')).length).toBeGreaterThan(0);
    expect(index.search('agrement').every((h) => /agreement/i.test(h.snippet))).toBe(true);
  });

  it('finds numbers written in words or digits', () => {
    const hits = index.search('fourteen injured');
    expect(new Set(ids(hits))).toEqual(new Set([courier.id, wire.id]));
    expect(hits.some((h) => marked(h).includes('14'))).toBe(true);
  });

  it('returns passages with offsets into the source text', () => {
    const hit = index.search('conference hall protest').find((h) => h.kind === 'passage')!;
    expect(hit.sourceId).toBe(courier.id);
    expect(courier.text.slice(hit.start!, hit.end!)).toBe(hit.snippet);
    for (const h of index.search('Nordvik')) expect(SearchHitSchema.parse(h)).toEqual(h);
  });

  it('returns claims that hold the match, with their annotation id and target', () => {
    const hits = index.search('skingrade');
    const ann = hits.find((h) => h.kind === 'annotation');
    expect(ann?.annotationId).toBe(swedishClaim.id);
    expect([ann!.start, ann!.end]).toEqual([swedishClaim.target.start, swedishClaim.target.end]);
  });

  it('searches annotation notes', () => {
    const hits = index.search('sjukhuset bekräftar');
    expect(hits[0]).toMatchObject({ kind: 'annotation', annotationId: swedishClaim.id });
    expect(hits[0]!.snippet).toContain('Sjukhuset bekräftar siffran');
  });

  it('finds titles', () => {
    expect(index.search('polar sea-lane').some((h) => h.kind === 'title' && h.sourceId === wire.id)).toBe(true);
  });

  it('drops stop words but does not require them', () => {
    expect(ids(index.search('the agreement')).length).toBe(ids(index.search('agreement')).length);
    expect(index.search('   ')).toEqual([]);
  });
});

describe('actors', () => {
  const index = SearchIndex.build(corpus());

  it('finds actors by name or alias, with prefixes and without diacritics', () => {
    expect(index.searchActors('Kina')[0]?.actorId).toBe('act_china');
    expect(index.searchActors('rys')[0]?.actorId).toBe('act_russia');
    expect(index.searchActors('polisen nordvik').map((a) => a.actorId)).toEqual(['act_police']);
    expect(index.searchActors('Atlantis')).toEqual([]);
  });

  it('names the actors in a text through their aliases', () => {
    expect(index.actorsIn('Peking och Moskva enades.').sort()).toEqual(['act_china', 'act_russia']);
  });
});

describe('filters', () => {
  const index = SearchIndex.build(corpus());

  it('by language and source', () => {
    expect(new Set(ids(index.search('Nordvik', { languages: ['sv'] })))).toEqual(new Set([dagblad.id]));
    expect(new Set(ids(index.search('Nordvik', { sourceIds: [wire.id, rundschau.id] })))).toEqual(
      new Set([wire.id, rundschau.id]),
    );
  });

  it('by publication date', () => {
    const hits = index.search('China', { from: '2024-10-15', to: '2024-10-31' });
    expect(new Set(ids(hits))).toEqual(new Set(['src_evening', rundschau.id]));
    expect(new Set(ids(index.search('China', { to: '2024-09-01' })))).toEqual(new Set([economy.id]));
  });

  it('by tag (including child tags) and status: claims only', () => {
    const byParent = index.search('injured OR skadades', { tagIds: ['tag_security'] });
    expect(byParent.length).toBeGreaterThan(0);
    expect(byParent.every((h) => h.kind === 'annotation')).toBe(true);
    const injured = index.search('injured', { tagIds: ['tag_security'] });
    expect(injured.map((h) => h.annotationId)).toEqual([injuredClaim.id]);
    expect(index.search('fiskare', { statuses: ['disputed'] }).map((h) => h.annotationId)).toEqual([swedishClaim.id]);
    expect(index.search('fiskare', { statuses: ['refuted'] })).toEqual([]);
    expect(index.search('Nordvik', { tagIds: ['tag_trade'] }).map((h) => h.annotationId)).toEqual([signedClaim.id]);
  });

  it('by actor: linked claims and passages that name the actor through any alias', () => {
    const hits = index.search('agreement avtal Abkommen', { actorIds: ['act_russia'] });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits)
      expect(
        h.annotationId === signedClaim.id || /Russia|Moscow|Ryssland|Russland/.test(h.snippet) || h.kind === 'passage',
      ).toBe(true);
    expect(ids(index.search('agreement', { actorIds: ['act_iran'] }))).toEqual(['src_evening']);
  });
});

describe('incremental updates', () => {
  it('reflects added, changed and removed sources', () => {
    const index = SearchIndex.build(corpus());
    expect(index.search('isflak')).toEqual([]);
    index.upsertSource({ ...dagblad, text: `${dagblad.text}\n\nIsflak blockerade hamnen under natten.` });
    expect(ids(index.search('isflak'))).toEqual([dagblad.id]);
    // the old paragraphs are still found once, not twice
    expect(index.search('undertecknade').filter((h) => h.kind === 'passage')).toHaveLength(1);
    index.upsertSource({ ...dagblad, text: 'Helt ny text om hamnen.' });
    expect(index.search('isflak')).toEqual([]);
    expect(ids(index.search('hamnen'))).toEqual([dagblad.id]);
    index.removeSource(dagblad.id);
    expect(index.search('hamnen')).toEqual([]);
    expect(index.search('Sjukhuset')).toEqual([]); // its annotation went with it
  });

  it('reflects added, changed and removed annotations', () => {
    const index = SearchIndex.build(corpus());
    const extra = claim('ann_extra', wire, 'Analysts said the agreement gives China a foothold', {
      status: 'refuted',
      note: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Check with the port authority.' }] }],
      },
    });
    expect(index.search('authority')).toEqual([]);
    index.upsertAnnotation(extra);
    expect(index.search('authority').map((h) => h.annotationId)).toEqual([extra.id]);
    expect(index.search('foothold', { statuses: ['refuted'] }).map((h) => h.annotationId)).toEqual([extra.id]);
    index.upsertAnnotation({ ...extra, status: 'corroborated', note: undefined });
    expect(index.search('authority')).toEqual([]);
    expect(index.search('foothold', { statuses: ['refuted'] })).toEqual([]);
    index.removeAnnotation(extra.id);
    expect(index.search('foothold', { statuses: ['corroborated'] })).toEqual([]);
  });

  it('reflects a new actor alias in the actor search and the actor filter, not in free text', () => {
    const index = SearchIndex.build(corpus());
    expect(index.searchActors('fishermen')).toEqual([]);
    index.upsertActor({
      id: 'act_fish',
      name: 'Fiskareförbundet',
      kind: 'group',
      aliases: ['fishermen', 'Fischer'],
      memberOf: [],
    });
    expect(index.searchActors('fishermen').map((a) => a.actorId)).toEqual(['act_fish']);
    expect(ids(index.search('Fiskareförbundet'))).toEqual([]);
    const named = new Set(ids(index.search('police', { actorIds: ['act_fish'] })));
    expect(named).toEqual(new Set([courier.id, wire.id, 'src_evening']));
  });
});

/** What the damaged-file test changes of an index file's JSON part. */
interface FileJson {
  sources: { ids: string; titles: string[]; languages: string[]; language: number[]; paragraphs: number[] };
  annotations: { ids: string; sourceIds: string; status: number[]; offsets: number[] };
  index: { keys: string; terms: string };
}

describe('persistence', () => {
  it('a loaded index gives identical results', () => {
    const index = SearchIndex.build(corpus());
    index.upsertSource({ ...wire, text: `${wire.text}\n\nLate update: the port reopened.` });
    // the saved index holds no source text: the loaded one reads it from the same place (here: memory)
    expect(index.serialize().includes('Late update: the port reopened')).toBe(false);
    const loaded = SearchIndex.load(index.serialize(), index.texts);
    for (const q of ['Ryssland', 'malmo', 'undertec', 'fourteen injured', 'port reopened', 'sjukhuset', 'agrement']) {
      expect(loaded.search(q)).toEqual(index.search(q));
      expect(loaded.search(q, { languages: ['en'], actorIds: ['act_china'] })).toEqual(
        index.search(q, { languages: ['en'], actorIds: ['act_china'] }),
      );
    }
    expect(loaded.corroborate(signedClaim.id)).toEqual(index.corroborate(signedClaim.id));
    expect(loaded.stats()).toEqual(index.stats());
    // and it keeps updating after loading, ranking exactly as the index it was saved from
    for (const ix of [index, loaded]) {
      ix.removeSource(wire.id);
      ix.removeAnnotation(swedishClaim.id);
      ix.upsertActor({ id: 'act_fish', name: 'Fiskareförbundet', kind: 'group', aliases: ['fishermen'], memberOf: [] });
    }
    expect(loaded.search('reopened')).toEqual([]);
    for (const q of ['Nordvik', 'injured police', 'Fiskareförbundet', 'sjukhuset'])
      expect(loaded.search(q)).toEqual(index.search(q));
    expect(loaded.corroborate(injuredClaim.id)).toEqual(index.corroborate(injuredClaim.id));
  });

  it('rejects a damaged or foreign file with a readable error', () => {
    const good = SearchIndex.build(corpus()).serialize();
    expect(() => SearchIndex.load(Buffer.from('{"format":4'), new MemoryTexts())).toThrow(/could not be read/);
    expect(() => SearchIndex.load(good.subarray(0, good.length - 4), new MemoryTexts())).toThrow(/could not be read/);
    const future = Buffer.from(good);
    future.writeUInt32LE(99, 4);
    expect(() => SearchIndex.load(future, new MemoryTexts())).toThrow(/unknown format/);
    // an unaligned copy of good bytes loads the same
    const unaligned = Buffer.alloc(good.length + 1).subarray(1);
    good.copy(unaligned);
    expect(SearchIndex.load(unaligned, new MemoryTexts()).stats()).toEqual(
      SearchIndex.load(good, new MemoryTexts()).stats(),
    );
  });

  it('checks every column at load, though entries are made only when used: a cut or mixed-up column is refused', () => {
    const good = SearchIndex.build(corpus()).serialize();
    // the file's JSON part rewritten (its length in the header and the padding before the numbers follow)
    const withJson = (change: (data: FileJson) => void): Buffer => {
      const jsonEnd = 12 + good.readUInt32LE(8);
      const data = JSON.parse(good.toString('utf8', 12, jsonEnd)) as FileJson;
      change(data);
      const json = Buffer.from(JSON.stringify(data));
      const head = Buffer.alloc(12);
      good.copy(head, 0, 0, 8);
      head.writeUInt32LE(json.length, 8);
      const pad = Buffer.alloc((4 - ((12 + json.length) % 4)) % 4);
      return Buffer.concat([head, json, pad, good.subarray(jsonEnd + ((4 - (jsonEnd % 4)) % 4))]);
    };
    const lines = (joined: string) => joined.split('\n');
    // unchanged, the rewrite loads and answers as the original
    expect(
      SearchIndex.load(
        withJson(() => undefined),
        new MemoryTexts(),
      ).stats(),
    ).toEqual(SearchIndex.load(good, new MemoryTexts()).stats());
    // the first line in place of the second
    const firstTwice = (joined: string) => {
      const [first, , ...rest] = lines(joined);
      return [first, first, ...rest].join('\n');
    };
    const damaged: Array<[string, (data: FileJson) => void]> = [
      ['a title missing', (d) => d.sources.titles.pop()],
      ['a paragraph bound too many', (d) => d.sources.paragraphs.push(3)],
      ['a language out of range', (d) => (d.sources.language[0] = d.sources.languages.length)],
      ['a repeated source id', (d) => (d.sources.ids = firstTwice(d.sources.ids))],
      [
        'an annotation source cut',
        (d) => (d.annotations.sourceIds = lines(d.annotations.sourceIds).slice(1).join('\n')),
      ],
      ['a status out of range', (d) => (d.annotations.status[0] = 99)],
      ['an offset missing', (d) => d.annotations.offsets.pop()],
      ['a repeated annotation id', (d) => (d.annotations.ids = firstTwice(d.annotations.ids))],
      [
        'one source in two groups of annotations',
        (d) => {
          const s = lines(d.annotations.sourceIds);
          d.annotations.sourceIds = [...s.slice(0, -2), 'src_other', s[0]].join('\n');
        },
      ],
      ['a document key missing', (d) => (d.index.keys = lines(d.index.keys).slice(1).join('\n'))],
      ['a term missing', (d) => (d.index.terms = lines(d.index.terms).slice(1).join('\n'))],
    ];
    for (const [what, change] of damaged)
      expect(() => SearchIndex.load(withJson(change), new MemoryTexts()), what).toThrow(/could not be read/);
  });
});
