/**
 * Re-anchoring benchmark: 10,000 quotes in generated fictional
 * articles (English, Swedish, German), the articles then edited around and
 * inside the quotes — sentences inserted and deleted, typos fixed, words
 * inserted and deleted inside quotes, paragraphs moved — with ground truth of
 * where each quote now is. Our `anchorTarget` and the peer,
 * `dom-anchor-text-quote` (diff-match-patch, the approach Hypothesis used
 * before), and a Hypothesis-style matcher (the stored position first, then
 * approx-string-match candidates scored on quote, prefix, suffix and
 * position: bench/lib/hypothesis-style-anchor.ts) anchor the same cases in the
 * same run.
 *
 * Ground truth: an edit inside a quote (never its first or last word) moves
 * its end; text inserted exactly at a quote's edge is outside it; edits that
 * would cut a quote's edge are not made. "Wrong where truth had fewer errors"
 * compares, for a wrong anchor, the selector errors of the returned range and
 * of the true one: quote edit distance plus how many edits the text right
 * before / after needs to read like the stored prefix / suffix (measured here,
 * independently of shared/anchoring/).
 *
 * All run the same cases article by article, rotating which goes first,
 * for 3 rounds (median reported), so that load on a shared machine falls on
 * both. Our time includes folding every article (the cache is cleared).
 *
 *   npx tsx bench/anchoring.bench.ts [--quotes 10000]
 *   ANCHOR_DUMP=/tmp/cases.json …   writes our wrong and orphaned cases
 *   ANCHOR_PROFILE=1 …              prints our time per outcome
 */
import { createRequire } from 'node:module';
import { anchorTarget, describeTarget, foldString, forgetPreparedTexts } from '../shared/anchoring';
import type { TextTarget } from '../shared/model';
import { ms, printTable } from './lib/report';
import { hypothesisStyleAnchor } from './lib/hypothesis-style-anchor';
import { mulberry32 } from '../tests/helpers/seeded-random';

// ---------------------------------------------------------------- seeded randomness

const rand = mulberry32(20260312);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

// ---------------------------------------------------------------- fictional article generator

interface Lang {
  nouns: string[];
  verbs: string[];
  adjectives: string[];
  glue: string[];
  names: string[];
  places: string[];
  saidVerb: string;
  open: string;
  close: string;
  boilerplate: string[];
}

