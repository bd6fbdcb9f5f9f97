/**
 * Search and corroboration: shapes that cross the API, and pure text helpers
 * that both main (the index) and the renderer (highlighting, discrepancy
 * badges) may use.
 *
 * - `foldForMatch`: shared/fold-letters.ts's folding, memoised for words
 *   ("Ryssland" matches "RYSSLAND", "Malmö" matches "malmo").
 * - `tokenize`: words and numbers with offsets ("1,200" and "14 000" are one token).
 * - `extractQuantities`: numbers written as digits or words in en/sv/de/fr
 *   ("fourteen", "fjorton", "vierzehn", "2,5 miljoner").
 * - `extractDates`: weekdays ("på måndagen", "am Montag") and calendar dates
 *   ("29 November 2018", "November 29", "2018-11-29").
 * - `AliasMatcher`: finds actors through their names and aliases in any text,
 *   tolerant of case, diacritics and inflection ("Kinas", "USA:s", "Russlands").
 *
 * Pure: zod only.
 */
import { z } from 'zod';
import { foldLetters } from './fold-letters';
import type { Actor } from './model';

const KEEP_LENGTH = { keepLength: true } as const;

// ---------------------------------------------------------------- schemas

export const SearchFilters = z.object({
  /** Annotations linked to one of these actors, and passages that name them. */
  actorIds: z.array(z.string()).optional(),
  /** Annotations carrying one of these tags (and the passages they mark). */
  tagIds: z.array(z.string()).optional(),
  /** Annotations with one of these statuses (and the passages they mark). */
  statuses: z.array(z.string()).optional(),
  sourceIds: z.array(z.string()).optional(),
  /** ISO 639-1 codes of the sources. */
  languages: z.array(z.string()).optional(),
  /** Sources published on or after this ISO date. */
  from: z.string().optional(),
  /** Sources published on or before this ISO date (inclusive, by day). */
  to: z.string().optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchHitKind = z.enum(['passage', 'title', 'annotation']);
export type SearchHitKind = z.infer<typeof SearchHitKind>;

export const SearchHit = z.object({
  sourceId: z.string(),
  annotationId: z.string().optional(),
  kind: SearchHitKind,
  /** The text around the match, as written in the source. */
  snippet: z.string(),
  score: z.number(),
  /** Offsets (UTF-16) of the snippet in the source text; absent for title hits. */
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  /** Ranges inside `snippet` to mark, [start, end). */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const ActorHit = z.object({ actorId: z.string(), name: z.string(), score: z.number() });
export type ActorHit = z.infer<typeof ActorHit>;

export const CorroborationHit = z.object({
  sourceId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  score: z.number(),
  /** Why this passage was suggested. */
  matched: z.object({
    /** Share (0–1) of the annotation's weighted words found in the passage's paragraph. */
    words: z.number(),
    actorIds: z.array(z.string()),
    numbers: z.array(z.string()),
    dates: z.array(z.string()),
  }),
});
export type CorroborationHit = z.infer<typeof CorroborationHit>;

export const RelationGroup = z.object({
  id: z.string(),
  annotationIds: z.array(z.string()),
  sourceIds: z.array(z.string()),
  /** Distinct outlets (a source without an outlet counts as its own). */
  independentSources: z.number().int(),
});
export type RelationGroup = z.infer<typeof RelationGroup>;

export const DiscrepancyKind = z.enum(['number', 'date', 'weekday', 'actor']);
export const Discrepancy = z.object({
  kind: DiscrepancyKind,
  /** What differs, in words: "injur…", "weekday", "state". */
  about: z.string(),
  /** One entry per member that states a value, side by side. */
  values: z.array(z.object({ annotationId: z.string(), outlet: z.string().optional(), value: z.string(), text: z.string() })),
});
export type Discrepancy = z.infer<typeof Discrepancy>;

// ---------------------------------------------------------------- folding

const foldCache = new Map<string, string>();

/** foldLetters, memoised for the short strings (words) search folds over and over. */
export function foldForMatch(s: string): string {
  if (s.length <= 24) {
    const hit = foldCache.get(s);
    if (hit !== undefined) return hit;
  }
  const folded = foldLetters(s);
  if (s.length <= 24) {
    if (foldCache.size >= 50_000) foldCache.clear();
    foldCache.set(s, folded);
  }
  return folded;
}

// ---------------------------------------------------------------- tokens

export interface Token {
  /** As written. */
  text: string;
  start: number;
  end: number;
  /** Written in digits ("14", "1,200", "2.5"). */
  numeric: boolean;
}

const TOKEN_RE =
  /\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\p{L}\p{N}])|\d+(?:[.,]\d+)?(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+/gu;

/** Words and numbers with their UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    const c = t.charCodeAt(0);
    out.push({ text: t, start: m.index, end: m.index + t.length, numeric: c >= 48 && c <= 57 && /^[\d., \u00a0\u202f]+$/.test(t) });
  }
  return out;
}

/** Languages whose number words and date names the helpers know. */
export const KNOWN_LANGUAGES = ['en', 'sv', 'de', 'fr'] as const;

function decimalComma(lang: string): boolean {
  return lang !== 'en';
}

/** The value of a number written in digits; separators read as the language writes them. */
export function parseNumeral(token: string, lang = 'en'): number | undefined {
  const t = token.replace(/[\u00a0\u202f]/g, ' ');
  const groups = t.split(/[ ,.]/);
  const seps = t.match(/[ ,.]/g) ?? [];
  if (seps.length === 0) return Number(t);
  // Several separators, or one followed by exactly three digits in the language's thousands style: thousands.
  const last = seps[seps.length - 1]!;
  const lastGroup = groups[groups.length - 1]!;
  const thousandsSep = decimalComma(lang) ? ['.', ' '] : [',', ' '];
  let intPart = t;
  let frac = '';
  const lastIsDecimal =
    lastGroup.length !== 3 || (!thousandsSep.includes(last) && seps.length === 1) || (seps.length > 1 && last !== seps[0]);
  if (lastIsDecimal && (last === '.' || last === ',')) {
    intPart = t.slice(0, t.length - lastGroup.length - 1);
    frac = lastGroup;
  }
  const n = Number(`${intPart.replace(/[ ,.]/g, '')}${frac ? `.${frac}` : ''}`);
  return Number.isFinite(n) ? n : undefined;
}

// number words, folded (no diacritics)
const UNITS: Record<string, Record<string, number>> = {
  en: {
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
    thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
    forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12,
  },
  sv: {
    noll: 0, tva: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, atta: 8, nio: 9, tio: 10, elva: 11, tolv: 12, tretton: 13,
    fjorton: 14, femton: 15, sexton: 16, sjutton: 17, arton: 18, nitton: 19, tjugo: 20, trettio: 30, fyrtio: 40, femtio: 50,
    sextio: 60, sjuttio: 70, attio: 80, nittio: 90,
  },
  de: {
    null: 0, eins: 1, zwei: 2, drei: 3, vier: 4, funf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwolf: 12,
    dreizehn: 13, vierzehn: 14, funfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19, zwanzig: 20,
    dreissig: 30, vierzig: 40, funfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
  },
  fr: {
    zero: 0, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13,
    quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  },
};
const MULTIPLIERS: Record<string, Record<string, number>> = {
  en: { hundred: 100, thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9 },
  sv: { hundra: 100, tusen: 1e3, miljon: 1e6, miljoner: 1e6, miljard: 1e9, miljarder: 1e9 },
  de: { hundert: 100, tausend: 1e3, million: 1e6, millionen: 1e6, milliarde: 1e9, milliarden: 1e9, mio: 1e6, mrd: 1e9 },
  fr: { cent: 100, cents: 100, mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 },
};
const ALL_UNITS = Object.assign({}, ...Object.values(UNITS)) as Record<string, number>;
const ALL_MULTIPLIERS = Object.assign({}, ...Object.values(MULTIPLIERS)) as Record<string, number>;

function unitsFor(lang: string): Record<string, number> {
  return UNITS[lang] ?? ALL_UNITS;
}
function multipliersFor(lang: string): Record<string, number> {
  return MULTIPLIERS[lang] ?? ALL_MULTIPLIERS;
}

/** Value of one folded number word, including compounds ("tjugofem", "einundzwanzig"); undefined if none. */
export function numberWordValue(folded: string, lang = 'en'): number | undefined {
  const units = unitsFor(lang);
  const direct = units[folded];
  if (direct !== undefined) return direct;
  if (lang === 'de' || !UNITS[lang]) {
    const m = folded.match(/^(ein|zwei|drei|vier|funf|sechs|sieben|acht|neun)und([a-z]+zig|dreissig)$/);
    if (m) {
      const tens = UNITS.de![m[2]!];
      const unit = m[1] === 'ein' ? 1 : UNITS.de![m[1]!];
      if (tens !== undefined && unit !== undefined) return tens + unit;
    }
  }
  if (lang === 'sv' || !UNITS[lang]) {
    const m = folded.match(/^(tjugo|trettio|fyrtio|femtio|sextio|sjuttio|attio|nittio)(en|ett|tva|tre|fyra|fem|sex|sju|atta|nio)$/);
    if (m) return UNITS.sv![m[1]!]! + (m[2] === 'en' || m[2] === 'ett' ? 1 : UNITS.sv![m[2]!]!);
  }
  return undefined;
}

export interface Quantity {
  start: number;
  end: number;
  /** As written, e.g. "fourteen", "2,5 miljoner". */
  text: string;
  value: number;
  /** A bare four-digit year (1800–2100) rather than a count. */
  year: boolean;
}

/** Numbers in a text, written in digits or words (en/sv/de/fr; other languages: all word lists). */
export function extractQuantities(text: string, lang = 'en', tokens: Token[] = tokenize(text)): Quantity[] {
  const units = unitsFor(lang);
  const mults = multipliersFor(lang);
  const out: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    let value: number | undefined;
    let j = i;
    if (tok.numeric) {
      value = parseNumeral(tok.text, lang);
    } else {
      // a run of number words: "twenty one", "two hundred thousand", "tjugofem"
      let total = 0;
      let current = 0;
      let any = false;
      let k = i;
      while (k < tokens.length) {
        const t = tokens[k]!;
        if (k > i && !/^[\s-]*$/.test(text.slice(tokens[k - 1]!.end, t.start))) break;
        const f = foldForMatch(t.text);
        const u = units[f] !== undefined ? units[f] : numberWordValue(f, lang);
        if (u !== undefined) {
          current += u;
          any = true;
        } else if (any && mults[f] !== undefined) {
          const m = mults[f]!;
          if (m === 100) current = (current || 1) * 100;
          else {
            total += (current || 1) * m;
            current = 0;
          }
        } else if (any && k + 1 < tokens.length && (f === 'and' || f === 'och' || f === 'und' || f === 'et')) {
          // "one hundred and five": continue only if a number word follows
          const next = foldForMatch(tokens[k + 1]!.text);
          if (units[next] === undefined) break;
        } else break;
        k++;
      }
      if (any) {
        value = total + current;
        j = k - 1;
      }
    }
    if (value === undefined || !Number.isFinite(value)) {
      i++;
      continue;
    }
    // "2 million", "2,5 miljoner"
    const next = tokens[j + 1];
    if (next && /^\s+$/.test(text.slice(tokens[j]!.end, next.start))) {
      const m = mults[foldForMatch(next.text)];
      if (m !== undefined && m >= 1000) {
        value *= m;
        j++;
      }
    }
    const start = tok.start;
    const end = tokens[j]!.end;
    const year = tok.numeric && j === i && /^\d{4}$/.test(tok.text) && value >= 1800 && value <= 2100;
    out.push({ start, end, text: text.slice(start, end), value, year });
    i = j + 1;
  }
  return out;
}

/** Counts only: numbers that are neither bare years nor part of a date ("14 October"). */
export function extractCounts(text: string, lang = 'en', tokens: Token[] = tokenize(text)): Quantity[] {
  const dates = extractDates(text, tokens).filter((d) => d.kind === 'date');
  return extractQuantities(text, lang, tokens).filter((q) => !q.year && !dates.some((d) => q.start < d.end && q.end > d.start));
}

// ---------------------------------------------------------------- dates

const WEEKDAY_STEMS: Array<[RegExp, number]> = [
  [/^(monday|mandag(en|s|ens)?|montag(s|e|en)?|lundi)$/, 1],
  [/^(tuesday|tisdag(en|s|ens)?|dienstag(s|e|en)?|mardi)$/, 2],
  [/^(wednesday|onsdag(en|s|ens)?|mittwoch(s|e|en)?|mercredi)$/, 3],
  [/^(thursday|torsdag(en|s|ens)?|donnerstag(s|e|en)?|jeudi)$/, 4],
  [/^(friday|fredag(en|s|ens)?|freitag(s|e|en)?|vendredi)$/, 5],
  [/^(saturday|lordag(en|s|ens)?|samstag(s|e|en)?|sonnabend(s)?|samedi)$/, 6],
  [/^(sunday|sondag(en|s|ens)?|sonntag(s|e|en)?|dimanche)$/, 7],
];
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** 1 (Monday) … 7 (Sunday) for a weekday name in en/sv/de/fr, any inflection listed. */
export function weekdayNumber(word: string): number | undefined {
  const f = foldForMatch(word);
  if (f.length < 5) return undefined;
  for (const [re, n] of WEEKDAY_STEMS) if (re.test(f)) return n;
  return undefined;
}

const MONTHS: Record<string, number> = {};
(
  [
    ['january januari januar janvier jan', 1],
    ['february februari februar fevrier feb febr', 2],
    ['march mars marz maerz mar', 3],
    ['april avril apr', 4],
    ['may maj mai', 5],
    ['june juni juin jun', 6],
    ['july juli juillet jul', 7],
    ['august augusti aout aug', 8],
    ['september septembre sep sept', 9],
    ['october oktober octobre oct okt', 10],
    ['november novembre nov', 11],
    ['december dezember decembre dec dez', 12],
  ] as Array<[string, number]>
).forEach(([names, n]) => names.split(' ').forEach((name) => (MONTHS[name] = n)));

/** 1–12 for a month name (en/sv/de/fr, or a common abbreviation). */
export function monthNumber(word: string): number | undefined {
  return MONTHS[foldForMatch(word)];
}

export interface DateMention {
  start: number;
  end: number;
  text: string;
  kind: 'weekday' | 'date';
  /** `wd:1`…`wd:7` for weekdays; `YYYY-MM-DD`, `--MM-DD` or `YYYY-MM` for dates. */
  value: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Weekdays and calendar dates in a text. */
export function extractDates(text: string, tokens: Token[] = tokenize(text)): DateMention[] {
  const out: DateMention[] = [];
  const gap = (a: Token, b: Token) => text.slice(a.end, b.start);
  const dayOf = (t: Token | undefined) => {
    if (!t || !/^\d{1,2}$/.test(t.text)) return undefined;
    const d = Number(t.text);
    return d >= 1 && d <= 31 ? d : undefined;
  };
  const yearOf = (t: Token | undefined) => (t && /^\d{4}$/.test(t.text) && Number(t.text) >= 1800 && Number(t.text) <= 2100 ? t.text : undefined);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // ISO date 2018-11-29
    if (/^\d{4}$/.test(t.text) && i + 2 < tokens.length) {
      const m = tokens[i + 1]!;
      const d = tokens[i + 2]!;
      if (gap(t, m) === '-' && gap(m, d) === '-' && /^\d{2}$/.test(m.text) && /^\d{2}$/.test(d.text)) {
        out.push({ start: t.start, end: d.end, text: text.slice(t.start, d.end), kind: 'date', value: `${t.text}-${m.text}-${d.text}` });
        i += 2;
        continue;
      }
    }
    if (t.numeric) {
      // 29 November 2018, 29. November, den 29:e november
      const day = dayOf(t);
      const mTok = tokens[i + 1];
      const suffix = mTok ? gap(t, mTok) : '';
      let monthIdx = i + 1;
      if (day && mTok && /^(e|a|th|st|nd|rd)$/i.test(mTok.text) && /^:?$/.test(suffix)) monthIdx = i + 2;
      const monthTok = tokens[monthIdx];
      const month = monthTok ? monthNumber(monthTok.text) : undefined;
      if (day && monthTok && month && /^[\s.:]*$/.test(gap(tokens[monthIdx - 1]!, monthTok)) && monthTok.text.length >= 3) {
        let end = monthTok.end;
        let year = yearOf(tokens[monthIdx + 1]);
        if (year && /^[\s,]*$/.test(gap(monthTok, tokens[monthIdx + 1]!))) end = tokens[monthIdx + 1]!.end;
        else year = undefined;
        out.push({ start: t.start, end, text: text.slice(t.start, end), kind: 'date', value: `${year ?? '-'}-${pad(month)}-${pad(day)}` });
        i = year ? monthIdx + 1 : monthIdx;
      }
      continue;
    }
    const wd = weekdayNumber(t.text);
    if (wd) {
      out.push({ start: t.start, end: t.end, text: t.text, kind: 'weekday', value: `wd:${wd}` });
      continue;
    }
    const month = t.text.length >= 3 ? monthNumber(t.text) : undefined;
    if (month) {
      // November 29, 2018 · November 2018 ("may" only next to a number)
      const next = tokens[i + 1];
      const day = next && /^\s+$/.test(gap(t, next)) ? dayOf(next) : undefined;
      if (day) {
        let end = next!.end;
        let year = yearOf(tokens[i + 2]);
        if (year && /^(st|nd|rd|th)?,?\s+$/.test(gap(next!, tokens[i + 2]!))) end = tokens[i + 2]!.end;
        else year = undefined;
        out.push({ start: t.start, end, text: text.slice(t.start, end), kind: 'date', value: `${year ?? '-'}-${pad(month)}-${pad(day)}` });
        i += year ? 2 : 1;
        continue;
      }
      const year = next && /^\s+$/.test(gap(t, next)) ? yearOf(next) : undefined;
      if (year) {
        out.push({ start: t.start, end: next!.end, text: text.slice(t.start, next!.end), kind: 'date', value: `${year}-${pad(month)}` });
        i += 1;
      }
    }
  }
  return out;
}

/** A readable form of a date value ("Monday", "2018-11-29", "11-29"). */
export function describeDateValue(value: string): string {
  if (value.startsWith('wd:')) return WEEKDAY_NAMES[Number(value.slice(3))] ?? value;
  return value.startsWith('--') ? value.slice(2) : value;
}

/** Whether two date values can name different days (a missing year matches any year). */
export function datesDiffer(a: string, b: string): boolean {
  if (a.startsWith('wd:') || b.startsWith('wd:')) return a.startsWith('wd:') && b.startsWith('wd:') && a !== b;
  const parse = (v: string) => {
    const m = v.match(/^(\d{4}|-)-(\d{2})(?:-(\d{2}))?$/);
    return m ? { y: m[1] === '-' ? undefined : m[1], m: m[2], d: m[3] } : undefined;
  };
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return a !== b;
  const differs = (x?: string, y?: string) => x !== undefined && y !== undefined && x !== y;
  return differs(pa.y, pb.y) || differs(pa.m, pb.m) || differs(pa.d, pb.d);
}

// ---------------------------------------------------------------- actors in text

export interface ActorMention {
  actorId: string;
  start: number;
  end: number;
  text: string;
}

type ActorLike = Pick<Actor, 'id' | 'name' | 'aliases'>;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Inflections tolerated after a name: English 's, Swedish -s/-en/-ens/:s, German -s/-es/-n/-en. */
const NAME_SUFFIX = "(?:[:'’]s|[:'’]?(?:s|es|n|en|ens|ns|er|ern|e|ar|arna|erna))?";
const ACRONYM_SUFFIX = "(?:[:'’-][\\p{L}]+|s)?";

/**
 * Finds actor mentions through names and aliases: case- and diacritic-
 * insensitive, tolerant of inflection ("Kinas", "USA:s", "Russlands").
 * Short all-capital aliases ("EU", "UN", "US") match only in capitals.
 */
export class AliasMatcher {
  private readonly folded: RegExp | undefined;
  private readonly acronyms: RegExp | undefined;
  private readonly byKey = new Map<string, string[]>();

  constructor(actors: readonly ActorLike[]) {
    const words: string[] = [];
    const caps: string[] = [];
    for (const actor of actors) {
      for (const name of new Set([actor.name, ...actor.aliases])) {
        const trimmed = name.trim().replace(/\s+/g, ' ');
        if (trimmed.length < 2) continue;
        const acronym = /^[\p{Lu}\d&.]{2,5}$/u.test(trimmed);
        const key = acronym ? `A:${trimmed}` : `F:${foldLetters(trimmed, KEEP_LENGTH)}`;
        const list = this.byKey.get(key);
        if (list) {
          if (!list.includes(actor.id)) list.push(actor.id);
          continue;
        }
        this.byKey.set(key, [actor.id]);
        (acronym ? caps : words).push(acronym ? trimmed : foldLetters(trimmed, KEEP_LENGTH));
      }
    }
    const alt = (list: string[]) =>
      list
        .sort((a, b) => b.length - a.length)
        .map((s) => escapeRe(s).replace(/ /g, '[\\s\\u00a0]+'))
        .join('|');
    if (words.length) this.folded = new RegExp(`(?<![\\p{L}\\p{N}])(${alt(words)})${NAME_SUFFIX}(?![\\p{L}\\p{N}])`, 'gu');
    if (caps.length) this.acronyms = new RegExp(`(?<![\\p{L}\\p{N}])(${alt(caps)})${ACRONYM_SUFFIX}(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** Every mention, in text order. */
  find(text: string): ActorMention[] {
    const out: ActorMention[] = [];
    const run = (re: RegExp | undefined, haystack: string, prefix: string) => {
      if (!re) return;
      re.lastIndex = 0;
      for (const m of haystack.matchAll(re)) {
        const ids = this.byKey.get(`${prefix}${m[1]!.replace(/[\s\u00a0]+/g, ' ')}`);
        if (!ids) continue;
        for (const actorId of ids) out.push({ actorId, start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
      }
    };
    run(this.folded, foldLetters(text, KEEP_LENGTH), 'F:');
    run(this.acronyms, text, 'A:');
    return out.sort((a, b) => a.start - b.start);
  }

  /** The distinct actor ids named in a text. */
  actorIds(text: string): Set<string> {
    return new Set(this.find(text).map((m) => m.actorId));
  }
}

// ---------------------------------------------------------------- rich text

const BLOCK_NODES = new Set(['paragraph', 'heading', 'codeBlock', 'blockquote', 'listItem', 'taskItem', 'tableCell', 'tableHeader']);

/** Plain text of a tiptap / ProseMirror JSON document (notes), blocks separated by blank lines. */
export function richDocToText(doc: unknown): string {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.trim();
    if (t) blocks.push(t);
    current = '';
  };
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; text?: unknown; content?: unknown; attrs?: Record<string, unknown> };
    if (typeof n.text === 'string') current += n.text;
    else if (n.type === 'hardBreak') current += '\n';
    else if (n.attrs && typeof n.attrs.label === 'string') current += n.attrs.label;
    if (Array.isArray(n.content)) n.content.forEach(walk);
    if (n.type && BLOCK_NODES.has(n.type)) flush();
  };
  walk(doc);
  flush();
  return blocks.join('\n\n');
}
