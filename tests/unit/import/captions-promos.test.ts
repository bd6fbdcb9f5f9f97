/**
 * Regressions from real saved articles (recreated with invented text):
 *  - a photo caption right under the headline (a description, "Name, date",
 *    an agency credit) became the title and the headline was removed;
 *  - the publisher's promotions at the end (its events, awards, newsletters,
 *    services) and teasers of related articles stayed in the reading text.
 * Captions are removed as "caption", promotions as "promo", teasers as
 * "related links" — each restorable like every removed block.
 */
import { describe, expect, it } from 'vitest';
import { REMOVAL_REASONS } from '../../../shared/enums';
import { extractDocument } from '../../../main/services/import/extract';
import { isCreditLine, isNameWithDate } from '../../../main/services/import/extract/boilerplate-rules';
import { splitParagraphs } from '../../../shared/text';

const enc = (s: string) => new TextEncoder().encode(s);
const txt = (text: string) => extractDocument({ name: 'copy.txt', bytes: enc(text) });
const reasonOf = (doc: Awaited<ReturnType<typeof txt>>, text: string) =>
  doc.removed.find((r) => r.text === text)?.reason;

const EN_HEADLINE = 'Harbour board votes to turn the east quay silo into flats';
const EN = [
  'The harbour board voted on Wednesday evening to sell the old grain silo on the east quay to a housing cooperative, which has promised to keep the façade and build sixty flats behind it.',
  'Opponents said the cooperative had not shown that it could raise the money, and asked for an independent review of its finances before any contract is signed with the board.',
  'The sale is expected to be completed in the spring, the chair of the board said after the vote.',
];
const SV_HEADLINE = 'Färjan till Holmö går bara tre dagar i veckan i vinter';
const SV = [
  'Rederiet som sköter den enda bilfärjan till Holmö kör från och med december bara tre turer i veckan. Det meddelade bolaget på måndagen och hänvisar till höga bränslepriser.',
  'Öborna är upprörda. Ordföranden i byalaget säger att beslutet gör det svårt för äldre att ta sig till vårdcentralen på fastlandet och att skolan riskerar att förlora sina lärare.',
  'Regionens trafiknämnd ska diskutera ett extra bidrag på sitt nästa möte, men flera ledamöter varnar för att årets budget redan är förbrukad.',
];

