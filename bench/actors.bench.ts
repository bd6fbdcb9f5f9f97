/**
 * Actor mention detection: throughput over 1,000 fictional articles
 * generated from templates (English, Swedish, German, French; many actors),
 * against a plain regex tokeniser over the same texts in the same run; and
 * precision / recall on the generated articles, labelled by construction, and
 * on the hand-written labelled set of tests/fixtures/actors; kind accuracy, span
 * accuracy and split actors on its held-out set.
 *
 *   npx tsx bench/actors.bench.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { clearDetectionCache, suggestActors } from '../main/services/actors/detect';
import { normaliseAlias, type ActorSuggestion } from '../shared/actors';
import type { Actor } from '../shared/model';
import { normalizeText } from '../shared/text';
import { printTable, type BenchRow } from './lib/report';
import { kindAccuracy, score, spanAccuracy, splitActors } from './lib/actor-scores';
import { mulberry32 as rng } from '../tests/helpers/seeded-random';

// ---------------------------------------------------------------- a seeded generator

const random = rng(20260315);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const sample = <T>(xs: readonly T[], n: number): T[] => {
  const copy = xs.slice();
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!);
  return out;
};

type Lang = 'en' | 'sv' | 'de' | 'fr';

/** States: canonical name, then per language the plain name, a genitive and a seat of government. */
const STATES: Array<{ name: string; forms: Record<Lang, { plain: string; gen: string; seat: string }> }> = [
  {
    name: 'United States',
    forms: {
      en: { plain: 'the United States', gen: "America's", seat: 'the White House' },
      sv: { plain: 'USA', gen: 'USA:s', seat: 'Vita huset' },
      de: { plain: 'die USA', gen: 'der USA', seat: 'Washington' },
      fr: { plain: 'les États-Unis', gen: 'des États-Unis', seat: 'la Maison Blanche' },
    },
  },
  {
    name: 'China',
    forms: {
      en: { plain: 'China', gen: "China's", seat: 'Beijing' },
      sv: { plain: 'Kina', gen: 'Kinas', seat: 'Peking' },
      de: { plain: 'China', gen: 'Chinas', seat: 'Peking' },
      fr: { plain: 'la Chine', gen: 'de la Chine', seat: 'Pékin' },
    },
  },
  {
    name: 'Russia',
    forms: {
      en: { plain: 'Russia', gen: "Russia's", seat: 'the Kremlin' },
      sv: { plain: 'Ryssland', gen: 'Rysslands', seat: 'Kreml' },
      de: { plain: 'Russland', gen: 'Russlands', seat: 'der Kreml' },
      fr: { plain: 'la Russie', gen: 'de la Russie', seat: 'le Kremlin' },
    },
  },
  {
    name: 'France',
    forms: {
      en: { plain: 'France', gen: "France's", seat: 'the Elysée' },
      sv: { plain: 'Frankrike', gen: 'Frankrikes', seat: 'Elyséepalatset' },
      de: { plain: 'Frankreich', gen: 'Frankreichs', seat: 'Paris' },
      fr: { plain: 'la France', gen: 'de la France', seat: "l'Élysée" },
    },
  },
  {
    name: 'United Kingdom',
    forms: {
      en: { plain: 'Britain', gen: "Britain's", seat: 'Downing Street' },
      sv: { plain: 'Storbritannien', gen: 'Storbritanniens', seat: 'London' },
      de: { plain: 'Großbritannien', gen: 'Großbritanniens', seat: 'London' },
      fr: { plain: 'le Royaume-Uni', gen: 'du Royaume-Uni', seat: 'Londres' },
    },
  },
  {
    name: 'Germany',
    forms: {
      en: { plain: 'Germany', gen: "Germany's", seat: 'Berlin' },
      sv: { plain: 'Tyskland', gen: 'Tysklands', seat: 'Berlin' },
      de: { plain: 'Deutschland', gen: 'Deutschlands', seat: 'Berlin' },
      fr: { plain: "l'Allemagne", gen: "de l'Allemagne", seat: 'Berlin' },
    },
  },
  {
    name: 'Sweden',
    forms: {
      en: { plain: 'Sweden', gen: "Sweden's", seat: 'Stockholm' },
      sv: { plain: 'Sverige', gen: 'Sveriges', seat: 'Rosenbad' },
      de: { plain: 'Schweden', gen: 'Schwedens', seat: 'Stockholm' },
      fr: { plain: 'la Suède', gen: 'de la Suède', seat: 'Stockholm' },
    },
  },
  {
    name: 'Finland',
    forms: {
      en: { plain: 'Finland', gen: "Finland's", seat: 'Helsinki' },
      sv: { plain: 'Finland', gen: 'Finlands', seat: 'Helsingfors' },
      de: { plain: 'Finnland', gen: 'Finnlands', seat: 'Helsinki' },
      fr: { plain: 'la Finlande', gen: 'de la Finlande', seat: 'Helsinki' },
    },
  },
  {
    name: 'Norway',
    forms: {
      en: { plain: 'Norway', gen: "Norway's", seat: 'Oslo' },
      sv: { plain: 'Norge', gen: 'Norges', seat: 'Oslo' },
      de: { plain: 'Norwegen', gen: 'Norwegens', seat: 'Oslo' },
      fr: { plain: 'la Norvège', gen: 'de la Norvège', seat: 'Oslo' },
    },
  },
  {
    name: 'Japan',
    forms: {
      en: { plain: 'Japan', gen: "Japan's", seat: 'Tokyo' },
      sv: { plain: 'Japan', gen: 'Japans', seat: 'Tokyo' },
      de: { plain: 'Japan', gen: 'Japans', seat: 'Tokio' },
      fr: { plain: 'le Japon', gen: 'du Japon', seat: 'Tokyo' },
    },
  },
  {
    name: 'India',
    forms: {
      en: { plain: 'India', gen: "India's", seat: 'New Delhi' },
      sv: { plain: 'Indien', gen: 'Indiens', seat: 'New Delhi' },
      de: { plain: 'Indien', gen: 'Indiens', seat: 'Neu-Delhi' },
      fr: { plain: "l'Inde", gen: "de l'Inde", seat: 'New Delhi' },
    },
  },
  {
    name: 'Ukraine',
    forms: {
      en: { plain: 'Ukraine', gen: "Ukraine's", seat: 'Kyiv' },
      sv: { plain: 'Ukraina', gen: 'Ukrainas', seat: 'Kiev' },
      de: { plain: 'die Ukraine', gen: 'der Ukraine', seat: 'Kiew' },
      fr: { plain: "l'Ukraine", gen: "de l'Ukraine", seat: 'Kiev' },
    },
  },
  {
    name: 'Poland',
    forms: {
      en: { plain: 'Poland', gen: "Poland's", seat: 'Warsaw' },
      sv: { plain: 'Polen', gen: 'Polens', seat: 'Warszawa' },
      de: { plain: 'Polen', gen: 'Polens', seat: 'Warschau' },
      fr: { plain: 'la Pologne', gen: 'de la Pologne', seat: 'Varsovie' },
    },
  },
  {
    name: 'Canada',
    forms: {
      en: { plain: 'Canada', gen: "Canada's", seat: 'Ottawa' },
      sv: { plain: 'Kanada', gen: 'Kanadas', seat: 'Ottawa' },
      de: { plain: 'Kanada', gen: 'Kanadas', seat: 'Ottawa' },
      fr: { plain: 'le Canada', gen: 'du Canada', seat: 'Ottawa' },
    },
  },
  {
    name: 'Turkey',
    forms: {
      en: { plain: 'Turkey', gen: "Turkey's", seat: 'Ankara' },
      sv: { plain: 'Turkiet', gen: 'Turkiets', seat: 'Ankara' },
      de: { plain: 'die Türkei', gen: 'der Türkei', seat: 'Ankara' },
      fr: { plain: 'la Turquie', gen: 'de la Turquie', seat: 'Ankara' },
    },
  },
];

