/**
 * The one lookup rule for names a person types (main/services/lookup.ts), kind
 * by kind: exact matches win, then a unique match; several matches are an
 * error that names them; case and diacritics never matter.
 */
import { describe, expect, it } from 'vitest';
import type { ActorSuggestion } from '../../../shared/actors';
import { DossierError } from '../../../shared/errors';
import type { Actor, SourceMeta, Tag } from '../../../shared/model';
import {
  findActorByName,
  findTagByName,
  lookupActor,
  lookupSource,
  lookupSuggestion,
  lookupTag,
} from '../../../main/services/lookup';

const actor = (id: string, name: string, kind: Actor['kind'], aliases: string[] = []): Actor => ({
  id,
  name,
  kind,
  aliases,
  memberOf: [],
});

const actors: Actor[] = [
  actor('a_us', 'United States', 'state', ['USA', 'U.S.', 'Förenta staterna']),
  actor('a_fr', 'France', 'state', ['Frankrike', 'Élysée']),
  actor('a_em', 'Emmanuel Macron', 'person', ['Macron']),
  actor('a_ms', 'Microsoft', 'organisation'),
  actor('a_ru', 'Russia', 'state', ['Kremlin', 'Ryssland']),
  actor('a_un', 'United Nations', 'igo', ['FN', 'UN']),
  // An alias equal to another actor's name: the name must win.
  actor('a_fn', 'FN', 'organisation'),
  actor('a_al', 'Anna Lindqvist', 'person'),
  actor('a_pl', 'Per Lindgren', 'person'),
  actor('a_uk', 'Ulf Kristersson', 'person'),
  actor('a_bo', 'Bjørn Ødegård', 'other'),
  actor('a_ne', 'Nordvik Energy', 'organisation'),
  actor('a_gu', 'The Guardian', 'organisation'),
];

/** The message of what `fn` throws, checking it is a DossierError with `code`. */
function failure(fn: () => unknown, code: DossierError['code']): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DossierError);
    expect((err as DossierError).code).toBe(code);
    return (err as DossierError).message;
  }
  throw new Error('expected a failure');
}

