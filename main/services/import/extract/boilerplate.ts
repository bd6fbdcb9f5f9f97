/**
 * Boilerplate removal shared by every format: a paragraph classifier in the
 * spirit of jusText (Pomikálek 2011: paragraph length, stop-word density per
 * language, link density, then context from the neighbours) preceded by rules
 * for what news sites put around an article (navigation, cookie notices,
 * newsletter and event ads, captions and photo credits, "related" lists,
 * share buttons, copyright and "back to list" lines). Metadata lines (byline,
 * dateline, headline) are taken out of the reading text too, then the
 * publisher's own promotions at the article's end; everything taken out is
 * returned with a reason and its position so it can be restored.
 */
import type { RemovalReason } from '../../../../shared/enums';
import type { RemovedBlock } from '../../../../shared/model';
import { datelineDate, parseDate } from './dates';
import {
  AGENCY_ONLY,
  bylineAuthor,
  hasLowerCaseWord,
  hasPromoWords,
  isCreditLine,
  isNameWithDate,
  isMenuLine,
  isPersonName,
  isPhotoAgency,
  isRoleLine,
  isPublisherPromo,
  outletFromCopyright,
  readsLikePhrase,
  ruleReason,
} from './boilerplate-rules';
import { stopWordDensity, words } from './language';
import { textOutletSignals, type OutletSignal } from './outlet';

/** A paragraph-sized piece of a document, as a format extractor found it. */
export interface Block {
  text: string;
  /** Characters of the block inside links (HTML, Markdown), when known. */
  linkChars?: number;
  /** Structural role when the format says so. */
  kind?: 'heading' | 'title' | 'list-item' | 'caption' | 'paragraph';
  /** A reason the format extractor already decided to drop the block for (e.g. outside the article). */
  dropReason?: RemovalReason;
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
  /** Every outlet signal the text's own lines carry (the caller weighs them with the metadata's). */
  outletSignals: OutletSignal[];
}

// ---------------------------------------------------------------- classifier

type Cls = 'good' | 'near-good' | 'short' | 'bad';

