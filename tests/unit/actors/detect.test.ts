import { describe, expect, it } from 'vitest';
import { suggestActors } from '../../../main/services/actors/detect';
import type { ActorSuggestion } from '../../../shared/actors';
import { ActorSuggestion as ActorSuggestionSchema, toCliSuggestion } from '../../../shared/actors';
import type { Actor } from '../../../shared/model';
import { summit, type FixtureSource } from './fixtures';

const sources = summit();
const byId = new Map(sources.map((s) => [s.id, s]));
const all = suggestActors({ sources, actors: [], rejected: [] });

function find(list: ActorSuggestion[], name: string): ActorSuggestion {
  const s = list.find((x) => x.name === name);
  if (!s) throw new Error(`no suggestion named ${name}; got ${list.map((x) => x.name).join(', ')}`);
  return s;
}
const one = (text: string, language: string, actors: Actor[] = []) =>
  suggestActors({ sources: [{ id: 's1', language, text }], actors, rejected: [] });
const names = (list: ActorSuggestion[]) => list.map((s) => s.name);

describe('suggestActors on one event in English, Swedish, German and French', () => {
  it('returns valid suggestions whose occurrences point at their surface text', () => {
    expect(all.length).toBeGreaterThan(10);
    for (const s of all) {
      expect(() => ActorSuggestionSchema.parse(s)).not.toThrow();
      expect(s.mentions).toBe(s.occurrences.length);
      for (const o of s.occurrences) expect(byId.get(o.sourceId)!.text.slice(o.start, o.end)).toBe(o.surface);
      expect([...new Set(s.occurrences.map((o) => o.sourceId))].sort()).toEqual([...s.sourceIds].sort());
    }
  });

  it('makes one suggestion per real-world actor (no duplicate keys or names)', () => {
    expect(new Set(all.map((s) => s.key)).size).toBe(all.length);
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length);
  });

  it('merges Swedish, German and French names of states and bodies under the English name', () => {
    const china = find(all, 'China');
    expect(china.kind).toBe('state');
    expect(china.aliasesSeen).toEqual(expect.arrayContaining(['China', 'Kina', 'Beijing', 'Peking', 'Pékin']));
    expect(china.sourceIds.sort()).toEqual(['de-summit', 'en-summit', 'fr-summit', 'sv-summit']);

    const russia = find(all, 'Russia');
    expect(russia.aliasesSeen).toEqual(expect.arrayContaining(['Russia', 'Ryssland', 'Russland', 'Russie']));

    const un = find(all, 'United Nations');
    expect(un.kind).toBe('igo');
    expect(un.aliasesSeen).toEqual(expect.arrayContaining(['UN', 'FN', 'ONU', 'Vereinten Nationen']));

    const us = find(all, 'United States');
    expect(us.aliasesSeen).toEqual(expect.arrayContaining(['United States', 'USA', 'États-Unis']));
    expect(us.sourceIds).toContain('sv-summit');

    const eu = find(all, 'European Union');
    expect(eu.aliasesSeen).toEqual(
      expect.arrayContaining(['EU', 'European Union', 'Europäische Union', 'Union européenne']),
    );
    expect(find(all, 'NATO').aliasesSeen.map((a) => a.toUpperCase())).toContain('NATO');
    expect(find(all, 'UN Security Council').aliasesSeen).toEqual(
      expect.arrayContaining(['FN:s säkerhetsråd', 'Conseil de sécurité']),
    );
  });

  it('reads genitive and inflected forms as the base name', () => {
    const surfaces = (name: string) => find(all, name).occurrences.map((o) => o.surface);
    expect(surfaces('United States')).toContain('USA:s');
    expect(surfaces('France')).toContain('Frankrikes');
    expect(surfaces('Emmanuel Macron')).toEqual(expect.arrayContaining(['Macrons']));
    expect(surfaces('China')).toEqual(expect.arrayContaining(['Chinas', "China's"]));
    expect(surfaces('Microsoft')).toEqual(["Microsoft's"]);
    expect(surfaces('European Union')).toContain('EU:s');
    // aliasesSeen carries the base form, not the inflected one.
    expect(find(all, 'France').aliasesSeen).toContain('Frankrike');
    expect(find(all, 'France').aliasesSeen).not.toContain('Frankrikes');
    expect(find(all, 'Microsoft').kind).toBe('organisation');
  });

  it('attaches short forms to the full name seen first, across languages', () => {
    const macron = find(all, 'Emmanuel Macron');
    expect(macron.kind).toBe('person');
    expect(macron.aliasesSeen).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Macron']));
    expect(macron.sourceIds.sort()).toEqual(['de-summit', 'en-summit', 'fr-summit', 'sv-summit']);
    expect(find(all, 'Ulf Kristersson').aliasesSeen).toContain('Kristersson');
    expect(find(all, 'Ingrid Solheim').aliasesSeen).toContain('Solheim');
    expect(names(all)).not.toContain('Macron');
    expect(names(all)).not.toContain('Kristersson');
  });

  it('strips titles and demonyms from names', () => {
    for (const n of names(all))
      expect(n).not.toMatch(/President|Präsident|Prime|Minister|statsminister|Regierungschef|French|Swedish/i);
    const ulf = find(all, 'Ulf Kristersson');
    const en = ulf.occurrences.find((o) => o.sourceId === 'en-summit')!;
    expect(en.surface).toBe('Ulf Kristersson');
    expect(byId.get('en-summit')!.text.slice(en.start - 'Prime Minister '.length, en.start)).toBe('Prime Minister ');
  });

  it('suggests capitals and seats of government as aliases of the state', () => {
    expect(find(all, 'United States').aliasesSeen).toEqual(
      expect.arrayContaining(['Washington', 'White House', 'Vita huset']),
    );
    expect(find(all, 'Russia').aliasesSeen).toEqual(
      expect.arrayContaining(['Kremlin', 'Moscow', 'Moskva', 'Kreml', 'Moskau']),
    );
    expect(find(all, 'France').aliasesSeen).toEqual(expect.arrayContaining(['Elysée']));
    expect(find(all, 'China').aliasesSeen).toContain('Beijing');
    const uk = one('Downing Street said on Tuesday that London would not comment. Britain later changed course.', 'en');
    expect(find(uk, 'United Kingdom').aliasesSeen).toEqual(['Downing Street', 'London', 'Britain']);
  });

  it('reports every source with a mention', () => {
    expect(find(all, 'Nordvik Energy').sourceIds.sort()).toEqual(['en-summit', 'fr-summit', 'sv-summit']);
    expect(find(all, 'Germany').sourceIds).toEqual(['de-summit']);
    expect(find(all, 'World Bank').sourceIds).toEqual(['en-summit']);
  });

  it('gives the CLI shape', () => {
    const cli = toCliSuggestion(find(all, 'China'));
    expect(Object.keys(cli).sort()).toEqual(['aliasesSeen', 'kind', 'mentions', 'name', 'sourceIds']);
  });
});

