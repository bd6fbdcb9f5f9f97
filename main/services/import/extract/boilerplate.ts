/**
 * Boilerplate removal shared by every format: a paragraph classifier in the
 * spirit of jusText (Pomikálek 2011: paragraph length, stop-word density per
 * language, link density, then context from the neighbours) preceded by rules
 * for what news sites put around an article (navigation, cookie notices,
 * newsletter and event ads, captions and photo credits, "related" lists,
 * share buttons, copyright and "back to list" lines). Metadata lines (byline,
 * dateline, headline) are taken out of the reading text too, and everything
 * taken out is returned with a reason and its position so it can be restored.
 */
import type { RemovedBlock } from '../../../../shared/model';
import { datelineDate } from './dates';
import { stopWordDensity, words } from './language';

/** A paragraph-sized piece of a document, as a format extractor found it. */
export interface Block {
  text: string;
  /** Characters of the block inside links (HTML, Markdown), when known. */
  linkChars?: number;
  /** Structural role when the format says so. */
  kind?: 'heading' | 'title' | 'list-item' | 'caption' | 'paragraph';
  /** A reason the format extractor already decided to drop the block for (e.g. outside the article). */
  dropReason?: string;
}

export interface Classified {
  paragraphs: string[];
  removed: RemovedBlock[];
  title?: string;
  author?: string;
  publishedAt?: string;
  outlet?: string;
}

// ---------------------------------------------------------------- rules

