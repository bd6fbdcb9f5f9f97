/**
 * One working session on a notebook, as a person would run it: open, read a
 * few sources, annotate and edit, import two articles, draft a brief from
 * the claims made (its context reads every source). Returns the timings and this
 * process's peak resident memory; run it in a fresh process so the peak is
 * the session's alone (bench/memory.bench.ts does).
 *
 * `withSearch: false` runs the same steps on the service areas without the
 * search index (whose first build reads every source), to see the rest apart.
 */
import { performance } from 'node:perf_hooks';
import type { DossierService } from '../../shared/api';
import { annotationMethods } from '../../main/services/annotations/annotation-methods';
import { briefMethods } from '../../main/services/briefs/brief-methods';
import { historyMethods } from '../../main/services/history-methods';
import { nearDuplicateIndex } from '../../main/services/import/near-duplicate-index';
import { notebookMethods } from '../../main/services/notebook-methods';
import { createServiceContext } from '../../main/services/service-context';
import { openNotebookSession } from '../../main/services/session';
import { sourceMethods } from '../../main/services/sources/source-methods';
import { NotebookStore } from '../../main/services/store/notebook-store';
import { fictionalText, mulberry32 } from './synthetic-notebook';

export interface SessionScenarioResult {
  sources: number;
  /** Opening the notebook (manifest, history). */
  openMs: number;
  /** Bringing the near-duplicate index up to date (0 when it was already). */
  indexReadyMs: number;
  /** The first import of one article in the session. */
  firstImportMs: number;
  /** A second import of one article. */
  secondImportMs: number;
  /** Drafting a brief from the session's claims (its context reads every source). */
  draftMs: number;
  /** Source files the store read for the two imports. */
  sourcesReadForImports: number;
  /** Peak resident set size of this process, MB (process lifetime). */
  peakRssMb: number;
  /** Resident memory after each step, MB. */
  rssAfterOpenMb: number;
  rssAfterEditsMb: number;
  rssAfterImportsMb: number;
  rssAfterDraftMb: number;
  /** What the store held in memory at the end. */
  cachedSources: number;
  cachedMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Runs the session on the notebook at `dir` (written by writeSyntheticNotebook). */
export async function runSessionScenario(
  dir: string,
  options: { waitForIndex?: boolean; withSearch?: boolean } = {},
): Promise<SessionScenarioResult> {
  const rand = mulberry32(2026);
  let t = performance.now();
  const session = options.withSearch === false ? await openWithoutSearch(dir) : await openNotebookSession(dir);
  const openMs = performance.now() - t;
  const rssAfterOpenMb = mb(process.memoryUsage().rss);
  const { service } = session;
  try {
    const sources = session.store.manifest.sources;
    let indexReadyMs = 0;
    if (options.waitForIndex) {
      t = performance.now();
      await nearDuplicateIndex(session.store).ready();
      indexReadyMs = performance.now() - t;
    }
    // Read and edit a few sources.
    const claims: string[] = [];
    for (let i = 0; i < 20; i++) {
      const id = sources[Math.floor(rand() * sources.length)]!.id;
      const { source, annotations } = await service.getSource({ id });
      const created = await service.createAnnotation({
        sourceId: id,
        kind: 'claim',
        start: 10,
        end: 40,
        tagIds: ['tag_1'],
        actors: [],
      });
      claims.push(created.id);
      await service.updateAnnotation({ sourceId: id, id: created.id, patch: { status: 'disputed' } });
      if (annotations[0]) await service.deleteAnnotation({ sourceId: id, id: annotations[0].id });
      if (i % 5 === 0) await service.updateSourceMeta({ id, patch: { title: `${source.title} (checked)` } });
    }
    await service.undo({});
    const rssAfterEditsMb = mb(process.memoryUsage().rss);
    // Articles this notebook has not seen (a later session on the same notebook imports others).
    const article = (n: number) => ({
      name: `article-${n}.txt`,
      bytes: new TextEncoder().encode(`A new report ${n}\n\n${fictionalText(mulberry32(sources.length * 7 + n), 8)}`),
    });
    const readsBefore = session.store.sourceFilesRead;
    t = performance.now();
    await service.importFiles({ files: [article(1)] });
    const firstImportMs = performance.now() - t;
    t = performance.now();
    await service.importFiles({ files: [article(2)] });
    const secondImportMs = performance.now() - t;
    const sourcesReadForImports = session.store.sourceFilesRead - readsBefore;
    const rssAfterImportsMb = mb(process.memoryUsage().rss);
    t = performance.now();
    // From the claims made in this session: the context is built from every source all the same, and the
    // brief (stored in notebook.json) stays small, so a later session's writes are not slowed by it.
    await service.draftBrief({ annotationIds: claims.slice(0, -1) });
    const draftMs = performance.now() - t;
    const rssAfterDraftMb = mb(process.memoryUsage().rss);
    const use = session.store.sourceCacheUse;
    return {
      sources: sources.length,
      openMs,
      indexReadyMs,
      firstImportMs,
      secondImportMs,
      draftMs,
      sourcesReadForImports,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rssAfterOpenMb,
      rssAfterEditsMb,
      rssAfterImportsMb,
      rssAfterDraftMb,
      cachedSources: use.files,
      cachedMb: mb(use.bytes),
    };
  } finally {
    await session.close();
  }
}

type ScenarioService = Pick<
  DossierService,
  | 'getSource'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'updateSourceMeta'
  | 'undo'
  | 'importFiles'
  | 'draftBrief'
>;

/** The session's service areas that the scenario uses, without the search area. */
async function openWithoutSearch(
  dir: string,
): Promise<{ store: NotebookStore; service: ScenarioService; close(): Promise<void> }> {
  const store = await NotebookStore.open(dir);
  const ctx = createServiceContext(store, () => undefined);
  await ctx.history.load();
  const service = {
    ...notebookMethods(ctx),
    ...historyMethods(ctx),
    ...annotationMethods(ctx),
    ...sourceMethods(ctx),
    ...briefMethods(ctx),
  };
  return {
    store,
    service,
    async close() {
      await ctx.history.idle();
      await nearDuplicateIndex(store).close();
      await store.close();
    },
  };
}