const EN: Lang = {
  nouns:
    'council budget ferry harbour minister committee report inquiry tender contract union strike hospital school railway tunnel bridge tram depot election mayor party coalition audit deficit surplus subsidy tariff export pipeline reactor turbine warehouse shipyard fishermen quota license permit regulator watchdog court appeal verdict witness prosecutor lawyer ombudsman spokesperson treasury ledger invoice consultant architect engineer contractor landlord tenant rent mortgage lender pension museum library archive newspaper broadcaster editor reporter survey poll voter district borough province border customs police brigade ambulance clinic vaccine outbreak drought harvest orchard vineyard dairy cooperative airport runway terminal airline cargo container crane dock pier marina lighthouse'.split(
      ' ',
    ),
  verbs:
    'approved rejected delayed postponed announced denied confirmed questioned criticised defended funded cancelled reviewed investigated demanded proposed signed blocked challenged welcomed suspended extended doubled halved revised disclosed leaked published withdrew audited inspected'.split(
      ' ',
    ),
  adjectives:
    'new old costly cheap controversial ambitious modest secret public regional national municipal independent senior former acting interim provisional disputed late early unexpected'.split(
      ' ',
    ),
  glue: 'the the the a an of of in on at for with after before during under against about between without since'.split(
    ' ',
  ),
  names:
    'Ruth Abernathy|Tom Castellane|Priya Raman|Oliver Quennell|Hannah Broadbent|Samuel Okoye|Imogen Fairweather|Declan Murtagh|Leila Haddad|Victor Ashdown'.split(
      '|',
    ),
  places: 'Port Elmsworth|Marrow Key|Westhollow|Brantley Moor|Caddon Bay|Northfield'.split('|'),
  saidVerb: 'said',
  open: '“',
  close: '”',
  boilerplate: [
    'Advertisement',
    'Read more: Ferry timetable changes this winter',
    'Sign up for our morning newsletter',
    '© 2026 Elmsworth Evening Gazette. All rights reserved.',
  ],
};
const SV: Lang = {
  nouns:
    'kommunen budgeten färjan hamnen ministern nämnden rapporten utredningen upphandlingen avtalet facket strejken sjukhuset skolan järnvägen tunneln bron spårvagnen depån valet borgmästaren partiet koalitionen revisionen underskottet överskottet bidraget tullen exporten ledningen reaktorn turbinen lagret varvet fiskarna kvoten tillståndet myndigheten domstolen överklagandet domen vittnet åklagaren advokaten talespersonen kassan fakturan konsulten arkitekten ingenjören entreprenören hyresvärden hyresgästen hyran lånet pensionen museet biblioteket arkivet tidningen redaktören reportern enkäten väljarna distriktet länet gränsen polisen ambulansen vårdcentralen vaccinet torkan skörden mejeriet flygplatsen terminalen frakten kranen kajen piren fyren'.split(
      ' ',
    ),
  verbs:
    'godkände avslog försenade sköt upp meddelade förnekade bekräftade ifrågasatte kritiserade försvarade finansierade ställde in granskade utredde krävde föreslog undertecknade stoppade välkomnade förlängde fördubblade halverade reviderade publicerade drog tillbaka'.split(
      ' ',
    ),
  adjectives:
    'nya gamla dyra billiga omstridda ambitiösa blygsamma hemliga offentliga regionala nationella kommunala oberoende tidigare tillförordnade oväntade sena tidiga'.split(
      ' ',
    ),
  glue: 'och i på för med efter före under mot om mellan utan sedan av till från'.split(' '),
  names:
    'Karin Sjöberg|Erik Lundgren|Åsa Wikström|Mats Öberg|Lina Håkansson|Johan Bergqvist|Sara Nyström|Anders Lindqvist'.split(
      '|',
    ),
  places: 'Västerlida|Norrhamn|Ekeby|Sjövik|Gråbo'.split('|'),
  saidVerb: 'säger',
  open: '”',
  close: '”',
  boilerplate: [
    'Annons',
    'Läs också: Pendlarna rasar mot nya tidtabellen',
    'Prenumerera på vårt nyhetsbrev',
    '© 2026 Västerlida Tidning',
  ],
};
const DE: Lang = {
  nouns:
    'Stadtrat Haushalt Fähre Hafen Minister Ausschuss Bericht Untersuchung Ausschreibung Vertrag Gewerkschaft Streik Krankenhaus Schule Bahnstrecke Tunnel Brücke Straßenbahn Depot Wahl Bürgermeisterin Partei Koalition Prüfung Defizit Zuschuss Zoll Export Leitung Turbine Lager Werft Fischer Quote Genehmigung Behörde Gericht Berufung Urteil Zeuge Staatsanwalt Anwältin Sprecher Kasse Rechnung Gutachter Architektin Ingenieur Vermieter Mieter Miete Kredit Rente Museum Bibliothek Archiv Zeitung Redakteurin Umfrage Wähler Bezirk Landkreis Grenze Polizei Rettungswagen Praxis Impfstoff Dürre Ernte Molkerei Flughafen Terminal Fracht Kran Kai Leuchtturm'.split(
      ' ',
    ),
  verbs:
    'genehmigte lehnte verschob kündigte bestätigte bezweifelte kritisierte verteidigte finanzierte strich prüfte untersuchte forderte schlug unterzeichnete blockierte begrüßte verlängerte verdoppelte halbierte überarbeitete veröffentlichte'.split(
      ' ',
    ),
  adjectives:
    'neue alte teure günstige umstrittene ehrgeizige bescheidene geheime öffentliche regionale nationale städtische unabhängige frühere kommissarische unerwartete späte frühe'.split(
      ' ',
    ),
  glue: 'der die das und in auf für mit nach vor während unter gegen über zwischen ohne seit von zu aus'.split(' '),
  names: 'Anke Vogel|Jörg Brenner|Mareike Schütz|Tobias Kühn|Elif Demir|Friedrich Lange|Paula Weiß'.split('|'),
  places: 'Kleinhafen|Obermühle|Lindenau|Rotbach|Seeburg'.split('|'),
  saidVerb: 'sagte',
  open: '„',
  close: '“',
  boilerplate: [
    'Anzeige',
    'Lesen Sie auch: Neue Fahrpläne ab Dezember',
    'Jetzt den Newsletter abonnieren',
    '© 2026 Kleinhafener Rundschau',
  ],
};
const LANGS = [EN, SV, DE];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentence(l: Lang): string {
  const words: string[] = [];
  const n = int(7, 22);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.28) words.push(pick(l.glue));
    else if (r < 0.55) words.push(pick(l.nouns));
    else if (r < 0.7) words.push(pick(l.verbs));
    else if (r < 0.82) words.push(pick(l.adjectives));
    else if (r < 0.88) words.push(pick(l.names));
    else if (r < 0.93) words.push(pick(l.places));
    else if (r < 0.97)
      words.push(String(int(2, 2400)) + (rand() < 0.3 ? '\u00a0' + pick(['km', '%', 'kr', 'MW']) : ''));
    else words.push(pick(l.nouns) + ',');
  }
  let s = capitalise(words.join(' ').replace(/,$/, '')) + pick(['.', '.', '.', '.', '?', '!']);
  if (rand() < 0.15) s = `${l.open}${s}${l.close} ${l.saidVerb} ${pick(l.names)}.`;
  return s;
}

