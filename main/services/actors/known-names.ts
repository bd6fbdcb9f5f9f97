/**
 * Names known from maintained lists, as evidence of a kind:
 *
 * - companies: @cspell/dict-companies (a spelling dictionary of company and
 *   brand names, MIT), read from its package folder once; stock tickers,
 *   one- and two-letter entries and words in lower case are left out;
 * - cities: city-timezones' list of about 7,000 cities (MIT), so that a city
 *   the company list also holds ("Aberdeen") is taken for a place;
 * - given names: faker's first-name lists for the languages of the news a
 *   notebook holds (English, Swedish, Norwegian, Danish, Finnish, German,
 *   French, Dutch), on top of the English given names compromise knows.
 *
 * The cities and given names are read from data/cities.json and
 * data/given-names.json, which scripts/actor-name-lists.ts writes from those
 * packages (the packages themselves are megabytes).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import cityList from './data/cities.json' with { type: 'json' };
import givenList from './data/given-names.json' with { type: 'json' };
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
  cities ??= new Set(cityList.names);
  return cities.has(normName);
}

let given: Set<string> | undefined;

/** Given names from faker's lists (folded). */
export function fakerGivenNames(): Set<string> {
  given ??= new Set(givenList.names);
  return given;
}
