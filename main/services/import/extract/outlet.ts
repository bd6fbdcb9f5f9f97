/**
 * Which outlet published an article, from every signal a page or a copied
 * text offers, normalised to the outlet's display name. Signals, strongest
 * first (the strongest present wins; equal strength: the first found):
 *
 *   5  structured metadata: og:site_name, JSON-LD publisher, front matter
 *   4  a © line, the masthead (a header line naming the site, confirmed
 *      elsewhere in the text), "X – part of Y", "Want X to notify you",
 *      a page title's "Headline | X" tail
 *   3  the URL's domain (as a display name)
 *   2  an unconfirmed masthead line at the very top of a text
 *   1.5 a byline naming its outlet ("— Outlet", "By X, Outlet")
 *   1  a wire credit for agency copy ("KALMIRA (Reuters) -", "TT" alone)
 *
 * Every expression here is linear: no nested quantifiers, bounded repeats.
 */
import { AGENCY_NAMES, isNavWord, outletFromCopyright } from './boilerplate-rules';

export interface OutletSignal {
  name: string;
  strength: number;
  /** Where it came from: for the record and for tests. */
  via: 'metadata' | 'copyright' | 'masthead' | 'title' | 'domain' | 'byline' | 'wire';
}

/** Agencies by what their credits say → their display name. */
const AGENCY_DISPLAY: Record<string, string> = {
  ap: 'The Associated Press',
  'associated press': 'The Associated Press',
  'the associated press': 'The Associated Press',
  tt: 'TT Nyhetsbyrån',
  'tt nyhetsbyrån': 'TT Nyhetsbyrån',
  reuters: 'Reuters',
  afp: 'AFP',
  dpa: 'dpa',
  ntb: 'NTB',
  ritzau: 'Ritzau',
  anp: 'ANP',
  'pa media': 'PA Media',
  pa: 'PA Media',
  epa: 'EPA',
  xinhua: 'Xinhua',
  bloomberg: 'Bloomberg',
};

/** Display names of a few domains whose name cannot be read off the domain. */
const DOMAIN_DISPLAY: Record<string, string> = {
  nytimes: 'The New York Times',
  washingtonpost: 'The Washington Post',
  theguardian: 'The Guardian',
  ft: 'Financial Times',
  wsj: 'The Wall Street Journal',
  economist: 'The Economist',
  apnews: 'The Associated Press',
  reuters: 'Reuters',
  bloomberg: 'Bloomberg',
  dn: 'Dagens Nyheter',
  svd: 'Svenska Dagbladet',
  gp: 'Göteborgs-Posten',
  sydsvenskan: 'Sydsvenskan',
  aftonbladet: 'Aftonbladet',
  expressen: 'Expressen',
  spiegel: 'Der Spiegel',
  faz: 'Frankfurter Allgemeine Zeitung',
  sueddeutsche: 'Süddeutsche Zeitung',
  zeit: 'Die Zeit',
  lemonde: 'Le Monde',
  lefigaro: 'Le Figaro',
  liberation: 'Libération',
};

const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'or', 'ne', 'go']);

/** The display name of an agency credit ("AP", "Reuters", "TT"), if it is one. */
export function agencyDisplayName(credit: string): string | undefined {
  return AGENCY_DISPLAY[credit.trim().toLowerCase()];
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Trims a name, drops company suffixes and a trailing full stop: "Island Voice Media Ltd" → "Island Voice Media". */
export function normaliseOutlet(name: string): string | undefined {
  if (name.length > 200) return undefined;
  const t = name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]$/, '')
    .replace(/,?\s(?:Ltd|Limited|plc|PLC|Inc|LLC|AB|AB \(publ\)|GmbH|AG|KG|SA|S\.A|SAS|Oy|AS|ASA|A\/S)\.?$/u, '')
    .trim();
  if (t.length < 2 || t.length > 60) return undefined;
  return agencyDisplayName(t) ?? t;
}

/**
 * The URL's domain as a display name: a name the page writes out whose letters are the domain's
 * ("ardleycourier" → "The Ardley Courier"), a known outlet, words of a hyphenated domain
 * ("kerrbacher-tagblatt" → "Kerrbacher Tagblatt"), or the capitalised label.
 */
