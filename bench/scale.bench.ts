/**
 * Scale: does a 20,000-source notebook feel like a 50-source one? For each
 * size (1k, 5k, 20k sources with 2 claims each, written by the synthetic
 * notebook generator into a temporary folder) one table, each figure beside
 * its floor measured in the same run:
 *
 * - the API process (bench/scale/session-steps.ts, its own process; then a
 *   second process for a day's session on the notebook the first left): the
 *   longest event-loop stall during the index build, the background index
 *   load after open, the index save after one edit and the import of one
 *   article (floor: an idle loop's longest stall); open → first search
 *   answer with and without a saved index (floor: reading and parsing every
 *   file); query p95; getSource while the index loads; the first import of a
 *   session; the peak memory of a session that edits, imports and drafts a brief;
 * - the UI (bench/scale/ui-steps.ts: `dev:web --built` in Debian Chromium):
 *   sources list painted, DOM elements, median scroll frame, bytes fetched
 *   and long tasks after one edit, a source opened by a click;
 * - `dossier sources --json` wall time (bin/dossier.mjs; floor: bare `node`).
 *
 * Everything goes through public doors only (the session API, the CLI, the
 * bridge over HTTP, the page), so the bench keeps measuring the same thing
 * as the code behind them changes.
 *
 *   npm run bench -- scale                       all three sizes (a few minutes)
 *   SCALE_BENCH_SIZES=1k,5k npm run bench -- scale
 *   npx tsx bench/scale.bench.ts 1k              one size
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt } from '../tests/helpers/built-app';
import { chromiumAvailable } from './paint/harness';
import { fictionalText, mulberry32, writeSyntheticNotebook } from './lib/synthetic-notebook';
import { ms, printTable, type BenchRow } from './lib/report';
import type { DailyFigures, SessionFigures } from './scale/session-steps';
import { measureUi, type UiFigures } from './scale/ui-steps';

const root = path.resolve(import.meta.dirname, '..');
const SIZES: Record<string, number> = { '1k': 1_000, '5k': 5_000, '20k': 20_000 };
const asked = (
  process.argv.slice(2).length ? process.argv.slice(2) : (process.env.SCALE_BENCH_SIZES ?? '1k,5k,20k').split(',')
)
  .map((s) => s.trim())
  .filter(Boolean);
for (const s of asked) if (!(s in SIZES)) throw new Error(`unknown size "${s}": use ${Object.keys(SIZES).join(', ')}`);

/** Median wall time of `runs` runs of a command, in ms. */
function wall(cmd: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function sessionFigures(notebook: string, article: string): SessionFigures;
function sessionFigures(notebook: string, article: string, daily: '--daily'): DailyFigures;
function sessionFigures(notebook: string, article: string, daily?: '--daily'): SessionFigures | DailyFigures {
  const args = ['--import', 'tsx', 'bench/scale/session-steps.ts', notebook, article, ...(daily ? [daily] : [])];
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: 900_000,
  });
  if (r.status !== 0) throw new Error(`session steps failed (${r.status ?? r.signal}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as SessionFigures | DailyFigures;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (value: number) => `${value.toFixed(0)} MB`;
/** A row whose target is an upper bound (`max` null: reported only). */
function atMost(
  figure: string,
  value: number,
  shown: string,
  floor: string,
  max: number | null,
  unit = 'ms',
): BenchRow {
  return {
    figure,
    value: shown,
    floor,
    target: max === null ? 'report' : `≤ ${max.toLocaleString('en')} ${unit}`,
    ok: max === null || value <= max,
  };
}
const stallRow = (figure: string, value: number, idle: number): BenchRow =>
  atMost(`longest stall: ${figure}`, value, ms(value, 0), `idle loop ${ms(idle, 0)}`, 50);

function rows(
  size: string,
  s: SessionFigures,
  day: DailyFigures,
  ui: UiFigures | string,
  cli: { ms: number; floor: number },
): BenchRow[] {
  const out: BenchRow[] = [
    stallRow('index build (open, no saved index)', s.noCache.stallMs, s.idleStallMs),
    stallRow('background index load after open', s.backgroundLoad.stallMs, s.idleStallMs),
    stallRow(`index save after one edit (${s.edit.windowMs / 1000} s after it)`, s.edit.stallMs, s.idleStallMs),
    stallRow('import of one article', s.importOne.stallMs, s.idleStallMs),
    atMost(
      'open → first search answer, valid saved index',
      s.validCache.firstAnswerMs,
      ms(s.validCache.firstAnswerMs, 0),
      `parse all files ${ms(s.parseAllMs, 0)}`,
      500,
    ),
    atMost(
      'open → first search answer, no saved index',
      s.noCache.firstAnswerMs,
      ms(s.noCache.firstAnswerMs, 0),
      `parse all files ${ms(s.parseAllMs, 0)}`,
      null,
    ),
    atMost('search query p95 (40 queries)', s.queryP95Ms, ms(s.queryP95Ms, 1), `p50 ${ms(s.queryP50Ms, 1)}`, 30),
    atMost(
      `open a source: API getSource while the index loads (worst of ${s.backgroundLoad.getSourceCalls}, from when due)`,
      s.backgroundLoad.getSourceMaxMs,
      ms(s.backgroundLoad.getSourceMaxMs, 0),
      `read one file ${ms(s.readOneMs, 1)}`,
      200,
    ),
    {
      figure: 'import one article, first in a session (a notebook opened before)',
      value: ms(day.importOne.ms, 0),
      floor: `read one file ${ms(s.readOneMs, 1)}`,
      target: '≤ 200 ms',
      ok: day.importOne.ms <= 200 && day.importOne.added === 1,
    },
    {
      ...atMost(
        'import one article, first session ever (near-duplicate signatures still being computed)',
        s.importOne.ms,
        ms(s.importOne.ms, 0),
        `read one file ${ms(s.readOneMs, 1)}`,
        null,
      ),
      ok: s.importOne.added === 1,
    },
    atMost(
      `peak RSS: a session that opens, edits, imports, drafts a brief (${day.draftBrief.claims} claims; opened before)`,
      day.peakRssMb,
      mb(day.peakRssMb),
      `process before open ${mb(day.baseRssMb)}`,
      600,
      'MB',
    ),
    atMost(
      'peak RSS: first session ever (builds the search index and near-duplicate signatures)',
      s.peakRssMb,
      mb(s.peakRssMb),
      `process before open ${mb(s.baseRssMb)}`,
      null,
      'MB',
    ),
  ];
  if (typeof ui === 'string') {
    out.push({ figure: 'UI rows', value: 'skipped', floor: ui, target: '—', ok: false });
  } else {
    out.push(
      ...(
        [
          ['a claim', ui.afterClaimEdit],
          ["a source's outlet", ui.afterSourceEdit],
        ] as const
      ).flatMap(([what, e]) => [
        {
          // A page that never received or showed the edit within a minute: no pass, whatever it fetched.
          ...atMost(
            `after one edit of ${what}: bytes the UI fetches over the API`,
            e.bytes / 1024,
            `${kb(e.bytes)} (${e.requests} req.)${e.shown ? '' : ', edit never shown'}`,
            `the edit's answer ${kb(e.floorBytes)}`,
            100,
            'KB',
          ),
          ...(e.shown ? {} : { ok: false }),
        },
        {
          ...atMost(
            `after one edit of ${what}: renderer long tasks`,
            e.longTaskMs,
            `${ms(e.longTaskMs, 0)} (longest ${ms(e.longestTaskMs, 0)})${e.shown ? '' : ', edit never shown'}`,
            `idle 2 s ${ms(ui.idleLongTaskMs, 0)}`,
            50,
          ),
          ...(e.shown ? {} : { ok: false }),
        },
      ]),
      atMost(
        'sources list painted after load',
        ui.listPaintedMs,
        ms(ui.listPaintedMs, 0),
        `page load event ${ms(ui.pageLoadMs, 0)}`,
        1000,
      ),
      atMost(
        'DOM elements',
        ui.domElements,
        ui.domElements.toLocaleString('en'),
        `outside the list ${ui.domOutsideList}`,
        2000,
        'elements',
      ),
      atMost(
        'median frame while scrolling the sources list',
        ui.scrollFrameMedianMs,
        ms(ui.scrollFrameMedianMs, 1),
        `idle frame ${ms(ui.idleFrameMedianMs, 1)}`,
        17,
      ),
      atMost(
        'open a source by a click (reader shows it)',
        ui.openByClickMs,
        ms(ui.openByClickMs, 0),
        `getSource over HTTP ${ms(ui.getSourceHttpMs, 0)}`,
        200,
      ),
    );
  }
  // The CLI's target is set at 5k sources; other sizes are reported.
  out.push(
    atMost(
      `\`dossier sources --json\` wall time (median of 5)`,
      cli.ms,
      ms(cli.ms, 0),
      `bare node ${ms(cli.floor, 0)}`,
      size === '5k' ? 300 : null,
    ),
  );
  return out;
}