describe('actors', () => {
  const id = (q: string) => lookupActor(actors, q).id;

  it('exact: the id, the name (an exact name beats another actor’s alias and any prefix)', () => {
    expect(id('a_em')).toBe('a_em');
    expect(id('united states')).toBe('a_us');
    expect(id('  united   STATES ')).toBe('a_us');
    expect(id('FN')).toBe('a_fn');
    expect(id('The Guardian')).toBe('a_gu');
    const withShortName = [...actors, actor('a_anna', 'Anna', 'person')];
    expect(lookupActor(withShortName, 'anna').id).toBe('a_anna');
  });

  it('alias and inflected forms, a leading "the" ignored', () => {
    expect(id('USA')).toBe('a_us');
    expect(id('us')).toBe('a_us');
    expect(id('UN')).toBe('a_un');
    expect(id('the Kremlin')).toBe('a_ru');
    expect(id('Macrons')).toBe('a_em');
    expect(id('USA:s')).toBe('a_us');
    expect(id("Microsoft's")).toBe('a_ms');
    expect(id('Frankrikes')).toBe('a_fr');
    expect(id('Rysslands')).toBe('a_ru');
  });

  it('diacritics and case folded both ways', () => {
    expect(id('elysee')).toBe('a_fr');
    expect(id('ÉLYSÉE')).toBe('a_fr');
    expect(id('forenta staterna')).toBe('a_us');
    expect(id('bjorn odegard')).toBe('a_bo');
    expect(id('Ødegård')).toBe('a_bo');
  });

  it('unique prefix: of a name or alias, or of a person’s surname (inflected too)', () => {
    expect(id('Micro')).toBe('a_ms');
    expect(id('Kristersson')).toBe('a_uk');
    expect(id('Lindq')).toBe('a_al');
    expect(id('Nordvik')).toBe('a_ne');
    const noAlias = [actor('b', 'Emmanuel Macron', 'person'), actor('s', 'Sweden', 'state')];
    expect(lookupActor(noAlias, 'Macrons').id).toBe('b');
    // An actor created by name on the command line has kind 'other' and is found the same way.
    expect(lookupActor([actor('x', 'Ingrid Halvorsen', 'other')], 'Halvorsen').id).toBe('x');
  });

  it('ambiguous: names every candidate in one line, with ids when names repeat', () => {
    expect(failure(() => lookupActor(actors, 'Lind'), 'invalid-input')).toBe(
      '"Lind" matches 2 actors: Anna Lindqvist, Per Lindgren — use the full name or the id.',
    );
    const namesakes = [actor('a', 'Anna Lindqvist', 'person'), actor('b', 'Maria Lindqvist', 'person')];
    expect(failure(() => lookupActor(namesakes, 'Lindqvist'), 'invalid-input')).toMatch(
      /matches 2 actors: Anna Lindqvist, Maria Lindqvist/,
    );
    const twins = [...actors, { ...actors[7]!, id: 'a_twin' }];
    expect(failure(() => lookupActor(twins, 'Anna Lindqvist'), 'invalid-input')).toBe(
      '"Anna Lindqvist" matches 2 actors: Anna Lindqvist (a_al), Anna Lindqvist (a_twin) — use the full name or the id.',
    );
    const sharedAlias = [
      actor('x', 'Federal Reserve', 'organisation', ['Fed']),
      actor('y', 'Federation', 'organisation', ['Fed']),
    ];
    expect(failure(() => lookupActor(sharedAlias, 'fed'), 'invalid-input')).toMatch(
      /matches 2 actors: Federal Reserve, Federation/,
    );
    const many = Array.from({ length: 7 }, (_, i) => actor(`p${i}`, `Pia Berg ${i}`, 'person'));
    expect(failure(() => lookupActor(many, 'Pia'), 'invalid-input')).toBe(
      '"Pia" matches 7 actors: Pia Berg 0, Pia Berg 1, Pia Berg 2, Pia Berg 3, Pia Berg 4 and 2 more — use the full name or the id.',
    );
  });

  it('not found: unknown names, and an organisation is not found by its last word', () => {
    expect(failure(() => lookupActor(actors, 'Germany'), 'not-found')).toBe('No actor named "Germany".');
    expect(findActorByName(actors, 'Energy')).toBeUndefined();
    expect(findActorByName(actors, '   ')).toBeUndefined();
  });
});

describe('tags', () => {
  const tags: Tag[] = [
    { id: 't_en', name: 'Energy', color: '#000' },
    { id: 't_ep', name: 'Energy policy', color: '#000' },
    { id: 't_ew', name: 'Wind', color: '#000', parentId: 't_en' },
    { id: 't_we', name: 'Weather', color: '#000' },
    { id: 't_ww', name: 'Wind', color: '#000', parentId: 't_we' },
    { id: 't_sa', name: 'Säkerhet', color: '#000' },
    { id: 't_jo', name: 'Jobs', color: '#000' },
  ];
  const id = (q: string) => lookupTag(tags, q).id;

  it('exact: the id or the name, even when it is also a prefix of another name', () => {
    expect(id('t_jo')).toBe('t_jo');
    expect(id('jobs')).toBe('t_jo');
    expect(id('energy')).toBe('t_en');
    expect(id('Energy Policy')).toBe('t_ep');
  });

  it('by path in the codebook: "Parent/Child", the app’s "Parent › Child", a unique last segment prefix', () => {
    expect(id('Energy/Wind')).toBe('t_ew');
    expect(id('weather › wind')).toBe('t_ww');
    expect(id('Weather > Wind')).toBe('t_ww');
    expect(id('Energy/Wi')).toBe('t_ew');
  });

  it('unique prefix of a name', () => {
    expect(id('Jo')).toBe('t_jo');
    expect(id('Weat')).toBe('t_we');
  });

  it('diacritics and case folded', () => {
    expect(id('sakerhet')).toBe('t_sa');
    expect(id('SÄKER')).toBe('t_sa');
  });

  it('ambiguous: the same name under two parents, or a shared prefix, lists them by path', () => {
    expect(failure(() => lookupTag(tags, 'wind'), 'invalid-input')).toBe(
      '"wind" matches 2 tags: Energy › Wind, Weather › Wind — use the full name, the path (Parent/Child) or the id.',
    );
    expect(failure(() => lookupTag(tags, 'Ener'), 'invalid-input')).toMatch(/matches 2 tags: Energy, Energy policy/);
  });

  it('not found', () => {
    expect(failure(() => lookupTag(tags, 'Nope'), 'not-found')).toBe('No tag named "Nope".');
    expect(findTagByName(tags, 'Sport/Wind')).toBeUndefined();
  });
});

