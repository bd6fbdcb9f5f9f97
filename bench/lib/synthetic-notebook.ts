/**
 * Writes a synthetic notebook of fictional articles straight to disk (fast),
 * in exactly the format the store reads: `sources` sources with
 * `annotationsPerSource` claims each. Deterministic for a given seed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCHEMA_VERSION, type Annotation, type NotebookManifest, type SourceFile } from '../../shared/model';
import { mulberry32 } from '../../tests/helpers/seeded-random';

export { mulberry32 };

const WORDS = (
  'harbour accord minister delegation quota fishing coast talks council treaty vessel port agreement statement ' +
  'parliament committee budget inquiry report spokesperson agency border trade tariff summit envoy embassy ' +
  'negotiation ceasefire observers region province governor election ballot turnout protest court ruling appeal ' +
  'investigation witness official document figure percent million billion increase decrease week month year'
).split(' ');
const OUTLETS = ['The Coastal Ledger', 'Norrvik Posten', 'Saltmarsh Herald', 'Baltic Wire', 'Morgonbladet'];

export function fictionalText(rand: () => number, paragraphs: number, wordsPerParagraph = 60): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const words: string[] = [];
    for (let w = 0; w < wordsPerParagraph; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    out.push(`${words.join(' ')}.`);
  }
  return out.join('\n\n');
}

export interface SyntheticNotebook {
  dir: string;
  sourceIds: string[];
}

export interface SyntheticOptions {
  /** Actors in the registry (`act_<n>`, "Actor <n>", people and organisations); none by default. */
  actors?: number;
  /** Every claim is linked (as speaker) to actor `act_0`, so one actor page holds them all. Needs `actors` ≥ 1. */
  linkFirstActor?: boolean;
}

export async function writeSyntheticNotebook(
  dir: string,
  sources: number,
  annotationsPerSource: number,
  seed = 42,
  options: SyntheticOptions = {},
): Promise<SyntheticNotebook> {
  const rand = mulberry32(seed);
  await mkdir(path.join(dir, 'sources'), { recursive: true });
  const now = new Date('2026-01-01T00:00:00Z').toISOString();
  const manifest: NotebookManifest = {
    schemaVersion: SCHEMA_VERSION,
    id: 'nb_synthetic',
    title: `Synthetic ${sources}`,
    createdAt: now,
    statuses: ['unverified', 'corroborated', 'disputed', 'refuted'],
    actors: Array.from({ length: options.actors ?? 0 }, (_, i) => ({
      id: `act_${i}`,
      name: `Actor ${i}`,
      kind: i % 2 === 0 ? ('person' as const) : ('organisation' as const),
      aliases: i % 3 === 0 ? [`A. ${i}`] : [],
      memberOf: [],
    })),
    tags: Array.from({ length: 40 }, (_, i) => ({ id: `tag_${i}`, name: `Tag ${i}`, color: '#4477aa' })),
    briefs: [],
    relations: [],
    rejectedSuggestions: [],
    sources: [],
  };
  const sourceIds: string[] = [];
  for (let s = 0; s < sources; s++) {
    const id = `src_${s.toString(36).padStart(6, '0')}`;
    sourceIds.push(id);
    const text = fictionalText(rand, 8);
    const meta = {
      id,
      title: `Fictional report ${s}`,
      outlet: OUTLETS[s % OUTLETS.length]!,
      publishedAt: `2026-0${1 + (s % 9)}-1${s % 10}`,
      language: s % 3 === 0 ? 'sv' : 'en',
      importedAt: now,
      origin: {
        kind: 'file' as const,
        name: `report-${s}.txt`,
        sha256: (s.toString(16) + 'f'.repeat(64)).slice(0, 64),
      },
    };
    const annotations: Annotation[] = [];
    for (let a = 0; a < annotationsPerSource; a++) {
      const start = Math.floor(rand() * (text.length - 80));
      const end = start + 20 + Math.floor(rand() * 50);
      annotations.push({
        id: `ann_${s.toString(36)}_${a}`,
        sourceId: id,
        kind: 'claim',
        target: {
          start,
          end,
          exact: text.slice(start, end),
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(end, end + 32),
        },
        tagIds: [`tag_${a % 40}`],
        status: 'unverified',
        actors: options.linkFirstActor ? [{ actorId: 'act_0', role: 'speaker' }] : [],
        createdAt: now,
        updatedAt: now,
      });
    }
    manifest.sources.push(meta);
    const file: SourceFile = { schemaVersion: SCHEMA_VERSION, source: { ...meta, text, removed: [] }, annotations };
    await writeFile(path.join(dir, 'sources', `${id}.json`), `${JSON.stringify(file, null, 1)}\n`);
  }
  await writeFile(path.join(dir, 'notebook.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return { dir, sourceIds };
}