/** International bodies: canonical name, per language a plain form and a genitive/alternative. */
const IGOS: Array<{ name: string; forms: Record<Lang, [string, string]> }> = [
  {
    name: 'United Nations',
    forms: {
      en: ['the United Nations', "the UN's"],
      sv: ['FN', 'FN:s'],
      de: ['die Vereinten Nationen', 'der UNO'],
      fr: ["l'ONU", 'des Nations unies'],
    },
  },
  {
    name: 'European Union',
    forms: {
      en: ['the European Union', 'the EU'],
      sv: ['EU', 'EU:s'],
      de: ['die Europäische Union', 'der EU'],
      fr: ["l'Union européenne", "l'UE"],
    },
  },
  {
    name: 'NATO',
    forms: { en: ['NATO', "NATO's"], sv: ['Nato', 'Natos'], de: ['die Nato', 'der Nato'], fr: ["l'Otan", "de l'OTAN"] },
  },
  {
    name: 'World Health Organization',
    forms: {
      en: ['the World Health Organization', 'the WHO'],
      sv: ['Världshälsoorganisationen', 'WHO:s'],
      de: ['die Weltgesundheitsorganisation', 'der WHO'],
      fr: ["l'Organisation mondiale de la santé", "l'OMS"],
    },
  },
  {
    name: 'International Monetary Fund',
    forms: {
      en: ['the International Monetary Fund', "the IMF's"],
      sv: ['Internationella valutafonden', 'IMF:s'],
      de: ['der Internationale Währungsfonds', 'des IWF'],
      fr: ['le Fonds monétaire international', 'du FMI'],
    },
  },
  {
    name: 'World Bank',
    forms: {
      en: ['the World Bank', "the World Bank's"],
      sv: ['Världsbanken', 'Världsbankens'],
      de: ['die Weltbank', 'der Weltbank'],
      fr: ['la Banque mondiale', 'de la Banque mondiale'],
    },
  },
  {
    name: 'OSCE',
    forms: {
      en: ['the OSCE', "the OSCE's"],
      sv: ['OSSE', 'OSSE:s'],
      de: ['die OSZE', 'der OSZE'],
      fr: ["l'OSCE", "de l'OSCE"],
    },
  },
  {
    name: 'African Union',
    forms: {
      en: ['the African Union', "the African Union's"],
      sv: ['Afrikanska unionen', 'Afrikanska unionens'],
      de: ['die Afrikanische Union', 'der Afrikanischen Union'],
      fr: ["l'Union africaine", "de l'Union africaine"],
    },
  },
  {
    name: 'ASEAN',
    forms: {
      en: ['ASEAN', "ASEAN's"],
      sv: ['Asean', 'Aseans'],
      de: ['die Asean', 'der Asean'],
      fr: ["l'Asean", "de l'ANASE"],
    },
  },
  {
    name: 'World Trade Organization',
    forms: {
      en: ['the World Trade Organization', 'the WTO'],
      sv: ['Världshandelsorganisationen', 'WTO:s'],
      de: ['die Welthandelsorganisation', 'der WTO'],
      fr: ["l'Organisation mondiale du commerce", "l'OMC"],
    },
  },
];

