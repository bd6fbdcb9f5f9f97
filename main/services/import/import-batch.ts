/**
 * Import pipeline: inputs → extract → dedupe → store, one file at a time.
 * One bad file never aborts the batch (it is rejected with its reason); an
 * exact duplicate (same sha256 of its bytes) is skipped; the manifest is
 * written in coalesced bursts and is durable before the batch resolves.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportResult } from '../../../shared/api';
import {
  DossierError,
  englishTranslator,
  sayError,
  toApiError,
  type ErrorKey,
  type MessageParams,
} from '../../../shared/errors';
import type { Translator } from '../../../shared/i18n';
import { newId } from '../../../shared/ids';
import { IMPORTABLE_EXTENSIONS } from '../../../shared/enums';
import { SCHEMA_VERSION, type Origin, type Source } from '../../../shared/model';
import type { Transaction } from '../service-context';
import type { NotebookStore } from '../store/notebook-store';
import { ImportRejection, type ImportInput } from './extract/types';
import { importWorker, type ExtractPool } from './extract-pool';
import { minhashSignature } from './near-duplicate';
import { nearDuplicateIndex } from './near-duplicate-index';

export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportProgress {
  done: number;
  total: number;
  current?: string;
  finished: boolean;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  maxBytes?: number;
  /** How the inputs arrived: files, or text pasted by the person. */
  originKind?: Origin['kind'];
  /** Where extraction runs (default: the process's import worker, with its limits). */
  extractor?: Pick<ExtractPool, 'extract'>;
  /** The language of the reasons a file was skipped or rejected (default English). */
  translator?: Translator;
}

/** A unit of work: either bytes already in memory or a path to read when its turn comes. */
export type ImportItem = ImportInput | { name: string; path: string; size: number };

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const MANIFEST_FLUSH_EVERY = 50;

/** Lets the event loop run (progress events, a cancel request) between two CPU-bound extractions. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// ---------------------------------------------------------------- cancel

/** The batches running on each store, so `cancelImports` can stop them. */
const runningBatches = new WeakMap<NotebookStore, Set<AbortController>>();

/**
 * Cancels every import batch running on `store`: what was added so far stays,
 * the rest is reported as skipped ("import cancelled"). Returns how many
 * batches were running.
 */
export function cancelImports(store: NotebookStore): number {
  const running = runningBatches.get(store);
  if (!running?.size) return 0;
  for (const controller of running) controller.abort();
  return running.size;
}

// ---------------------------------------------------------------- near-duplicates

/** Drops a source's signature (its text changed, or it was deleted). */
export function forgetSignature(store: NotebookStore, sourceId: string): void {
  nearDuplicateIndex(store).forget(sourceId);
}

/**
 * Imports `items` into the notebook through `tx` (so the batch is one undoable
 * step); `store` is read for duplicates.
 */
