/**
 * One notebook session at scale, in its own process (so its event loop and
 * peak memory are its own): the steps the scale table measures, through the
 * public session API only (openNotebookSession, its service, close), with
 * `monitorEventLoopDelay` watching this process's event loop. Prints one JSON
 * line (SessionFigures) on stdout. Run by bench/scale.bench.ts:
 *
 *   node --import tsx bench/scale/session-steps.ts <notebook> <article.txt>
 *   node --import tsx bench/scale/session-steps.ts <notebook> <article.txt> --daily
 *   SCALE_BENCH_STEPS=index node --import tsx bench/scale/session-steps.ts <notebook> <article.txt>
 *     (steps 1–5 only: the search index's rows, with their floors)
 *
 * Without --daily the notebook must be fresh from the generator (no search
 * index or near-duplicate signatures saved yet): the first open measures "no
 * cache", the later ones "valid cache", and the import is the first ever into
 * the notebook (its near-duplicate signatures are still being computed).
 * With --daily (after a run without): a day's session on a notebook opened
 * before — open, wait for the index, edit, import another article, draft a
 * brief — whose peak memory and import are its own (DailyFigures).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { useSourceWorkers } from '../../main/services/workers/source';
import type { ApiInput, ApiOutput, MethodName } from '../../shared/api';
import { unwrap } from '../../shared/errors';
import { callApi, openNotebookSession, useWorkerBesideBundle, type NotebookSession } from '../../main/services/session';
import { mulberry32 } from '../lib/synthetic-notebook';
import { percentile } from '../lib/report';

export interface SessionFigures {
  sources: number;
  /** Longest stall of an idle event loop over one second (the floor of every stall row). */
  idleStallMs: number;
  /** Reading and parsing every file of the notebook (the floor of the open rows). */
  parseAllMs: number;
  /** Reading and parsing one source file (the floor of open-source and import). */
  readOneMs: number;
  noCache: { firstAnswerMs: number; stallMs: number };
  validCache: { firstAnswerMs: number };
  backgroundLoad: { stallMs: number; readyMs: number; getSourceMaxMs: number; getSourceCalls: number };
  queryP50Ms: number;
  queryP95Ms: number;
  edit: { ms: number; stallMs: number; windowMs: number };
  importOne: { ms: number; stallMs: number; added: number };
  draftBrief: { ms: number; claims: number };
  /** Peak resident memory of this process (the session that edited, imported and drafted). */
  peakRssMb: number;
  /** Resident memory before the first open. */
  baseRssMb: number;
}

/** A day's session on a notebook opened before (--daily). */
export interface DailyFigures {
  daily: true;
  importOne: { ms: number; stallMs: number; added: number };
  draftBrief: { ms: number; claims: number };
  /** Peak resident memory of this process: open, index load, edit, import, draft. */
  peakRssMb: number;
  baseRssMb: number;
}

const [dir, articleFile, mode] = process.argv.slice(2);
if (!dir || !articleFile) throw new Error('usage: session-steps.ts <notebook> <article.txt> [--daily]');
// The workers as the app ships them (built JavaScript), when `npm run build` has run; else from source.
const builtCli = path.resolve(import.meta.dirname, '../../out/cli/dossier.js');
if (existsSync(builtCli)) useWorkerBesideBundle(pathToFileURL(builtCli).href);
else useSourceWorkers();

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));
/** Runs `fn` with a fresh event-loop delay monitor; returns its value, the wall time and the longest stall. */
async function watched<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; stallMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  // One more turn so a stall at the very end is recorded.
  await sleep(20);
  h.disable();
  return { value, ms, stallMs: h.max / 1e6 };
}

/** A call through the API's door (its schema validates and fills in the input), as the app and the CLI make it. */
async function call<M extends MethodName>(s: NotebookSession, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return unwrap(await callApi(s.service, method, input)) as ApiOutput<M>;
}

const WORDS = ['harbour', 'accord', 'minister', 'quota', 'ceasefire', 'tariff', 'ballot', 'embassy', 'witness'];
const rand = mulberry32(7);
const query = () =>
  rand() < 0.5 ? WORDS[Math.floor(rand() * WORDS.length)]! : `${WORDS[Math.floor(rand() * WORDS.length)]!} talks`;
const search = (s: NotebookSession) => call(s, 'search', { query: query(), limit: 20, wait: true });

const baseRssMb = process.memoryUsage().rss / 2 ** 20;
if (mode === '--daily') {
  const s = await openNotebookSession(dir);
  for (const t = performance.now(); !(await call(s, 'searchStatus', {})).ready; await sleep(100))
    if (performance.now() - t > 120_000) throw new Error('the index was not ready within 2 minutes of opening');
  const some = (await call(s, 'listSourcePage', { offset: 0, limit: 1 })).items[0]!;
  const ann = (await call(s, 'getSource', { id: some.id })).annotations[0];
  if (ann) await call(s, 'updateAnnotation', { sourceId: some.id, id: ann.id, patch: { status: 'disputed' } });
  const article = await readFile(articleFile, 'utf8');
  const imported = await watched(() => call(s, 'importText', { text: article, name: path.basename(articleFile) }));
  const draft = await watched(() => call(s, 'draftBrief', { tagId: 'tag_1' }));
  await s.close();
  const daily: DailyFigures = {
    daily: true,
    importOne: { ms: imported.ms, stallMs: imported.stallMs, added: imported.value.added.length },
    draftBrief: { ms: draft.ms, claims: JSON.stringify(draft.value).split('"annotationId"').length - 1 },
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb,
  };
  process.stdout.write(`${JSON.stringify(daily)}\n`);
  process.exit(0);
}
const idle = await watched(() => sleep(1000));

