/**
 * A source as a CSL-JSON item (type `article-newspaper`): what citeproc
 * renders in a brief's notes and Sources list. Author strings as import found
 * them ("Anna Lindqvist and Per Holm", "Lindqvist, Anna", "Staff reporter")
 * become CSL names through citation-js's name parser; a desk or agency byline
 * stays one literal name.
 */
import { parse as parseName } from '@citation-js/name';
import { outletName, sourceTitle } from '../../../shared/brief-doc';
import type { UiLanguage } from '../../../shared/enums';
import type { SourceMeta } from '../../../shared/model';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  /** Chicago's short title: the main title before a colon, at most four words. */
  'title-short'?: string;
  'container-title'?: string;
  author?: CslName[];
  issued?: { 'date-parts': [[number, number, number]] };
  accessed?: { 'date-parts': [[number, number, number]] };
  URL?: string;
  language?: string;
}

/** Bylines longer than this are cut before they are parsed (a byline is a line, not a text). */
const MAX_BYLINE = 300;

/** Between two people in a byline, in the languages articles come in. */
// eslint-disable-next-line regexp/no-super-linear-move -- applied to bylines of at most MAX_BYLINE characters
const PEOPLE_SEPARATOR = /\s+(?:and|&|och|og|et|und|y|e|en)\s+|\s*;\s*/i;

/** One person's name, or a literal for a byline that is no person's ("Staff reporter", "Reuters"). */
function personName(text: string): CslName {
  const words = text.split(/\s+/);
  const lowerWord = words.some((w, i) => i > 0 && /^\p{Ll}{3,}$/u.test(w) && !PARTICLES.has(w.toLowerCase()));
  if (words.length < 2 || lowerWord || words.length > 5) return { literal: text };
  const parsed = parseName(text) as CslName;
  return parsed.family ? parsed : { literal: text };
}

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'la', 'le', 'du', 'af', 'av', 'di', 'da', 'del', 'ter']);

/** One word, after particles if any ("Lindqvist", "van der Berg"): a family name written first. */
function isFamilyName(text: string): boolean {
  return text
    .split(' ')
    .slice(0, -1)
    .every((w) => PARTICLES.has(w.toLowerCase()));
}

/** The people of a byline: split on "and" (in several languages), ";" and, between full names, commas. */
export function cslNames(author: string | undefined): CslName[] | undefined {
  const text = author
    ?.slice(0, MAX_BYLINE)
    .replace(/^by\s+/i, '')
    .trim();
  if (!text) return undefined;
  const parts = text.split(PEOPLE_SEPARATOR).flatMap((part) => {
    const commas = part
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    // "Lindqvist, Anna", "van der Berg, Jan": one person written family first.
    if (commas.length === 2 && !commas[1]!.includes(' ') && isFamilyName(commas[0]!)) return [part];
    return commas;
  });
  return parts.map((p) => {
    // "Lindqvist, Anna": family name first.
    const [family, given, ...rest] = p.split(',').map((x) => x.trim());
    return given && !rest.length && family && !family.includes(' ') ? { family, given } : personName(p);
  });
}

function dateParts(iso: string | undefined): [[number, number, number]] | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? [[Number(m[1]), Number(m[2]), Number(m[3])]] : undefined;
}

/** The main title before a colon, at most four words, without trailing punctuation. */
export function cslShortTitle(title: string): string {
  const main = title.split(': ')[0]!;
  let short = main.split(' ').filter(Boolean).slice(0, 4).join(' ');
  while (short && ',;:.\u2013\u2014-'.includes(short.at(-1)!)) short = short.slice(0, -1);
  return short;
}

/** A source as a CSL item (in English: "Untitled source" for one without a title). */
export function cslItem(source: SourceMeta): CslItem {
  return cslItemIn(source, undefined);
}

/** A source as a CSL item for a brief in `language` (the words of a source without a title). */
export function cslItemIn(source: SourceMeta, language: UiLanguage | undefined): CslItem {
  const title = sourceTitle(source, language);
  const item: CslItem = { id: source.id, type: 'article-newspaper', title };
  const short = cslShortTitle(title);
  if (short && short !== title) item['title-short'] = short;
  const outlet = outletName(source);
  if (outlet) item['container-title'] = outlet;
  const author = cslNames(source.author);
  if (author) item.author = author;
  const issued = dateParts(source.publishedAt);
  if (issued) item.issued = { 'date-parts': issued };
  const accessed = dateParts(source.importedAt);
  if (accessed) item.accessed = { 'date-parts': accessed };
  if (source.url?.trim()) item.URL = source.url.trim();
  if (source.language && source.language !== 'und') item.language = source.language;
  return item;
}
