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
import { mkdtemp, readdir, rm, readFile, stat } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION, type Annotation, type SourceFile } from '../shared/model';
import { MemoryTexts, SearchIndex } from '../main/services/search';
import { CACHE_DIR, INDEX_DIR } from '../main/services/search/search-service';
import { FileTexts } from '../main/services/search/source-texts';
import { openNotebookSession, type NotebookSession } from '../main/services/session';
import { useWorkerBesideBundle } from '../main/services/workers/entry';
import { useSourceWorkers } from '../main/services/workers/source';
import { pathToFileURL } from 'node:url';
import { ms, percentile, printTable, timeRuns, type BenchRow } from './lib/report';

// The index lives in a worker thread: the built one when `npm run build` made it (what the app runs), else from source.
const builtMain = path.resolve(import.meta.dirname, '../out/main/index.js');
const WORKER_FROM = existsSync(path.join(path.dirname(builtMain), 'search-worker.js')) ? 'out/main' : 'source';
if (WORKER_FROM === 'source') useSourceWorkers();
else useWorkerBesideBundle(pathToFileURL(builtMain).href);

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

/** Runs `fn` and reports the longest stall of this thread's event loop meanwhile (ms). */
async function stallDuring<T>(fn: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  try {
    const value = await fn();
    return { value, stallMs: h.max / 1e6 };
  } finally {
    h.disable();
  }
}

async function firstAnswer(
  dir: string,
): Promise<{ ms: number; from: string; session: NotebookSession; stallMs: number }> {
  const t = performance.now();
  const session = await openNotebookSession(dir);
  // the stall is measured from the first query, which starts the index's load or build, to its answer
  const { stallMs } = await stallDuring(() =>
    session.service.search({ query: pick(VOCAB), limit: 10, wait: true, withActors: false }),
  );
  const elapsed = performance.now() - t;
  return { ms: elapsed, from: (await session.service.searchStatus({})).loadedFrom, session, stallMs };
}

/** Bytes of the files in a folder. */
async function folderBytes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const name of await readdir(dir)) out.set(name, (await stat(path.join(dir, name))).size);
  return out;
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
    await rm(path.join(dir, CACHE_DIR, INDEX_DIR), { recursive: true, force: true });
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
    const indexDir = path.join(dir, CACHE_DIR, INDEX_DIR);
    const baseFile = async () =>
      path.join(
        indexDir,
        (await readdir(indexDir)).find((n) => n.startsWith('base-'))!,
      );
    const loadFloor = await (async () => {
      const t = performance.now();
      SearchIndex.load(await readFile(await baseFile()), new MemoryTexts());
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
    // (texts from the source files, as in the worker)
    const bare = SearchIndex.load(
      await readFile(await baseFile()),
      new FileTexts((id) => path.join(dir, 'sources', `${id}.json`)),
    );
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
    const before = await folderBytes(indexDir);
    const saveStart = performance.now();
    const { stallMs: closeStall } = await stallDuring(() => session.close());
    const closeMs = performance.now() - saveStart;
    const after = await folderBytes(indexDir);
    // what the save after the edits wrote: files that are new or grew (the stamp is rewritten whole)
    let written = 0;
    for (const [name, size] of after) {
      const was = before.get(name);
      if (name.startsWith('log-')) written += size - (was ?? 0);
      else if (was === undefined || name === 'stamp.json') written += size;
    }
    const baseBytes = [...after].find(([n]) => n.startsWith('base-'))?.[1] ?? 0;

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
      {
        figure: `save after ${2 * EDITS} edits: bytes written`,
        value: `${(written / 1024).toFixed(1)} kB`,
        floor: `${(baseBytes / 1e6).toFixed(1)} MB base (no source text)`,
        target: '≤ 64 kB (a log line, not the index)',
        ok: written <= 64 * 1024,
      },
      {
        figure: 'longest event-loop stall: cold open+build / cached open / close',
        value: `${ms(cold.stallMs, 0)} / ${ms(warm.stallMs, 0)} / ${ms(closeStall, 0)}`,
        floor: 'the index is built, loaded and saved in a worker thread',
        target: '≤ 50 ms',
        ok: Math.max(cold.stallMs, warm.stallMs, closeStall) <= 50,
      },
    ];
    printTable(
      `Search wiring through a session (worker from ${WORKER_FROM}): ${SOURCES} sources / ${SOURCES * ANNOTATIONS_PER_SOURCE} annotations (load avg ${os.loadavg()[0]!.toFixed(1)})`,
      rows,
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

await main();
