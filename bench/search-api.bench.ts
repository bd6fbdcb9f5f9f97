/**
 * What the search wiring (main/services/search/search-service.ts) adds on top
 * of the engine, through a real notebook session: time to the first answer
 * after open with the persisted index (load) and without it (build), the cost
 * an edit pays to keep the index right, and a query through the API beside
 * the same query on the bare index — each measured in this run.
 *
 *   npx tsx bench/search-api.bench.ts        (SEARCH_API_BENCH_SOURCES=300 for a quick run)
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION, type Annotation, type SourceFile } from '../shared/model';
import { SearchIndex } from '../main/services/search';
import { CACHE_DIR, INDEX_FILE } from '../main/services/search/search-service';
import { openNotebookSession, type NotebookSession } from '../main/services/session';
import { ms, percentile, printTable, timeRuns, type BenchRow } from './lib/report';

const SOURCES = Number(process.env.SEARCH_API_BENCH_SOURCES ?? 1000);
const ANNOTATIONS_PER_SOURCE = 10;

let seed = 7;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const SYL = 'ka lo mi ner sta vik dal berg ost run fel ma ri to sen hav is ark ling ter gran bo lu skog'.split(' ');
const VOCAB = Array.from({ length: 8000 }, () =>
  Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYL)).join(''),
);
const FN = 'the of and to in a that for on was with as by at from said has were after its'.split(' ');
const sentence = () => {
  const w = Array.from({ length: 12 + Math.floor(rand() * 12) }, () => (rand() < 0.35 ? pick(FN) : pick(VOCAB)));
  w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
  return `${w.join(' ')}${rand() < 0.2 ? ` ${1 + Math.floor(rand() * 90)} people` : ''}.`;
};

function sourceFile(i: number): SourceFile {
  const id = `src_bench${String(i).padStart(5, '0')}`;
  const text = Array.from({ length: 8 }, () => Array.from({ length: 3 }, sentence).join(' ')).join('\n\n');
  const now = new Date().toISOString();
  const annotations: Annotation[] = [];
  const step = Math.floor(text.length / (ANNOTATIONS_PER_SOURCE + 1));
  for (let k = 0; k < ANNOTATIONS_PER_SOURCE; k++) {
    const start = k * step;
    const end = start + 60;
    annotations.push({
      id: `ann_b${i}x${k}`,
      sourceId: id,
      kind: 'claim',
      target: {
        start,
        end,
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
      },
      tagIds: [],
      status: 'unverified',
      actors: [],
      createdAt: now,
      updatedAt: now,
    });
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      id,
      title: Array.from({ length: 6 }, () => pick(VOCAB)).join(' '),
      language: 'en',
      importedAt: now,
      origin: { kind: 'file', name: `${id}.txt`, sha256: createHash('sha256').update(text).digest('hex') },
      text,
      removed: [],
    },
    annotations,
  } as SourceFile;
}

async function firstAnswer(dir: string): Promise<{ ms: number; from: string; session: NotebookSession }> {
  const t = performance.now();
  const session = await openNotebookSession(dir);
  await session.service.search({ query: pick(VOCAB), limit: 10, wait: true, withActors: false });
  const elapsed = performance.now() - t;
  return { ms: elapsed, from: (await session.service.searchStatus({})).loadedFrom, session };
}

async function main() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'dossier-search-api-bench-'));
  const dir = path.join(tmp, 'Bench.dossier');
  try {
    // seed the notebook straight through the store (the fastest way to 1,000 files)
    let session = await openNotebookSession(dir);
    for (let i = 0; i < SOURCES; i++) {
      const { manifestSaved } = await session.store.addSource(sourceFile(i));
      if (i === SOURCES - 1) await manifestSaved;
    }
    await session.close();

    // open → first answer: without a cache (build), then with it (load)
    await unlink(path.join(dir, CACHE_DIR, INDEX_FILE)).catch(() => undefined);
    const cold = await firstAnswer(dir);
    await cold.session.close(); // saves the index
    // the floor of a cold open: read every file and build the bare index
    const buildFloor = await (async () => {
      const t = performance.now();
      const files = await Promise.all(
        Array.from(
          { length: SOURCES },
          async (_, i) =>
            JSON.parse(
              await readFile(path.join(dir, 'sources', `src_bench${String(i).padStart(5, '0')}.json`), 'utf8'),
            ) as SourceFile,
        ),
      );
      SearchIndex.build({
        sources: files.map((f) => f.source),
        annotations: files.flatMap((f) => f.annotations),
        actors: [],
        tags: [],
      });
      return performance.now() - t;
    })();
    const warm = await firstAnswer(dir);
    session = warm.session;
    const loadFloor = await (async () => {
      const t = performance.now();
      SearchIndex.load(await readFile(path.join(dir, CACHE_DIR, INDEX_FILE), 'utf8'));
      return performance.now() - t;
    })();

    // an edit: updateAnnotation alone vs updateAnnotation + the index caught up
    const ids = session.store.manifest.sources.map((s) => s.id);
    const edit = (i: number) => {
      const sourceId = ids[i % ids.length]!;
      return session.service.updateAnnotation({
        sourceId,
        id: `ann_b${i % ids.length}x${i % ANNOTATIONS_PER_SOURCE}`,
        patch: { status: i % 2 ? 'disputed' : 'corroborated' },
      });
    };
    const EDITS = 60;
    const editOnly = await timeRuns(EDITS, async (i) => {
      await edit(i);
      await session.service.getHistory({});
    });
    const editIndexed = await timeRuns(EDITS, async (i) => {
      await edit(i + EDITS);
      await session.service.searchStatus({}); // waits for the index to apply the change
    });

    // queries: through the API vs the bare index (loaded from the same cache)
    const bare = SearchIndex.load(await readFile(path.join(dir, CACHE_DIR, INDEX_FILE), 'utf8'));
    const queries = Array.from({ length: 200 }, () =>
      rand() < 0.5 ? pick(VOCAB) : `${pick(VOCAB)} ${pick(VOCAB).slice(0, 4)}`,
    );
    // warm both (module-level caches such as folding are shared), then time them interleaved
    for (const q of queries) {
      await session.service.search({ query: q, limit: 20, wait: true, withActors: false });
      bare.search(q, {}, 20);
    }
    const viaApi = await timeRuns(queries.length, (i) =>
      session.service.search({ query: queries[i]!, limit: 20, wait: true, withActors: false }),
    );
    const direct = await timeRuns(queries.length, (i) => bare.search(queries[i]!, {}, 20));
    const saveStart = performance.now();
    await session.close();
    const closeMs = performance.now() - saveStart;

    const p95 = (xs: number[]) => percentile(xs, 95);
    const rows: BenchRow[] = [
      {
        figure: `open → first answer, no cache (${cold.from})`,
        value: ms(cold.ms, 0),
        floor: `${ms(buildFloor, 0)} read files + build`,
        target: '≤ 1.5× read + build',
        ok: cold.ms <= 1.5 * buildFloor && cold.from === 'build',
      },
      {
        figure: `open → first answer, cached (${warm.from})`,
        value: ms(warm.ms, 0),
        floor: `${ms(loadFloor, 0)} SearchIndex.load alone`,
        target: '≤ load + 300 ms',
        ok: warm.ms <= loadFloor + 300 && warm.from === 'cache',
      },
      {
        figure: 'edit p95, index caught up',
        value: ms(p95(editIndexed)),
        floor: `${ms(p95(editOnly))} edit call alone (index updates after)`,
        target: '≤ that + 5 ms',
        ok: p95(editIndexed) <= p95(editOnly) + 5,
      },
      {
        figure: 'query p95 via the API',
        value: ms(p95(viaApi)),
        floor: `${ms(p95(direct))} bare index`,
        target: '≤ bare + 2 ms',
        ok: p95(viaApi) <= p95(direct) + 2,
      },
      {
        figure: 'close (saves the edited index)',
        value: ms(closeMs, 0),
        floor: `${ms(loadFloor, 0)} load`,
        target: 'off the hot path (info)',
        ok: true,
      },
    ];
    printTable(
      `Search wiring through a session: ${SOURCES} sources / ${SOURCES * ANNOTATIONS_PER_SOURCE} annotations (load avg ${os.loadavg()[0]!.toFixed(1)})`,
      rows,
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

await main();
