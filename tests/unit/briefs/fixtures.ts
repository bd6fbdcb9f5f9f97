/**
 * Fictional notebook for the brief tests: a dispute about dredging a port
 * ("Nordhamn"), reported by four made-up outlets in English, Swedish and
 * German. Every person, outlet and figure here is invented.
 */
import type { Actor, Annotation, Relation, SourceMeta, Tag } from '../../../shared/model';
import { makeBriefContext, type BriefContext } from '../../../shared/brief-doc';

const origin = (name: string) => ({ kind: 'file' as const, name, sha256: 'a'.repeat(64) });

export interface FixtureSource extends SourceMeta {
  text: string;
}

export const sources: FixtureSource[] = [
  {
    id: 'src_ledger',
    title: 'Minister defends Nordhamn dredging plan amid protests',
    outlet: 'The Northern Ledger',
    author: 'Daniel Frost',
    url: 'https://northernledger.example/news/2025/03/nordhamn-dredging',
    publishedAt: '2025-03-04',
    language: 'en',
    importedAt: '2025-03-20T09:00:00.000Z',
    origin: origin('nordhamn-ledger.html'),
    text: [
      'Infrastructure minister Karin Holmqvist on Tuesday defended the government’s plan to deepen the shipping lane into Nordhamn, as around two hundred fishermen and residents protested outside the harbour office.',
      '“The dredging will create at least 1,200 permanent jobs in the region within five years,” Holmqvist told reporters, adding that the port would otherwise lose its container traffic to larger rivals.',
      'Opponents say the work will disturb spawning grounds in the bay.',
    ].join('\n\n'),
  },
  {
    id: 'src_kust',
    title: 'Holmqvist: ”Muddringen är nödvändig för jobben i Nordhamn”',
    outlet: 'Kustbladet',
    author: 'Åsa Lindström',
    url: 'https://kustbladet.example/nyheter/muddring-nordhamn',
    publishedAt: '2025-03-06',
    language: 'sv',
    importedAt: '2025-03-20T09:01:00.000Z',
    origin: origin('kustbladet-muddring.html'),
    text: [
      'Infrastrukturminister Karin Holmqvist besökte på torsdagen hamnen i Nordhamn, där protesterna mot muddringen har pågått i två veckor.',
      '– Vi kommer inte att backa. Muddringen är nödvändig för att hamnen ska överleva, och fiskarna får full ersättning för förlorade fångster, säger Holmqvist till Kustbladet.',
      'Fiskareföreningen är inte övertygad och kräver en oberoende miljöprövning.',
    ].join('\n\n'),
  },
  {
    id: 'src_ostsee',
    title: 'Streit um Hafenausbau: Fischer fürchten Einbußen',
    outlet: 'Ostsee-Rundschau',
    author: 'Jörg Weiß',
    url: 'https://ostsee-rundschau.example/wirtschaft/hafenausbau-nordhamn',
    publishedAt: '2025-03-11',
    language: 'de',
    importedAt: '2025-03-20T09:02:00.000Z',
    origin: origin('ostsee-hafenausbau.html'),
    text: [
      'Im schwedischen Nordhamn wächst der Widerstand gegen die geplante Vertiefung der Fahrrinne.',
      '„Die Ministerin hat die Bedenken der Fischer über Monate ignoriert“, sagt Verbandssprecher Günther Maaß. Die Fangmengen im Süden der Bucht seien schon jetzt um ein Drittel gesunken.',
      'Auch Ministerin Holmqvist wird am Freitag zu einem Treffen mit dem Fischereiverband in Nordhamn erwartet.',
    ].join('\n\n'),
  },
  {
    id: 'src_weekly',
    title: 'Port authority data contradicts minister’s jobs figure',
    outlet: 'Harbour & Policy Weekly',
    url: 'https://harbourpolicy.example/analysis/nordhamn-jobs',
    publishedAt: '2025-03-18',
    language: 'en',
    importedAt: '2025-03-20T09:03:00.000Z',
    origin: origin('harbour-weekly-jobs.html'),
    text: [
      'An internal assessment seen by this newsletter casts doubt on the government’s case for the Nordhamn project.',
      'Internal figures from the port authority put the expected number of new permanent jobs at around 450, well below the minister’s estimate.',
      'The ministry declined to comment on the document.',
    ].join('\n\n'),
  },
];