describe('ordinary words are not actors', () => {
  it('drops sentence-initial words, weekdays and months from English names', () => {
    const text =
      'Yesterday Nordvik Energy confirmed the repair plan. On Monday Ingrid Solheim flew to Oslo.\n\nIn March the board will meet again. Officials said the Tuesday Group Meeting was cancelled. Later Solheim spoke to us about who pays.';
    const got = one(text, 'en');
    const n = names(got);
    expect(n).toContain('Nordvik Energy');
    expect(n).toContain('Ingrid Solheim');
    expect(n.some((x) => /Yesterday|Monday|March|Officials|Tuesday|Later|On |In /.test(x))).toBe(false);
    expect(n).not.toContain('United States'); // "us" is a pronoun
    expect(n).not.toContain('World Health Organization'); // "who" is a pronoun
  });

  it('drops Swedish sentence-initial words and dates', () => {
    const text =
      'Enligt Nordvik Energy tar reparationen tre veckor. Även Kina har uttalat sig.\n\nPå måndagen sa Ulf Kristersson att regeringen följer frågan. I mars möts Nordiska rådet i Oslo. Tisdag Morgon blir det presskonferens.';
    const n = names(one(text, 'sv'));
    expect(n).toEqual(
      expect.arrayContaining(['Nordvik Energy', 'China', 'Ulf Kristersson', 'Nordic Council', 'Norway']),
    );
    expect(n.some((x) => /Enligt|Även|Tisdag|Morgon|mars/i.test(x))).toBe(false);
  });

  it('does not take German capitalised nouns for names', () => {
    const text =
      'Am Montag erklärte die Bundesregierung in Berlin, man prüfe die Lage. Nach Macrons Willen soll die Untersuchung schnell beginnen. Die Vereinten Nationen schweigen. Chinas Außenministerium widersprach. Der französische Präsident Emmanuel Macron reiste ab.';
    const n = names(one(text, 'de'));
    expect(n).toEqual(expect.arrayContaining(['Germany', 'Emmanuel Macron', 'United Nations', 'China']));
    expect(n.some((x) => /Montag|Bundesregierung|Willen|Außenministerium|Untersuchung/.test(x))).toBe(false);
  });

  it('does not take the title-case headline for names, and blocks place names that contain a state name', () => {
    const text =
      'Leaders Gather For Crisis Talks Amid Shipping Fears\n\nExports to South America and Latin America fell, the report said.';
    expect(names(one(text, 'en'))).toEqual([]);
  });

  it('matches a known name before a hyphen and after a French elision', () => {
    expect(names(one('Inför Nato-toppmötet sa FN-chefen att EU-länderna måste enas.', 'sv')).sort()).toEqual([
      'European Union',
      'NATO',
      'United Nations',
    ]);
    expect(names(one("Selon l'Élysée, la réunion de l'ONU aura lieu jeudi.", 'fr')).sort()).toEqual([
      'France',
      'United Nations',
    ]);
  });
});

