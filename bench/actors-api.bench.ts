/**
 * The actor API over a 1,000-article notebook (fictional, generated here:
 * English and Swedish filler with states, bodies and people named in each):
 * the first `suggestActors` (engine load + detection) against the detection
 * engine called directly on the same texts in the same run; the cached
 * repeat; the recompute after a registry change; `sourceMentions` per source;
 * `getActorPage` for an actor linked across the notebook.
 * Run: npx tsx bench/actors-api.bench.ts
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openNotebookSession } from '../main/services/session';
import { loadActorEngine } from '../main/services/actors/actor-methods';
import { SCHEMA_VERSION, type Actor, type Annotation, type NotebookManifest, type SourceFile } from '../shared/model';
import { fictionalText, mulberry32 } from './lib/synthetic-notebook';
import { ms, percentile, printTable, timeRuns, type BenchRow } from './lib/report';

const N = 1000;
const EN_NAMES = [
  'the United States',
  'China',
  'Russia',
  'France',
  'the United Nations',
  'NATO',
  'Emmanuel Macron',
  'Nordvik Energy',
  'Ingrid Solheim',
  'Washington',
];
const SV_NAMES = [
  'USA',
  'Kina',
  'Ryssland',
  'Frankrike',
  'FN',
  'Nato',
  'Emmanuel Macron',
  'Nordvik Energy',
  'Ingrid Solheim',
  'Vita huset',
];

async function writeNotebook(dir: string): Promise<{ usId: string }> {
  const rand = mulberry32(7);
  await mkdir(path.join(dir, 'sources'), { recursive: true });
  const now = '2027-01-01T00:00:00.000Z';
  const us: Actor = {
    id: 'act_us',
    name: 'United States',
    kind: 'state',
    aliases: ['USA', 'Washington', 'Vita huset'],
    memberOf: [],
  };
  const minister: Actor = { id: 'act_min', name: 'Dana Whitcombe', kind: 'person', aliases: [], memberOf: [us.id] };
  const manifest: NotebookManifest = {
    schemaVersion: SCHEMA_VERSION,
    id: 'nb_actors_bench',
    title: 'Actors bench',
    createdAt: now,
    statuses: ['unverified', 'corroborated', 'disputed', 'refuted'],
    actors: [us, minister],
    tags: [],
    briefs: [],
    relations: [],
    rejectedSuggestions: [],
    sources: [],
  };
  for (let s = 0; s < N; s++) {
    const sv = s % 3 === 0;
    const names = sv ? SV_NAMES : EN_NAMES;
    const pick = () => names[Math.floor(rand() * names.length)]!;
    const paras = fictionalText(rand, 5, 50).split('\n\n');
    const text = paras
      .map((p, i) =>
        i % 2 === 0
          ? `${p} ${sv ? 'Enligt' : 'According to'} ${pick()}, ${sv ? 'säger' : 'said'} ${pick()} ${sv ? 'och' : 'and'} ${pick()}.`
          : p,
      )
      .join('\n\n');
    const id = `src_${s.toString(36).padStart(6, '0')}`;
    const meta = {
      id,
      title: `Fictional report ${s}`,
      publishedAt: `2027-0${1 + (s % 9)}-1${s % 10}`,
      language: sv ? 'sv' : 'en',
      importedAt: now,
      origin: { kind: 'file' as const, name: `r${s}.txt`, sha256: (s.toString(16) + 'a'.repeat(64)).slice(0, 64) },
    };
    const annotations: Annotation[] = [];
    if (s % 4 === 0) {
      annotations.push({
        id: `ann_${s}`,
        sourceId: id,
        kind: 'claim',
        target: { start: 0, end: 40, exact: text.slice(0, 40), prefix: '', suffix: text.slice(40, 72) },
        tagIds: [],
        status: 'unverified',
        actors: [{ actorId: s % 8 === 0 ? minister.id : us.id, role: 'speaker', stance: 'supports' }],
        createdAt: now,
        updatedAt: now,
      });
    }
    manifest.sources.push(meta);
    const file: SourceFile = { schemaVersion: SCHEMA_VERSION, source: { ...meta, text, removed: [] }, annotations };
    await writeFile(path.join(dir, 'sources', `${id}.json`), JSON.stringify(file));
  }
  await writeFile(path.join(dir, 'notebook.json'), JSON.stringify(manifest));
  return { usId: us.id };
}

const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-actors-api-bench-'));
try {
  const dir = path.join(root, 'Bench.dossier');
  const { usId } = await writeNotebook(dir);
  const session = await openNotebookSession(dir);
  const svc = session.service;
  const rows: BenchRow[] = [];

  // Loading every source file is part of the first call; measure it alone first (a floor).
  const tLoad = performance.now();
  const files: SourceFile[] = [];
  for (const m of session.store.manifest.sources) files.push(await session.store.loadSource(m.id));
  const loadMs = performance.now() - tLoad;

  const tFirst = performance.now();
  const first = await svc.suggestActors({});
  const firstMs = performance.now() - tFirst;

  // Peer: the engine itself on the same texts (engine loaded, its compromise cache cleared so it is a cold detection too).
  const engine = await loadActorEngine();
  engine.clearDetectionCache();
  const tDirect = performance.now();
  engine.suggestForNotebook(
    session.store.manifest,
    files.map((f) => f.source),
  );
  const directMs = performance.now() - tDirect;

  const cached = await timeRuns(20, () => svc.suggestActors({}));
  await svc.createActor({ name: 'Nordvik Energy', kind: 'organisation', aliases: [], memberOf: [] });
  const tRe = performance.now();
  const after = await svc.suggestActors({});
  const reMs = performance.now() - tRe;

  const perSec = (N / firstMs) * 1000;
  rows.push({
    figure: `first suggestActors, ${N} articles (${first.length} suggestions)`,
    value: `${ms(firstMs, 0)} (${perSec.toFixed(0)} articles/s)`,
    floor: `engine alone ${ms(directMs, 0)} + file loading ${ms(loadMs, 0)}`,
    target: '≥ 100 articles/s',
    ok: perSec >= 100,
  });
  rows.push({
    figure: 'repeat suggestActors (nothing changed), p50 / p95',
    value: `${ms(percentile(cached, 50))} / ${ms(percentile(cached, 95))}`,
    floor: `engine alone ${ms(directMs, 0)}`,
    target: '≤ 5% of engine alone',
    ok: percentile(cached, 95) <= directMs * 0.05,
  });
  rows.push({
    figure: `after createActor: recompute (${after.length} suggestions)`,
    value: ms(reMs, 0),
    floor: `engine alone ${ms(directMs, 0)}`,
    target: '≤ 1.3× engine alone (compromise cache per text)',
    ok: reMs <= directMs * 1.3,
  });

  const mentions = await timeRuns(50, (i) => svc.sourceMentions({ sourceId: files[i * 7]!.source.id }));
  const mentionsAgain = await timeRuns(50, (i) => svc.sourceMentions({ sourceId: files[i * 7]!.source.id }));
  rows.push({
    figure: 'sourceMentions, one source (first / cached p95)',
    value: `${ms(percentile(mentions, 95))} / ${ms(percentile(mentionsAgain, 95))}`,
    floor: `engine alone, whole notebook ÷ ${N}: ${ms(directMs / N)}`,
    target: 'first ≤ 50 ms (reader opens a source)',
    ok: percentile(mentions, 95) <= 50,
  });

  const page = await timeRuns(5, () => svc.getActorPage({ actorId: usId }));
  const p = await svc.getActorPage({ actorId: usId });
  rows.push({
    figure: `getActorPage, ${p.counts.total} claims over ${p.counts.sources} sources (+ members), ${p.mentionedOnly.length} mentioned-only`,
    value: `p50 ${ms(percentile(page, 50), 1)}`,
    floor: `repeat suggestActors p50 ${ms(percentile(cached, 50))}`,
    target: '≤ 250 ms',
    ok: percentile(page, 50) <= 250,
  });
  printTable(`Actor API over ${N} fictional articles (en + sv)`, rows);
  await session.close();
} finally {
  await rm(root, { recursive: true, force: true });
}