export const actors: Actor[] = [
  {
    id: 'act_holmqvist',
    name: 'Karin Holmqvist',
    kind: 'person',
    aliases: ['Holmqvist', 'the minister', 'Ministerin Holmqvist'],
    description: 'Infrastructure minister (fictional).',
    memberOf: [],
  },
  {
    id: 'act_fishers',
    name: 'Nordhamn Fishermen’s Association',
    kind: 'organisation',
    aliases: ['Fiskareföreningen'],
    memberOf: [],
  },
];

export const tags: Tag[] = [
  { id: 'tag_econ', name: 'Economy', color: '#2f6f4f' },
  { id: 'tag_jobs', name: 'Jobs', color: '#3f7f9f', parentId: 'tag_econ' },
  { id: 'tag_fish', name: 'Fisheries', color: '#7f5f2f' },
];

function claim(
  id: string,
  sourceId: string,
  exact: string,
  extra: Partial<Pick<Annotation, 'actors' | 'tagIds' | 'status' | 'createdAt'>>,
): Annotation {
  const source = sources.find((s) => s.id === sourceId)!;
  const start = source.text.indexOf(exact);
  if (start < 0) throw new Error(`fixture quote not in ${sourceId}: ${exact}`);
  const end = start + exact.length;
  const createdAt = extra.createdAt ?? '2025-03-20T10:00:00.000Z';
  return {
    id,
    sourceId,
    kind: 'claim',
    target: {
      start,
      end,
      exact,
      prefix: source.text.slice(Math.max(0, start - 32), start),
      suffix: source.text.slice(end, end + 32),
    },
    tagIds: extra.tagIds ?? [],
    status: extra.status ?? 'unverified',
    actors: extra.actors ?? [],
    createdAt,
    updatedAt: createdAt,
  };
}

/** The quotes, by annotation id, as they must appear in every export. */
export const QUOTES = {
  ann_jobs: 'The dredging will create at least 1,200 permanent jobs in the region within five years,',
  ann_backa:
    'Vi kommer inte att backa. Muddringen är nödvändig för att hamnen ska överleva, och fiskarna får full ersättning för förlorade fångster',
  ann_ignored:
    '„Die Ministerin hat die Bedenken der Fischer über Monate ignoriert“, sagt Verbandssprecher Günther Maaß.',
  ann_figures:
    'Internal figures from the port authority put the expected number of new permanent jobs at around 450, well below the minister’s estimate.',
  ann_visit:
    'Auch Ministerin Holmqvist wird am Freitag zu einem Treffen mit dem Fischereiverband in Nordhamn erwartet.',
} as const;

