/**
 * Brief export: a brief with 500 citations (500 claims from 100 fictional
 * sources, three languages) exported to DOCX, PDF, Markdown and HTML.
 * Targets: DOCX ≤ 1 s, PDF ≤ 3 s, Markdown/HTML ≤ 200 ms.
 * Floor: JSON.stringify of the same brief and context, in the same run.
 *
 *   npx tsx bench/briefs.bench.ts
 */
import { makeBriefContext } from '../shared/brief-doc';
import type { Annotation, Brief, SourceMeta } from '../shared/model';
import { draftBriefFromAnnotations, exportBrief, type BriefFormat } from '../main/services/briefs/index';
import { ms, percentile, printTable, timeRuns, type BenchRow } from './lib/report';

const CITATIONS = 500;
const SOURCES = 100;

const LANGUAGES = ['en', 'sv', 'de'] as const;
const OUTLETS = [
  'The Northern Ledger',
  'Kustbladet',
  'Ostsee-Rundschau',
  'Harbour & Policy Weekly',
  'Sydsvenska Morgonposten',
];
const PASSAGES = [
  'The dredging will create at least 1,200 permanent jobs in the region within five years, the minister told reporters outside the harbour office.',
  'Vi kommer inte att backa. Muddringen är nödvändig för att hamnen ska överleva, och fiskarna får full ersättning för förlorade fångster.',
  '„Die Ministerin hat die Bedenken der Fischer über Monate ignoriert“, sagt Verbandssprecher Günther Maaß. Die Fangmengen seien um ein Drittel gesunken.',
  'Internal figures from the port authority put the expected number of new permanent jobs at around 450, well below the minister’s estimate.',
  'Kommunstyrelsens ordförande säger att beslutet fattades ”utan att någon frågade oss” och kräver ett nytt samråd före årsskiftet.',
];

function fixture() {
  const sources: SourceMeta[] = Array.from({ length: SOURCES }, (_, i) => ({
    id: `src_${i}`,
    title: `${['Port plan', 'Hamnplanen', 'Hafenausbau'][i % 3]} — report ${i + 1} on the Nordhamn dispute`,
    outlet: OUTLETS[i % OUTLETS.length],
    author: i % 4 === 0 ? undefined : `Reporter ${String.fromCharCode(65 + (i % 26))}. Lindström`,
    url: `https://news${i % 7}.example/nordhamn/${i}`,
    publishedAt: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    language: LANGUAGES[i % LANGUAGES.length]!,
    importedAt: '2025-12-01T00:00:00.000Z',
    origin: { kind: 'file', name: `article-${i}.html`, sha256: 'b'.repeat(64) },
  }));
  const annotations: Annotation[] = Array.from({ length: CITATIONS }, (_, i) => {
    const exact = `${PASSAGES[i % PASSAGES.length]} (${i + 1})`;
    return {
      id: `ann_${i}`,
      sourceId: `src_${i % SOURCES}`,
      kind: 'claim',
      target: { start: 100, end: 100 + exact.length, exact, prefix: '', suffix: '' },
      tagIds: [],
      status: ['unverified', 'corroborated', 'disputed'][i % 3]!,
      actors: [{ actorId: 'act_1', role: 'speaker', stance: 'supports' }],
      createdAt: '2025-12-01T00:00:00.000Z',
      updatedAt: '2025-12-01T00:00:00.000Z',
    };
  });
  const ctx = makeBriefContext({ sources, annotations });
  const draft = draftBriefFromAnnotations(
    ctx,
    annotations.map((a) => a.id),
    'Nordhamn: 500 claims',
  );
  const brief: Brief = {
    id: 'brf_bench',
    title: draft.title,
    doc: draft.doc,
    createdAt: '2025-12-01T00:00:00.000Z',
    updatedAt: '2025-12-01T00:00:00.000Z',
  };
  return { brief, ctx, sources, annotations };
}

async function main(): Promise<void> {
  const { brief, ctx, sources, annotations } = fixture();

  const floorRuns = await timeRuns(20, () => JSON.stringify({ brief, sources, annotations }));
  const floor = percentile(floorRuns, 50);
  const floorText = `${ms(floor)} JSON.stringify`;

  const targets: Record<BriefFormat, { limit: number; runs: number }> = {
    md: { limit: 200, runs: 10 },
    html: { limit: 200, runs: 10 },
    docx: { limit: 1000, runs: 5 },
    pdf: { limit: 3000, runs: 3 },
  };
  const rows: BenchRow[] = [];
  for (const format of ['md', 'html', 'docx', 'pdf'] as const) {
    const { limit, runs } = targets[format];
    let bytes = 0;
    await exportBrief(brief, ctx, format); // warm-up: module and font loading
    const times = await timeRuns(runs, async () => {
      bytes = (await exportBrief(brief, ctx, format)).length;
    });
    const median = percentile(times, 50);
    rows.push({
      figure: `export ${CITATIONS} citations → ${format} (median of ${runs}, ${(bytes / 1024).toFixed(0)} KiB)`,
      value: `${ms(median, 1)} (×${(median / floor).toFixed(0)} floor)`,
      floor: floorText,
      target: `≤ ${limit} ms`,
      ok: median <= limit,
    });
  }
  printTable(`Brief export (${CITATIONS} citations, ${SOURCES} sources)`, rows);
}

await main();