function article(l: Lang, words: number): string {
  const paras: string[] = [];
  let count = 0;
  paras.push(
    capitalise(
      `${pick(l.nouns)} ${pick(l.verbs)} ${pick(l.adjectives)} ${pick(l.nouns)} ${pick(l.glue)} ${pick(l.places)}`,
    ),
  );
  while (count < words) {
    const sentences: string[] = [];
    for (let i = int(2, 6); i > 0; i--) sentences.push(sentence(l));
    const p = sentences.join(' ');
    paras.push(p);
    count += p.split(' ').length;
    if (rand() < 0.08) paras.push(pick(l.boilerplate));
  }
  return paras.join('\n\n');
}

// ---------------------------------------------------------------- cases with ground truth

interface Quote {
  target: TextTarget;
  /** Ground truth in the current (edited) text. */
  s: number;
  e: number;
  /** The sentence holding the quote was deleted: the right answer is "orphan". */
  gone?: boolean;
}
interface Case {
  text: string;
  quotes: Quote[];
}

function wordStarts(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (text[i] !== ' ' && text[i] !== '\n' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\n')) out.push(i);
  return out;
}

function makeQuotes(text: string, n: number): Quote[] {
  const starts = wordStarts(text);
  const quotes: Quote[] = [];
  while (quotes.length < n) {
    const i = int(0, starts.length - 3);
    const words = rand() < 0.1 ? int(1, 2) : int(3, 28);
    const j = Math.min(starts.length - 1, i + words);
    const s = starts[i]!;
    // end at the end of the word before starts[j]
    let e = starts[j]! - 1;
    while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\n')) e--;
    if (e <= s) continue;
    const quote = text.slice(s, e);
    // Cross-paragraph quotes are allowed (~ as they come), but keep them from spanning 3+ paragraphs.
    if (quote.split('\n\n').length > 2) continue;
    quotes.push({ target: describeTarget(text, s, e), s, e });
  }
  return quotes;
}

/** Applies text = text[0,pos) + ins + text[pos+del,…) unless it would cut a quote boundary. */
const live = (c: Case) => c.quotes.filter((q) => !q.gone);

function splice(
  c: Case,
  pos: number,
  del: number,
  ins: string,
  allowInside: boolean,
  removeContained = false,
): boolean {
  const end = pos + del;
  const contained: Quote[] = [];
  for (const q of live(c)) {
    const before = end <= q.s;
    const after = pos >= q.e;
    const inside = pos > q.s && end < q.e;
    if (before || after) continue;
    if (removeContained && q.s >= pos && q.e <= end && q.target.exact.split(' ').length >= 6) {
      contained.push(q);
      continue;
    }
    if (!(inside && allowInside)) return false;
  }
  for (const q of contained) q.gone = true;
  const delta = ins.length - del;
  for (const q of live(c)) {
    if (end <= q.s) {
      q.s += delta;
      q.e += delta;
    } else if (pos > q.s && end < q.e) q.e += delta;
  }
  c.text = c.text.slice(0, pos) + ins + c.text.slice(end);
  return true;
}

function paragraphs(text: string): Array<{ s: number; e: number }> {
  const out: Array<{ s: number; e: number }> = [];
  let s = 0;
  for (;;) {
    const i = text.indexOf('\n\n', s);
    out.push({ s, e: i === -1 ? text.length : i });
    if (i === -1) return out;
    s = i + 2;
  }
}

/** Moves one paragraph elsewhere, carrying the quotes inside it. */
function moveParagraph(c: Case): boolean {
  const ps = paragraphs(c.text);
  if (ps.length < 4) return false;
  const from = int(1, ps.length - 1);
  const p = ps[from]!;
  const quotes = live(c);
  const straddles = quotes.some((q) => (q.s < p.s && q.e > p.s) || (q.s < p.e && q.e > p.e));
  if (straddles) return false;
  const to = int(0, ps.length - 1);
  if (to === from || to === from - 1) return false;
  // insert after paragraph `to`
  const target = ps[to]!;
  const straddlesTarget = quotes.some((q) => q.s < target.e && q.e > target.e);
  if (straddlesTarget) return false;
  const body = c.text.slice(p.s, p.e);
  // remove "\n\n" + body (the separator before it)
  const cutS = p.s - 2;
  const cutE = p.e;
  const moving = quotes.filter((q) => q.s >= p.s && q.e <= p.e).map((q) => ({ q, off: q.s - p.s, len: q.e - q.s }));
  const movingSet = new Set(moving.map((m) => m.q));
  const removed = c.text.slice(0, cutS) + c.text.slice(cutE);
  const cutLen = cutE - cutS;
  for (const q of quotes) {
    if (movingSet.has(q)) continue;
    if (q.s >= cutE) {
      q.s -= cutLen;
      q.e -= cutLen;
    }
  }
  const insertAt = target.e <= cutS ? target.e : target.e - cutLen;
  const ins = '\n\n' + body;
  for (const q of quotes) {
    if (movingSet.has(q)) continue;
    if (q.s >= insertAt) {
      q.s += ins.length;
      q.e += ins.length;
    }
  }
  for (const m of moving) {
    m.q.s = insertAt + 2 + m.off;
    m.q.e = m.q.s + m.len;
  }
  c.text = removed.slice(0, insertAt) + ins + removed.slice(insertAt);
  return true;
}

function sentenceBoundaries(text: string): number[] {
  const out: number[] = [];
  const re = /[.!?”“] (?=\p{Lu}|[„”“])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index + 2);
  return out;
}

