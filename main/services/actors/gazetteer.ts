/**
 * The static gazetteer: states (names in many languages from
 * i18n-iso-countries, plus short forms and seats of government from
 * data/gazetteer.json) and international bodies (data/gazetteer.json), indexed
 * by normalised phrase for the mention matcher. Built once per process.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import sv from 'i18n-iso-countries/langs/sv.json' with { type: 'json' };
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import da from 'i18n-iso-countries/langs/da.json' with { type: 'json' };
import nb from 'i18n-iso-countries/langs/nb.json' with { type: 'json' };
import fi from 'i18n-iso-countries/langs/fi.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import pl from 'i18n-iso-countries/langs/pl.json' with { type: 'json' };
import type { ActorKind } from '../../../shared/model';
import { normaliseAlias } from '../../../shared/actors';
import data from './data/gazetteer.json' with { type: 'json' };

/** One way of writing one entity. */
export interface PhraseEntry {
  /** Entity key, e.g. "state:us", "igo:un", "name:emmanuel macron". */
  key: string;
  /** Canonical display name of the entity. */
  name: string;
  kind: ActorKind;
  /** The alias as written in the data (for case checks). */
  alias: string;
  /** All-capital alias ("US", "WHO"): only all-capital text matches it. */
  acronym: boolean;
  /** Alias starts with a capital: the text must too. */
  capital: boolean;
  /** Languages the alias belongs to; undefined = every language. */
  langs?: ReadonlySet<string>;
  /** Lower wins when one phrase has several entries. */
  priority: number;
}

/** A phrase index: normalised phrase (words joined by one space) → entries, and every word prefix of a phrase. */
export interface PhraseIndex {
  phrases: Map<string, PhraseEntry[]>;
  prefixes: Set<string>;
  /** Phrases that stand for nothing ("South America"): they consume the span so "America" inside is not a mention. */
  blocked: Set<string>;
}

export interface StaticEntity {
  key: string;
  name: string;
  kind: ActorKind;
  /** Every alias of the entity (all languages), normalised. */
  nameKeys: Set<string>;
}

const LOCALES = { en, sv, de, fr, es, it, nl, da, nb, fi, pt, pl } as const;

const BLOCKED = [
  'South America',
  'North America',
  'Latin America',
  'Central America',
  'New Mexico',
  'New England',
  'New South Wales',
  'Washington Post',
  'Washington DC',
  'Washington State',
  'Paris Agreement',
  'Sydamerika',
  'Nordamerika',
  'Latinamerika',
  'Südamerika',
  'Lateinamerika',
  'Amérique latine',
  'Amérique du Sud',
  'Amérique du Nord',
];

export function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export function makeEntry(
  key: string,
  name: string,
  kind: ActorKind,
  alias: string,
  priority: number,
  langs?: ReadonlySet<string>,
): PhraseEntry {
  const first = alias.trim().charAt(0);
  return {
    key,
    name,
    kind,
    alias,
    acronym: isAcronym(alias),
    capital: first !== first.toLowerCase(),
    langs,
    priority,
  };
}

export function addPhrase(index: PhraseIndex, entry: PhraseEntry): void {
  if (/[,()]/.test(entry.alias)) return;
  const norm = normaliseAlias(entry.alias);
  if (!norm) return;
  const list = index.phrases.get(norm);
  if (list) {
    const same = list.findIndex((e) => e.key === entry.key && e.alias === entry.alias);
    if (same === -1) list.push(entry);
    else {
      // The same name in several languages ("Polen" in Swedish and German): it applies to all of them.
      const old = list[same]!;
      const langs = old.langs && entry.langs ? new Set([...old.langs, ...entry.langs]) : undefined;
      list[same] = { ...old, langs, priority: Math.min(old.priority, entry.priority) };
    }
    list.sort((a, b) => a.priority - b.priority);
  } else index.phrases.set(norm, [entry]);
  const words = norm.split(' ');
  for (let i = 1; i <= words.length; i++) index.prefixes.add(words.slice(0, i).join(' '));
}

export function emptyIndex(): PhraseIndex {
  return { phrases: new Map(), prefixes: new Set(), blocked: new Set() };
}

function canonicalStateName(code: string): string {
  const override = (data.canonicalStateNames as Record<string, string>)[code];
  if (override) return override;
  const names = countries.getName(code, 'en', { select: 'all' }) ?? [code];
  const plain = names.filter((n) => !isAcronym(n) && !/[,()]/.test(n));
  return plain.sort((a, b) => a.length - b.length)[0] ?? names[0] ?? code;
}

let cached: { index: PhraseIndex; entities: Map<string, StaticEntity> } | undefined;

/** The static gazetteer (built on first use). */
export function staticGazetteer(): { index: PhraseIndex; entities: Map<string, StaticEntity> } {
  if (cached) return cached;
  for (const locale of Object.values(LOCALES)) countries.registerLocale(locale);
  const index = emptyIndex();
  const entities = new Map<string, StaticEntity>();
  const entity = (key: string, name: string, kind: ActorKind): StaticEntity => {
    let e = entities.get(key);
    if (!e) {
      e = { key, name, kind, nameKeys: new Set([normaliseAlias(name)]) };
      entities.set(key, e);
    }
    return e;
  };
  const add = (e: StaticEntity, alias: string, priority: number, langs?: ReadonlySet<string>) => {
    addPhrase(index, makeEntry(e.key, e.name, e.kind, alias, priority, langs));
    e.nameKeys.add(normaliseAlias(alias));
  };

  // International bodies: every alias applies to every language.
  for (const igo of data.igos as Array<{ id: string; name: string; kind?: string; aliases: string[] }>) {
    const kind: ActorKind = igo.kind === 'organisation' ? 'organisation' : 'igo';
    const e = entity(`igo:${igo.id}`, igo.name, kind);
    add(e, igo.name, 1);
    for (const alias of igo.aliases) add(e, alias, 1);
  }
  for (const [id, seats] of Object.entries(data.igoSeats as Record<string, string[]>)) {
    const e = entities.get(`igo:${id}`);
    if (e) for (const seat of seats) add(e, seat, 3);
  }

  // States: English names apply everywhere, other languages' names to sources in that language.
  const codes = Object.keys(countries.getAlpha2Codes());
  for (const code of codes) {
    const e = entity(`state:${code.toLowerCase()}`, canonicalStateName(code), 'state');
    for (const [lang] of Object.entries(LOCALES)) {
      const names = countries.getName(code, lang, { select: 'all' }) ?? [];
      const langs = lang === 'en' ? undefined : new Set([lang]);
      for (const n of names) add(e, n, lang === 'en' ? 1 : 2, langs);
    }
  }
  for (const [code, extra] of Object.entries(
    data.states as Record<string, { names?: string[]; seats?: string[] } | string>,
  )) {
    if (typeof extra === 'string') continue;
    const e = entities.get(`state:${code.toLowerCase()}`);
    if (!e) continue;
    for (const n of extra.names ?? []) add(e, n, 1);
    for (const seat of extra.seats ?? []) add(e, seat, 3);
  }
  for (const phrase of BLOCKED) {
    const norm = normaliseAlias(phrase);
    index.blocked.add(norm);
    const words = norm.split(' ');
    for (let i = 1; i <= words.length; i++) index.prefixes.add(words.slice(0, i).join(' '));
  }
  cached = { index, entities };
  return cached;
}