const AGENCIES = String.raw`AFP|Reuters|AP|Associated Press|Getty Images|Getty|TT|TT Nyhetsbyrån|Scanpix|NTB|dpa|EPA|EPA-EFE|Shutterstock|Bloomberg|Ritzau|Keystone|Imago|Pool|Alamy|ANP|Xinhua|PA|PA Images`;
const CREDIT_TAIL = new RegExp(String.raw`(^|[\s(])(${AGENCIES})(\s*/\s*(${AGENCIES}|[\p{Lu}][\p{L}-]+( [\p{Lu}][\p{L}-]+)?))*\)?\s*$`, 'u');
const PHOTO_WORD = /(^|[\s(.])(photo|photograph|picture|image|foto|fotograf|bild|bildtext|photographie|crédit|credit|illustration)s?\s*[:©]/iu;
const NAME = String.raw`[\p{Lu}][\p{L}'’.-]+(?:[ \u00a0]+(?:(?:van|von|de|der|den|af|la|le|du)[ \u00a0]+)?[\p{Lu}][\p{L}'’.-]+){0,3}`;
const BYLINE = new RegExp(
  String.raw`^(?:by|av|von|par|text(?: och foto)?:?|written by|reporting by|skriven av|de)\s+(${NAME}(?:\s*(?:,|and|och|und|et|&)\s*${NAME})*)(?:\s*(?:[,|–—/-]|with|med|mit|avec)\s*.{0,60})?$`,
  'u',
);
const WITH_AGENCY = new RegExp(String.raw`^(${NAME}(?:\s*(?:,|and|och|und|et|&)\s*${NAME})*)\s*(?:,|with|med|mit|avec|/)\s*(?:${AGENCIES})$`, 'u');

type Rule = [reason: string, test: (t: string, lower: string) => boolean];

const SHORT = 160;

const RULES: Rule[] = [
  ['cookie notice', (t, l) => t.length < 400 && /\b(cookies?|kakor|cookie-einstellungen|traceurs)\b/.test(l) && /\b(use|använder|verwenden|utilisons|accept|godkänn|akzeptieren|accepter|consent|samtycke|einwilligung|privacy|integritet|datenschutz)/.test(l)],
  ['notification prompt', (t, l) => t.length < 200 && /(notify you|push notifications?|turn on notifications|notiser|pushnotiser|benachrichtigungen|notifications)/.test(l)],
  ['newsletter', (t, l) => t.length < 260 && /(newsletter|nyhetsbrev|sign up|signup|subscribe|prenumerera|abonnieren|abonnez|inscrivez-vous|inbox|inkorg|postfach)/.test(l)],
  ['advertisement', (t, l) => t.length < 60 && /^(advertisement|advertising|annons|annonssida|anzeige|werbung|publicité|sponsored|sponsrat|gesponsert|ad)$/.test(l.replace(/[^\p{L}]/gu, ''))],
  ['event ad', (t, l) => t.length < 300 && /(tickets?|biljetter|book now|boka nu|register now|anmäl dig|jetzt anmelden|early bird|webinar|summit|konferens|konferenz|conférence|billets)/.test(l) && /(\d{4}|\bnow\b|\bnu\b|\bjetzt\b|!|→|»)/.test(l)],
  ['deal bar', (t, l) => t.length < 160 && /(\bdeals?\b|\d+\s?% off|% rabatt|erbjudande|angebot|black friday|shop now|köp nu|jetzt kaufen|gutschein|rabattkod|promo code)/.test(l)],
  ['share buttons', (t, l) => t.length < 120 && /^(share|dela|teilen|partager|tweet|e-?mail|email|mail|facebook|twitter|x|linkedin|whatsapp|messenger|copy link|kopiera länk|link kopieren|print|skriv ut|drucken|imprimer|reddit|pinterest|this|article|artikeln|den här|diesen|artikel|on|på|auf|sur|via|[\s|·•,:/])+$/.test(l)],
  ['copyright', (t, l) => t.length < 260 && (/©|\(c\)\s*\d{4}|copyright/.test(l) || /(all rights reserved|alla rättigheter|alle rechte vorbehalten|tous droits réservés)/.test(l))],
  ['back link', (t, l) => t.length < 100 && /^(←|«|<)?\s*(back to|return to|tillbaka till|gå tillbaka|zurück zu|zurück zur|retour à|retour aux|till startsidan|to the top|to top|upp|nach oben)\b/.test(l)],
  ['related links', (t, l) => t.length < 100 && /^(related|related (articles|stories|content|coverage)|more (on|from|about) (this|the)|read more|read also|see also|more stories|most read|most popular|trending|top stories|läs mer|läs också|läs även|mer om|relaterat|relaterade artiklar|mest läst|mehr zum thema|lesen sie auch|auch interessant|meistgelesen|das könnte sie auch interessieren|à lire aussi|lire aussi|sur le même sujet|les plus lus|everything you need to know|what you need to know|allt du behöver veta|was sie wissen müssen|ce qu'il faut savoir)\b/.test(l.replace(/^[\s»›>•-]+/, ''))],
  ['caption', (t) => t.length < 400 && (PHOTO_WORD.test(t) || CREDIT_TAIL.test(t))],
  ['navigation', (t, l) => t.length < 200 && (t.split(/\s+[|·•»›]\s+|\s{3,}|\t/).length >= 4 || /^(menu|meny|menü|search|sök|suche|rechercher|log ?in|logga in|anmelden|se connecter|skip to (main )?content|hoppa till innehållet|zum inhalt springen|home|hem|startseite|accueil|subscribe|prenumerera|abonnieren|s'abonner)$/.test(l.replace(/[^\p{L} ']/gu, '').trim()))],
  ['comments', (t, l) => t.length < 120 && /^(\d+\s+)?(comments?|kommentarer|kommentare|commentaires|show comments|visa kommentarer|leave a comment|kommentera)\b/.test(l)],
];

function ruleReason(text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const [reason, test] of RULES) if (test(text, lower)) return reason;
  return undefined;
}

/** Author(s) named by a byline such as "By Jane Doe", "Av Anna Berg, TT", "Jane Doe with AFP". */
export function bylineAuthor(line: string): string | undefined {
  const t = line.trim().replace(/\s+/g, ' ');
  if (t.length > 120) return undefined;
  const m = BYLINE.exec(t) ?? WITH_AGENCY.exec(t);
  if (!m) return undefined;
  const name = m[1]!.trim().replace(/[,.]$/, '');
  return name;
}

