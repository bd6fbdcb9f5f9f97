import { describe, expect, it } from 'vitest';
import { inflectionBases, matchActors, normaliseAlias, resolveActor } from '../../../shared/actors';
import type { Actor } from '../../../shared/model';

const actors: Actor[] = [
  { id: 'a_us', name: 'United States', kind: 'state', aliases: ['USA', 'U.S.', 'Förenta staterna'], memberOf: [] },
  { id: 'a_fr', name: 'France', kind: 'state', aliases: ['Frankrike', 'Élysée'], memberOf: [] },
  { id: 'a_em', name: 'Emmanuel Macron', kind: 'person', aliases: ['Macron'], memberOf: ['a_fr'] },
  { id: 'a_ms', name: 'Microsoft', kind: 'organisation', aliases: [], memberOf: [] },
  { id: 'a_ru', name: 'Russia', kind: 'state', aliases: ['Kremlin', 'Ryssland'], memberOf: [] },
  { id: 'a_un', name: 'United Nations', kind: 'igo', aliases: ['FN', 'UN'], memberOf: [] },
  // An alias equal to another actor's name: the name must win.
  { id: 'a_fn', name: 'FN', kind: 'organisation', aliases: [], memberOf: [] },
];

describe('normaliseAlias', () => {
  it('folds case, diacritics, apostrophes, dots and dashes', () => {
    expect(normaliseAlias('Élysée')).toBe('elysee');
    expect(normaliseAlias('U.S.')).toBe('us');
    expect(normaliseAlias('  Förenta   nationerna ')).toBe('forenta nationerna');
    expect(normaliseAlias('Microsoft’s')).toBe("microsoft's");
    expect(normaliseAlias('EU-kommissionen')).toBe('eu kommissionen');
    expect(normaliseAlias('Außenministerium')).toBe('aussenministerium');
    expect(normaliseAlias('Bjørn Ødegård')).toBe('bjorn odegard');
  });
});

describe('inflectionBases', () => {
  it('strips English, Swedish and German genitives', () => {
    expect(inflectionBases("Microsoft's")).toEqual(['Microsoft']);
    expect(inflectionBases('Microsoft’s')).toEqual(['Microsoft']);
    expect(inflectionBases("Nations'")).toEqual(['Nations']);
    expect(inflectionBases('USA:s')).toEqual(['USA']);
    expect(inflectionBases('VD:n')).toEqual(['VD']);
    expect(inflectionBases('Frankrikes')).toEqual(['Frankrike']);
    expect(inflectionBases('Chinas')).toEqual(['China']);
  });
  it('leaves words that cannot be genitives alone', () => {
    expect(inflectionBases('USA')).toEqual([]);
    expect(inflectionBases('Kina')).toEqual([]);
    expect(inflectionBases('US')).toEqual([]); // capital S is not a genitive ending
  });
});

describe('resolveActor', () => {
  it('finds actors through names and aliases, ignoring case and diacritics', () => {
    expect(resolveActor('united states', actors)?.id).toBe('a_us');
    expect(resolveActor('USA', actors)?.id).toBe('a_us');
    expect(resolveActor('us', actors)?.id).toBe('a_us');
    expect(resolveActor('elysee', actors)?.id).toBe('a_fr');
    expect(resolveActor('forenta staterna', actors)?.id).toBe('a_us');
    expect(resolveActor('the Kremlin', actors)?.id).toBe('a_ru');
  });
  it('resolves inflected forms', () => {
    expect(resolveActor('Macrons', actors)?.id).toBe('a_em');
    expect(resolveActor('USA:s', actors)?.id).toBe('a_us');
    expect(resolveActor("Microsoft's", actors)?.id).toBe('a_ms');
    expect(resolveActor('Frankrikes', actors)?.id).toBe('a_fr');
    expect(resolveActor('Rysslands', actors)?.id).toBe('a_ru');
  });
  it('prefers an exact name over an alias, and returns undefined for unknown names', () => {
    expect(resolveActor('FN', actors)?.id).toBe('a_fn');
    expect(resolveActor('UN', actors)?.id).toBe('a_un');
    expect(resolveActor('Germany', actors)).toBeUndefined();
    expect(resolveActor('   ', actors)).toBeUndefined();
  });
});

describe('matchActors (type-ahead)', () => {
  it('ranks exact, then prefix, then word-prefix matches over names and aliases', () => {
    expect(matchActors('fr', actors).map((a) => a.id)).toEqual(['a_fr']);
    expect(matchActors('macron', actors)[0]!.id).toBe('a_em');
    expect(matchActors('nations', actors).map((a) => a.id)).toEqual(['a_un']);
    expect(matchActors('staterna', actors).map((a) => a.id)).toEqual(['a_us']);
    expect(matchActors('zzz', actors)).toEqual([]);
    expect(matchActors('', actors, 3)).toHaveLength(3);
  });
});

describe('resolveActor with a lone surname', () => {
  const person = (id: string, name: string) => ({ id, name, kind: 'person' as const, aliases: [], memberOf: [] });
  it('finds the one person whose full name ends with it, inflected too', () => {
    const actors = [person('a', 'Ulf Kristersson'), person('b', 'Emmanuel Macron'), { id: 's', name: 'Sweden', kind: 'state' as const, aliases: [], memberOf: [] }];
    expect(resolveActor('Kristersson', actors)?.id).toBe('a');
    expect(resolveActor('Macrons', actors)?.id).toBe('b');
    expect(resolveActor('Sweden', actors)?.id).toBe('s');
    // An actor created by name on the command line has kind 'other' and is found the same way.
    expect(resolveActor('Halvorsen', [{ id: 'x', name: 'Ingrid Halvorsen', kind: 'other' as const, aliases: [], memberOf: [] }])?.id).toBe('x');
  });
  it('does not guess between two people who share the surname, nor match a state or organisation by its last word', () => {
    const actors = [person('a', 'Anna Lindqvist'), person('b', 'Maria Lindqvist'), { id: 'o', name: 'Nordvik Energy', kind: 'organisation' as const, aliases: [], memberOf: [] }];
    expect(resolveActor('Lindqvist', actors)).toBeUndefined();
    expect(resolveActor('Energy', actors)).toBeUndefined();
  });
});
