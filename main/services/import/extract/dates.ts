/**
 * Dates written in article text or meta tags → ISO YYYY-MM-DD.
 * English, Swedish, German and French month and weekday names; numeric forms
 * 2018-11-12, 12/11/2018 (day first, as in Europe; month first only when the
 * day-first reading is impossible), 12.11.2018.
 */

const MONTHS: Record<string, number> = {};
const addMonths = (names: string[]) => names.forEach((n, i) => n.split('|').forEach((v) => (MONTHS[v] = i + 1)));
// English
addMonths([
  'january|jan',
  'february|feb',
  'march|mar',
  'april|apr',
  'may',
  'june|jun',
  'july|jul',
  'august|aug',
  'september|sep|sept',
  'october|oct',
  'november|nov',
  'december|dec',
]);
// Swedish
addMonths([
  'januari|jan',
  'februari|feb',
  'mars|mar',
  'april|apr',
  'maj',
  'juni|jun',
  'juli|jul',
  'augusti|aug',
  'september|sep|sept',
  'oktober|okt',
  'november|nov',
  'december|dec',
]);
// German
addMonths([
  'januar|jän|jänner',
  'februar',
  'märz|mär|maerz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober|okt',
  'november',
  'dezember|dez',
]);
// French
addMonths([
  'janvier|janv',
  'février|fevrier|févr|fevr',
  'mars',
  'avril|avr',
  'mai',
  'juin',
  'juillet|juil',
  'août|aout',
  'septembre',
  'octobre',
  'novembre',
  'décembre|decembre|déc',
]);

const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string | undefined]> = [
  // 2018-11-12 (also 2018-11-12T10:00:00Z)
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, (m) => iso(+m[1]!, +m[2]!, +m[3]!)],
  // 29 November 2018, 12 nov. 2018, 3. März 2019, 1er mars 2019
  [
    new RegExp(`\\b(\\d{1,2})(?:\\.|er)?\\s+(${MONTH_RE})\\.?,?\\s+(\\d{4})\\b`, 'iu'),
    (m) => iso(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!),
  ],
  // November 29, 2018 / Nov 29 2018
  [
    new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu'),
    (m) => iso(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!),
  ],
  // 12/11/2018, 12.11.2018, 12.11.18
  [
    /\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b/,
    (m) => iso(fullYear(m[3]!), +m[2]!, +m[1]!) ?? iso(fullYear(m[3]!), +m[1]!, +m[2]!),
  ],
];

/** The first date written in `text`, as YYYY-MM-DD, or undefined. */
export function parseDate(text: string): string | undefined {
  let best: { index: number; value: string } | undefined;
  for (const [re, conv] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const value = conv(m);
    if (value && (!best || m.index < best.index)) best = { index: m.index, value };
  }
  return best?.value;
}

/** Words that announce a dateline, in the supported languages. */
const DATELINE_LEAD =
  /^(published|updated|last updated|posted|first published|publicerad|publicerat|uppdaterad|uppdaterat|veröffentlicht|aktualisiert|stand|publié|publie|mis à jour|modifié)(?![\p{L}\p{N}])/iu;
const WEEKDAYS =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|måndag(en)?|tisdag(en)?|onsdag(en)?|torsdag(en)?|fredag(en)?|lördag(en)?|söndag(en)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/giu;
const CLOCK = /\b(kl\.?\s*)?\d{1,2}[:.h]\d{2}(\s*(am|pm|uhr|h|cet|cest|gmt|utc|bst))?\b/giu;

/**
 * A dateline is a short line whose content is a date (with words such as
 * "Published", a weekday, a time of day): returns the date when `line` is one.
 */
export function datelineDate(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 120) return undefined;
  const date = parseDate(t);
  if (!date) return undefined;
  if (DATELINE_LEAD.test(t)) return date;
  // What is left when the date, weekday, time and connecting words are removed should be almost nothing.
  const rest = t
    .replace(PATTERNS[0]![0], ' ')
    .replace(new RegExp(PATTERNS[1]![0].source, 'giu'), ' ')
    .replace(new RegExp(PATTERNS[2]![0].source, 'giu'), ' ')
    .replace(new RegExp(PATTERNS[3]![0].source, 'g'), ' ')
    .replace(/T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g, ' ')
    .replace(WEEKDAYS, ' ')
    .replace(CLOCK, ' ')
    .replace(/\b(at|on|kl|klockan|um|am|le|à|den|the|updated|uppdaterad|aktualisiert)\b/giu, ' ')
    .replace(/[\s,.|:;·–—()\-/]+/g, '');
  return rest.length <= 3 ? date : undefined;
}
