/**
 * Names known from maintained lists, as evidence of a kind:
 *
 * - companies: @cspell/dict-companies (a spelling dictionary of company and
 *   brand names, MIT), read from its package folder once; stock tickers,
 *   one- and two-letter entries and places are left out;
 * - cities: city-timezones' list of about 7,000 cities with their population
 *   (MIT), so that a city the company list also holds ("Aberdeen") is taken
 *   for a place;
 * - given names: faker's first-name lists for the languages of the news a
 *   notebook holds (English, Swedish, Norwegian, Danish, Finnish, German,
 *   French, Dutch), on top of the English given names compromise knows.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { faker as fakerEn } from '@faker-js/faker/locale/en';
import { faker as fakerSv } from '@faker-js/faker/locale/sv';
import { faker as fakerNb } from '@faker-js/faker/locale/nb_NO';
import { faker as fakerDa } from '@faker-js/faker/locale/da';
import { faker as fakerFi } from '@faker-js/faker/locale/fi';
import { faker as fakerDe } from '@faker-js/faker/locale/de';
import { faker as fakerFr } from '@faker-js/faker/locale/fr';
import { faker as fakerNl } from '@faker-js/faker/locale/nl';
import { normaliseAlias } from '../../../shared/actors';

let companies: Set<string> | undefined;

/** The company list's entries, as folded names ("microsoft", "ikea"). */
function companySet(): Set<string> {
  if (companies) return companies;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@cspell/dict-companies/cspell-ext.json'));
  const lines = readFileSync(path.join(dir, 'dict', 'companies.txt'), 'utf8').split('\n');
  companies = new Set();
  for (const raw of lines) {
    const name = raw.trim();
    // Entries in lower case are words of longer names ("and", "company"), not names.
    if (!/^[\p{Lu}\p{N}]/u.test(name) || name.length < 3) continue;
    // Tickers ("AAPL", "ABBV") are not how news names a company.
    if (/^[A-Z0-9]+$/.test(name) && name.length < 5) continue;
    companies.add(normaliseAlias(name));
  }
  return companies;
}

/** A company on the maintained list (folded name). */
export function isKnownCompany(normName: string): boolean {
  return companySet().has(normName);
}

let cities: Set<string> | undefined;

/** A city on the list (folded name): "aberdeen", "malmo", "cape town". */
export function isKnownCity(normName: string): boolean {
  if (!cities) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('city-timezones/data/cityMap.json');
    const list = JSON.parse(readFileSync(file, 'utf8')) as Array<{ city: string; city_ascii?: string }>;
    cities = new Set(list.flatMap((c) => [c.city, c.city_ascii ?? c.city]).map((n) => normaliseAlias(n)));
  }
  return cities.has(normName);
}

let given: Set<string> | undefined;

/** Given names from faker's lists (folded). */
export function fakerGivenNames(): Set<string> {
  if (given) return given;
  given = new Set();
  for (const f of [fakerEn, fakerSv, fakerNb, fakerDa, fakerFi, fakerDe, fakerFr, fakerNl]) {
    const lists = (f.rawDefinitions.person?.first_name ?? {}) as Record<string, readonly string[] | undefined>;
    for (const list of Object.values(lists)) for (const n of list ?? []) given.add(normaliseAlias(n));
  }
  return given;
}