export function outletFromDomain(url: string, namesOnPage: readonly string[] = []): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const labels = host.replace(/^(www\d?|m|amp|mobile|edition)\./, '').split('.');
  if (labels.length < 2) return undefined;
  let i = labels.length - 2;
  if (i > 0 && SECOND_LEVEL.has(labels[i]!) && labels[labels.length - 1]!.length === 2) i--;
  const label = labels[i]!;
  if (!label || /^\d+$/.test(label)) return undefined;
  const key = squash(label);
  for (const n of namesOnPage) {
    const k = squash(n);
    if (k === key || k === `the${key}` || `the${k}` === key) return n;
  }
  if (DOMAIN_DISPLAY[key]) return DOMAIN_DISPLAY[key];
  if (AGENCY_DISPLAY[key]) return AGENCY_DISPLAY[key];
  if (label.length <= 3) return label.toUpperCase();
  return label
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

const AGENCY_ALT = AGENCY_NAMES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** "KALMIRA, Oct 16 (Reuters) -", "VESNA (AP) —", "STOCKHOLM (TT)": the agency of a wire story's opening. */
const WIRE_OPENING = new RegExp(
  String.raw`^[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}(?:,[^()\n]{1,30})?\s\((${AGENCY_ALT})\)\s?[-–—:]?`,
  'u',
);

/** The agency credited at the start of a wire story's first paragraph. */
export function wireCredit(paragraph: string): string | undefined {
  const m = WIRE_OPENING.exec(paragraph.slice(0, 120));
  return m ? agencyDisplayName(m[1]!) : undefined;
}

/** "By Priya Nair — The Westmoor Herald", "Av Anna Berg, Kustbladet", "— The Westmoor Herald": the outlet a byline names. */
export function outletFromByline(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 120) return undefined;
  const m = /^(?:[—–]\s?|(?:by|av|von|par)\s[^—–|,]{2,60}?\s?([—–|]|,)\s?)([\p{Lu}][^—–|,.]{1,58})$/iu.exec(t);
  if (!m) return undefined;
  const name = m[2]!.trim();
  if (name.split(' ').length > 6 || !/^[\p{Lu}]/u.test(name)) return undefined;
  // After a comma a byline may name a place ("By Anna Berg, London"): there it takes a word outlets are named with.
  if (m[1] === ',' && !agencyDisplayName(name) && !OUTLET_WORD.test(name)) return undefined;
  return normaliseOutlet(name);
}

/** Words news outlets are named with or end in, in the supported languages ("Herald", "Kustbladet", "Tagblatt", "Courrier"). */
const OUTLET_WORD =
  /(times|post|news|herald|tribune|journal|gazette|courier|chronicle|telegraph|guardian|observer|express|mail|mirror|standard|record|review|daily|weekly|press|echo|star|sun|monitor|dispatch|reporter|bulletin|radio|tv|magazine|tidning|tidningen|posten|bladet|allehanda|kuriren|nyheter|dagblad|zeitung|tagblatt|kurier|rundschau|anzeiger|nachrichten|presse|courrier|écho|dépêche|matin|soir|quotidien|république|progrès|libre)(?![\p{L}])/iu;

/** "Mälarposten – en del av Mittnytt Media AB", "X is part of Y", "X – ein Angebot von Y", "X fait partie du Y": X. */
export function outletFromOwnership(line: string): string | undefined {
  const m =
    /^([\p{Lu}][^–—|]{1,50}?)(?:\s?[–—-]\s?(?:en del av|ingår i|part of|a part of|ein angebot (?:von|der)|eine marke (?:von|der)|une publication de|édité par)|\s(?:is part of|is a part of|är en del av|ingår i|ist teil (?:von|der)|fait partie (?:du|de))\s[^.]{0,60}(?:media|group|gruppe|verlag|medier|médias|publishing|newspapers|koncern|förlag))(?![\p{L}])/iu.exec(
      line.trim(),
    );
  return m ? normaliseOutlet(m[1]!) : undefined;
}

/** "Want The Meridian Post to notify you…", "Vill du att Kustbladet skickar notiser…": the outlet asking. */
export function outletFromPrompt(line: string): string | undefined {
  const m =
    /^(?:want|would you like)\s([\p{Lu}][^?]{1,50}?)\sto\s(?:notify|send)|^vill du att\s([\p{Lu}][^?]{1,50}?)\s(?:skickar|ska skicka)/iu.exec(
      line.trim(),
    );
  const name = m?.[1] ?? m?.[2];
  return name ? normaliseOutlet(name) : undefined;
}

/**
 * The strongest signal's name; equal strength keeps the first found, unless another is the
 * shorter form of it ("Rheintal-Echo" beside "© Rheintal-Echo Verlag": the display name).
 */