describe('captions under the headline', () => {
  it.each([
    ['a description and a credit', ['The silo on the east quay at dusk.', 'Photo: Sam Reid / Reuters']],
    ['a name with a date and a credit', ['Sam Reid, 11 March 2025', 'Getty Images']],
    ['a credit in capitals', ['The silo on the east quay at dusk.', 'REUTERS/Sam Reid']],
    ['an AP-style credit', ['The silo on the east quay at dusk.', 'AP Photo/Sam Reid']],
    ['a credit alone', ['Photo: Sam Reid']],
  ])('English, %s: the headline stays the title, the caption lines are "caption"', async (_, caption) => {
    const doc = await txt(
      ['Menu', 'News', EN_HEADLINE, ...caption, 'By Ann Cole', '12 March 2025', ...EN].join('\n\n'),
    );
    expect(doc.title).toBe(EN_HEADLINE);
    expect(splitParagraphs(doc.text)).toEqual(EN);
    for (const line of caption) expect(reasonOf(doc, line), line).toBe('caption');
    // The picture's date is not the article's.
    expect(doc.publishedAt).toBe('2025-03-12');
  });

  it.each([
    ['en namnrad med datum och en fotobyline', ['Anna Lindqvist, 11 mars 2025', 'Foto: Jonas Ek/TT']],
    ['en bildtext och Scanpix', ['Färjan vid kajen i Holmsund.', 'FOTO: PER LUND / SCANPIX']],
  ])('Swedish, %s', async (_, caption) => {
    const doc = await txt(['Meny', 'Nyheter', SV_HEADLINE, ...caption, 'Av Elin Strand', ...SV].join('\n\n'));
    expect(doc.title).toBe(SV_HEADLINE);
    expect(splitParagraphs(doc.text)).toEqual(SV);
    for (const line of caption) expect(reasonOf(doc, line), line).toBe('caption');
  });

  it('a saved page without title metadata: the <h1>, not the <title> or the caption under it', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Silo</title></head><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <h1>${EN_HEADLINE}</h1><p>The silo on the east quay at dusk. Getty Images</p>
      ${EN.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
    const doc = await extractDocument({ name: 'page.html', bytes: enc(html) });
    expect(doc.title).toBe(EN_HEADLINE);
    expect(reasonOf(doc, 'The silo on the east quay at dusk. Getty Images')).toBe('caption');
  });

  it.each([EN_HEADLINE, 'Harbour Board Sells East Quay Silo For Flats'])(
    'a headline with a credit straight under it stays the headline: %s',
    async (headline) => {
      const doc = await txt(['Menu', 'News', headline, 'Photo: Sam Reid / Reuters', ...EN].join('\n\n'));
      expect(doc.title).toBe(headline);
      expect(reasonOf(doc, 'Photo: Sam Reid / Reuters')).toBe('caption');
    },
  );

  it('a Swedish copy with "Gå direkt till innehållet", a "Name/TT" credit and a "TEXT:" byline', async () => {
    const doc = await txt(
      [
        'Gå direkt till innehållet\nHolmö Tidning\nNyheter | Sport | Kultur',
        SV_HEADLINE,
        'Färjan vid kajen i Holmsund.\nErik Mårtensson/TT',
        'TEXT: Elin Strand',
        ...SV,
      ].join('\n\n'),
    );
    expect(doc.title).toBe(SV_HEADLINE);
    expect(doc.author).toBe('Elin Strand');
    expect(doc.outlet).toBe('Holmö Tidning');
    expect(reasonOf(doc, 'Gå direkt till innehållet')).toBe('navigation');
    expect(reasonOf(doc, 'Erik Mårtensson/TT')).toBe('caption');
    expect(reasonOf(doc, 'Färjan vid kajen i Holmsund.')).toBe('caption');
  });

  it('tells credit lines and "name, date" lines from article text and bylines', () => {
    for (const c of [
      'Photo: Sam Reid',
      'Foto: Jonas Ek/TT',
      'REUTERS/Lena Morales',
      'AP Photo/Milan Orlov',
      'Getty Images',
      'Erik Mårtensson/TT',
      'Anna Berg / AFP / Getty Images',
      'Photo Le Petit Alpin / Anne Roussel',
    ])
      expect(isCreditLine(c), c).toBe(true);
    for (const c of [
      'By Ann Cole',
      'The board met on Tuesday.',
      'AP',
      'Reuters reported a rise in prices.',
      'Nyheter från TT',
    ])
      expect(isCreditLine(c), c).toBe(false);
    expect(isNameWithDate('Daniel Price, 2 March 2025')).toBe(true);
    expect(isNameWithDate('Anna Lindqvist, 11 mars 2025')).toBe(true);
    expect(isNameWithDate('Published 2 March 2025')).toBe(false);
    expect(isNameWithDate('By Rachel Doyle | Published 2 September 2025')).toBe(false);
  });

  it('an article of short paragraphs with a very short one among them is still an article', async () => {
    const paras = [
      'EU:s fiskeministrar har beslutat att fisket efter torsk i östra Östersjön förblir stoppat även nästa år.',
      'För de gotländska fiskarna är beskedet väntat men tungt.',
      '– Vi har anpassat oss, men det är få kvar som kan leva på fisket, säger yrkesfiskaren Olle Ström.',
      'Forskare pekar på syrebrist och sälar som viktiga orsaker till att torsken inte kommer tillbaka.',
    ];
    const doc = await txt(
      ['Meny\nNyheter\nSport', SV_HEADLINE, 'Av Petra Lindgren', ...paras, 'Läs mer\nSälstammen växer'].join('\n\n'),
    );
    expect(splitParagraphs(doc.text)).toEqual(paras);
    expect(reasonOf(doc, 'Meny')).toBe('navigation');
  });

  it('keeps the short last paragraph of an article written in short paragraphs', async () => {
    const short = [
      'Andelen niondeklassare som får godkänt i matematik har ökat för tredje året i rad.',
      'I år fick 87 procent av eleverna minst betyget E, jämfört med 84 procent för tre år sedan.',
      '– Det är glädjande att trenden håller i sig, säger Skolverkets analytiker Lars Ek.',
      'Ökningen syns i alla län utom två.',
    ];
    const doc = await txt(
      ['Meny', 'Nyheter', SV_HEADLINE, 'TT', ...short, 'Nyheter från TT', 'Läs också\nLärarbristen minskar'].join(
        '\n\n',
      ),
    );
    expect(splitParagraphs(doc.text)).toEqual(short);
  });
});

