/**
 * Dates in text: weekdays ("på måndagen", "am Montag") and calendar dates
 * ("29 November 2018", "November 29", "2018-11-29") in en/sv/de/fr, and how
 * two date values compare. Pure.
 */
import { foldForMatch } from './fold-for-match';
import { tokenize, type Token } from './tokens';

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
  const yearOf = (t: Token | undefined) =>
    t && /^\d{4}$/.test(t.text) && Number(t.text) >= 1800 && Number(t.text) <= 2100 ? t.text : undefined;
  /** A calendar date from `start` to `end`, valued YYYY-MM-DD (year '-' when unknown) or YYYY-MM. */
  const pushDate = (start: number, end: number, value: string) =>
    out.push({ start, end, text: text.slice(start, end), kind: 'date', value });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // ISO date 2018-11-29
    if (/^\d{4}$/.test(t.text) && i + 2 < tokens.length) {
      const m = tokens[i + 1]!;
      const d = tokens[i + 2]!;
      if (gap(t, m) === '-' && gap(m, d) === '-' && /^\d{2}$/.test(m.text) && /^\d{2}$/.test(d.text)) {
        pushDate(t.start, d.end, `${t.text}-${m.text}-${d.text}`);
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
      if (
        day &&
        monthTok &&
        month &&
        /^[\s.:]*$/.test(gap(tokens[monthIdx - 1]!, monthTok)) &&
        monthTok.text.length >= 3
      ) {
        let end = monthTok.end;
        let year = yearOf(tokens[monthIdx + 1]);
        if (year && /^[\s,]*$/.test(gap(monthTok, tokens[monthIdx + 1]!))) end = tokens[monthIdx + 1]!.end;
        else year = undefined;
        pushDate(t.start, end, `${year ?? '-'}-${pad(month)}-${pad(day)}`);
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
        pushDate(t.start, end, `${year ?? '-'}-${pad(month)}-${pad(day)}`);
        i += year ? 2 : 1;
        continue;
      }
      const year = next && /^\s+$/.test(gap(t, next)) ? yearOf(next) : undefined;
      if (year) {
        pushDate(t.start, next!.end, `${year}-${pad(month)}`);
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