/** Fictional people (given name, surname, the state they serve or undefined) and organisations. */
const PEOPLE: Array<[string, string]> = [
  ['Ulf', 'Brännström'],
  ['Åsa', 'Lindqvist'],
  ['Ingrid', 'Solheim'],
  ['Hannah', 'Whitcombe'],
  ['Paul', 'Desrosiers'],
  ['Amara', 'Okonjo'],
  ['Friedrich', 'Albers'],
  ['Marguerite', 'Tallon'],
  ['Jonas', 'Eklund'],
  ['Katarzyna', 'Wróbel'],
  ['Daniel', 'Ferreira'],
  ['Helena', 'Voss'],
  ['Mikael', 'Sundqvist'],
  ['Oksana', 'Melnyk'],
  ['Rahul', 'Mehta'],
  ['Yuki', 'Tanabe'],
  ['Emre', 'Kaplan'],
  ['Claire', 'Dubreuil'],
  ['Thomas', 'Hargreaves'],
  ['Lena', 'Hofmann'],
  ['Björn', 'Ahlgren'],
  ['Sofia', 'Marchetti'],
  ['Grace', 'Adeyemi'],
  ['Pierre', 'Lambert'],
];
const ORGS: Array<[string, string]> = [
  // [full name, short form used after the first mention]
  ['Nordvik Energy', 'Nordvik'],
  ['Halvorsen Shipping AB', 'Halvorsen Shipping'],
  ['Brandt Logistik GmbH', 'Brandt Logistik'],
  ['Kestrel Analytics', 'Kestrel Analytics'],
  ['Solberg Mining ASA', 'Solberg Mining'],
  ['Aurora Telecom', 'Aurora'],
  ['Meridian Bank', 'Meridian'],
  ['Vesterhav Wind', 'Vesterhav'],
  ['Calloway Defence Systems', 'Calloway Defence Systems'],
  ['Lindgren Consulting', 'Lindgren Consulting'],
  ['Duval Aerospace', 'Duval'],
  ['Ostara Pharma', 'Ostara'],
];
const PLACES: Record<Lang, string[]> = {
  en: ['Geneva', 'Rotterdam', 'Hamburg', 'Gdansk', 'the Baltic Sea', 'Lyon'],
  sv: ['Genève', 'Göteborg', 'Malmö', 'Östersjön', 'Luleå', 'Visby'],
  de: ['Genf', 'Hamburg', 'München', 'der Ostsee', 'Rostock', 'Kiel'],
  fr: ['Genève', 'Lyon', 'Marseille', 'la mer Baltique', 'Bordeaux', 'Strasbourg'],
};
const TITLES: Record<Lang, string[]> = {
  en: ['Foreign Minister', 'Prime Minister', 'Trade Minister', 'President', 'Defence Minister'],
  sv: ['utrikesministern', 'statsministern', 'handelsministern', 'presidenten', 'försvarsministern'],
  de: ['Außenministerin', 'Regierungschef', 'Handelsminister', 'Präsident', 'Verteidigungsminister'],
  fr: [
    'la ministre des Affaires étrangères',
    'le Premier ministre',
    'le ministre du Commerce',
    'le président',
    'la ministre de la Défense',
  ],
};
const DAYS: Record<Lang, string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  sv: ['måndagen', 'tisdagen', 'onsdagen', 'torsdagen', 'fredagen'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'],
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'],
};
const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'March', 'May', 'June', 'October'],
  sv: ['januari', 'mars', 'maj', 'juni', 'oktober'],
  de: ['Januar', 'März', 'Mai', 'Juni', 'Oktober'],
  fr: ['janvier', 'mars', 'mai', 'juin', 'octobre'],
};
const BOILER: Record<Lang, string[]> = {
  en: [
    'Read more: Why the cables matter',
    'Share this article',
    'Advertisement',
    'Most read',
    'Sign up for our morning newsletter',
  ],
  sv: ['Läs mer: Därför är kablarna viktiga', 'Dela artikeln', 'Annons', 'Mest läst', 'Prenumerera på nyhetsbrevet'],
  de: ['Mehr zum Thema', 'Artikel teilen', 'Anzeige', 'Meistgelesen', 'Jetzt den Newsletter abonnieren'],
  fr: [
    'Lire aussi : Pourquoi les câbles comptent',
    'Partager cet article',
    'Publicité',
    'Les plus lus',
    'Inscrivez-vous à la newsletter',
  ],
};

