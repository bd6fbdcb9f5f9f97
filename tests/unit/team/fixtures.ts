/** Small notebooks for the merge tests: a manifest and source files as plain JSON. */
import type { Annotation, NotebookManifest, SourceFile } from '../../../shared/model';
import { describeTarget } from '../../../shared/anchoring';

export const TEXT = [
  'The minister said the bridge would open in May.',
  'Critics doubted the budget of 40 million kronor.',
  'The contractor declined to comment on the delay.',
].join('\n\n');

export function manifest(): NotebookManifest {
  return {
    schemaVersion: 1,
    id: 'nb_test',
    title: 'Bridge',
    createdAt: '2026-01-01T00:00:00.000Z',
    statuses: ['unverified', 'corroborated', 'disputed', 'refuted'],
    actors: [
      { id: 'act_anna', name: 'Anna Lind', kind: 'person', aliases: [], memberOf: [] },
      { id: 'act_city', name: 'City Council', kind: 'organisation', aliases: [], memberOf: [] },
    ],
    tags: [{ id: 'tag_money', name: 'money', color: '#aa0000' }],
    briefs: [
      {
        id: 'brf_one',
        title: 'The bridge',
        doc: {
          type: 'doc',
          content: ['First.', 'Second.', 'Third.'].map((t) => ({
            type: 'paragraph',
            content: [{ type: 'text', text: t }],
          })),
        },
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    relations: [],
    rejectedSuggestions: [],
    sources: [meta('src_one')],
  };
}

export function meta(id: string) {
  return {
    id,
    title: `Article ${id}`,
    language: 'en',
    importedAt: '2026-01-01T00:00:00.000Z',
    origin: { kind: 'paste' as const, sha256: 'a'.repeat(64) },
  };
}

export function annotation(id: string, text: string, quote: string, sourceId = 'src_one'): Annotation {
  const start = text.indexOf(quote);
  return {
    id,
    sourceId,
    kind: 'claim',
    target: describeTarget(text, start, start + quote.length),
    tagIds: [],
    status: 'unverified',
    actors: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

export function sourceFile(id = 'src_one', text = TEXT): SourceFile {
  return {
    schemaVersion: 1,
    source: { ...meta(id), text, removed: [] },
    annotations: [annotation('ann_bridge', text, 'the bridge would open in May')],
  };
}

export const json = (v: unknown) => `${JSON.stringify(v, null, 1)}\n`;
export const clone = <T>(v: T): T => structuredClone(v);