const built = ensureBuilt();
if (built.built) console.log(`(built the app first: ${built.reason})`);
const tmp = await mkdtemp(path.join(os.tmpdir(), 'dossier-scale-bench-'));
try {
  const article = path.join(tmp, 'norrvik-harbour-talks.txt');
  await writeFile(article, `Harbour talks resume in Norrvik\n\n${fictionalText(mulberry32(2026), 10)}\n`);
  const secondArticle = path.join(tmp, 'ostby-ferry-quota.txt');
  await writeFile(
    secondArticle,
    `Ferry quota dispute reaches Östby council\n\n${fictionalText(mulberry32(2027), 10)}\n`,
  );
  for (const size of asked) {
    const n = SIZES[size]!;
    const notebook = path.join(tmp, `scale-${size}.dossier`);
    const g = performance.now();
    await writeSyntheticNotebook(notebook, n, 2);
    console.log(
      `\n${size}: generated ${n.toLocaleString('en')} sources in ${((performance.now() - g) / 1000).toFixed(1)} s`,
    );
    const floor = wall(process.execPath, ['-e', '0'], 5);
    const cliMs = wall(process.execPath, ['bin/dossier.mjs', '--notebook', notebook, 'sources', '--json'], 5);
    // The session steps save the index: the UI then opens the notebook as a person would the second time.
    const s = sessionFigures(notebook, article);
    // A day's session on the notebook the first one left (its caches saved), with another article.
    const day = sessionFigures(notebook, secondArticle, '--daily');
    let ui: UiFigures | string = 'no /usr/bin/chromium (apt-get install chromium)';
    if (chromiumAvailable()) {
      try {
        ui = await measureUi(notebook);
      } catch (err) {
        ui = `failed: ${(err as Error).message.split('\n')[0]}`;
      }
    }
    printTable(
      `Scale: ${n.toLocaleString('en')} sources, ${(2 * n).toLocaleString('en')} claims`,
      rows(size, s, day, ui, { ms: cliMs, floor }),
    );
    await rm(notebook, { recursive: true, force: true });
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
