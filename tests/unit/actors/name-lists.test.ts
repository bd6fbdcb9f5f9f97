/**
 * The name lists actor detection reads (main/services/actors/data/cities.json
 * and given-names.json) are what scripts/actor-name-lists.ts makes from the
 * installed faker and city-timezones: updating either package without
 * running the script fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNameLists, LIST_FILES } from '../../../scripts/actor-name-lists';

const stored = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { names: string[] }).names;

describe('generated name lists', () => {
  const built = buildNameLists();
  it('given-names.json holds faker’s first names, folded, for the languages detection reads', () => {
    expect(stored(LIST_FILES.givenNames)).toEqual(built.givenNames);
    // Nordic names compromise does not know.
    expect(built.givenNames).toEqual(expect.arrayContaining(['mette', 'ebba', 'ulf', 'kerstin', 'malin']));
  });
  it('cities.json holds city-timezones’ city names, folded', () => {
    expect(stored(LIST_FILES.cities)).toEqual(built.cities);
    expect(built.cities).toEqual(expect.arrayContaining(['aberdeen', 'beira', 'malmo', 'cape town']));
  });
});