describe('rejections and existing actors', () => {
  it('never brings back a rejected key', () => {
    const china = find(all, 'China');
    const solheim = find(all, 'Ingrid Solheim');
    const again = suggestActors({ sources, actors: [], rejected: [china.key, solheim.key] });
    expect(names(again)).not.toContain('China');
    expect(names(again)).not.toContain('Ingrid Solheim');
    expect(again.length).toBe(all.length - 2);
  });

  it('keeps keys stable between runs and when a source is added', () => {
    const first = suggestActors({ sources: sources.slice(0, 2), actors: [], rejected: [] });
    const keyOf = (list: ActorSuggestion[], n: string) => find(list, n).key;
    for (const n of ['China', 'United States', 'Emmanuel Macron', 'Nordvik Energy'])
      expect(keyOf(first, n)).toBe(keyOf(all, n));
  });

  it('links a suggestion to an existing actor and reports new surface forms as candidate aliases', () => {
    const actors: Actor[] = [
      { id: 'act_us', name: 'United States', kind: 'state', aliases: ['USA'], memberOf: [] },
      { id: 'act_em', name: 'Emmanuel Macron', kind: 'person', aliases: [], memberOf: [] },
      { id: 'act_nv', name: 'Nordvik Energy ASA', kind: 'organisation', aliases: ['Nordvik Energy'], memberOf: [] },
    ];
    const got = suggestActors({ sources, actors, rejected: [] });
    const us = find(got, 'United States');
    expect(us.existingActorId).toBe('act_us');
    expect(us.key).toBe(find(all, 'United States').key);
    expect(us.newAliases).toEqual(expect.arrayContaining(['Washington', 'White House', 'Vita huset', 'États-Unis']));
    expect(us.newAliases).not.toContain('USA');
    expect(us.newAliases).not.toContain('United States');

    const macron = find(got, 'Emmanuel Macron');
    expect(macron.existingActorId).toBe('act_em');
    expect(macron.key).toBe(find(all, 'Emmanuel Macron').key);
    expect(macron.mentions).toBe(find(all, 'Emmanuel Macron').mentions); // short form "Macron" still found
    expect(macron.newAliases).toEqual(['Macron']);

    const nordvik = find(got, 'Nordvik Energy ASA');
    expect(nordvik.existingActorId).toBe('act_nv');
    expect(nordvik.sourceIds.sort()).toEqual(['en-summit', 'fr-summit', 'sv-summit']);
    expect(got.filter((s) => !s.existingActorId).map((s) => s.name)).not.toContain('Nordvik Energy');
  });

  it("matches a notebook actor's own aliases anywhere", () => {
    const actors: Actor[] = [
      {
        id: 'act_x',
        name: 'Baltic Cable Consortium',
        kind: 'group',
        aliases: ['BCC', 'Kabelkonsortiet'],
        memberOf: [],
      },
    ];
    const got = one('Kabelkonsortiets styrelse möts i dag. BCC:s ordförande är kritisk.', 'sv', actors);
    const x = find(got, 'Baltic Cable Consortium');
    expect(x.kind).toBe('group');
    expect(x.mentions).toBe(2);
    expect(x.existingActorId).toBe('act_x');
  });
});