/** An article with a tail; `tail` lines after the last paragraph, `self` the outlet named in the © line. */
const withTail = (lang: 'en' | 'sv' | 'de' | 'fr', tail: string[], copyright: string) => {
  const body = lang === 'sv' ? SV : lang === 'en' ? EN : lang === 'de' ? DE : FR;
  const head = lang === 'sv' ? SV_HEADLINE : lang === 'en' ? EN_HEADLINE : lang === 'de' ? DE_HEADLINE : FR_HEADLINE;
  return txt([head, ...body, ...tail, copyright].join('\n\n'));
};
const DE_HEADLINE = 'Stadtwerke erhöhen die Preise für Fernwärme im Frühjahr';
const DE = [
  'Die Stadtwerke erhöhen zum 1. März die Preise für Fernwärme um durchschnittlich zwölf Prozent. Betroffen sind rund 14.000 Haushalte im Stadtgebiet, vor allem in den Neubauvierteln.',
  'Als Grund nennt das Unternehmen gestiegene Kosten für Gas und für den Umbau des Heizkraftwerks, das bis 2030 ohne Kohle auskommen soll.',
  'Der Mieterverein kritisiert die Erhöhung scharf und fordert, dass der Stadtrat die Preisgestaltung der Stadtwerke überprüft.',
];
const FR_HEADLINE = 'Le marché couvert de Saint-Aubin rouvrira en septembre';
const FR = [
  'Fermé depuis deux ans pour des travaux de rénovation, le marché couvert de Saint-Aubin rouvrira ses portes le 6 septembre, a annoncé la mairie mardi soir.',
  "Le chantier a pris six mois de retard à cause de la découverte d'amiante dans la charpente, ce qui a fait grimper la facture de 1,2 million d'euros.",
  'Une trentaine d’étals sont prévus, dont huit réservés à des producteurs de la vallée. Les loyers resteront inchangés pendant la première année.',
];

