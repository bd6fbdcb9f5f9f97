/**
 * Import's first step for each file: is it an exchange file (W3C Web
 * Annotations, a REFI-QDA project or codebook)? The format readers decide by
 * content (`detectInterop`); files that none of them takes go on to article
 * import. A file named like an exchange file that no reader takes is refused
 * with the reason, never read as an article.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportResult, InteropImportSummary } from '../../../shared/api';
import { INTEROP_FORMAT_INFO, INTEROP_FORMATS, INTEROP_IMPORT_EXTENSIONS } from '../../../shared/enums';
import { DossierError, sayError } from '../../../shared/errors';
import { interopFormatName } from '../../../shared/interop-summary';
import { translatorFor } from '../settings/language';
import type { Translator } from '../../../shared/i18n';
import type { ImportItem } from '../import/import-batch';
import type { ServiceContext } from '../service-context';
import { detectInterop } from './registry';

/** The largest exchange file read (a REFI-QDA project holds every source's text). */
export const MAX_INTEROP_FILE_BYTES = 512 * 1024 * 1024;

/** "W3C Web Annotations, REFI-QDA project or REFI-QDA codebook" in the translator's language. */
function importedKinds(t: Translator): string {
  const names = INTEROP_FORMATS.filter((f) => INTEROP_FORMAT_INFO[f].imports).map((f) => interopFormatName(t, f));
  return new Intl.ListFormat(t.language, { type: 'disjunction' }).format(names);
}

export interface SplitImport {
  /** Files for article import, in their order. */
  articles: ImportItem[];
  /** Exchange files, bytes read, with the reader that took each. */
  exchange: Array<{ name: string; bytes: Uint8Array; run: NonNullable<ReturnType<typeof detectInterop>> }>;
  rejected: ImportResult['rejected'];
}

function extensionOf(name: string): string {
  return path.extname(name).slice(1).toLowerCase();
}

/** Sorts a batch into article files and exchange files. */
export async function splitExchangeFiles(
  items: ImportItem[],
  t: Translator = translatorFor('en'),
): Promise<SplitImport> {
  const split: SplitImport = { articles: [], exchange: [], rejected: [] };
  for (const item of items) {
    const named = INTEROP_IMPORT_EXTENSIONS.includes(extensionOf(item.name));
    let bytes: Uint8Array | undefined;
    if ('bytes' in item) bytes = item.bytes;
    else if (named) {
      if (item.size > MAX_INTEROP_FILE_BYTES) {
        split.rejected.push({
          name: item.name,
          reason: sayError(t, {
            key: 'import.exchangeFileTooLarge',
            params: { limit: MAX_INTEROP_FILE_BYTES / 1024 / 1024 },
          }),
        });
        continue;
      }
      bytes = new Uint8Array(await readFile(item.path));
    }
    const found = bytes ? detectInterop(bytes, item.name) : undefined;
    if (found && bytes) split.exchange.push({ name: item.name, bytes, run: found });
    else if (named)
      split.rejected.push({
        name: item.name,
        reason: sayError(t, { key: 'import.notExchangeFile', params: { kinds: importedKinds(t) } }),
      });
    else split.articles.push(item);
  }
  return split;
}

/** Imports each exchange file as its own undo step; a file that fails is rejected with its reason. */
export async function importExchangeFiles(
  ctx: ServiceContext,
  exchange: SplitImport['exchange'],
): Promise<{ interop: InteropImportSummary[]; rejected: ImportResult['rejected'] }> {
  const interop: InteropImportSummary[] = [];
  const rejected: ImportResult['rejected'] = [];
  for (const { name, bytes, run } of exchange) {
    const [format, importer] = run;
    try {
      const summary = await ctx.transact(
        ctx
          .translator()
          .t('history:undo.importExchange', { format: interopFormatName(ctx.translator(), format), name }),
        (tx) => importer.run(ctx, tx, bytes, name),
        { reason: 'import' },
      );
      interop.push(summary);
    } catch (err) {
      if (!(err instanceof DossierError) || err.code === 'read-only') throw err;
      rejected.push({ name, reason: err.inLanguage(ctx.translator()) });
    }
  }
  return { interop, rejected };
}
