/**
 * The rules of boilerplate removal (boilerplate.ts): what news sites put
 * around an article, recognised line by line in English, Swedish, German and
 * French — navigation and menu lines, imprint, cookie notices, notification
 * and newsletter prompts, ads, share buttons, copyright, "back to" and
 * "related" lists, captions and photo credits, bylines, subscription
 * pitches. Each rule names the reason a removed paragraph is shown with. Also
 * reads the author of a byline and the outlet of a copyright line, and tells
 * credit lines and the publisher's promotions (isPublisherPromo).
 */
import type { RemovalReason } from '../../../../shared/enums';
import { parseDate } from './dates';
import { stopWordDensity, stopWords } from './language';

// ---------------------------------------------------------------- rules

/** News and photo agencies as credits spell them (proper case; credits in capitals are matched too). */
export const AGENCY_NAMES: readonly string[] = [
  'AFP',
  'Reuters',
  'AP',
  'Associated Press',
  'Getty Images',
  'Getty',
  'TT',
  'TT Nyhetsbyrån',
  'Scanpix',
  'NTB',
  'dpa',
  'EPA',
  'EPA-EFE',
  'Shutterstock',
  'Bloomberg',
  'Ritzau',
  'Keystone',
  'Imago',
  'Pool',
  'Alamy',
  'ANP',
  'Xinhua',
  'PA',
  'PA Images',
  'PA Media',
];
const AGENCIES = [...new Set([...AGENCY_NAMES, ...AGENCY_NAMES.map((a) => a.toUpperCase())])]
  .sort((a, b) => b.length - a.length)
  .join('|');
