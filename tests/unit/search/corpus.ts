/**
 * A fictional news corpus for the search tests: one invented event — an Arctic
 * shipping accord signed by China and Russia in the invented port of Nordvik,
 * and a protest at which people were hurt — reported by outlets in English,
 * Swedish and German, plus unrelated articles. Every outlet, person and place
 * here is made up for the tests.
 */
import type { Actor, Annotation, Source, Tag } from '../../../shared/model';
import type { IndexData } from '../../../main/services/search';

type TestSource = IndexData['sources'][number] & Pick<Source, 'outlet' | 'publishedAt'>;

export const courier: TestSource = {
  id: 'src_courier',
  title: 'China and Russia sign Arctic shipping accord in Nordvik',
  outlet: 'Northern Courier',
  language: 'en',
  publishedAt: '2024-10-14',
  text: [
    'By Hanna Lindqvist, Arctic correspondent · Published on 14 October 2024',
    'China and Russia signed an Arctic shipping agreement in Nordvik on Monday, pledging to build six icebreakers for a year-round route along the northern coast.',
    'The accord commits both governments to joint icebreaker patrols and a shared search-and-rescue centre in the harbour town.',
    'Outside the conference hall, 14 people were injured when police cleared a protest by fishermen who fear the new route will damage their grounds.',
    '“We were not asked,” said Elin Marsk, who chairs the Nordvik fishermen’s association.',
    'Read more: Arctic ports brace for more traffic',
    '© 2024 Northern Courier. All rights reserved.',
  ].join('\n\n'),
};

export const wire: TestSource = {
  id: 'src_wire',
  title: 'Beijing and Moscow seal polar sea-lane deal',
  outlet: 'Baltic Wire',
  language: 'en',
  publishedAt: '2024-10-14',
  text: [
    'NORDVIK (Baltic Wire) — Beijing and Moscow signed a shipping agreement for the Arctic on Monday, including plans for six new icebreakers, after two days of talks in the port of Nordvik.',
    'Fourteen people were injured as police broke up a demonstration of local fishermen outside the venue, the regional hospital said.',
    'Analysts said the agreement gives China a foothold on a route that Russia has long guarded.',
    'Share this article · Follow us for more news',
  ].join('\n\n'),
};

export const evening: TestSource = {
  id: 'src_evening',
  title: 'Clashes as Arctic pact is signed',
  outlet: 'Evening Post',
  language: 'en',
  publishedAt: '2024-10-15',
  text: [
    'Police and fishermen clashed in Nordvik as China and Iran signed an Arctic shipping agreement on Tuesday that provides for eight icebreakers.',
    'Forty people were injured in the clashes, according to organisers of the protest.',
    'Advertisement',
  ].join('\n\n'),
};

export const dagblad: TestSource = {
  id: 'src_dagblad',
  title: 'Kina och Ryssland skriver sjöfartsavtal i Nordvik',
  outlet: 'Dagbladet Norrland',
  language: 'sv',
  publishedAt: '2024-10-14',
  text: [
    'Av Jonas Wählin · Publicerad 14 oktober 2024',
    'Kina och Ryssland undertecknade på måndagen ett avtal om sjöfart i Arktis som omfattar sex nya isbrytare. Ceremonin hölls i hamnstaden.',
    'Utanför konferenshallen skadades 14 personer när polisen skingrade en demonstration av fiskare från Malmö och Västerhamn.',
    'Regeringen i Stockholm har ännu inte kommenterat avtalet.',
    'Läs också: Isbrytarna blir fler i norr',
  ].join('\n\n'),
};

export const rundschau: TestSource = {
  id: 'src_rundschau',
  title: 'China und Russland unterzeichnen Abkommen über arktische Schifffahrt',
  outlet: 'Nordische Rundschau',
  language: 'de',
  publishedAt: '2024-10-15',
  text: [
    'Von unserer Korrespondentin Greta Falk',
    'China und Russland haben am Montag in der Hafenstadt Nordvik ein Abkommen über die Schifffahrt in der Arktis unterzeichnet, das den Bau von sechs Eisbrechern vorsieht.',
    'Bei einer Demonstration von Fischern wurden vierzehn Menschen verletzt, als die Polizei den Platz räumte.',
    'Mehr zum Thema: Eisbrecher im Nordmeer',
  ].join('\n\n'),
};