export async function importItems(
  store: NotebookStore,
  tx: Pick<Transaction, 'addSource'>,
  items: ImportItem[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (store.readOnly) throw DossierError.of('read-only', 'import.readOnly', { problem: store.problemWords ?? '' });
  const result: ImportResult = { added: [], skipped: [], rejected: [] };
  const t = options.translator ?? englishTranslator();
  const say = (key: ErrorKey, params?: MessageParams) => sayError(t, { key, ...(params ? { params } : {}) });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const total = items.length;
  const pendingManifest: Promise<void>[] = [];
  let done = 0;
  // One controller per batch: aborted by the caller's signal or by cancelImports(store).
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let running = runningBatches.get(store);
  if (!running) {
    running = new Set();
    runningBatches.set(store, running);
  }
  running.add(controller);
  const signal = controller.signal;
  const nearDuplicates = nearDuplicateIndex(store);
  try {
    for (const item of items) {
      if (done > 0) await yieldToEventLoop();
      if (signal.aborted) {
        result.skipped.push({ name: item.name, reason: say('import.importCancelled') });
        done++;
        continue;
      }
      options.onProgress?.({ done, total, current: item.name, finished: false });
      try {
        let input: ImportInput;
        if ('path' in item) {
          if (item.size > maxBytes)
            throw ImportRejection.of('import.fileLargerThanMb', { value: Math.round(maxBytes / 1024 / 1024) });
          input = { name: item.name, bytes: new Uint8Array(await readFile(item.path)) };
        } else {
          input = item;
        }
        const hash = sha256(
          input.html !== undefined ? `${input.html}\u0000${new TextDecoder().decode(input.bytes)}` : input.bytes,
        );
        const existing = store.sourceIdBySha256(hash);
        if (existing) {
          const title = store.manifest.sources.find((s) => s.id === existing)?.title ?? existing;
          result.skipped.push({
            name: item.name,
            reason: say('import.duplicateOf', { title }),
            sourceId: existing,
          });
        } else {
          // The persisted signatures of the sources there were (built in the background when missing),
          // loaded while the text is extracted in the worker. The index is a cache: if it cannot be
          // completed, the import goes on with what it holds.
          const indexReady = nearDuplicates.ready().catch(() => undefined);
          const doc = await (options.extractor ?? importWorker()).extract(input, { maxBytes }, signal);
          const signature = minhashSignature(doc.text);
          await indexReady;
          const twin = nearDuplicates.find(signature);
          const source: Source = {
            id: newId('src'),
            title: doc.title,
            ...(doc.outlet ? { outlet: doc.outlet } : {}),
            ...(doc.author ? { author: doc.author } : {}),
            ...((doc.url ?? input.url) ? { url: doc.url ?? input.url } : {}),
            ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
            language: doc.language,
            importedAt: new Date().toISOString(),
            origin: { kind: options.originKind ?? 'file', name: item.name, sha256: hash },
            text: doc.text,
            removed: doc.removed,
            ...(twin ? { nearDuplicateOf: twin.item } : {}),
          };
          const { manifestSaved } = await tx.addSource({ schemaVersion: SCHEMA_VERSION, source, annotations: [] });
          nearDuplicates.add(source.id, signature);
          pendingManifest.push(manifestSaved);
          result.added.push(source);
          if (pendingManifest.length >= MANIFEST_FLUSH_EVERY) await Promise.all(pendingManifest.splice(0));
        }
      } catch (err) {
        // A cancel stops the file in hand too (its reader is terminated): it was skipped, not rejected.
        if (signal.aborted) result.skipped.push({ name: item.name, reason: say('import.importCancelled') });
        else if (err instanceof ImportRejection) result.rejected.push({ name: item.name, reason: err.inLanguage(t) });
        else if (err instanceof DossierError && err.code === 'read-only') throw err;
        else
          result.rejected.push({
            name: item.name,
            reason: say('import.couldNotBeImported', { problem: toApiError(err, t).message }),
          });
      }
      done++;
    }
  } finally {
    running.delete(controller);
    options.signal?.removeEventListener('abort', onOuterAbort);
    // Whatever was added is durable before the batch resolves (or throws).
    await Promise.allSettled(pendingManifest);
  }
  await Promise.all(pendingManifest);
  options.onProgress?.({ done, total, finished: true });
  return result;
}

/** How far a folder import goes: folders deep, and files in all. */
export const FOLDER_WALK_LIMITS = { depth: 32, files: 50_000 } as const;

/**
 * Expands files and folders (recursively) into import items. Folders
 * contribute only importable files; hidden files and folders are passed over.
 * Paths that do not exist are reported as rejected. A path the person names
 * is followed if it is a link; links inside a folder are not (a folder from
 * someone else could loop, or point at a private file), and the walk stops at
 * FOLDER_WALK_LIMITS.
 */
export async function collectPaths(
  paths: string[],
  t: Translator = englishTranslator(),
): Promise<{ items: ImportItem[]; rejected: ImportResult['rejected']; skipped: ImportResult['skipped'] }> {
  const items: ImportItem[] = [];
  const rejected: ImportResult['rejected'] = [];
  const skipped: ImportResult['skipped'] = [];
  const said = new Set<string>();
  const say = (key: ErrorKey, params?: MessageParams) => sayError(t, { key, ...(params ? { params } : {}) });
  const skipOnce = (name: string, reason: string) => {
    if (said.has(reason)) return;
    said.add(reason);
    skipped.push({ name, reason });
  };
  const visit = async (p: string, depth: number): Promise<void> => {
    const fromFolder = depth > 0;
    let info;
    try {
      info = fromFolder ? await lstat(p) : await stat(p);
    } catch {
      rejected.push({ name: p, reason: say('import.noSuchFile') });
      return;
    }
    if (info.isSymbolicLink()) {
      skipped.push({ name: p, reason: say('import.linkNotFollowed') });
    } else if (info.isDirectory()) {
      if (depth >= FOLDER_WALK_LIMITS.depth) {
        skipOnce(p, say('import.tooDeep', { depth: FOLDER_WALK_LIMITS.depth }));
        return;
      }
      const entries = (await readdir(p)).sort((a, b) => a.localeCompare(b));
      for (const entry of entries) {
        if (entry.startsWith('.')) continue;
        await visit(path.join(p, entry), depth + 1);
      }
    } else if (info.isFile()) {
      const ext = path.extname(p).toLowerCase();
      if (fromFolder && !IMPORTABLE_EXTENSIONS.includes(ext.slice(1))) {
        skipped.push({ name: p, reason: say('import.notImportable', { ext: ext || say('import.noExtension') }) });
        return;
      }
      if (items.length >= FOLDER_WALK_LIMITS.files) {
        skipOnce(p, say('import.tooManyFiles', { files: FOLDER_WALK_LIMITS.files }));
        return;
      }
      items.push({ name: path.basename(p), path: p, size: info.size });
    } else {
      rejected.push({ name: p, reason: say('import.notRegularFile') });
    }
  };
  for (const p of paths) await visit(path.resolve(p), 0);
  return { items, rejected, skipped };
}
