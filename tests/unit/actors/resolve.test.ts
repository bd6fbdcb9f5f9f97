import { describe, expect, it } from 'vitest';
import { inflectionBases, matchActors, normaliseAlias } from '../../../shared/actors';
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