describe('sources', () => {
  const source = (id: string, title: string): SourceMeta => ({
    id,
    title,
    language: 'en',
    importedAt: '2026-01-01T00:00:00Z',
    origin: { kind: 'file', sha256: '0'.repeat(64) },
  });
  const sources = [
    source('src_ab12cd', 'Harbour accord signed'),
    source('src_ab99xx', 'Fiskeavtal på Åland'),
    source('src_k3j9x0', 'Ministers meet'),
  ];
  const id = (q: string) => lookupSource(sources, q).id;

  it('exact: the id, or the whole title', () => {
    expect(id('src_k3j9x0')).toBe('src_k3j9x0');
    expect(id('Ministers meet')).toBe('src_k3j9x0');
    expect(id('  harbour ACCORD signed ')).toBe('src_ab12cd');
  });

  it('diacritics folded in titles', () => {
    expect(id('fiskeavtal pa aland')).toBe('src_ab99xx');
  });

  it('unique prefix of the id, with or without "src_"', () => {
    expect(id('src_k3')).toBe('src_k3j9x0');
    expect(id('ab1')).toBe('src_ab12cd');
    expect(id('SRC_AB9')).toBe('src_ab99xx');
  });

  it('ambiguous: a prefix of two ids lists them with their titles', () => {
    expect(failure(() => lookupSource(sources, 'src_ab'), 'invalid-input')).toBe(
      '"src_ab" matches 2 sources: src_ab12cd “Harbour accord signed”, src_ab99xx “Fiskeavtal på Åland” — use more of the id, or the exact title.',
    );
  });

  it('not found: a title is matched whole, never by its beginning', () => {
    expect(failure(() => lookupSource(sources, 'Harbour'), 'not-found')).toBe(
      'No source with id or title "Harbour" in this notebook.',
    );
    expect(failure(() => lookupSource(sources, 'src_zz'), 'not-found')).toMatch(/No source/);
  });
});

describe('actor suggestions', () => {
  const suggestion = (key: string, name: string, aliasesSeen: string[]): ActorSuggestion => ({
    key,
    name,
    kind: 'state',
    aliasesSeen,
    sourceIds: [],
    mentions: 1,
    occurrences: [],
  });
  const suggestions = [
    suggestion('state:cn', 'China', ['Kina', 'China']),
    suggestion('state:cl', 'Chile', ['Chile']),
    suggestion('state:ru', 'Russia', ['Ryssland']),
  ];
  const key = (q: string) => lookupSuggestion(suggestions, q).key;

  it('exact key or name; a surface form seen in the sources; folded; a unique prefix', () => {
    expect(key('state:ru')).toBe('state:ru');
    expect(key('chile')).toBe('state:cl');
    expect(key('Kina')).toBe('state:cn');
    expect(key('KÍNA')).toBe('state:cn');
    expect(key('Rus')).toBe('state:ru');
  });

  it('ambiguous and not found', () => {
    expect(failure(() => lookupSuggestion(suggestions, 'Ch'), 'invalid-input')).toBe(
      '"Ch" matches 2 suggestions: China (state:cn), Chile (state:cl) — use the key.',
    );
    expect(failure(() => lookupSuggestion(suggestions, 'Atlantis'), 'not-found')).toMatch(
      /No current suggestion named or keyed "Atlantis"/,
    );
  });
});