export const CREDIT_TAIL = new RegExp(
  String.raw`(^|[\s(])(${AGENCIES})(?: Photo| Foto)?(\s*/\s*(${AGENCIES}|[\p{Lu}][\p{L}-]+( [\p{Lu}][\p{L}-]+)?))*\)?\s*$`,
  'u',
);
const PHOTO_WORD =
  /(^|[\s(.])(photo|photograph|picture|image|foto|fotograf|bild|bildtext|photographie|crédit|credit|illustration)s?\s*[:©]|\((photo|foto|bild|crédit photo|photo archives|archivfoto|arkivbild)\b[^()]{0,60}\)\s*$/iu;
const NAME = String.raw`[\p{Lu}][\p{L}'’.-]+(?:[ \u00a0]+(?:(?:van|von|de|der|den|af|la|le|du)[ \u00a0]+)?[\p{Lu}][\p{L}'’.-]+){0,3}`;
const BYLINE = new RegExp(
  String.raw`^(?:[Bb]y|BY|[Aa]v|AV|[Vv]on|VON|[Pp]ar|PAR|[Tt]ext(?: och foto)?:?|TEXT(?: OCH FOTO)?:?|[Ww]ritten by|[Ww]ords by|WORDS BY|[Rr]eporting by|[Ss]kriven av|[Tt]exte)\s+(${NAME}(?:\s*(?:,|and|och|und|et|&)\s*${NAME})*)(?:\s*(?:[,;|–—/·•-]|with|med|mit|avec)\s*.{0,60})?$`,
  'u',
);
const WITH_AGENCY = new RegExp(
  String.raw`^(${NAME}(?:\s*(?:,|and|och|und|et|&)\s*${NAME})*)\s*(?:,|with|med|mit|avec)\s*(?:${AGENCIES})$`,
  'u',
);

export const AGENCY_ONLY = new RegExp(String.raw`^\s*(${AGENCIES})\s*$`, 'u');

/**
 * Words a site's menu bar and section list are made of (English, Swedish, German, French), and the
 * multi-word entries whose second word is lower case ("Log in", "Logga ut", "Mein Konto").
 */
const NAV_PHRASES =
  /(^|\s)(log ?in|log ?out|sign in|sign up|sign out|my account|my page|e-?paper|logga in|logga ut|mitt konto|mina sidor|e-tidning|mein konto|se connecter|mon compte|mon espace|au fil|in english|på svenska|auf deutsch|en français)(?=\s|$)/giu;
const MENU_LANGS = ['en', 'sv', 'de', 'fr'];
const NAV_WORDS = new Set(
  (
    'menu search home start news latest live video videos audio podcasts podcast photos opinion comment analysis business money economy markets politics world uk us europe international national local regions region ' +
    'sport sports football culture arts entertainment lifestyle life style travel food health science tech technology climate environment weather education obituaries ' +
    'subscribe subscriptions newsletters newsletter login account shop jobs events more sections games puzzles crosswords magazine weekend ' +
    'meny sök hem startsida nyheter senaste inrikes utrikes ekonomi näringsliv politik sport kultur nöje debatt ledare åsikt opinion lokalt väder familj resor mat bostad motor ' +
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

/** Whether a word is one a site's menu bar is made of ("News", "Sport", "Nyheter"). */
export const isNavWord = (w: string) => NAV_WORDS.has(w.toLowerCase());

/** Whether a line has a word in lower case, leaving aside menu entries such as "Log in". */
export const hasLowerCaseWord = (t: string) =>
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

type Rule = [reason: RemovalReason, test: (t: string, lower: string) => boolean];

const RULES: Rule[] = [
  [
    'navigation',
    (t, l) =>
      t.length < 200 &&
      // eslint-disable-next-line regexp/no-super-linear-move -- t is shorter than 200 characters (checked just above)
      (t.split(/\s+[|·•»›]\s+|\s{3,}|\t/).length >= 4 ||
        /^(menu|meny|menü|search|sök|suche|rechercher|log ?in|logga in|anmelden|se connecter|sign in|sign out|register|my account|logga ut|mina sidor|mitt konto|abmelden|mein konto|registrieren|mon compte|se déconnecter|(skip|jump|go) to (the )?(main )?content|skip navigation|((hoppa|gå) )?(direkt )?till (huvud)?innehåll(et)?|(direkt )?zum inhalt( springen)?|(aller|passer) (directement )?au contenu( principal)?|home|hem|startseite|accueil|subscribe|prenumerera|abonnieren|s'abonner)$/.test(
          l.replace(/[^\p{L} ']/gu, '').trim(),
        ) ||
        isMenuLine(t)),
  ],
  [
    'imprint',
    (t, l) =>
      t.length < 160 &&
      (/^(ansvarig utgivare|chefredaktör|publisher|editor-in-chief|herausgeber|verantwortlich|v\.i\.s\.d\.p|impressum|directeur de la publication|directrice de la publication)\b/.test(
        l,
      ) ||
        // "Mälarposten – en del av Mittnytt Media AB": who owns the site.
        /(\s[–—-]\s(en del av|ingår i|part of|a part of|ein angebot (von|der)|eine marke (von|der)|une publication de)|\s(is part of|is a part of|är en del av|ingår i|ist teil (von|der)|fait partie (du|de)) [^.]{0,60}(media|group|gruppe|verlag|medier|médias|publishing|newspapers|koncern|förlag))(?![\p{L}])/u.test(
          l,
        )),
  ],
  [
    'cookie notice',
    (t, l) =>
      t.length < 400 &&
      /\b(cookies?|kakor|kakorna|traceurs)\b/.test(l) &&
      /(we use|this (site|website) uses|our use of|vi använder|webbplatsen använder|wir verwenden|diese website verwendet|nous utilisons|ce site utilise|accept all|accept cookies|godkänn|akzeptieren|accepter|manage (preferences|cookies)|cookie (settings|policy)|inställningar|einstellungen|paramétrer)/.test(
        l,
      ),
  ],
  [
    'notification prompt',
    (t, l) =>
      t.length < 200 &&
      (/(notify you|turn on notifications|enable notifications|allow notifications|get notifications|slå på notiser|aktivera notiser|skicka notiser|få notiser|benachrichtigungen (aktivieren|erhalten|zulassen)|activer les notifications|recevoir les notifications)/.test(
        l,
      ) ||
        (/^(want|would you like|vill du|möchten sie|voulez-vous)\b/.test(l) &&
          /(notif|notis|benachrichtig|alert)/.test(l)) ||
        /\b(ladda ner|download) (vår|our) app\b/.test(l)),
  ],
  [
    'newsletter',
    (t, l) =>
      t.length < 260 &&
      ((/(newsletter|nyhetsbrev|infolettre)/.test(l) &&
        /(sign up|subscribe to our|subscribe now|get our|our .{0,30}newsletter|prenumerera på|vårt nyhetsbrev|abonnieren sie|newsletter abonnieren|unseren newsletter|inscrivez-vous|abonnez-vous|notre newsletter|gratis|for free|kostenlos)/.test(
          l,
        )) ||
        /^(sign up|inscrivez-vous)\b.{0,80}$/.test(l) ||
        /^(newsletter|nyhetsbrev|nyhetsbrevet|infolettre|newsletters)$/.test(l) ||
        (/^(get|recevez|få|erhalten sie)\b/.test(l) &&
          /(every morning|chaque matin|varje morgon|jeden morgen|every day|chaque jour|varje dag|täglich)/.test(l)) ||
        /(in your inbox|i din inkorg|direkt i inkorgen|in ihr postfach|dans votre boîte)/.test(l)),
  ],
  [
    // A subscription pitch ("Abonnez-vous à … : 1 € le premier mois", "Bli prenumerant på …").
    'promo',
    (t, l) =>
      t.length < 200 &&
      /^(subscribe|become a subscriber|prenumerera|bli prenumerant|abonnieren|jetzt abonnieren|abonnez-vous)(?![\p{L}]).{0,120}$/u.test(
        l,
      ),
  ],
  [
    'advertisement',
    (t, l) =>
      t.length < 60 &&
      /^(advertisement|advertising|annons|annonssida|anzeige|werbung|publicité|sponsored|sponsrat|gesponsert|ad)$/.test(
        l.replace(/[^\p{L}]/gu, ''),
      ),
  ],
  [
    'event ad',
    (t, l) =>
      t.length < 300 &&
      /(book now|book (your )?tickets|buy tickets|get (your )?tickets|register now|early.bird|boka (nu|biljett|din plats)|köp biljett|anmäl dig (nu|här)|jetzt anmelden|jetzt tickets|tickets sichern|karten sichern|réservez|achetez vos billets|inscrivez-vous (dès maintenant|ici))/.test(
        l,
      ),
  ],
  [
    'deal bar',
    (t, l) =>
      t.length < 160 &&
      /(\b(today's|todays|top|best|daily|exclusive) deals\b|\d\s?% off|% rabatt|erbjudande|angebot|black friday|shop now|köp nu|jetzt kaufen|gutschein|rabattkod|promo code)/.test(
        l,
      ),
  ],
  [
    'share buttons',
    (t, l) =>
      t.length < 120 &&
      /^(share|dela|teilen|partager|tweet|e-?mail|email|mail|facebook|twitter|x|linkedin|whatsapp|messenger|mejla|maila|copy link|kopiera länk|link kopieren|print|skriv ut|drucken|imprimer|reddit|pinterest|this|article|artikeln|den här|diesen|artikel|on|på|auf|sur|via|[\s|·•,:/])+$/.test(
        l,
      ),
  ],
  [
    'copyright',
    (t, l) =>
      t.length < 260 &&
      (/©|\(c\)\s*\d{4}|copyright\s*(©|\(c\)|\d{4})/.test(l) ||
        /(all rights reserved|alla rättigheter förbehållna|alle rechte vorbehalten|tous droits réservés)/.test(l)),
  ],
  [
    'back link',
    (t, l) =>
      t.length < 100 &&
      /^(←|«|<)?\s*(back to|return to|tillbaka till|gå tillbaka|zurück zu|zurück zur|retour à|retour aux|till startsidan|to the top|to top|upp|nach oben)\b/.test(
        l,
      ),
  ],
  [
    'related links',
    (t, l) =>
      t.length < 100 &&
      /^(related|related (articles|stories|content|coverage)|more (on|from|about) (this|the)|read more|read also|see also|more stories|most read|most popular|trending|top stories|läs mer|läs också|läs även|mer om|relaterat|relaterade artiklar|mest läst|mehr zum thema|lesen sie auch|auch interessant|meistgelesen|das könnte sie auch interessieren|à lire aussi|lire aussi|sur le même sujet|les plus lus|everything you need to know|ämnen i artikeln|topics in this article|themen in diesem artikel|sujets de l'article|you may also like|you might also like|du kanske också gillar|ne manquez pas|recommended for you|more stories|nos abonnés ont lu|vous aimerez aussi|les plus lus|rekommenderat för dig|andra läser|das könnte sie auch interessieren|empfehlungen|what you need to know|allt du behöver veta|was sie wissen müssen|ce qu'il faut savoir|ce qu’il faut savoir|read next|more from|recommended|explainer|explained|weitere artikel|weitere nachrichten|more articles|fler artiklar|autres articles|relaterade artiklar|läs vidare|weiterlesen|mehr dazu|lesen sie mehr|à lire également|à voir aussi|pour aller plus loin|voir aussi)(?![\p{L}\p{N}])/u.test(
        l.replace(/^[\s»›>•-]+/, ''),
      ),
  ],
  ['caption', (t) => t.length < 400 && (PHOTO_WORD.test(t) || CREDIT_TAIL.test(t) || isCreditLine(t))],
  [
    'comments',
    (t, l) =>
      t.length < 60 &&
      /^(\d+\s+)?(comments?|kommentarer|kommentare|commentaires|show comments|visa kommentarer|kommentare anzeigen|leave a comment|kommentera|skriv en kommentar)(\s*\(\d+\))?$/.test(
        l,
      ),
  ],
];

/** The reason of the first rule a paragraph matches, if any. */
export function ruleReason(text: string): RemovalReason | undefined {
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
  // "Hamid Qureshi, Local Democracy Reporter": the role after the name is not a second author.
  // eslint-disable-next-line regexp/no-super-linear-move -- name is part of t, at most 120 characters (checked above)
  const parts = name.split(/\s*,\s*/);
  while (parts.length > 1 && isRoleLine(parts.at(-1)!)) parts.pop();
  return parts.join(', ');
}

/** The outlet named by a copyright line ("© 2018 The Northern Ledger. All rights reserved."). */
export function outletFromCopyright(line: string): string | undefined {
  // "La Gazette du Val © 2018 – Mentions légales": the name before the sign.
  // "Fenland Chronicle Ltd, registered in England. © 2025": the name ends at the first comma or full stop.
  const before = /^([\p{Lu}][^©|–—]{1,58}?)\s*(?:©|\(c\)|copyright)/iu
    .exec(line.trim())?.[1]
    ?.split(/[,.]\s/)[0]
    ?.replace(/\s(?:Ltd|Limited|plc|Inc|LLC|AB|GmbH|AG|SA|SAS|Oy|AS)\.?$/u, '')
    .trim();
  if (before && before.split(' ').length <= 6 && !/^(copyright|\d+)$/i.test(before)) return before;
  // The copyright rule (ruleReason) and textOutletSignals only take lines of at most 260 characters.
  if (line.length > 260) return undefined;
  const m =
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- line is at most 260 characters (checked above)
    /(?:©|\(c\)|copyright)\s*(?:(?:©|copyright)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([^.|,©\n]{2,60}?)\s*(?:\d{4})?\s*(?:[.|,]|\s[–—-]\s|$|all rights|alla rätt|alle rechte|tous droits)/iu.exec(
      line,
    );
  const name = m?.[1]?.trim();
  if (!name || /^\d+$/.test(name) || name.split(' ').length > 6) return undefined;
  return (
    name
      // eslint-disable-next-line regexp/no-super-linear-move -- name is at most 60 characters (the capture above)
      .replace(/,?\s+(Ltd|Limited|plc|PLC|Inc|LLC|AB|AB \(publ\)|GmbH|AG|KG|SA|S\.A|SAS|Oy|AS|ASA|A\/S)\.?$/u, '')
      .trim() || undefined
  );
}

/** "Erik Mårtensson/TT", "Anna Berg / AFP / Getty Images": a photographer's name with the agency. */
const NAME_SLASH_AGENCY = new RegExp(
  String.raw`^[\p{Lu}][\p{L}'’.-]{0,30}(?: [\p{Lu}][\p{L}'’.-]{0,30}){0,3} ?/ ?(?:${AGENCIES})(?: ?/ ?(?:${AGENCIES}))?$`,
  'u',
);
const CREDIT_LINE = new RegExp(
  String.raw`^(?:(?:photo|foto|bild|image|picture|photograph|fotograf|crédit photo|crédit)s?\s?[:©]|(?:photo|foto|bild|photograph) [\p{Lu}][^.!?]{0,60}/ ?[\p{Lu}][^.!?/]{0,40}$|(?:${AGENCIES})(?: photo| foto)?\s?/\s?[\p{Lu}])`,
  'iu',
);

/**
 * A photo credit line under or beside a picture: "Photo: Daniel Price / Reuters", "Foto: Jonas Ek/TT",
 * "REUTERS/Lena Morales", "AP Photo/Milan Orlov", "Getty Images".
 */
export function isCreditLine(t: string): boolean {
  const line = t.trim();
  // A news agency named alone ("AP", "TT") is a wire byline; a picture agency alone is a credit.
  if (AGENCY_ONLY.test(line)) return AGENCY_ONLY_CREDIT.test(line);
  if (line.length >= 120) return false;
  if (CREDIT_LINE.test(line) || NAME_SLASH_AGENCY.test(line) || PHOTO_WORD.test(line)) return true;
  // An agency at the end credits a picture after a name or a described scene, not after words ("Nyheter från TT").
  const tail = CREDIT_TAIL.exec(line);
  const before = tail ? line.slice(0, tail.index).trim() : undefined;
  return before !== undefined && (!before || /[.!?)]$/.test(before) || isPersonName(before));
}
const AGENCY_ONLY_CREDIT = /^(getty images|scanpix|shutterstock|alamy|imago|pa images)$/iu;
/** A picture agency named alone ("Getty Images"): a photo credit, not a byline. */
export const isPhotoAgency = (t: string) => AGENCY_ONLY_CREDIT.test(t.trim());

const NAME_WITH_DATE = new RegExp(String.raw`^(${NAME})\s?[,|–—/]\s?(.{4,40})$`, 'u');

/** "Daniel Price, 2 March 2025": a photographer's name with the date of the picture (a caption beside a credit). */
export function isNameWithDate(t: string): boolean {
  if (t.length > 100 || bylineAuthor(t)) return false;
  const m = NAME_WITH_DATE.exec(t.trim());
  return !!m && !!parseDate(m[2]!) && !/\d/.test(m[1]!);
}

/**
 * Promotion vocabulary of a publisher about itself (events, awards, newsletters, podcasts,
 * memberships and offers, its consultancy and research services) in English, Swedish, German
 * and French. Used only at the end of an article, together with a reference to the publisher.
 */
const PROMO_WORDS =
  /(?<![\p{L}\p{N}])(awards?|prize|named [^.]{1,40} of the year|conference|summit|\p{L}{0,20}(?:festival|forum|konferenz|konferens|preis|podcast|podd\p{L}{0,4})|live event|masterclass|webinar|tickets?|nominat\p{L}{0,20}|newsletter|subscri\p{L}{0,20}|member(?:ship)?s?|sponsor\p{L}{0,20}|support (?:local|independent|our) journalism|research team|consultancy|our agency|helps? (?:companies|businesses|councils|organisations)|contact us|our standards|trust principles|download our app|pris(?:et)?|tilldelades|utsågs|prisad|seminari\p{L}{0,20}|\p{L}{3,20}dag \d{4}|biljett\p{L}{0,20}|anmäl dig|nominera|nyhetsbrev\p{L}{0,20}|prenumer\p{L}{0,20}|erbjud\p{L}{0,20}|första månaden|fira med oss|celebrate with us|feiern sie mit|fêtez avec nous|fyller \d{1,3} år|anniversary|anniversaire|jubiläum|proudly|(?:since|sedan|seit|depuis) \d{4}|advertis\p{L}{0,6}|annonsera|werben sie|anzeige aufgeben|annoncez|gratis|kostenlos|free trial|essai gratuit|e-paper|e-tidning|appeal|help us raise|donat\p{L}{0,6}|fundrais\p{L}{0,6}|quiz|competition|win a|vinn|tävl\p{L}{0,6}|gewinn\p{L}{0,6}|gagnez|concours|tipsa|nyhetsdesk|inscrivez-vous|téléchargez|download|application|follow us|följ|folgen sie|suivez|instagram|facebook|whatsapp|newsdesk|got a story|tipsa oss|boka|book now|buchen|réservez|läsarresa|läsar\p{L}{2,12}|leser\p{L}{2,12}|readers'? (?:trip|holiday|offer|event)s?|anmeld\p{L}{0,6}|lädt (?:zum|zur|ein)|crossword|korsord|kreuzworträtsel|mots croisés|(?:our|vår|unsere|notre) app\p{L}{0,8}|lyssna|listen to|hören sie|écoutez|prova|abonnemang\p{L}{0,4}|(?:för|for|für|pour) \d{1,4} (?:kronor|krona|kr|euro|pounds|dollars)|kontakta oss|offert|hjälper företag|ausgezeichnet|veranstaltung\p{L}{0,20}|abonnier\p{L}{0,20}|abo|wir beraten|kontaktieren sie|prix|récompens\p{L}{0,20}|rencontres|conférence|inscription|billets?|lettre d'information|abonne\p{L}{0,20}|notre agence|contactez-nous|trophée|votez|participez|adhérez|soutenez)(?![\p{L}\p{N}])/iu;
/** The publisher speaking of itself: "our", "vår", "unser", "notre", "we"… */
const FIRST_PERSON =
  /(?<![\p{L}\p{N}])(our|we|us|vår|vårt|våra|vi|oss|unser\p{L}{0,20}|wir|notre|nos|nous)(?![\p{L}\p{N}])/iu;
const QUOTED = /["“”«»„]|(?<![\p{L}\p{N}])(said|says|säger|sade|sagte|sagt|a déclaré|explique|selon)(?![\p{L}\p{N}])/iu;

/**
 * Whether a paragraph at the end of an article is the publisher promoting itself: promotion
 * vocabulary, and the publisher named (one of `selfNames`, e.g. its name or the distinctive words
 * of its name) or speaking in the first person outside a quotation.
 */
/** Whether a paragraph uses the vocabulary of promotions (events, awards, newsletters, offers…). */
export const hasPromoWords = (t: string) => PROMO_WORDS.test(t);

export function isPublisherPromo(t: string, selfNames: readonly string[]): boolean {
  if (t.length > 400 || !PROMO_WORDS.test(t)) return false;
  const lower = t.toLowerCase();
  if (selfNames.some((n) => n.length >= 4 && lower.includes(n.toLowerCase()))) return true;
  return FIRST_PERSON.test(t) && !QUOTED.test(t);
}

const PERSON = new RegExp(String.raw`^${NAME}$`, 'u');

/** A person's name alone on a line: two to four capitalised words ("Lucy Armitage"), none of them a menu word. */
export function isPersonName(t: string): boolean {
  const line = t.trim();
  if (line.length > 40 || !PERSON.test(line)) return false;
  const w = line.split(/\s+/);
  return w.length >= 2 && w.length <= 4 && !w.some((x) => NAV_WORDS.has(x.toLowerCase()));
}

/** A reporter's role under their name: "Business reporter", "Utrikeskorrespondent", "Redakteurin", "Journaliste". */
const ROLE =
  /^[\p{L} -]{0,30}(reporter|correspondent|editor|writer|journalist|columnist|redaktör|korrespondent|krönikör|redakteur|redakteurin|korrespondentin|journaliste|correspondant|correspondante|rédacteur|rédactrice|chroniqueur|chroniqueuse)$/iu;
export const isRoleLine = (t: string) => t.trim().length <= 40 && ROLE.test(t.trim());