const kinds = {
  insertSentence: 0,
  deleteSentence: 0,
  deleteQuotedSentence: 0,
  typoFix: 0,
  wordInQuote: 0,
  wordOutOfQuote: 0,
  moveParagraph: 0,
};

function perturb(c: Case, l: Lang): void {
  let edits = int(10, 16);
  let guard = 0;
  while (edits > 0 && guard++ < 400) {
    const r = rand();
    let ok: boolean;
    if (r < 0.2) {
      const b = pick(sentenceBoundaries(c.text));
      ok = b !== undefined && splice(c, b, 0, sentence(l) + ' ', false);
      if (ok) kinds.insertSentence++;
    } else if (r < 0.23) {
      // delete the whole sentence around a longer quote: it should then be orphaned
      const q = pick(live(c));
      const bs = sentenceBoundaries(c.text);
      const from = bs.filter((b) => b <= q.s).pop();
      const to = bs.find((b) => b >= q.e);
      ok =
        q.target.exact.split(' ').length >= 6 &&
        from !== undefined &&
        to !== undefined &&
        to - from < 500 &&
        !c.text.slice(from, to).includes('\n') &&
        splice(c, from, to - from, '', false, true);
      if (ok) kinds.deleteQuotedSentence++;
    } else if (r < 0.35) {
      const bs = sentenceBoundaries(c.text);
      const k = int(0, bs.length - 2);
      const s = bs[k]!;
      const e = bs[k + 1]!;
      ok = e - s < 400 && !c.text.slice(s, e).includes('\n') && splice(c, s, e - s, '', false);
      if (ok) kinds.deleteSentence++;
    } else if (r < 0.6) {
      // typo fix: change one letter of a word (often inside a quote)
      const q = rand() < 0.7 ? pick(live(c)) : null;
      const lo = q ? q.s + 1 : 0;
      const hi = q ? q.e - 2 : c.text.length - 1;
      if (hi <= lo) continue;
      const pos = int(lo, hi);
      const ch = c.text[pos]!;
      if (!/\p{L}/u.test(ch)) continue;
      const repl = rand() < 0.5 ? c.text[pos + 1]! + ch : ch === 'e' ? 'a' : 'e';
      const del = repl.length === 2 ? 2 : 1;
      if (repl.length === 2 && !/\p{L}/u.test(c.text[pos + 1] ?? '')) continue;
      ok = splice(c, pos, del, repl, true);
      if (ok) kinds.typoFix++;
    } else if (r < 0.85) {
      // insert or delete a word inside a quote (never at its first or last word)
      const q = pick(live(c));
      const inner = wordStarts(c.text.slice(q.s, q.e))
        .slice(1)
        .map((i) => q.s + i);
      if (inner.length < 2) continue;
      const at = pick(inner.slice(0, -1));
      if (rand() < 0.5) {
        ok = splice(c, at, 0, pick(rand() < 0.5 ? l.adjectives : l.glue) + ' ', true);
      } else {
        const sp = c.text.indexOf(' ', at);
        ok = sp > at && sp < q.e - 1 && !c.text.slice(at, sp).includes('\n') && splice(c, at, sp + 1 - at, '', true);
      }
      if (ok) kinds.wordInQuote++;
    } else if (r < 0.9) {
      const ws = wordStarts(c.text);
      ok = splice(c, pick(ws), 0, pick(l.adjectives) + ' ', false);
      if (ok) kinds.wordOutOfQuote++;
    } else {
      ok = moveParagraph(c);
      if (ok) kinds.moveParagraph++;
    }
    if (ok) edits--;
  }
}