describe('empty and odd input', () => {
  it('handles no sources, empty text and unknown languages', () => {
    expect(suggestActors({ sources: [], actors: [], rejected: [] })).toEqual([]);
    expect(one('', 'und')).toEqual([]);
    const und: FixtureSource = { id: 'u', language: 'und', text: 'Ryssland och Kina möttes i Genève.' };
    expect(names(suggestActors({ sources: [und], actors: [], rejected: [] })).sort()).toEqual(['China', 'Russia']);
  });
});

describe('notebook helpers', () => {
  it('suggestForNotebook honours the manifest, and mentionsInSource lists one source in text order', async () => {
    const { suggestForNotebook } = await import('../../../main/services/actors/index');
    const { mentionsInSource } = await import('../../../shared/actors');
    const got = suggestForNotebook(
      {
        actors: [{ id: 'act_cn', name: 'China', kind: 'state', aliases: [], memberOf: [] }],
        rejectedSuggestions: ['igo:nato'],
      },
      sources,
    );
    expect(names(got)).not.toContain('NATO');
    expect(find(got, 'China').existingActorId).toBe('act_cn');
    const sv = mentionsInSource(got, 'sv-summit');
    const text = byId.get('sv-summit')!.text;
    expect(sv.length).toBeGreaterThan(15);
    for (let i = 1; i < sv.length; i++) expect(sv[i]!.start).toBeGreaterThanOrEqual(sv[i - 1]!.end);
    for (const m of sv) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(sv.find((m) => m.surface === 'Kina')).toMatchObject({ name: 'China', existingActorId: 'act_cn' });
    expect(sv.find((m) => m.surface === 'USA:s')).toMatchObject({ name: 'United States', key: 'state:us' });
  });
});

describe('robustness', () => {
  it('keeps a person actor named like a capital apart from the state', () => {
    const actors: Actor[] = [{ id: 'act_p', name: 'Paris', kind: 'person', aliases: ['Paris Hale'], memberOf: [] }];
    const got = one('Paris Hale met officials from France on Monday.', 'en', actors);
    expect(find(got, 'Paris').existingActorId).toBe('act_p');
    expect(find(got, 'France').existingActorId).toBeUndefined();
  });

  it('never throws and always returns occurrences that match the text, on arbitrary input', async () => {
    const fc = (await import('fast-check')).default;
    const words = fc.constantFrom(
      'Kina',
      'USA:s',
      'the',
      'Macron',
      'Emmanuel',
      'FN',
      'och',
      'Nato-toppmötet',
      "l'ONU",
      'Monday',
      '.',
      '\n\n',
      'Ingrid Solheim',
      'Acme',
      'Ltd',
      'von',
      'der',
      'Leyen',
      '“',
      '’s',
      'U.S.',
      'é',
      '🙂',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(words, fc.string()), { maxLength: 40 }),
        fc.constantFrom('en', 'sv', 'de', 'fr', 'und'),
        (parts, language) => {
          const text = parts.join(' ');
          for (const s of suggestActors({ sources: [{ id: 'x', language, text }], actors: [], rejected: [] })) {
            for (const o of s.occurrences) expect(text.slice(o.start, o.end)).toBe(o.surface);
            expect(s.mentions).toBe(s.occurrences.length);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('capitalised multi-word names outside English', () => {
  it('finds people and companies in Swedish, German and French text alone', () => {
    const sv = one(
      '– Vi har personal på plats, säger Karin Åberg, presschef på Lindholmens Bygg AB. Åberg lovar svar i dag.',
      'sv',
    );
    expect(find(sv, 'Karin Åberg')).toMatchObject({ kind: 'person', mentions: 2 });
    expect(find(sv, 'Lindholmens Bygg AB').kind).toBe('organisation');
    const de = one(
      'Die Analysten von Brandt Logistik GmbH erwarten Verzögerungen. Außenministerin Lena Hofmann widersprach.',
      'de',
    );
    expect(names(de).sort()).toEqual(['Brandt Logistik GmbH', 'Lena Hofmann']);
    const fr = one(
      'Le ministre du Commerce Julien Roussel a rencontré la directrice de Vignobles Marchand SA. Roussel reste prudent.',
      'fr',
    );
    expect(find(fr, 'Julien Roussel').mentions).toBe(2);
    expect(find(fr, 'Vignobles Marchand SA').kind).toBe('organisation');
  });
});