interface Slots {
  P: string; // person, full name with title
  Ps: string; // person, short form (surname)
  S: string;
  Sg: string;
  Sseat: string;
  S2: string;
  I: string;
  Ig: string;
  O: string;
  Os: string;
  place: string;
  day: string;
  month: string;
}

const TEMPLATES: Record<Lang, Array<(s: Slots) => string>> = {
  en: [
    (s) => `${s.P} said on ${s.day} that ${s.S} would ask ${s.I} to investigate the damage near ${s.place}.`,
    (s) =>
      `Yesterday ${s.Ps} repeated that ${s.Sg} position had not changed. Officials in ${s.Sseat} declined to comment.`,
    (s) => `Meanwhile ${s.O} said repairs would take until ${s.month}. ${s.Os} has asked ${s.I} for support.`,
    (s) =>
      `“We will not let this stand,” ${s.Ps} told reporters. ${s.S2} and ${s.S} are expected to meet in ${s.place} next week.`,
    (s) =>
      `Analysts at ${s.O} said ${s.Ig} response would decide who pays for the repairs. Let us be clear, one of them wrote.`,
    (s) => `In ${s.month} ${s.Sseat} warned that ${s.S2} could face sanctions from ${s.I}.`,
  ],
  sv: [
    (s) => `${s.P} sa på ${s.day} att ${s.S} vill att ${s.I} utreder skadorna vid ${s.place}.`,
    (s) => `Samtidigt upprepar ${s.Ps} att ${s.Sg} hållning ligger fast. I ${s.Sseat} vill ingen kommentera.`,
    (s) => `Enligt ${s.O} tar reparationerna till ${s.month}. ${s.Os} har bett ${s.I} om stöd.`,
    (s) => `– Vi accepterar inte det här, säger ${s.Ps}. ${s.S2} och ${s.S} väntas mötas i ${s.place} nästa vecka.`,
    (s) => `Analytiker på ${s.O} menar att ${s.Ig} besked avgör vem som betalar.`,
    (s) => `I ${s.month} varnade ${s.Sseat} för att ${s.S2} kan drabbas av sanktioner från ${s.I}.`,
  ],
  de: [
    (s) => `${s.P} sagte am ${s.day}, ${s.S} werde ${s.I} um eine Untersuchung der Schäden bei ${s.place} bitten.`,
    (s) =>
      `Gleichzeitig betonte ${s.Ps}, die Haltung ${s.Sg} habe sich nicht geändert. In ${s.Sseat} wollte sich niemand äußern.`,
    (s) =>
      `Nach Angaben von ${s.O} dauern die Reparaturen bis ${s.month}. ${s.Os} hat ${s.I} um Unterstützung gebeten.`,
    (s) =>
      `„Das nehmen wir nicht hin“, sagte ${s.Ps}. Vertreter aus ${s.S2} und ${s.S} wollen sich kommende Woche in ${s.place} treffen.`,
    (s) => `Analysten von ${s.O} erwarten, dass die Antwort ${s.Ig} über die Kosten entscheidet.`,
    (s) => `Im ${s.month} warnte ${s.Sseat}, ${s.S2} drohten Sanktionen.`,
  ],
  fr: [
    (s) => `${s.P} a déclaré ${s.day} que ${s.S} demanderait à ${s.I} d'enquêter sur les dégâts près de ${s.place}.`,
    (s) =>
      `Pourtant ${s.Ps} répète que la position ${s.Sg} n'a pas changé. À ${s.Sseat}, personne ne souhaite commenter.`,
    (s) => `Selon ${s.O}, les réparations dureront jusqu'en ${s.month}. ${s.Os} a demandé le soutien ${s.Ig}.`,
    (s) =>
      `« Nous ne laisserons pas faire », a affirmé ${s.Ps}. ${s.S2} et ${s.S} doivent se retrouver à ${s.place} la semaine prochaine.`,
    (s) => `Les analystes de ${s.O} estiment que la réponse ${s.Ig} sera décisive.`,
    (s) => `En ${s.month}, ${s.Sseat} a averti que ${s.S2} pourrait subir des sanctions.`,
  ],
};