// ---------------------------------------------------------------- run

const argQuotes = process.argv.indexOf('--quotes');
const TOTAL = argQuotes > 0 ? Number(process.argv[argQuotes + 1]) : 10_000;
const PER_ARTICLE = 50;
const cases: Case[] = [];
for (let a = 0; cases.length * PER_ARTICLE < TOTAL; a++) {
  const l = LANGS[a % LANGS.length]!;
  const text = article(l, int(900, 1600));
  const c: Case = { text, quotes: makeQuotes(text, Math.min(PER_ARTICLE, TOTAL - cases.length * PER_ARTICLE)) };
  perturb(c, l);
  cases.push(c);
}
const nQuotes = cases.reduce((n, c) => n + c.quotes.length, 0);
const changedQuotes = cases.reduce(
  (n, c) => n + live(c).filter((q) => c.text.slice(q.s, q.e) !== q.target.exact).length,
  0,
);
const movedQuotes = cases.reduce((n, c) => n + live(c).filter((q) => q.s !== q.target.start).length, 0);
const goneQuotes = cases.reduce((n, c) => n + c.quotes.filter((q) => q.gone).length, 0);
const avgChars = Math.round(cases.reduce((n, c) => n + c.text.length, 0) / cases.length);

// Sanity: ground truth is consistent — unchanged quotes are where we say they are.
for (const c of cases)
  for (const q of live(c)) if (q.s < 0 || q.e > c.text.length || q.e <= q.s) throw new Error('bad ground truth');

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
/**
 * Edits between `pattern` and the text read away from `from` (dir +1 forwards,
 * −1 backwards), anchored at `from` and free at the far end: the prefix must
 * end right where the quote starts, the suffix start right where it ends, and
 * text pushed further away does not count. (Written here independently of
 * shared/anchoring/.)
 */