export const annotations: Annotation[] = [
  // Created out of date order on purpose: drafts must sort by publication date.
  claim('ann_figures', 'src_weekly', QUOTES.ann_figures, {
    actors: [{ actorId: 'act_holmqvist', role: 'subject', stance: 'neutral' }],
    tagIds: ['tag_jobs'],
    status: 'corroborated',
    createdAt: '2025-03-19T08:00:00.000Z',
  }),
  claim('ann_jobs', 'src_ledger', QUOTES.ann_jobs, {
    actors: [{ actorId: 'act_holmqvist', role: 'speaker', stance: 'supports' }],
    tagIds: ['tag_jobs'],
    status: 'disputed',
    createdAt: '2025-03-20T08:00:00.000Z',
  }),
  claim('ann_backa', 'src_kust', QUOTES.ann_backa, {
    actors: [
      { actorId: 'act_holmqvist', role: 'speaker', stance: 'supports' },
      { actorId: 'act_holmqvist', role: 'mentioned' },
    ],
    tagIds: ['tag_econ', 'tag_fish'],
    status: 'unverified',
    createdAt: '2025-03-20T08:05:00.000Z',
  }),
  claim('ann_ignored', 'src_ostsee', QUOTES.ann_ignored, {
    actors: [
      { actorId: 'act_holmqvist', role: 'subject', stance: 'opposes' },
      { actorId: 'act_fishers', role: 'speaker', stance: 'opposes' },
    ],
    tagIds: ['tag_fish'],
    status: 'unverified',
    createdAt: '2025-03-20T08:10:00.000Z',
  }),
  claim('ann_visit', 'src_ostsee', QUOTES.ann_visit, {
    actors: [{ actorId: 'act_holmqvist', role: 'mentioned' }],
    status: 'corroborated',
    createdAt: '2025-03-20T08:15:00.000Z',
  }),
];

export const relations: Relation[] = [{ id: 'rel_1', from: 'ann_figures', to: 'ann_jobs', type: 'contradicts' }];

export function fixtureContext(): BriefContext {
  return makeBriefContext({
    sources: sources.map(({ text: _text, ...meta }) => meta),
    annotations,
    actors,
    tags,
    relations,
  });
}

/** Whitespace-insensitive form for comparing text pulled out of a rendered file. */
export function flat(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Hand-written content a person might add below a draft: marks, a link, lists, a table, a removed citation, markup-like text. */
export const EXTRA_CONTENT = [
  { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Assessment' }] },
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'The minister’s figure of ' },
      { type: 'text', text: '1,200 jobs', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' is ' },
      { type: 'text', text: 'not supported', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' by the port authority’s own data' },
      { type: 'citation', attrs: { annotationId: 'ann_figures' } },
      { type: 'text', text: '. See the ' },
      {
        type: 'text',
        text: 'ministry page',
        marks: [{ type: 'link', attrs: { href: 'https://ministry.example/nordhamn' } }],
      },
      { type: 'text', text: '. An earlier estimate was also cited' },
      {
        type: 'citation',
        attrs: { annotationId: 'ann_deleted', quote: 'an estimate of 2,000 jobs', label: 'Old Gazette, 1 March 2025' },
      },
      { type: 'text', text: '.' },
    ],
  },
  {
    type: 'bulletList',
    content: [
      {
        type: 'listItem',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'Ask the ministry for the assessment behind the 1,200 figure.' }],
          },
        ],
      },
      {
        type: 'listItem',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Meet Fiskareföreningen before Friday’s visit.' }] },
        ],
      },
    ],
  },
  {
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [
          { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Who' }] }] },
          {
            type: 'tableHeader',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Permanent jobs' }] }],
          },
        ],
      },
      {
        type: 'tableRow',
        content: [
          { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Minister' }] }] },
          {
            type: 'tableCell',
            content: [
              {
                type: 'paragraph',
                content: [
                  { type: 'text', text: '1,200' },
                  { type: 'citation', attrs: { annotationId: 'ann_jobs' } },
                ],
              },
            ],
          },
        ],
      },
      {
        type: 'tableRow',
        content: [
          { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Port authority' }] }] },
          { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'about 450' }] }] },
        ],
      },
    ],
  },
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Markup stays text: <script>alert("x")</script> & <b>not bold</b> *not emphasis*' },
    ],
  },
];

/** The draft from the actor with EXTRA_CONTENT appended, as a stored Brief. */
export function fixtureBrief(draft: { title: string; doc: { type: 'doc'; content?: unknown[] } }) {
  return {
    id: 'brf_fixture',
    title: draft.title,
    doc: { type: 'doc' as const, content: [...(draft.doc.content ?? []), ...EXTRA_CONTENT] },
    createdAt: '2025-03-21T10:00:00.000Z',
    updatedAt: '2025-03-21T10:00:00.000Z',
  };
}
