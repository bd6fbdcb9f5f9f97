/** API methods of the notebook itself: info, the source list, one source (by id, or as a person names it), import. */
import type { ImportResult } from '../../shared/api';
import type { OriginKind } from '../../shared/enums';
import { DossierError, sayError } from '../../shared/errors';
import { collectPaths, importItems, type ImportItem } from './import/import-batch';
import { importExchangeFiles, splitExchangeFiles } from './interop/import-files';
import { lookupSource } from './lookup';
import type { ServiceContext, ServiceMethods } from './service-context';

type NotebookMethodName =
  'getNotebook' | 'listSources' | 'getSource' | 'lookupSource' | 'importFiles' | 'importPaths' | 'importText';

export function notebookMethods(ctx: ServiceContext): ServiceMethods<NotebookMethodName> {
  const { store } = ctx;
  const runImport = (items: ImportItem[], originKind: OriginKind) => {
    const label =
      items.length === 1
        ? ctx.translator().t('history:undo.importOne', { name: items[0]!.name })
        : ctx.translator().t('history:undo.importMany', { count: items.length });
    return ctx.transact(
      label,
      (tx) =>
        importItems(store, tx, items, {
          originKind,
          translator: ctx.translator(),
          onProgress: (p) => ctx.emit({ type: 'import-progress', ...p }),
        }),
      { reason: 'import' },
    );
  };

  /** Articles first (one undo step), then each exchange file (its own step), so annotations find their articles. */
  const importBatch = async (items: ImportItem[]): Promise<ImportResult> => {
    const split = await splitExchangeFiles(items, ctx.translator());
    const articles: ImportResult =
      split.articles.length > 0 || split.exchange.length === 0
        ? await runImport(split.articles, 'file')
        : { added: [], skipped: [], rejected: [] };
    const exchange = await importExchangeFiles(ctx, split.exchange);
    return {
      added: articles.added,
      skipped: articles.skipped,
      rejected: [...split.rejected, ...articles.rejected, ...exchange.rejected],
      ...(split.exchange.length > 0 ? { interop: exchange.interop } : {}),
    };
  };

  return {
    async getNotebook() {
      // Unlisted source files, left by a crash mid-import (one readdir per opening); meaningless while the manifest is unreadable.
      const unlisted = store.manifestProblem ? 0 : await store.unlistedCount();
      return {
        path: store.dir,
        title: store.manifest.title,
        readOnly: store.readOnly,
        // Said in the person's language now: asked again after a change of language, it follows.
        ...(store.problemWords ? { problem: sayError(ctx.translator(), store.problemWords) } : {}),
        ...(unlisted ? { unlistedFiles: unlisted } : {}),
        sourceCount: store.manifest.sources.length,
        statuses: store.manifest.statuses,
        ...(store.manifest.factCheck ? { factCheck: store.manifest.factCheck } : {}),
      };
    },
    async listSources() {
      return store.manifest.sources;
    },
    async getSource({ id }) {
      const file = await store.loadSource(id);
      return { source: file.source, annotations: file.annotations };
    },
    async lookupSource({ query }) {
      return lookupSource(store.manifest.sources, query);
    },
    async importFiles({ files }) {
      return importBatch(files.map((f) => ({ name: f.name, bytes: f.bytes })));
    },
    async importPaths({ paths }) {
      const collected = await collectPaths(paths, ctx.translator());
      const result = await importBatch(collected.items);
      return {
        ...result,
        skipped: [...collected.skipped, ...result.skipped],
        rejected: [...collected.rejected, ...result.rejected],
      };
    },
    async importText({ text, html, name }) {
      if (!text.trim() && !html?.trim())
        throw DossierError.of('invalid-input', 'notebookMethods.thereTextImportClipboard');
      const label = name?.trim() || ctx.translator().t('enums:originKind.paste');
      return runImport([{ name: label, bytes: new TextEncoder().encode(text), ...(html ? { html } : {}) }], 'paste');
    },
  };
}