function adjacentErrors(text: string, from: number, dir: 1 | -1, pattern: string): number {
  const window =
    dir === 1
      ? text.slice(from, from + pattern.length * 2)
      : [...text.slice(Math.max(0, from - pattern.length * 2), from)].reverse().join('');
  const p = dir === 1 ? pattern : [...pattern].reverse().join('');
  let prev = Array.from({ length: window.length + 1 }, (_, j) => j);
  for (let i = 1; i <= p.length; i++) {
    const cur = [i];
    for (let j = 1; j <= window.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (p[i - 1] === window[j - 1] ? 0 : 1));
    prev = cur;
  }
  return Math.min(...prev);
}
/** Errors of a range against the stored selector: quote edit distance + prefix and suffix adjacency errors (folded). */
function selectorErrors(text: string, t: TextTarget, s: number, e: number): number {
  const folded = (x: string) => foldString(x);
  return (
    levenshtein(folded(t.exact), folded(text.slice(s, e))) +
    adjacentErrors(folded(text.slice(0, s)), folded(text.slice(0, s)).length, -1, folded(t.prefix)) +
    adjacentErrors(folded(text.slice(e)), 0, 1, folded(t.suffix))
  );
}

interface Tally {
  /** Deleted quotes reported as orphans. */
  goneOrphaned: number;
  correct: number;
  wrong: number;
  wrongDespiteBetter: number;
  orphan: number;
  ms: number;
  samples: string[];
}
const tally = (): Tally => ({
  goneOrphaned: 0,
  correct: 0,
  wrong: 0,
  wrongDespiteBetter: 0,
  orphan: 0,
  ms: 0,
  samples: [],
});

const dumped: unknown[] = [];
function judge(t: Tally, c: Case, q: Quote, r: { start: number; end: number } | null): void {
  if (q.gone) {
    // Its sentence was deleted: the only right answer is "orphan".
    if (r === null) {
      t.correct++;
      t.goneOrphaned++;
    } else {
      t.wrong++;
      if (t === ours && process.env.ANCHOR_DUMP)
        dumped.push({ text: c.text, target: q.target, truth: [0, 0], got: [r.start, r.end] });
      if (t.samples.length < 3)
        t.samples.push(
          `deleted ${JSON.stringify(q.target.exact)} anchored at ${JSON.stringify(c.text.slice(r.start, r.end))}`,
        );
    }
    return;
  }
  if (r === null) {
    if (t === ours && process.env.ANCHOR_DUMP)
      dumped.push({ text: c.text, target: q.target, truth: [q.s, q.e], got: [0, 0] });
    t.orphan++;
    return;
  }
  if (r.start === q.s && r.end === q.e) {
    t.correct++;
    return;
  }
  t.wrong++;
  const got = selectorErrors(c.text, q.target, r.start, r.end);
  const truth = selectorErrors(c.text, q.target, q.s, q.e);
  if (truth < got) t.wrongDespiteBetter++;
  if (t === ours && process.env.ANCHOR_DUMP)
    dumped.push({ text: c.text, target: q.target, truth: [q.s, q.e], got: [r.start, r.end] });
  if (t.samples.length < 3)
    t.samples.push(
      `want ${JSON.stringify(c.text.slice(q.s, q.e))} got ${JSON.stringify(c.text.slice(r.start, r.end))}`,
    );
}

