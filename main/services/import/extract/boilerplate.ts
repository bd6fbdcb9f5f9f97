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
import { datelineDate, parseDate } from './dates';
import { stopWordDensity, stopWords, words } from './language';

/** A paragraph-sized piece of a document, as a format extractor found it. */
export interface Block {
  text: string;
  /** Characters of the block inside links (HTML, Markdown), when known. */
  linkChars?: number;
  /** Structural role when the format says so. */
  kind?: 'heading' | 'title' | 'list-item' | 'caption' | 'paragraph';
  /** A reason the format extractor already decided to drop the block for (e.g. outside the article). */
  dropReason?: string;
  /** Found inside the article by a structural extractor (Readability): prose with few stop words is not held against it. */
  trusted?: boolean;
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
const PHOTO_WORD = /(^|[\s(.])(photo|photograph|picture|image|foto|fotograf|bild|bildtext|photographie|crédit|credit|illustration)s?\s*[:©]|\((photo|foto|bild|crédit photo|photo archives|archivfoto|arkivbild)\b[^()]{0,60}\)\s*$/iu;
const NAME = String.raw`[\p{Lu}][\p{L}'’.-]+(?:[ \u00a0]+(?:(?:van|von|de|der|den|af|la|le|du)[ \u00a0]+)?[\p{Lu}][\p{L}'’.-]+){0,3}`;
const BYLINE = new RegExp(
  String.raw`^(?:[Bb]y|BY|[Aa]v|AV|[Vv]on|VON|[Pp]ar|PAR|[Tt]ext(?: och foto)?:?|[Ww]ritten by|[Rr]eporting by|[Ss]kriven av|[Tt]exte)\s+(${NAME}(?:\s*(?:,|and|och|und|et|&)\s*${NAME})*)(?:\s*(?:[,|–—/·•-]|with|med|mit|avec)\s*.{0,60})?$`,
  'u',
);
const WITH_AGENCY = new RegExp(String.raw`^(${NAME}(?:\s*(?:,|and|och|und|et|&)\s*${NAME})*)\s*(?:,|with|med|mit|avec|/)\s*(?:${AGENCIES})$`, 'u');

const AGENCY_ONLY = new RegExp(String.raw`^\s*(${AGENCIES})\s*$`, 'u');

/**
 * Words a site's menu bar and section list are made of (English, Swedish, German, French), and the
 * multi-word entries whose second word is lower case ("Log in", "Logga ut", "Mein Konto").
 */
const NAV_PHRASES = /(^|\s)(log ?in|log ?out|sign in|sign up|sign out|my account|my page|e-?paper|logga in|logga ut|mitt konto|mina sidor|e-tidning|mein konto|se connecter|mon compte|mon espace|au fil|in english|på svenska|auf deutsch|en français)(?=\s|$)/giu;
const MENU_LANGS = ['en', 'sv', 'de', 'fr'];
const NAV_WORDS = new Set(
  (
    'menu search home news latest live video videos audio podcasts podcast photos opinion comment analysis business money economy markets politics world uk us europe international national local regions region ' +
    'sport sports football culture arts entertainment lifestyle life style travel food health science tech technology climate environment weather education obituaries ' +
    'subscribe subscriptions newsletters newsletter login account shop jobs events more sections games puzzles crosswords magazine weekend ' +
    'meny sök hem nyheter senaste inrikes utrikes ekonomi näringsliv politik sport kultur nöje debatt ledare åsikt opinion lokalt väder familj resor mat bostad motor ' +
    'prenumerera konto tv radio poddar poddcast webb-tv ' +
    'menü suche startseite nachrichten aktuell politik wirtschaft finanzen kultur sport meinung panorama wissen reise regional lokales leben gesellschaft abo abonnieren ' +
    'rechercher accueil actualités actualite politique économie international régions société culture sport opinions météo abonnez-vous abonnement'
  ).split(' '),
);

/**
 * A menu bar copied as text without separators ("Menu Search Log in Regions Business Opinion Video",
 * "Meny Sök Logga in Nyheter Sport Kultur"): at least three entries, every one capitalised, no sentence
 * punctuation, and most of them words menus are made of. A headline has lower-case words and verbs.
 */
export function isMenuLine(t: string): boolean {
  const line = t.trim();
  if (line.length > 160 || /[.!?,;:"“”«»()'’]/u.test(line)) return false;
  const phrases = line.match(NAV_PHRASES)?.length ?? 0;
  const rest = line
    .replace(NAV_PHRASES, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== '&');
  if (rest.some((w) => !/^[\p{Lu}][\p{L}&-]*$/u.test(w) || w.length > 20)) return false;
  const entries = rest.length + phrases;
  const others = rest.filter((w) => !NAV_WORDS.has(w.toLowerCase()));
  const nav = entries - others.length;
  // "Climate Science Under Threat" is a title-case headline: its other words include function words.
  if (others.some((w) => MENU_LANGS.some((l) => stopWords(l).has(w.toLowerCase())))) return false;
  return entries >= 3 && nav >= 2 && nav * 2 >= entries;
}

/** Whether a line has a word in lower case, leaving aside menu entries such as "Log in". */
const hasLowerCaseWord = (t: string) =>
  t
    .replace(NAV_PHRASES, ' ')
    .split(/\s+/)
    .some((w) => /^\p{Ll}/u.test(w));

/**
 * Whether a line reads like a headline or phrase rather than a list of menu entries: it has a
 * word in lower case ("Keepers return to…"), or, in all-capitalised styles, function words.
 */
export function readsLikePhrase(t: string, lang: string): boolean {
  return hasLowerCaseWord(t) || (!isMenuLine(t) && stopWordDensity(t, lang) >= 0.15);
}

type Rule = [reason: string, test: (t: string, lower: string) => boolean];

const RULES: Rule[] = [
  ['navigation', (t, l) => t.length < 200 && (t.split(/\s+[|·•»›]\s+|\s{3,}|\t/).length >= 4 || /^(menu|meny|menü|search|sök|suche|rechercher|log ?in|logga in|anmelden|se connecter|skip to (main )?content|skip navigation|hoppa till innehållet|hoppa till huvudinnehåll|zum inhalt springen|direkt zum inhalt|aller au contenu( principal)?|passer au contenu( principal)?|home|hem|startseite|accueil|subscribe|prenumerera|abonnieren|s'abonner)$/.test(l.replace(/[^\p{L} ']/gu, '').trim()) || isMenuLine(t))],
  ['imprint', (t, l) => t.length < 160 && /^(ansvarig utgivare|chefredaktör|publisher|editor-in-chief|herausgeber|verantwortlich|v\.i\.s\.d\.p|impressum|directeur de la publication|directrice de la publication)\b/.test(l)],
  ['cookie notice', (t, l) => t.length < 400 && /\b(cookies?|kakor|kakorna|traceurs)\b/.test(l) && /(we use|this (site|website) uses|our use of|vi använder|webbplatsen använder|wir verwenden|diese website verwendet|nous utilisons|ce site utilise|accept all|accept cookies|godkänn|akzeptieren|accepter|manage (preferences|cookies)|cookie (settings|policy)|inställningar|einstellungen|paramétrer)/.test(l)],
  ['notification prompt', (t, l) => t.length < 200 && (/(notify you|turn on notifications|enable notifications|allow notifications|get notifications|slå på notiser|aktivera notiser|skicka notiser|få notiser|benachrichtigungen (aktivieren|erhalten|zulassen)|activer les notifications|recevoir les notifications)/.test(l) || (/^(want|would you like|vill du|möchten sie|voulez-vous)\b/.test(l) && /(notif|notis|benachrichtig|alert)/.test(l)) || /\b(ladda ner|download) (vår|our) app\b/.test(l))],
  ['newsletter', (t, l) => t.length < 260 && ((/(newsletter|nyhetsbrev|infolettre)/.test(l) && /(sign up|subscribe to our|subscribe now|get our|our .{0,30}newsletter|prenumerera på|vårt nyhetsbrev|abonnieren sie|newsletter abonnieren|unseren newsletter|inscrivez-vous|abonnez-vous|notre newsletter|gratis|for free|kostenlos)/.test(l)) || /^(sign up|subscribe|prenumerera|abonnieren|abonnez-vous|inscrivez-vous)\b.{0,80}$/.test(l) || /^(newsletter|nyhetsbrev|nyhetsbrevet|infolettre|newsletters)$/.test(l) || (/^(get|recevez|få|erhalten sie)\b/.test(l) && /(every morning|chaque matin|varje morgon|jeden morgen|every day|chaque jour|varje dag|täglich)/.test(l)) || /(in your inbox|i din inkorg|direkt i inkorgen|in ihr postfach|dans votre boîte)/.test(l))],
  ['advertisement', (t, l) => t.length < 60 && /^(advertisement|advertising|annons|annonssida|anzeige|werbung|publicité|sponsored|sponsrat|gesponsert|ad)$/.test(l.replace(/[^\p{L}]/gu, ''))],
  ['event ad', (t, l) => t.length < 300 && /(book now|book (your )?tickets|buy tickets|get (your )?tickets|register now|early.bird|boka (nu|biljett|din plats)|köp biljett|anmäl dig (nu|här)|jetzt anmelden|jetzt tickets|tickets sichern|karten sichern|réservez|achetez vos billets|inscrivez-vous (dès maintenant|ici))/.test(l)],
  ['deal bar', (t, l) => t.length < 160 && /(\b(today's|todays|top|best|daily|exclusive) deals\b|\d+\s?% off|% rabatt|erbjudande|angebot|black friday|shop now|köp nu|jetzt kaufen|gutschein|rabattkod|promo code)/.test(l)],
  ['share buttons', (t, l) => t.length < 120 && /^(share|dela|teilen|partager|tweet|e-?mail|email|mail|facebook|twitter|x|linkedin|whatsapp|messenger|mejla|maila|copy link|kopiera länk|link kopieren|print|skriv ut|drucken|imprimer|reddit|pinterest|this|article|artikeln|den här|diesen|artikel|on|på|auf|sur|via|[\s|·•,:/])+$/.test(l)],
  ['copyright', (t, l) => t.length < 260 && (/©|\(c\)\s*\d{4}|copyright\s*(©|\(c\)|\d{4})/.test(l) || /(all rights reserved|alla rättigheter förbehållna|alle rechte vorbehalten|tous droits réservés)/.test(l))],
  ['back link', (t, l) => t.length < 100 && /^(←|«|<)?\s*(back to|return to|tillbaka till|gå tillbaka|zurück zu|zurück zur|retour à|retour aux|till startsidan|to the top|to top|upp|nach oben)\b/.test(l)],
  ['related links', (t, l) => t.length < 100 && /^(related|related (articles|stories|content|coverage)|more (on|from|about) (this|the)|read more|read also|see also|more stories|most read|most popular|trending|top stories|läs mer|läs också|läs även|mer om|relaterat|relaterade artiklar|mest läst|mehr zum thema|lesen sie auch|auch interessant|meistgelesen|das könnte sie auch interessieren|à lire aussi|lire aussi|sur le même sujet|les plus lus|everything you need to know|ämnen i artikeln|topics in this article|themen in diesem artikel|sujets de l'article|you may also like|recommended for you|more stories|nos abonnés ont lu|vous aimerez aussi|les plus lus|rekommenderat för dig|andra läser|das könnte sie auch interessieren|empfehlungen|what you need to know|allt du behöver veta|was sie wissen müssen|ce qu'il faut savoir|ce qu’il faut savoir)(?![\p{L}\p{N}])/u.test(l.replace(/^[\s»›>•-]+/, ''))],
  ['caption', (t) => t.length < 400 && (PHOTO_WORD.test(t) || CREDIT_TAIL.test(t))],
  ['comments', (t, l) => t.length < 60 && /^(\d+\s+)?(comments?|kommentarer|kommentare|commentaires|show comments|visa kommentarer|kommentare anzeigen|leave a comment|kommentera|skriv en kommentar)(\s*\(\d+\))?$/.test(l)],
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
  const name = m[1]!
    .trim()
    .replace(new RegExp(String.raw`(\s*,\s*|\s+(and|och|und|et|&)\s+)(${AGENCIES})$`, 'u'), '')
    .replace(/[,.]$/, '');
  return name;
}

/** The outlet named by a copyright line ("© 2018 The Northern Ledger. All rights reserved."). */
export function outletFromCopyright(line: string): string | undefined {
  // "La Gazette du Val © 2018 – Mentions légales": the name before the sign.
  const before = /^([\p{Lu}][^©|–—]{1,58}?)\s*(?:©|\(c\)|copyright)/iu.exec(line.trim())?.[1]?.trim();
  if (before && before.split(' ').length <= 6 && !/^(copyright|\d+)$/i.test(before)) return before;
  const m = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([^.|,©\n]{2,60}?)\s*(?:\d{4})?\s*(?:[.|,]|\s[–—-]\s|$|all rights|alla rätt|alle rechte|tous droits)/iu.exec(line);
  const name = m?.[1]?.trim();
  if (!name || /^\d+$/.test(name) || name.split(' ').length > 6) return undefined;
  return name.replace(/,?\s+(Ltd|Limited|plc|PLC|Inc|LLC|AB|AB \(publ\)|GmbH|AG|KG|SA|S\.A|SAS|Oy|AS|ASA|A\/S)\.?$/u, '').trim() || undefined;
}

// ---------------------------------------------------------------- classifier

type Cls = 'good' | 'near-good' | 'short' | 'bad';

/** Inserts that interrupt an article without ending it: transparent for the neighbour context. */
const INLINE = new Set(['caption', 'event ad', 'newsletter', 'notification prompt', 'advertisement', 'deal bar', 'byline', 'dateline', 'page number', 'page header or footer']);
/** Inserts whose heading line (just before them) goes with them. */
const INSERTS = new Set(['caption', 'event ad', 'newsletter', 'notification prompt', 'advertisement']);
/** What the buttons of a cookie notice, prompt or sign-up box say. */
const BUTTON =
  /^(allow|accept|accept all|ok|okay|got it|no thanks|not now|later|yes|no|manage|settings|preferences|godkänn|godkänn alla|tillåt|nej tack|inte nu|senare|inställningar|akzeptieren|alle akzeptieren|ablehnen|zulassen|nein danke|später|einstellungen|accepter|tout accepter|refuser|non merci|plus tard|paramétrer|subscribe|prenumerera|abonnieren|s'abonner|sign up|je m'inscris|je m’inscris|s'inscrire|registrera dig|jetzt registrieren|enter your email( address)?|din e-postadress|ihre e-mail-adresse|votre adresse e-mail|.*\b(cookies?|kakor)\b.*)$/iu;
/** Notices whose buttons follow them as separate short lines. */
const PROMPTS = new Set(['cookie notice', 'notification prompt', 'newsletter']);

const LENGTH_LOW = 70;
const LENGTH_HIGH = 160;
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
  // Prose with few stop words stays near-good when it reads as sentences, so context decides: long
  // blocks (lists of names, tables), and news paragraphs of two or more full sentences dense with names
  // ("USA:s hållning är mer avvaktande. Vita huset säger att …").
  if (endsSentence(text) && sw >= 0.18 && (len > LENGTH_HIGH * 2 || fullSentences(text) >= 2)) return 'near-good';
  return 'bad';
}

/** Sentences that end in . ! or ? and are followed by a capitalised word or the end of the block. */
function fullSentences(text: string): number {
  return (text.match(/[.!?]["”’»)]?(?=\s+["“‘«(]?\p{Lu}|\s*$)/gu) ?? []).length;
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
  const outsideBlock: boolean[] = new Array(n).fill(false);
  let seenGood = false;

  // 1. rules, metadata lines and the context-free class
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    const t = b.text;
    const linkDensity = b.linkChars && t.length ? b.linkChars / t.length : 0;
    cls[i] = initialClass(t, lang, linkDensity);
    if (b.trusted && cls[i] === 'bad' && linkDensity <= MAX_LINK_DENSITY) cls[i] = 'near-good';
    if (knownTitleKey && norm(t) === knownTitleKey) {
      reasons[i] = 'title';
      cls[i] = 'bad';
      if (b.dropReason === 'outside the article') outsideBlock[i] = true;
      continue;
    }
    if (b.dropReason) {
      // The page around the article: keep its metadata lines and name what each block was.
      const by = t.length < 160 ? bylineAuthor(t) : undefined;
      const date = t.length < 160 && !by ? datelineDate(t) : undefined;
      if (by) author ??= by;
      if (date) publishedAt ??= date;
      const rule = by || date ? undefined : ruleReason(t);
      if (rule === 'copyright') outlet ??= outletFromCopyright(t);
      reasons[i] = by ? 'byline' : date ? 'dateline' : b.dropReason === 'outside the article' ? (rule ?? b.dropReason) : b.dropReason;
      if (b.dropReason === 'outside the article') outsideBlock[i] = true;
      cls[i] = 'bad';
      continue;
    }
    // A news agency named alone above the article ("TT", "AFP") is its byline.
    if (!seenGood && AGENCY_ONLY.test(t)) {
      reasons[i] = 'byline';
      author ??= t.trim();
      continue;
    }
    if (cls[i] === 'good') seenGood = true;
    if (t.length < 160) {
      const by = bylineAuthor(t);
      if (by) {
        reasons[i] = 'byline';
        author ??= by;
        // "By Jane Doe | 29 November 2018": a byline that carries the date too.
        publishedAt ??= parseDate(t);
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
      const r = reasons[j];
      if (r && r !== 'links' && r !== 'link list' && r !== 'related links') break;
      if (t.length > 160 || (endsSentence(t) && !/[?!]$/.test(t) && t.length > 60)) break;
      reasons[j] = 'related links';
    }
  }
  // Buttons after a prompt or notice ("Allow", "No thanks", "Godkänn alla kakor") go with it.
  for (let i = 1; i < n; i++) {
    const r = reasons[i - 1];
    const t = blocks[i]!.text;
    if (!reasons[i] && r && PROMPTS.has(r) && t.length <= 40 && BUTTON.test(t)) reasons[i] = r;
  }
  // A caption line followed by its credit line ("Name / AFP / Getty Images") is a caption too.
  for (let i = 0; i < n - 1; i++) {
    const next = blocks[i + 1]!.text;
    if (!reasons[i] && reasons[i + 1] === 'caption' && next.length < 80 && !/[.!?]\s/.test(next) && (CREDIT_TAIL.test(next) || /^(photo|foto|bild|image)\s*:/i.test(next)) && blocks[i]!.text.length < 110 && !/[.!?]\s/.test(blocks[i]!.text))
      reasons[i] = 'caption';
  }
  // A short heading line right before an inline insert (an event ad, a newsletter box) belongs to it,
  // except the headline of a text without one: the first line after the site's menus that reads as a phrase.
  const byRule = reasons.slice();
  const firstOpen = byRule.findIndex((r) => !r);
  const mayBeHeadline = (i: number) => !title && !!options.findTitle && i === firstOpen && words(blocks[i]!.text).length >= 3 && hasLowerCaseWord(blocks[i]!.text);
  for (let i = n - 2; i >= 0; i--) {
    const r = byRule[i + 1];
    const t = blocks[i]!.text;
    if (!reasons[i] && r && INSERTS.has(r) && t.length < 80 && !endsSentence(t) && cls[i] !== 'good' && !mayBeHeadline(i)) reasons[i] = r;
  }

  // Ruled-out blocks count as bad neighbours, except inserts inside the article, which are skipped.
  const transparent: boolean[] = new Array(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (!reasons[i]) continue;
    cls[i] = 'bad';
    if (INLINE.has(reasons[i]!) || outsideBlock[i]) transparent[i] = true;
  }

  // 3. context (jusText): near-good next to good becomes good; short takes its neighbours' class.
  const neighbourIn = (arr: Cls[], i: number, step: number, skip: Set<Cls>): Cls => {
    for (let j = i + step; j >= 0 && j < n; j += step) if (!transparent[j] && !skip.has(arr[j]!)) return arr[j]!;
    return 'bad';
  };
  const skipShort = new Set<Cls>(['short', 'near-good']);
  const finalCls = cls.slice();
  for (let i = 0; i < n; i++) {
    if (cls[i] !== 'short') continue;
    const prev = neighbourIn(cls, i, -1, skipShort);
    const next = neighbourIn(cls, i, 1, skipShort);
    if (prev === 'good' && next === 'good') finalCls[i] = 'good';
    else if (prev === 'bad' && next === 'bad') finalCls[i] = 'bad';
    else finalCls[i] = 'near-good';
  }
  // A run of three or more near-good blocks is prose (news sites write short paragraphs).
  for (let i = 0; i < n; ) {
    if (finalCls[i] !== 'near-good' && finalCls[i] !== 'good') {
      i++;
      continue;
    }
    let j = i;
    let nearGood = 0;
    while (j < n && (transparent[j] || finalCls[j] === 'near-good' || finalCls[j] === 'good')) {
      if (!transparent[j] && cls[j] === 'near-good') nearGood++;
      j++;
    }
    if (nearGood >= 3) for (let k = i; k < j; k++) if (!transparent[k] && cls[k] === 'near-good') finalCls[k] = 'good';
    i = j;
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
    // A block the format marks as the title (largest type on a PDF's first page, Word's Title style) wins.
    const marked = blocks.findIndex((b, i) => b.kind === 'title' && i < Math.max(limit, 8) && (!reasons[i] || reasons[i] === 'navigation'));
    // Otherwise the headline is the last title-like line before the article starts (skip links and
    // section names come first; a standfirst ends with a full stop).
    let chosen = -1;
    for (let i = marked >= 0 ? marked : 0; i < (marked >= 0 ? marked + 1 : limit); i++) {
      const t = blocks[i]!.text;
      if (reasons[i]) continue;
      const w = words(t).length;
      // Four words or more; three when some are in lower case ("Skarrow keepers return", not "The Meridian Post").
      const titleLike =
        blocks[i]!.kind === 'title' || blocks[i]!.kind === 'heading' || (t.length <= 200 && !/[.,;:]$/.test(t) && ((w >= 4 && t.length >= 20) || (w === 3 && t.length >= 15 && hasLowerCaseWord(t))));
      if (!titleLike || /\n/.test(t)) continue;
      // The first article block is the headline only when nothing before it was, or what was is a list of menu entries.
      const earlierIsPhrase = chosen >= 0 && readsLikePhrase(blocks[chosen]!.text, lang);
      if (i === firstGood && (earlierIsPhrase || (chosen < 0 && settled.slice(i + 1).every((c) => c !== 'good')) || (chosen >= 0 && !readsLikePhrase(t, lang)))) break;
      chosen = i;
      if (i === firstGood) break;
    }
    if (chosen >= 0) {
      title = blocks[chosen]!.text;
      reasons[chosen] = 'title';
      settled[chosen] = 'bad';
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
