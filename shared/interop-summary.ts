/**
 * What one exchange-file export or import did, in words of the translator's language: for the CLI,
 * the desktop app's dialogs and the page alike (keys `import:interop.*`, the formats' names from the
 * `enums` catalogue).
 */
import type { ExportOmitted, InteropImportSummary } from './api/interop';
import type { InteropFormat } from './enums';
import type { Translator } from './i18n';

/** A format's name in sentences ("REFI-QDA project"), in the translator's language. */
export function interopFormatName(t: Translator, format: InteropFormat): string {
  return t.t(`enums:interopFormat.${format}.label`);
}

/** "12 items" and, when some were left out, "; 3 left out: <why>": what an export made, in words. */
export function exportedItems(t: Translator, x: { items: number; omitted?: ExportOmitted | undefined }): string {
  const items = t.t('import:interop.items', { count: x.items });
  return x.omitted
    ? t.t('import:interop.itemsOmitted', { items, count: x.omitted.count, reason: x.omitted.reason })
    : items;
}

/** "REFI-QDA project: 2 sources added, 0 matched, …" and the first reason annotations were not placed. */
export function interopLine(t: Translator, x: InteropImportSummary): string {
  const counts = t.t('import:interop.counts', {
    added: x.sources.added,
    matched: x.sources.matched,
    annotations: x.annotations,
    tags: x.tags,
    actors: x.actors,
    notes: x.notes,
  });
  // Why an annotation was not placed differs (kept as an orphan, its source missing): the reason is said.
  const [first, ...more] = x.orphans;
  const orphans = first
    ? more.length
      ? t.t('import:interop.orphansMore', { count: x.orphans.length, reason: first.reason, more: more.length })
      : t.t('import:interop.orphans', { count: x.orphans.length, reason: first.reason })
    : '';
  return `${interopFormatName(t, x.format)}: ${counts}${orphans}`;
}