if (process.env.ANCHOR_PROFILE) {
  // Time per outcome (second pass, warm).
  for (let pass = 0; pass < 2; pass++) {
    const by: Record<string, { n: number; ms: number }> = {};
    for (const c of cases) {
      for (const q of c.quotes) {
        const t0 = performance.now();
        const r = anchorTarget(c.text, q.target);
        const dt = performance.now() - t0;
        const k = r.status;
        by[k] ??= { n: 0, ms: 0 };
        by[k].n++;
        by[k].ms += dt;
      }
    }
    if (pass === 1)
      console.log(
        Object.entries(by)
          .map(([k, v]) => `${k}: ${v.n} × ${(v.ms / v.n).toFixed(4)} ms`)
          .join('\n'),
      );
  }
}

// Peer: dom-anchor-text-quote works on a node's textContent; a minimal object is enough.
const require = createRequire(import.meta.url);
const textQuote = require('dom-anchor-text-quote') as {
  toTextPosition(
    root: { textContent: string },
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): { start: number; end: number } | null;
};

// Both run on the same cases, article by article, alternating which goes
// first, for ROUNDS rounds (the machine is shared: interleaving spreads any
// load over both). Our time includes folding each article (cache cleared).
const ROUNDS = 3;
const ours = tally();
const peer = tally();
const hyp = tally();
const statuses: Record<string, number> = {};
const ourRounds: number[] = [];
const peerRounds: number[] = [];
const hypRounds: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  let ourMs = 0;
  let peerMs = 0;
  let hypMs = 0;
  for (const [ci, c] of cases.entries()) {
    const runOurs = () => {
      forgetPreparedTexts();
      const t0 = performance.now();
      const rs = c.quotes.map((q) => anchorTarget(c.text, q.target));
      ourMs += performance.now() - t0;
      return rs;
    };
    const runPeer = () => {
      const root = { textContent: c.text };
      const t0 = performance.now();
      const rs = c.quotes.map((q) =>
        textQuote.toTextPosition(
          root,
          { exact: q.target.exact, prefix: q.target.prefix, suffix: q.target.suffix },
          { hint: q.target.start },
        ),
      );
      peerMs += performance.now() - t0;
      return rs;
    };
    const runHyp = () => {
      const t0 = performance.now();
      const rs = c.quotes.map((q) => hypothesisStyleAnchor(c.text, q.target));
      hypMs += performance.now() - t0;
      return rs;
    };
    // Rotate the order of the three, so that load on the machine falls on each alike.
    const order = (round + ci) % 3;
    const a = order === 0 ? runOurs() : null;
    const h0 = order === 1 ? runHyp() : null;
    const p = runPeer();
    const o = a ?? runOurs();
    const h = h0 ?? runHyp();
    if (round === 0) {
      c.quotes.forEach((q, j) => {
        const r = o[j]!;
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        judge(ours, c, q, r.status === 'orphan' ? null : r);
        judge(peer, c, q, p[j]!);
        judge(hyp, c, q, h[j]!);
      });
    }
  }
  ourRounds.push(ourMs);
  peerRounds.push(peerMs);
  hypRounds.push(hypMs);
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
ours.ms = median(ourRounds);
peer.ms = median(peerRounds);
hyp.ms = median(hypRounds);