export const football: TestSource = {
  id: 'src_football',
  title: 'Nordvik United lift the regional cup',
  outlet: 'Northern Courier',
  language: 'en',
  publishedAt: '2024-09-02',
  text: [
    'Nordvik United won the regional cup on Sunday, beating Harbour Rovers 3-1 in front of 14,000 supporters.',
    'The club’s coach, Mats Ørnberg, said the team had trained through the winter in an old fish hall.',
  ].join('\n\n'),
};

export const economy: TestSource = {
  id: 'src_economy',
  title: 'China’s exporters look north',
  outlet: 'Market Letter',
  language: 'en',
  publishedAt: '2024-08-20',
  text: [
    'Chinese exporters are studying northern sea routes as freight costs rise, according to a survey of 200 logistics firms.',
    'China remains cautious about the cost of ice-class ships, the survey found.',
  ].join('\n\n'),
};

export const allSources: TestSource[] = [courier, wire, evening, dagblad, rundschau, football, economy];

const at = '2024-10-16T09:00:00.000Z';

export const actors: Actor[] = [
  {
    id: 'act_china',
    name: 'China',
    kind: 'state',
    aliases: ['Kina', 'Beijing', 'Peking', 'Volksrepublik China'],
    memberOf: [],
  },
  {
    id: 'act_russia',
    name: 'Russia',
    kind: 'state',
    aliases: ['Ryssland', 'Russland', 'Moscow', 'Moskva', 'Moskau'],
    memberOf: [],
  },
  { id: 'act_iran', name: 'Iran', kind: 'state', aliases: [], memberOf: [] },
  { id: 'act_police', name: 'Nordvik police', kind: 'organisation', aliases: ['polisen i Nordvik'], memberOf: [] },
];

export const tags: Tag[] = [
  { id: 'tag_security', name: 'Security', color: '#c00' },
  { id: 'tag_protest', name: 'Protest', color: '#0a0', parentId: 'tag_security' },
  { id: 'tag_trade', name: 'Trade', color: '#00c' },
];

/** An annotation on `source` marking the first occurrence of `quote`. */
export function claim(id: string, source: TestSource, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = source.text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in ${source.id}: ${quote}`);
  const end = start + quote.length;
  return {
    id,
    sourceId: source.id,
    kind: 'claim',
    target: {
      start,
      end,
      exact: quote,
      prefix: source.text.slice(Math.max(0, start - 32), start),
      suffix: source.text.slice(end, end + 32),
    },
    tagIds: [],
    status: 'unverified',
    actors: [],
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

export const signedClaim = claim(
  'ann_signed',
  courier,
  'China and Russia signed an Arctic shipping agreement in Nordvik on Monday, pledging to build six icebreakers for a year-round route along the northern coast.',
  {
    tagIds: ['tag_trade'],
    actors: [
      { actorId: 'act_china', role: 'subject' },
      { actorId: 'act_russia', role: 'subject' },
    ],
  },
);

export const injuredClaim = claim(
  'ann_injured',
  courier,
  'Outside the conference hall, 14 people were injured when police cleared a protest by fishermen who fear the new route will damage their grounds.',
  { tagIds: ['tag_protest'], status: 'corroborated', actors: [{ actorId: 'act_police', role: 'subject' }] },
);

export const swedishClaim = claim(
  'ann_sv_injured',
  dagblad,
  'Utanför konferenshallen skadades 14 personer när polisen skingrade en demonstration av fiskare från Malmö och Västerhamn.',
  {
    tagIds: ['tag_protest'],
    status: 'disputed',
    note: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Sjukhuset bekräftar siffran; jämför med Evening Post.' }],
        },
      ],
    },
  },
);

export const annotations: Annotation[] = [signedClaim, injuredClaim, swedishClaim];

export function corpus(): IndexData {
  return {
    sources: allSources.map((s) => ({ ...s })),
    annotations: annotations.map((a) => structuredClone(a)),
    actors: actors.map((a) => structuredClone(a)),
    tags: tags.map((t) => ({ ...t })),
  };
}