const HEADLINES: Record<Lang, (s: Slots) => string> = {
  en: () =>
    pick([
      'Cable Damage Sparks Diplomatic Row Across Europe',
      'Talks Stall As Tariff Dispute Widens',
      'Leaders Trade Blame Over Sabotage Claims',
    ]),
  sv: () =>
    pick([
      'Kabelskadorna skapar diplomatisk strid',
      'Samtalen står still i tullstriden',
      'Anklagelser om sabotage väcker oro',
    ]),
  de: () =>
    pick([
      'Kabelschäden lösen diplomatischen Streit aus',
      'Gespräche im Zollstreit stocken',
      'Sabotagevorwürfe sorgen für Unruhe',
    ]),
  fr: () =>
    pick([
      'Les câbles endommagés provoquent une crise diplomatique',
      'Les négociations commerciales au point mort',
      'Les accusations de sabotage inquiètent',
    ]),
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Article {
  id: string;
  language: Lang;
  text: string;
  gold: Set<string>;
}

function article(i: number): Article {
  const r = random();
  const lang: Lang = r < 0.4 ? 'en' : r < 0.7 ? 'sv' : r < 0.85 ? 'de' : 'fr';
  const gold = new Set<string>();
  const paragraphs: string[] = [HEADLINES[lang]({} as Slots), ''];
  const people = sample(PEOPLE, 2);
  const orgs = sample(ORGS, 2);
  const states = sample(STATES, 3);
  const igos = sample(IGOS, 2);
  const introduced = new Set<string>();
  const count = 4 + Math.floor(random() * 4);
  for (let k = 0; k < count; k++) {
    const [given, surname] = pick(people);
    const [orgFull, orgShort] = pick(orgs);
    const [st, st2] = sample(states, 2) as [(typeof STATES)[number], (typeof STATES)[number]];
    const igo = pick(igos);
    const personKey = `${given} ${surname}`;
    const title = pick(TITLES[lang]);
    const slots: Slots = {
      P: capitalise(`${title} ${personKey}`),
      // Short forms only after a full mention in this article.
      Ps: introduced.has(personKey) ? surname : personKey,
      S: st.forms[lang].plain,
      Sg: st.forms[lang].gen,
      Sseat: st.forms[lang].seat,
      S2: st2.forms[lang].plain,
      I: igo.forms[lang][0],
      Ig: igo.forms[lang][1],
      O: orgFull,
      Os: introduced.has(orgFull) ? orgShort : orgFull,
      place: pick(PLACES[lang]),
      day: pick(DAYS[lang]),
      month: pick(MONTHS[lang]),
    };
    // The labels come from the slots the template actually used.
    const used = new Set<string>();
    const tracked = new Proxy(slots, { get: (target, key) => (used.add(String(key)), target[key as keyof Slots]) });
    let sentence = pick(TEMPLATES[lang])(tracked);
    sentence = sentence.replace(/(^|[.!?»“”]\s+)(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
    if (used.has('P') || used.has('Ps')) {
      gold.add(personKey);
      introduced.add(personKey);
    }
    if (used.has('O') || used.has('Os')) {
      gold.add(orgFull);
      introduced.add(orgFull);
    }
    if (used.has('S') || used.has('Sg') || used.has('Sseat')) gold.add(st.name);
    if (used.has('S2')) gold.add(st2.name);
    if (used.has('I') || used.has('Ig')) gold.add(igo.name);
    paragraphs.push(sentence);
    if (random() < 0.3) paragraphs.push(pick(BOILER[lang]));
  }
  return { id: `gen${i}`, language: lang, text: normalizeText(paragraphs.join('\n\n')), gold };
}

// ---------------------------------------------------------------- measuring

const N = 1000;
const articles = Array.from({ length: N }, (_, i) => article(i));
const sources = articles.map((a) => ({ id: a.id, text: a.text, language: a.language }));
const words = sources.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
const langs = articles.reduce<Record<string, number>>((m, a) => ((m[a.language] = (m[a.language] ?? 0) + 1), m), {});

// Warm-up on a small slice (module initialisation, gazetteer build, JIT), then clear the per-text cache.
suggestActors({ sources: sources.slice(0, 20), actors: [], rejected: [] });
clearDetectionCache();

// Floor: a plain regex tokeniser over the same texts.
let t = performance.now();
let tokens = 0;
for (const s of sources) tokens += (s.text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const floorMs = performance.now() - t;

t = performance.now();
const suggestions = suggestActors({ sources, actors: [], rejected: [] });
const coldMs = performance.now() - t;

t = performance.now();
suggestActors({ sources, actors: [], rejected: [] });
const warmMs = performance.now() - t;

const english = sources.filter((s) => s.language === 'en');
clearDetectionCache();
t = performance.now();
suggestActors({ sources: english, actors: [], rejected: [] });
const englishMs = performance.now() - t;

const generated = score(suggestions, articles);

// Peer: compromise's people() + organizations() over the whole of each English text (the naive use).
t = performance.now();
for (const s of english) {
  const doc = nlp(s.text);
  doc.people().out('array');
  doc.organizations().out('array');
}
const naiveMs = performance.now() - t;

// Kind of each suggestion that names a labelled actor, against the kind it was generated as.
const goldKind = new Map<string, string>([
  ...STATES.map((x) => [normaliseAlias(x.name), 'state'] as const),
  ...IGOS.map((x) => [normaliseAlias(x.name), 'igo'] as const),
  ...PEOPLE.map(([g, f]) => [normaliseAlias(`${g} ${f}`), 'person'] as const),
  ...ORGS.map(([full]) => [normaliseAlias(full), 'organisation'] as const),
]);
const kinded = suggestions.filter((x) => goldKind.has(normaliseAlias(x.name)));
const kindRight = kinded.filter((x) => goldKind.get(normaliseAlias(x.name)) === x.kind).length;
const kindWrong = kinded
  .filter((x) => goldKind.get(normaliseAlias(x.name)) !== x.kind)
  .map((x) => `${x.name} as ${x.kind}`);

// The hand-written labelled set (tests/fixtures/actors).
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/actors');
const labelled = (
  JSON.parse(readFileSync(path.join(fixtures, 'labelled.json'), 'utf8')) as {
    articles: Array<{ file: string; language: string; actors: string[] }>;
  }
).articles;
const handSources = labelled.map((a) => ({
  id: a.file,
  language: a.language,
  text: normalizeText(readFileSync(path.join(fixtures, a.file), 'utf8')),
}));
const hand = score(
  suggestActors({ sources: handSources, actors: [], rejected: [] }),
  labelled.map((a) => ({ id: a.file, gold: new Set(a.actors) })),
);
// The held-out set: written and labelled before tuning; the detector was not changed for it.
const heldFile = JSON.parse(readFileSync(path.join(fixtures, 'labelled-holdout.json'), 'utf8')) as {
  articles: Array<{ file: string; language: string; actors: string[] }>;
  kinds: Record<string, string>;
  aliases: Record<string, string[]>;
  accepted: Array<{ name: string; kind: Actor['kind']; aliases: string[] }>;
};
const heldOut = heldFile.articles;
const heldSources = heldOut.map((a) => ({
  id: a.file,
  language: a.language,
  text: normalizeText(readFileSync(path.join(fixtures, a.file), 'utf8')),
}));
const heldGold = heldOut.map((a) => ({ id: a.file, gold: new Set(a.actors) }));
// Scored as a notebook that already holds some accepted actors (one of them with a Swedish name as an alias).
const heldActors: Actor[] = heldFile.accepted.map((a, i) => ({ id: `act_held${i}`, memberOf: [], ...a }));
const heldSuggestions = suggestActors({ sources: heldSources, actors: heldActors, rejected: [] });
const held = score(heldSuggestions, heldGold);
const heldAliases = new Map(Object.entries(heldFile.aliases));
const heldKinds = kindAccuracy(heldSuggestions, new Map(Object.entries(heldFile.kinds)));
const heldSpans = spanAccuracy(heldSuggestions, heldGold, heldAliases);
const heldSplit = splitActors(heldSuggestions, Object.keys(heldFile.kinds), heldAliases);

/**
 * Peer: compromise alone — the names its people(), organizations() and places() return, as they
 * stand (trailing punctuation and possessive 's removed), taken as the suggestions of each text.
 * Scored like ours on the held-out set, and on its English article alone.
 */
function compromiseAlone(
  list: Array<{ id: string; text: string }>,
): Array<Pick<ActorSuggestion, 'name' | 'sourceIds'>> {
  const out: Array<Pick<ActorSuggestion, 'name' | 'sourceIds'>> = [];
  for (const s of list) {
    const doc = nlp(s.text);
    const names = [
      ...doc.people().out('array'),
      ...doc.organizations().out('array'),
      ...doc.places().out('array'),
    ] as string[];
    const seen = new Set<string>();
    for (const raw of names) {
      const name = raw
        .replace(/[.,;:!?"“”«»)]+$/u, '')
        .replace(/['’]s$/u, '')
        .trim();
      if (name && !seen.has(normaliseAlias(name))) {
        seen.add(normaliseAlias(name));
        out.push({ name, sourceIds: [s.id] });
      }
    }
  }
  return out;
}
const heldEnglish = heldSources.filter((s) => s.language === 'en');
const peerHeld = score(compromiseAlone(heldSources), heldGold);
const peerHeldEnglish = score(
  compromiseAlone(heldEnglish),
  heldGold.filter((g) => heldEnglish.some((s) => s.id === g.id)),
);
const oursHeldEnglish = score(
  suggestActors({ sources: heldEnglish, actors: [], rejected: [] }),
  heldGold.filter((g) => heldEnglish.some((s) => s.id === g.id)),
);

const perSec = (ms: number, n: number) => (n / (ms / 1000)).toFixed(0);
const rows: BenchRow[] = [
  {
    figure: `detect ${N} articles (${Object.entries(langs)
      .map(([l, n]) => `${n} ${l}`)
      .join(', ')}; ${words.toLocaleString('en')} words), cold`,
    value: `${perSec(coldMs, N)} articles/s (${(coldMs / 1000).toFixed(2)} s)`,
    floor: `regex tokeniser: ${perSec(floorMs, N)} articles/s (${floorMs.toFixed(0)} ms, ${tokens.toLocaleString('en')} tokens) — ${(coldMs / floorMs).toFixed(0)}× floor`,
    target: '≥ 100 articles/s',
    ok: N / (coldMs / 1000) >= 100,
  },
  {
    figure: `same ${N} articles again (compromise results cached per text)`,
    value: `${perSec(warmMs, N)} articles/s`,
    floor: `cold run above: ${perSec(coldMs, N)} articles/s`,
    // compromise runs on few of these articles, so the cache mostly saves nothing; it must cost nothing either.
    target: '≥ 100/s and ≥ 0.9× cold',
    ok: N / (warmMs / 1000) >= 100 && warmMs <= coldMs / 0.9,
  },
  {
    figure: `English articles only (${english.length}, compromise on each), cold`,
    value: `${perSec(englishMs, english.length)} articles/s`,
    floor: `compromise alone over whole texts: ${perSec(naiveMs, english.length)} articles/s`,
    target: '≥ 100 articles/s',
    ok: english.length / (englishMs / 1000) >= 100,
  },
  {
    figure: `precision, generated labelled set (${N} articles, ${generated.tp + generated.fn} actor×article labels)`,
    value: generated.precision.toFixed(3),
    floor: `${generated.fp} extra of ${generated.tp + generated.fp} found`,
    target: '≥ 0.90',
    ok: generated.precision >= 0.9,
  },
  {
    figure: 'recall, generated labelled set',
    value: generated.recall.toFixed(3),
    floor: `${generated.fn} missed of ${generated.tp + generated.fn}`,
    target: '≥ 0.90',
    ok: generated.recall >= 0.9,
  },
  {
    figure: `kind (person / organisation / state / igo) of the ${kinded.length} labelled actors found`,
    value: (kindRight / kinded.length).toFixed(3),
    floor: kindWrong.length
      ? `wrong: ${kindWrong.slice(0, 3).join(', ')}${kindWrong.length > 3 ? ', …' : ''}`
      : 'none wrong',
    target: '≥ 0.90',
    ok: kindRight / kinded.length >= 0.9,
  },
  {
    figure: `precision / recall, hand-written set (${labelled.length} articles, 5 languages; tuned against)`,
    value: `${hand.precision.toFixed(3)} / ${hand.recall.toFixed(3)}`,
    floor: `${hand.fp} extra, ${hand.fn} missed of ${hand.tp + hand.fn}`,
    target: '≥ 0.90 each',
    ok: hand.precision >= 0.9 && hand.recall >= 0.9,
  },
  {
    figure: `precision, held-out hand-written set (${heldOut.length} articles, not tuned against)`,
    value: held.precision.toFixed(3),
    floor: `${held.fp} extra of ${held.tp + held.fp} found`,
    target: '≥ 0.95',
    ok: held.precision >= 0.95,
  },
  {
    figure: 'recall, held-out hand-written set',
    value: held.recall.toFixed(3),
    floor: `${held.fn} missed of ${held.tp + held.fn}`,
    target: '≥ 0.95',
    ok: held.recall >= 0.95,
  },
  {
    figure: `kind accuracy, held-out set (${heldKinds.judged} labelled actors found)`,
    value: heldKinds.accuracy.toFixed(3),
    floor: heldKinds.wrong.length ? `wrong: ${heldKinds.wrong.slice(0, 4).join(', ')}` : 'none wrong',
    target: '≥ 0.95',
    ok: heldKinds.accuracy >= 0.95,
  },
  {
    figure: `span accuracy, held-out set (${heldSpans.judged} names overlapping a labelled actor)`,
    value: heldSpans.accuracy.toFixed(3),
    floor: heldSpans.wrong.length ? `wrong: ${heldSpans.wrong.slice(0, 4).join(', ')}` : 'none wrong',
    target: '≥ 0.95',
    ok: heldSpans.accuracy >= 0.95,
  },
  {
    figure: `split actors, held-out set (${heldActors.length} accepted actors in the notebook)`,
    value: String(heldSplit.length),
    floor: heldSplit.length ? heldSplit.join(', ') : 'none',
    target: '0',
    ok: heldSplit.length === 0,
  },
  {
    figure: `peer: compromise alone, held-out set (${heldOut.length} articles) precision / recall`,
    value: `${peerHeld.precision.toFixed(3)} / ${peerHeld.recall.toFixed(3)}`,
    floor: `ours: ${held.precision.toFixed(3)} / ${held.recall.toFixed(3)}`,
    target: 'report',
    ok: true,
  },
  {
    figure: `peer: compromise alone, held-out English article only precision / recall`,
    value: `${peerHeldEnglish.precision.toFixed(3)} / ${peerHeldEnglish.recall.toFixed(3)}`,
    floor: `ours: ${oursHeldEnglish.precision.toFixed(3)} / ${oursHeldEnglish.recall.toFixed(3)}`,
    target: 'report',
    ok: true,
  },
];
printTable('Actor mention detection', rows);
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ');
if (generated.extras.size) console.log(`\nmost frequent extras: ${top(generated.extras)}`);
if (generated.misses.size) console.log(`most frequent misses: ${top(generated.misses)}`);
if (held.extras.size || held.misses.size)
  console.log(`held-out extras: ${top(held.extras) || '-'}; held-out misses: ${top(held.misses) || '-'}`);

// ACTORS_BENCH_DEBUG=1 prints a few generated articles with their labelled and detected actors.
if (process.env.ACTORS_BENCH_DEBUG) {
  const bySource = new Map<string, string[]>();
  for (const s of suggestions) for (const id of s.sourceIds) bySource.set(id, [...(bySource.get(id) ?? []), s.name]);
  let shown = 0;
  for (const a of articles) {
    const got = bySource.get(a.id) ?? [];
    const extra = got.filter((g) => ![...a.gold].some((w) => normaliseAlias(w) === normaliseAlias(g)));
    const missed = [...a.gold].filter((w) => !got.some((g) => normaliseAlias(w) === normaliseAlias(g)));
    if ((extra.length || missed.length) && shown++ < Number(process.env.ACTORS_BENCH_DEBUG)) {
      console.log(
        `\n--- ${a.id} (${a.language})\n${a.text}\nextra: ${extra.join(' | ')}\nmissed: ${missed.join(' | ')}`,
      );
    }
  }
}