const pct = (n: number) => `${((100 * n) / nQuotes).toFixed(2)} %`;
console.log(
  `\n${cases.length} articles (en/sv/de, ~${avgChars} chars each), ${nQuotes} quotes; after editing ${movedQuotes} quotes moved, ${changedQuotes} had their own text changed and ${goneQuotes} were deleted with their sentence (right answer: orphan).\n` +
    `edits: ${Object.entries(kinds)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}\nour statuses: ${Object.entries(statuses)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
);
printTable(
  `Re-anchoring ${nQuotes} quotes after edits — anchorTarget vs dom-anchor-text-quote and a Hypothesis-style matcher (same cases, same run)`,
  [
    {
      figure: 'correct',
      value: pct(ours.correct),
      floor: `dom-anchor ${pct(peer.correct)}, Hypothesis-style ${pct(hyp.correct)}`,
      target: '≥ 99.9 %',
      ok: ours.correct / nQuotes >= 0.999,
    },
    {
      figure: 'wrong (anchored elsewhere)',
      value: String(ours.wrong),
      floor: `dom-anchor ${peer.wrong}, Hypothesis-style ${hyp.wrong}`,
      target: 'report',
      ok: true,
    },
    {
      figure: 'wrong where truth had fewer errors',
      value: String(ours.wrongDespiteBetter),
      floor: `dom-anchor ${peer.wrongDespiteBetter}, Hypothesis-style ${hyp.wrongDespiteBetter}`,
      target: '0',
      ok: ours.wrongDespiteBetter === 0,
    },
    {
      figure: 'orphaned (quote still in the text)',
      value: String(ours.orphan),
      floor: `dom-anchor ${peer.orphan}, Hypothesis-style ${hyp.orphan}`,
      target: 'report',
      ok: true,
    },
    {
      figure: `deleted quotes reported orphaned (of ${goneQuotes})`,
      value: String(ours.goneOrphaned),
      floor: `dom-anchor ${peer.goneOrphaned}, Hypothesis-style ${hyp.goneOrphaned}`,
      target: 'report',
      ok: true,
    },
    {
      figure: `time, all quotes, vs dom-anchor-text-quote (median of ${ROUNDS} rounds)`,
      value: ms(ours.ms, 0),
      floor: `dom-anchor ${ms(peer.ms, 0)}`,
      target: '≥ 5× faster',
      ok: peer.ms / ours.ms >= 5,
    },
    {
      figure: 'time per quote, vs dom-anchor-text-quote',
      value: ms(ours.ms / nQuotes, 3),
      floor: `dom-anchor ${ms(peer.ms / nQuotes, 3)} (${(peer.ms / ours.ms).toFixed(1)}× ours)`,
      target: '≥ 5× faster',
      ok: peer.ms / ours.ms >= 5,
    },
    {
      figure: `time, all quotes, vs Hypothesis-style (median of ${ROUNDS} rounds)`,
      value: ms(ours.ms, 0),
      floor: `Hypothesis-style ${ms(hyp.ms, 0)} (${(hyp.ms / ours.ms).toFixed(1)}× ours)`,
      target: '≥ 3× faster',
      ok: hyp.ms / ours.ms >= 3,
    },
  ],
);
if (ours.samples.length)
  console.log(`\nour wrong anchors (first ${ours.samples.length}):\n  ${ours.samples.join('\n  ')}`);
if (peer.samples.length)
  console.log(`dom-anchor wrong anchors (first ${peer.samples.length}):\n  ${peer.samples.join('\n  ')}`);
if (hyp.samples.length)
  console.log(`Hypothesis-style wrong anchors (first ${hyp.samples.length}):\n  ${hyp.samples.join('\n  ')}`);
if (process.env.ANCHOR_DUMP) (await import('node:fs')).writeFileSync(process.env.ANCHOR_DUMP, JSON.stringify(dumped));