// Floors: every file read and parsed; one source file read and parsed.
const files = (await readdir(path.join(dir, 'sources'))).filter((f) => f.endsWith('.json'));
const parseAll = await watched(async () => {
  JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8'));
  for (const f of files) JSON.parse(await readFile(path.join(dir, 'sources', f), 'utf8'));
});
const sourceIds = files.map((f) => f.slice(0, -'.json'.length)).sort();
const someId = () => sourceIds[Math.floor(rand() * sourceIds.length)]!;
const readOne = await watched(async () =>
  JSON.parse(await readFile(path.join(dir, 'sources', `${someId()}.json`), 'utf8')),
);

// 1. No saved index: open → first search answer (the index is built on the way).
const noCache = await watched(async () => {
  const s = await openNotebookSession(dir);
  await search(s);
  return s;
});
await noCache.value.close(); // saves the index

// 2. Valid saved index: open → first search answer.
const valid = await watched(async () => {
  const s = await openNotebookSession(dir);
  await search(s);
  return s;
});
await valid.value.close();

// 3. Open and leave the index to load in the background; meanwhile open sources through the API, one every
// 100 ms. A call is timed from when it was due, not from when this (same) event loop got round to sending it:
// a stall of the loop delays the call, and a person clicking during it waits for that too.
const getSourceMs: number[] = [];
const background = await watched(async () => {
  const s = await openNotebookSession(dir);
  const t = performance.now();
  for (let k = 1; ; k++) {
    const due = t + k * 100;
    await sleep(Math.max(0, due - performance.now()));
    await call(s, 'getSource', { id: someId() });
    getSourceMs.push(performance.now() - due);
    if ((await call(s, 'searchStatus', {})).ready) break;
    if (performance.now() - t > 120_000) throw new Error('the index was not ready within 2 minutes of opening');
  }
  return { session: s, readyMs: performance.now() - t };
});
const session = background.value.session;

// 4. Queries once the index is in.
const queryMs: number[] = [];
for (let i = 0; i < 40; i++) {
  const t = performance.now();
  await search(session);
  queryMs.push(performance.now() - t);
}
queryMs.sort((a, b) => a - b);

// 5. One edit, then a quiet spell long enough for the index to be saved after it.
const SAVE_WINDOW_MS = Number(process.env.SCALE_BENCH_SAVE_WINDOW_MS ?? 7000);
const editId = sourceIds[Math.floor(sourceIds.length / 2)]!;
const { annotations } = await call(session, 'getSource', { id: editId });
const ann = annotations[0];
if (!ann) throw new Error(`${editId} has no annotation to edit`);
let editMs = 0;
const edit = await watched(async () => {
  const t = performance.now();
  await call(session, 'updateAnnotation', { sourceId: editId, id: ann.id, patch: { status: 'disputed' } });
  editMs = performance.now() - t;
  await sleep(SAVE_WINDOW_MS);
});

// SCALE_BENCH_STEPS=index: the steps above only (the search index's rows), for measuring them alone.
const indexOnly = process.env.SCALE_BENCH_STEPS === 'index';
const skipped = { value: { added: [] as unknown[] }, ms: 0, stallMs: 0 };

// 6. The session's first import: one article.
const article = await readFile(articleFile, 'utf8');
const imported = indexOnly
  ? skipped
  : await watched(() => call(session, 'importText', { text: article, name: path.basename(articleFile) }));

// 7. A brief drafted from one tag's claims.
const draft = indexOnly
  ? { ...skipped, value: {} }
  : await watched(() => call(session, 'draftBrief', { tagId: 'tag_1' }));
const draftClaims = JSON.stringify(draft.value).split('"annotationId"').length - 1;

await session.close();
const figures: SessionFigures = {
  sources: sourceIds.length,
  idleStallMs: idle.stallMs,
  parseAllMs: parseAll.ms,
  readOneMs: readOne.ms,
  noCache: { firstAnswerMs: noCache.ms, stallMs: noCache.stallMs },
  validCache: { firstAnswerMs: valid.ms },
  backgroundLoad: {
    stallMs: background.stallMs,
    readyMs: background.value.readyMs,
    getSourceMaxMs: Math.max(...getSourceMs),
    getSourceCalls: getSourceMs.length,
  },
  queryP50Ms: percentile(queryMs, 50),
  queryP95Ms: percentile(queryMs, 95),
  edit: { ms: editMs, stallMs: edit.stallMs, windowMs: SAVE_WINDOW_MS },
  importOne: { ms: imported.ms, stallMs: imported.stallMs, added: imported.value.added.length },
  draftBrief: { ms: draft.ms, claims: draftClaims },
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  baseRssMb,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
// The import worker may keep the process alive: the figures are out.
process.exit(0);
