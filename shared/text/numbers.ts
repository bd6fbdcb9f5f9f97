/**
 * Numbers in text: numerals read with the language's separators ("1,200",
 * "2,5") and number words in en/sv/de/fr ("fourteen", "fjorton", "vierzehn",
 * "tjugofem", "2,5 miljoner"). Pure.
 */
import { extractDates } from './dates';
import { foldForMatch } from './fold-for-match';
import { tokenize, type Token } from './tokens';

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
    lastGroup.length !== 3 ||
    (!thousandsSep.includes(last) && seps.length === 1) ||
    (seps.length > 1 && last !== seps[0]);
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
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    dozen: 12,
  },
  sv: {
    noll: 0,
    tva: 2,
    tre: 3,
    fyra: 4,
    fem: 5,
    sex: 6,
    sju: 7,
    atta: 8,
    nio: 9,
    tio: 10,
    elva: 11,
    tolv: 12,
    tretton: 13,
    fjorton: 14,
    femton: 15,
    sexton: 16,
    sjutton: 17,
    arton: 18,
    nitton: 19,
    tjugo: 20,
    trettio: 30,
    fyrtio: 40,
    femtio: 50,
    sextio: 60,
    sjuttio: 70,
    attio: 80,
    nittio: 90,
  },
  de: {
    null: 0,
    eins: 1,
    zwei: 2,
    drei: 3,
    vier: 4,
    funf: 5,
    sechs: 6,
    sieben: 7,
    acht: 8,
    neun: 9,
    zehn: 10,
    elf: 11,
    zwolf: 12,
    dreizehn: 13,
    vierzehn: 14,
    funfzehn: 15,
    sechzehn: 16,
    siebzehn: 17,
    achtzehn: 18,
    neunzehn: 19,
    zwanzig: 20,
    dreissig: 30,
    vierzig: 40,
    funfzig: 50,
    sechzig: 60,
    siebzig: 70,
    achtzig: 80,
    neunzig: 90,
  },
  fr: {
    zero: 0,
    deux: 2,
    trois: 3,
    quatre: 4,
    cinq: 5,
    six: 6,
    sept: 7,
    huit: 8,
    neuf: 9,
    dix: 10,
    onze: 11,
    douze: 12,
    treize: 13,
    quatorze: 14,
    quinze: 15,
    seize: 16,
    vingt: 20,
    trente: 30,
    quarante: 40,
    cinquante: 50,
    soixante: 60,
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
    const m = folded.match(
      /^(tjugo|trettio|fyrtio|femtio|sextio|sjuttio|attio|nittio)(en|ett|tva|tre|fyra|fem|sex|sju|atta|nio)$/,
    );
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
  return extractQuantities(text, lang, tokens).filter(
    (q) => !q.year && !dates.some((d) => q.start < d.end && q.end > d.start),
  );
}
