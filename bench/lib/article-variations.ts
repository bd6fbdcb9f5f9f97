/**
 * Seeded variations of a hand-written labelled article (a browser copy or a
 * saved page) for the import benchmark, with labels that stay true:
 *
 *  - credit forms: each stand-alone photo credit line becomes another form
 *    ("Foto: … /TT", "REUTERS/…", "AP Photo/…", "(Photo by …/AFP via Getty Images)");
 *  - case: credit lines in capitals, the headline in Title Case (the label follows);
 *  - order (browser copies): the boilerplate after the article (related
 *    teasers, promotions, share lines, © line) shuffled.
 */
import { mulberry32 } from '../../tests/helpers/seeded-random';
import type { Expected } from '../../tests/fixtures/articles/render';

export interface LabelledText {
  name: string;
  text: string;
  expected: Expected;
}

const PHOTOGRAPHERS = ['Maja Lind', 'Oskar Berg', 'Tomás Reyes', 'Claire Dumas', 'Jonas Weber', 'Ruth Agnew'];
const AGENCIES = ['Reuters', 'AFP', 'TT', 'Scanpix', 'NTB', 'dpa', 'Getty Images'];
const FORMS: Array<(name: string, agency: string) => string> = [
  (n, a) => `Photo: ${n} / ${a}`,
  (n, a) => `Foto: ${n}/${a}`,
  (n, a) => `Bild: ${n} / ${a}`,
  (n, a) => `${a.toUpperCase()}/${n}`,
  (n) => `AP Photo/${n}`,
  (n, a) => `(Photo by ${n}/${a} via Getty Images)`,
  (n, a) => `${n} / ${a}`,
  (n, a) => `Photo : ${n} / ${a}`,
  (n, a) => `${n}/${a}`,
];
/** A caption block that is only a credit ("Photo: …", "REUTERS/…"): the lines the forms replace. */
const CREDIT_ONLY = /^(?:(?:Photo|Foto|Bild|Image|FOTO|PHOTO)\s?:\s?\S.{0,60}|[A-Z]{2,}(?: Photo)?\/\S.{0,40})$/u;

const titleCase = (s: string) => s.replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());

function shuffle<T>(items: T[], r: () => number): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** One seeded variation of `doc`; `seed` picks the transforms. */
export function vary(doc: LabelledText, seed: number): LabelledText {
  const r = mulberry32(seed);
  let text = doc.text;
  const expected: Expected = {
    ...doc.expected,
    paragraphs: [...doc.expected.paragraphs],
    removed: doc.expected.removed?.map((x) => ({ ...x })),
  };
  const upper = r() < 0.4;
  for (const label of expected.removed ?? []) {
    if (label.reason !== 'caption' || !CREDIT_ONLY.test(label.text) || !text.includes(label.text)) continue;
    const form = FORMS[Math.floor(r() * FORMS.length)]!;
    let credit = form(
      PHOTOGRAPHERS[Math.floor(r() * PHOTOGRAPHERS.length)]!,
      AGENCIES[Math.floor(r() * AGENCIES.length)]!,
    );
    if (upper) credit = credit.toUpperCase();
    text = text.split(label.text).join(credit);
    label.text = credit;
  }
  if (r() < 0.3 && text.includes(expected.title)) {
    // Only where the headline stands alone (its own line, element or attribute), not where a paragraph begins with it.
    const cased = titleCase(expected.title);
    const pieces = text.split(expected.title);
    text = pieces.reduce((acc, piece, i) => {
      if (i === 0) return piece;
      const alone = !/^[ \t]*\p{L}/u.test(piece) && !/^[,;]/.test(piece);
      return acc + (alone ? cased : expected.title) + piece;
    }, '');
    expected.title = cased;
  }
  if (doc.name.endsWith('.txt')) {
    // The boilerplate after the article's last paragraph, chunk by chunk, in another order.
    const chunks = text.split(/\n[ \t]*\n/);
    let last = -1;
    chunks.forEach((c, i) => {
      if (expected.paragraphs.some((p) => c.includes(p))) last = i;
    });
    if (last >= 0 && chunks.length - last > 2)
      text = [...chunks.slice(0, last + 1), ...shuffle(chunks.slice(last + 1), r)].join('\n\n');
  }
  return { name: doc.name, text, expected };
}