/** Inserts whose heading line (just before them) goes with them. */
const INSERTS = new Set<RemovalReason>([
  'caption',
  'event ad',
  'newsletter',
  'promo',
  'notification prompt',
  'advertisement',
]);
/** What interrupts an article without ending it (the inserts, and page furniture): transparent for the neighbour context. */
const INLINE = new Set<RemovalReason>([
  ...INSERTS,
  'deal bar',
  'byline',
  'dateline',
  'page number',
  'page header or footer',
]);
/** What the buttons of a cookie notice, prompt or sign-up box say. */
const BUTTON =
  /^(allow|accept|accept all|ok|okay|got it|no thanks|not now|later|yes|no|manage|settings|preferences|godkänn|godkänn alla|tillåt|nej tack|inte nu|senare|inställningar|akzeptieren|alle akzeptieren|ablehnen|zulassen|nein danke|später|einstellungen|accepter|tout accepter|refuser|non merci|plus tard|paramétrer|subscribe|prenumerera|abonnieren|s'abonner|sign up|je m'inscris|je m’inscris|s'inscrire|registrera dig|jetzt registrieren|enter your email( address)?|din e-postadress|ihre e-mail-adresse|votre adresse e-mail|.*\b(cookies?|kakor)\b.*)$/iu;
/** Notices whose buttons follow them as separate short lines. */
const PROMPTS = new Set<RemovalReason>(['cookie notice', 'notification prompt', 'newsletter']);

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
  /** Names of the outlet the format's metadata or URL give, when known (they tell the publisher's own promotions). */
  outlets?: readonly (string | undefined)[];
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Classifies blocks into the article's paragraphs and removed blocks with reasons. */
export function classifyBlocks(blocks: Block[], options: ClassifyOptions): Classified {
  const { lang } = options;
  const n = blocks.length;
  const reasons: (RemovalReason | undefined)[] = new Array(n).fill(undefined);
  const cls: Cls[] = new Array(n);
  let author: string | undefined;
  let publishedAt: string | undefined;
  let outlet: string | undefined;
  let title = options.knownTitle?.trim() || undefined;
  const knownTitleKey = title ? norm(title) : undefined;
  const outsideBlock: boolean[] = new Array(n).fill(false);
  const creditAt = (i: number) => i >= 0 && i < n && isCreditLine(blocks[i]!.text);

  // 1. rules, metadata lines and the context-free class
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    const t = b.text;
    const linkDensity = b.linkChars && t.length ? b.linkChars / t.length : 0;
    cls[i] = initialClass(t, lang, linkDensity);
    if (b.trusted && cls[i] === 'bad' && linkDensity <= MAX_LINK_DENSITY) cls[i] = 'near-good';
    // Set by the line before it (the role under a byline name).
    if (reasons[i]) continue;
    if (knownTitleKey && norm(t) === knownTitleKey) {
      reasons[i] = 'title';
      cls[i] = 'bad';
      if (b.dropReason === 'outside the article') outsideBlock[i] = true;
      continue;
    }
    // A photographer's name with the picture's date beside a credit line is a caption, not a dateline.
    if (t.length < 80 && isNameWithDate(t) && (creditAt(i - 1) || creditAt(i + 1))) {
      reasons[i] = 'caption';
      cls[i] = 'bad';
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
      reasons[i] = by
        ? 'byline'
        : date
          ? 'dateline'
          : b.dropReason === 'outside the article'
            ? (rule ?? b.dropReason)
            : b.dropReason;
      if (b.dropReason === 'outside the article') outsideBlock[i] = true;
      cls[i] = 'bad';
      continue;
    }
    // A byline without "By": the reporter's name on one line, their role on the next ("Business reporter").
    if (i + 1 < n && isPersonName(t) && isRoleLine(blocks[i + 1]!.text)) {
      reasons[i] = 'byline';
      reasons[i + 1] = 'byline';
      author ??= t.trim();
      continue;
    }
    // A news agency named alone above or below the article ("TT", "AFP") is its byline.
    if (AGENCY_ONLY.test(t) && !isPhotoAgency(t)) {
      reasons[i] = 'byline';
      author ??= t.trim();
      continue;
    }
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
      if (r && r !== 'links' && r !== 'link list' && r !== 'related links' && r !== 'outside the article') break;
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
  // The lines of a caption above its credit line ("Name / AFP / Getty Images", "Photo: …"): the
  // description and a "Name, date" line are caption too, but never the headline above them.
  const headlineGuess = firstHeadlineShaped(blocks, reasons, lang);
  for (let i = n - 2; i >= 0; i--) {
    const t = blocks[i]!.text;
    const next = blocks[i + 1]!.text;
    if (
      !reasons[i] &&
      reasons[i + 1] === 'caption' &&
      (isCreditLine(next) || isNameWithDate(next)) &&
      t.length < 110 &&
      cls[i] !== 'good' &&
      !/[.!?]\s/.test(t) &&
      (i !== headlineGuess || !!options.knownTitle || endsSentence(t))
    )
      reasons[i] = 'caption';
  }
  // A short heading line right before an inline insert (an event ad, a newsletter box) belongs to it,
  // except the headline of a text without one: the first line after the site's menus that reads as a phrase.
  // (A line the rules left alone may still be a section name: the headline is the first that is shaped like one.)
  const byRule = reasons.slice();
  const firstShaped = firstHeadlineShaped(blocks, byRule, lang);
  const mayBeHeadline = (i: number) => !title && !!options.findTitle && i === firstShaped;
  for (let i = n - 2; i >= 0; i--) {
    const r = byRule[i + 1];
    const t = blocks[i]!.text;
    if (
      !reasons[i] &&
      r &&
      INSERTS.has(r) &&
      t.length < 80 &&
      !endsSentence(t) &&
      cls[i] !== 'good' &&
      !mayBeHeadline(i)
    )
      reasons[i] = r;
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
  // A run of three or more near-good blocks is prose (news sites write short paragraphs); short
  // blocks inside the run do not break it.
  const promoteRuns = (arr: Cls[]) => {
    for (let i = 0; i < n;) {
      if (arr[i] !== 'near-good' && arr[i] !== 'good') {
        i++;
        continue;
      }
      let j = i;
      let nearGood = 0;
      while (j < n && (transparent[j] || arr[j] === 'near-good' || arr[j] === 'good' || arr[j] === 'short')) {
        if (!transparent[j] && cls[j] === 'near-good') nearGood++;
        j++;
      }
      if (nearGood >= 3) for (let k = i; k < j; k++) if (!transparent[k] && cls[k] === 'near-good') arr[k] = 'good';
      i = j;
    }
    return arr;
  };
  // A short block takes its neighbours' class, an article of short paragraphs counting as good.
  const context = promoteRuns(cls.slice());
  const finalCls = cls.slice();
  for (let i = 0; i < n; i++) {
    if (cls[i] !== 'short') continue;
    const prev = neighbourIn(context, i, -1, skipShort);
    const next = neighbourIn(context, i, 1, skipShort);
    if (prev === 'good' && next === 'good') finalCls[i] = 'good';
    else if (prev === 'bad' && next === 'bad') finalCls[i] = 'bad';
    else finalCls[i] = 'near-good';
  }
  promoteRuns(finalCls);
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

  // 4. the headline of a text without metadata: the first prominent line that reads as one
  const firstGood = settled.findIndex((c, i) => c === 'good' && !reasons[i]);
  if (!title && options.findTitle) {
    const chosen = pickHeadline(blocks, reasons, settled, firstGood, lang);
    if (chosen >= 0) {
      title = blocks[chosen]!.text;
      reasons[chosen] = 'title';
      settled[chosen] = 'bad';
    }
  }

  // 4b. the outlet, from the text's own lines; then the publisher's promotions at the article's end
  const texts = blocks.map((b) => b.text);
  const outletSignals = textOutletSignals(texts, reasons, firstGood);
  if (outlet && !outletSignals.some((s) => s.via === 'copyright'))
    outletSignals.unshift({ name: outlet, strength: 4, via: 'copyright' });
  // The article's own words (paragraphs that could be promotions left aside) do not tell the publisher.
  const body = texts
    .filter((t, i) => !reasons[i] && settled[i] === 'good' && (t.length > 400 || !hasPromoWords(t)))
    .join('\n');
  const self = selfNames([...(options.outlets ?? []), ...outletSignals.map((s) => s.name)], body);
  removePromoTail(blocks, reasons, settled, self);

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
  return { paragraphs, removed, title, author, publishedAt, outlet, outletSignals };
}

// ---------------------------------------------------------------- headline

/** Shaped like a headline: one line, no closing punctuation, four words or more (three with lower case), or a heading. */
function headlineShaped(b: Block, lang: string, titleCase = false): boolean {
  const t = b.text;
  if (/\n/.test(t) || t.length > 200) return false;
  if (b.kind === 'title' || b.kind === 'heading') return true;
  const w = words(t).length;
  // Title Case headlines have few lower-case or function words: with `titleCase`, five words or more
  // that are not a menu will do (asked only when no line reads as a phrase).
  return (
    !/[.,;:]$/.test(t) &&
    ((w >= 4 && t.length >= 20) || (w === 3 && t.length >= 15 && hasLowerCaseWord(t))) &&
    (readsLikePhrase(t, lang) || (titleCase && w >= 5 && !isMenuLine(t)))
  );
}

/** The first block no rule took that is shaped like a headline (one that reads as a phrase before a Title Case one). */
function firstHeadlineShaped(blocks: Block[], reasons: readonly (RemovalReason | undefined)[], lang: string): number {
  const strict = blocks.findIndex((b, i) => !reasons[i] && headlineShaped(b, lang));
  return strict >= 0 ? strict : blocks.findIndex((b, i) => !reasons[i] && headlineShaped(b, lang, true));
}

/**
 * The headline of a text without metadata: a block the format marks as the title (largest type on a
 * PDF's first page, Word's Title style), else the first line before the article (or its first block)
 * that is shaped like a headline and reads as a phrase — not a removed line (a caption, a credit,
 * a menu), not a name standing among the menu lines. The article's first block is the headline only
 * when more article follows it.
 */
function pickHeadline(
  blocks: Block[],
  reasons: (RemovalReason | undefined)[],
  settled: Cls[],
  firstGood: number,
  lang: string,
): number {
  const n = blocks.length;
  const limit = firstGood < 0 ? Math.min(n, 8) : firstGood + 1;
  const marked = blocks.findIndex(
    (b, i) => b.kind === 'title' && i < Math.max(limit, 8) && (!reasons[i] || reasons[i] === 'navigation'),
  );
  if (marked >= 0) return marked;
  const nav = (j: number) => j < 0 || reasons[j] === 'navigation';
  // First a line that reads as a phrase; failing that, a Title Case one.
  for (const titleCase of [false, true])
    for (let i = 0; i < limit; i++) {
      if (reasons[i] || !headlineShaped(blocks[i]!, lang, titleCase)) continue;
      // A name between menu lines is the masthead ("The Meridian Post" under "Skip to main content").
      if (nav(i - 1) && i + 1 < n && reasons[i + 1] === 'navigation') continue;
      if (i === firstGood && !settled.slice(i + 1).some((c, k) => c === 'good' && !reasons[i + 1 + k])) break;
      return i;
    }
  return -1;
}

// ---------------------------------------------------------------- promotions

const GENERIC_NAME_WORDS = new Set([
  'the',
  'le',
  'la',
  'les',
  'der',
  'die',
  'das',
  'news',
  'nyheter',
  'post',
  'times',
  'daily',
]);

/**
 * The publisher's names and the distinctive words of them that the article itself does not use
 * ("The Ardley Courier" → also "Courier", not "Ardley" when the story is about Ardley).
 */
function selfNames(names: readonly (string | undefined)[], body: string): string[] {
  const out = new Set<string>();
  const lowerBody = body.toLowerCase();
  for (const name of names) {
    if (!name) continue;
    out.add(name);
    for (const w of name.split(/[\s'’]+/))
      if (w.length >= 4 && !GENERIC_NAME_WORDS.has(w.toLowerCase()) && !lowerBody.includes(w.toLowerCase())) out.add(w);
  }
  return [...out];
}

/** Reasons of blocks the classifier dropped without a rule: a promotion among them is named as one. */
const GENERIC = new Set<RemovalReason | undefined>([
  undefined,
  'not article text',
  'short line outside the article',
  'outside the article',
]);

/**
 * The publisher's own promotions at the end of an article (its events, awards, newsletters,
 * podcasts, offers, services): from the last block backwards, past removed blocks, each kept
 * paragraph that is a promotion is removed as "promo", up to the first that is article text.
 */
function removePromoTail(
  blocks: Block[],
  reasons: (RemovalReason | undefined)[],
  settled: Cls[],
  self: string[],
): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const kept = !reasons[i] && settled[i] === 'good';
    // A promotion under a "related" heading was taken along with its teasers, and the publisher's own
    // event is more than an event ad: each is named as what it is.
    if (!kept && !GENERIC.has(reasons[i]) && reasons[i] !== 'related links' && reasons[i] !== 'event ad') continue;
    if (isPublisherPromo(blocks[i]!.text, self)) {
      reasons[i] = 'promo';
      settled[i] = 'bad';
    } else if (kept) return;
  }
}