/** The outlet named by a copyright line ("© 2018 The Northern Ledger. All rights reserved."). */
export function outletFromCopyright(line: string): string | undefined {
  const m = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([^.|,©\n]{2,60}?)\s*(?:\d{4})?\s*(?:[.|,]|$|all rights|alla rätt|alle rechte|tous droits)/iu.exec(line);
  const name = m?.[1]?.trim();
  if (!name || /^\d+$/.test(name) || name.split(' ').length > 6) return undefined;
  return name;
}

// ---------------------------------------------------------------- classifier

type Cls = 'good' | 'near-good' | 'short' | 'bad';

const LENGTH_LOW = 70;
const LENGTH_HIGH = 200;
const STOPWORDS_LOW = 0.3;
const STOPWORDS_HIGH = 0.34;
const MAX_LINK_DENSITY = 0.2;

const endsSentence = (t: string) => /[.!?…:;"”»“'’)]$/.test(t);

function initialClass(text: string, lang: string, linkDensity: number): Cls {
  if (linkDensity > MAX_LINK_DENSITY) return 'bad';
  const len = text.length;
  const sw = stopWordDensity(text, lang);
  if (len < LENGTH_LOW) return 'short';
  if (sw >= STOPWORDS_HIGH && len > LENGTH_HIGH) return 'good';
  if (sw >= STOPWORDS_LOW) return 'near-good';
  // Long prose with few stop words (lists of names, tables) stays near-good when it reads as sentences.
  if (len > LENGTH_HIGH * 2 && endsSentence(text) && sw >= 0.18) return 'near-good';
  return 'bad';
}

export interface ClassifyOptions {
  lang: string;
  /** Title already known from the format's metadata (HTML meta, front matter, a heading). */
  knownTitle?: string;
  /** Whether a leading line may be the headline (plain text, PDF, DOCX). */
  findTitle?: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Classifies blocks into the article's paragraphs and removed blocks with reasons. */
export function classifyBlocks(blocks: Block[], options: ClassifyOptions): Classified {
  const { lang } = options;
  const n = blocks.length;
  const reasons: (string | undefined)[] = new Array(n).fill(undefined);
  const cls: Cls[] = new Array(n);
  let author: string | undefined;
  let publishedAt: string | undefined;
  let outlet: string | undefined;
  let title = options.knownTitle?.trim() || undefined;
  const knownTitleKey = title ? norm(title) : undefined;

  // 1. rules, metadata lines and the context-free class
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    const t = b.text;
    const linkDensity = b.linkChars && t.length ? b.linkChars / t.length : 0;
    cls[i] = initialClass(t, lang, linkDensity);
    if (b.dropReason) {
      reasons[i] = b.dropReason;
      cls[i] = 'bad';
      continue;
    }
    if (knownTitleKey && norm(t) === knownTitleKey) {
      reasons[i] = 'title';
      continue;
    }
    if (t.length < 160) {
      const by = bylineAuthor(t);
      if (by) {
        reasons[i] = 'byline';
        author ??= by;
        continue;
      }
      const date = datelineDate(t);
      if (date) {
        reasons[i] = 'dateline';
        publishedAt ??= date;
        continue;
      }
    }
    const rule = ruleReason(t);
    if (rule) {
      reasons[i] = rule;
      if (rule === 'copyright') outlet ??= outletFromCopyright(t);
      continue;
    }
    if (linkDensity > MAX_LINK_DENSITY) reasons[i] = b.kind === 'list-item' ? 'link list' : 'links';
  }

  // 2. a "related" heading takes the headline-like lines after it along
  for (let i = 0; i < n; i++) {
    if (reasons[i] !== 'related links') continue;
    for (let j = i + 1; j < n; j++) {
      const t = blocks[j]!.text;
      if (reasons[j] && reasons[j] !== 'related links' && reasons[j] !== 'links' && reasons[j] !== 'link list' && reasons[j] !== 'caption') break;
      if (!reasons[j] && (t.length > 160 || (endsSentence(t) && !/[?!]$/.test(t) && t.length > 60))) break;
      reasons[j] = 'related links';
    }
  }

  // Ruled-out blocks count as bad neighbours.
  for (let i = 0; i < n; i++) if (reasons[i]) cls[i] = 'bad';

  // 3. context (jusText): near-good next to good becomes good; short takes its neighbours' class.
  const neighbour = (i: number, step: number, skip: Set<Cls>): Cls => {
    for (let j = i + step; j >= 0 && j < n; j += step) if (!skip.has(cls[j]!)) return cls[j]!;
    return 'bad';
  };
  const skipShort = new Set<Cls>(['short', 'near-good']);
  const finalCls = cls.slice();
  for (let i = 0; i < n; i++) {
    if (cls[i] !== 'short') continue;
    const prev = neighbour(i, -1, skipShort);
    const next = neighbour(i, 1, skipShort);
    if (prev === 'good' && next === 'good') finalCls[i] = 'good';
    else if (prev === 'bad' && next === 'bad') finalCls[i] = 'bad';
    else finalCls[i] = 'near-good';
  }
  const settled = finalCls.slice();
  for (let i = 0; i < n; i++) {
    if (finalCls[i] !== 'near-good') continue;
    const skip = new Set<Cls>(['short', 'near-good']);
    const prev = neighbourIn(settled, i, -1, skip);
    const next = neighbourIn(settled, i, 1, skip);
    const sentence = endsSentence(blocks[i]!.text) || blocks[i]!.kind === 'heading';
    if (prev === 'bad' && next === 'bad') settled[i] = 'bad';
    else if (cls[i] === 'near-good') settled[i] = 'good';
    // A short block between good and bad text is kept when it reads as a sentence or subheading.
    else settled[i] = sentence || (prev === 'good' && next === 'good') ? 'good' : 'bad';
  }

  // 4. the headline of a text without metadata: the first title-like line before the article starts
  const firstGood = settled.findIndex((c, i) => c === 'good' && !reasons[i]);
  if (!title && options.findTitle) {
    const limit = firstGood < 0 ? Math.min(n, 6) : firstGood + 1;
    for (let i = 0; i < limit; i++) {
      const t = blocks[i]!.text;
      if (reasons[i]) continue;
      const w = words(t).length;
      const titleLike = blocks[i]!.kind === 'title' || blocks[i]!.kind === 'heading' || (w >= 4 && t.length >= 20 && t.length <= 200 && !/[.,;:]$/.test(t));
      if (!titleLike || /\n/.test(t)) continue;
      if (i === firstGood && settled.slice(i + 1).every((c) => c !== 'good')) break;
      title = t;
      reasons[i] = 'title';
      settled[i] = 'bad';
      break;
    }
  }

  // 5. reasons for the blocks the classifier dropped
  const paragraphs: string[] = [];
  const removed: RemovedBlock[] = [];
  for (let i = 0; i < n; i++) {
    const t = blocks[i]!.text;
    if (!reasons[i] && settled[i] === 'good') {
      paragraphs.push(t);
      continue;
    }
    let reason = reasons[i];
    if (!reason) {
      if (firstGood >= 0 && i < firstGood && !endsSentence(t) && t.length < 80) reason = 'navigation';
      else if (t.length < LENGTH_LOW) reason = 'short line outside the article';
      else reason = 'not article text';
    }
    removed.push({ text: t, reason, beforeParagraph: paragraphs.length });
  }
  return { paragraphs, removed, title, author, publishedAt, outlet };
}

function neighbourIn(arr: Cls[], i: number, step: number, skip: Set<Cls>): Cls {
  for (let j = i + step; j >= 0 && j < arr.length; j += step) if (!skip.has(arr[j]!)) return arr[j]!;
  return 'bad';
}