describe("the publisher's promotions and related teasers at the end", () => {
  it.each([
    [
      'en',
      '© 2025 The Quayside Chronicle',
      [
        ['Read more: Why the silo was never listed', 'related links'],
        ['Explainer: How the harbour board is elected', 'related links'],
        ['The Quayside Chronicle Business Awards 2025 are open for nominations until 30 April.', 'promo'],
        ['Chronicle Insight, our research team, helps companies understand their customers. Contact us.', 'promo'],
        ['Listen to our weekly podcast, The Quay, every Friday morning.', 'promo'],
      ],
    ],
    [
      'sv',
      '© 2025 Holmö Tidning',
      [
        ['Läs mer: Så fungerar färjetrafiken i skärgården', 'related links'],
        ['Holmö Tidning tilldelades Guldspaden 2024 för granskningen av rederiet.', 'promo'],
        ['Tidningens skärgårdsdag 2025 – träffa politikerna i hamnen den 14 maj. Anmäl dig på vår webbplats.', 'promo'],
      ],
    ],
    [
      'de',
      '© Lindenauer Zeitung 2025',
      [
        ['Mehr zum Thema: Was Mieter über die Heizkostenabrechnung wissen müssen', 'related links'],
        ['Lindenauer Zeitung Energieforum 2025: Diskutieren Sie mit Experten in der Stadthalle.', 'promo'],
        ['Die Lindenauer Zeitung ist mit dem Lokaljournalistenpreis 2024 ausgezeichnet worden.', 'promo'],
      ],
    ],
    [
      'fr',
      '© 2025 Le Courrier du Val',
      [
        ['Lire aussi : Le commerce de centre-ville reprend des couleurs', 'related links'],
        ['Le Courrier du Val a reçu le prix de la presse régionale 2024 pour son enquête sur l’eau.', 'promo'],
        ['Courrier Conseil, notre agence, accompagne les collectivités dans leur communication.', 'promo'],
      ],
    ],
  ] as const)('%s: removed with their reasons, the article kept whole', async (lang, copyright, tail) => {
    const doc = await withTail(
      lang,
      tail.map(([t]) => t),
      copyright,
    );
    const body = lang === 'sv' ? SV : lang === 'en' ? EN : lang === 'de' ? DE : FR;
    expect(splitParagraphs(doc.text)).toEqual(body);
    for (const [text, reason] of tail) expect(reasonOf(doc, text), text).toBe(reason);
  });

  it('a subscription pitch and a crossword plug are promotions, a byline without "By" a byline', async () => {
    const pitch = 'Abonnez-vous à La Voix du Puy : 1 € le premier mois, sans engagement.';
    const doc = await withTail('fr', [pitch], '© 2025 La Voix du Puy');
    expect(reasonOf(doc, pitch)).toBe('promo');
    const plug = 'Love a good puzzle? Try the Quayside Chronicle crossword, free every day on our app.';
    const en = await txt(
      [EN_HEADLINE, 'Lucy Armitage', 'Business reporter', ...EN, plug, '© 2025 The Quayside Chronicle'].join('\n\n'),
    );
    expect(en.author).toBe('Lucy Armitage');
    expect(reasonOf(en, 'Business reporter')).toBe('byline');
    expect(reasonOf(en, plug)).toBe('promo');
    expect(splitParagraphs(en.text)).toEqual(EN);
  });

  it('"follow us", "got a story?", readers\' trips and events of the publisher are promotions', async () => {
    const tail = [
      'Följ Holmö Tidning på Instagram och Facebook.',
      'Holmö Tidnings läsarresa till Gotland – boka före 15 oktober.',
    ];
    const doc = await txt(
      ['Till startsidan\nHolmö Tidning\nNyheter\nSport', SV_HEADLINE, 'Av Elin Strand', ...SV, ...tail].join('\n\n'),
    );
    expect(doc.outlet).toBe('Holmö Tidning');
    expect(splitParagraphs(doc.text)).toEqual(SV);
    for (const t of tail) expect(reasonOf(doc, t), t).toBe('promo');
    const appeal = 'Join the Quayside Chronicle Christmas Appeal and help us raise £20,000 for the food bank.';
    const withAppeal = await withTail('en', [appeal], '© 2025 The Quayside Chronicle');
    expect(reasonOf(withAppeal, appeal)).toBe('promo');
    expect(splitParagraphs(withAppeal.text)).toEqual(EN);
    const jubilee = 'Holmö Tidning fyller 100 år! Fira med oss på torget den 30 augusti.';
    const sv = await txt(
      [SV_HEADLINE, ...SV, 'Du kanske också gillar\nFärjan får ny kapten', jubilee, '© Holmö Tidning'].join('\n\n'),
    );
    expect(splitParagraphs(sv.text)).toEqual(SV);
    expect(reasonOf(sv, jubilee)).toBe('promo');
    expect(reasonOf(sv, 'Färjan får ny kapten')).toBe('related links');
    const got = 'Got a story? Email our newsdesk or message us on WhatsApp.';
    expect(reasonOf(await withTail('en', [got], '© 2025 The Quayside Chronicle'), got)).toBe('promo');
  });

  it('keeps a last paragraph that quotes someone about an award, and one about another organisation', async () => {
    const quote =
      '“We are proud of the award, and of every volunteer who made it possible,” said the cooperative’s chair.';
    const other = 'The cooperative won a national housing award in 2023 for a similar project in the old rope works.';
    const doc = await withTail('en', [quote, other], '© 2025 The Quayside Chronicle');
    expect(splitParagraphs(doc.text)).toEqual([...EN, quote, other]);
  });

  it('every removal reason the classifier gives is in the one list', async () => {
    const doc = await withTail(
      'en',
      ['Read more: Why the silo was never listed', 'Listen to our weekly podcast every Friday.'],
      '© 2025 X',
    );
    for (const r of doc.removed) expect(REMOVAL_REASONS).toContain(r.reason);
    expect(REMOVAL_REASONS).toEqual(expect.arrayContaining(['caption', 'promo', 'related links']));
  });
});