export function chooseOutlet(signals: readonly OutletSignal[]): OutletSignal | undefined {
  let best: OutletSignal | undefined;
  for (const s of signals) {
    if (!best || s.strength > best.strength) best = s;
    else if (s.strength === best.strength && best.name.startsWith(`${s.name} `)) best = s;
  }
  return best;
}

/** Lower-case words a site's name may have between its capitalised words ("L'Écho de la Lande"). */
const PARTICLES = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'of',
  'the',
  'och',
  'am',
  'an',
  'der',
  'del',
  'di',
  'von',
  'van',
]);

/** A site's name as a masthead prints it: one to six capitalised words, maybe with particles; not menu words. */
function mastheadName(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 50 || /[\d.!?:;,|()]/.test(t)) return undefined;
  const words = t.replace(/^(l['’])/iu, '').split(' ');
  const capitalised = words.filter((w) => /^[\p{Lu}][\p{L}'’-]*$/u.test(w));
  if (capitalised.length === 0 || capitalised.length > 6) return undefined;
  if (words.some((w, k) => !/^[\p{Lu}]/u.test(w) && !(k > 0 && PARTICLES.has(w)))) return undefined;
  if (capitalised.every((w) => isNavWord(w)) || t.length < 3) return undefined;
  return t;
}

/** What a site's header is made of besides its name: menus, skip and back links, notices. */
const NAV_LIKE = new Set<string | undefined>([
  'navigation',
  'back link',
  'cookie notice',
  'notification prompt',
  'deal bar',
  'advertisement',
  'share buttons',
]);

/**
 * The outlet signals of a text's own lines (for every format): © lines, "X – part of Y" and
 * "Want X to notify you" lines, the masthead at the top (a name standing among the menu lines, or
 * the first entry of a menu line), bylines naming an outlet and the wire credit of agency copy.
 * `reasons` are the classifier's reasons so far; `firstArticle` the first article paragraph.
 */
export function textOutletSignals(
  texts: readonly string[],
  reasons: readonly (string | undefined)[],
  firstArticle: number,
): OutletSignal[] {
  const signals: OutletSignal[] = [];
  const add = (name: string | undefined, strength: number, via: OutletSignal['via']) => {
    const n = name && normaliseOutlet(name);
    if (n) signals.push({ name: n, strength, via });
  };
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    if (t.length > 260) continue;
    if (reasons[i] === 'copyright') add(outletFromCopyright(t), 4, 'copyright');
    add(outletFromOwnership(t), 4, 'masthead');
    add(outletFromPrompt(t), 4, 'masthead');
    if (reasons[i] === 'byline') add(outletFromByline(t), 1.5, 'byline');
  }
  // The masthead: in the header (before the article), a site name standing among navigation lines,
  // or the first entry of a menu line with separators ("The Ardley Courier | News | Sport").
  const header = firstArticle < 0 ? Math.min(texts.length, 12) : firstArticle;
  const isNav = (j: number) =>
    j < 0 ||
    j >= texts.length ||
    NAV_LIKE.has(reasons[j]) ||
    ((!reasons[j] || reasons[j] === 'outside the article') &&
      j < header &&
      texts[j]!.split(/[\s|·•]+/).every((w) => !w || isNavWord(w)));
  for (let i = 0; i < header; i++) {
    const t = texts[i]!;
    let name: string | undefined;
    if (reasons[i] === 'navigation' && /\s[|·•]\s/.test(t)) name = mastheadName(t.split(/\s[|·•]\s/)[0]!);
    else if ((!reasons[i] || reasons[i] === 'outside the article') && isNav(i - 1) && isNav(i + 1))
      name = mastheadName(t);
    if (!name) continue;
    const key = name.toLowerCase();
    const confirmed =
      signals.some((s) => squash(s.name) === squash(name)) ||
      texts.some((x, j) => j !== i && j >= header && x.toLowerCase().includes(key));
    if (confirmed) add(name, 4, 'masthead');
    else if (i <= 1) add(name, 2, 'masthead');
    break;
  }
  const first = firstArticle >= 0 ? texts[firstArticle] : undefined;
  if (first) add(wireCredit(first), 1, 'wire');
  // An agency named alone as the byline ("TT" above or below the story).
  for (let i = 0; i < texts.length; i++) if (reasons[i] === 'byline') add(agencyDisplayName(texts[i]!), 1, 'wire');
  return signals;
}
