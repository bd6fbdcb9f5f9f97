/** What an exchange-file export or import did, in the interface's language (the page's counterpart of shared/interop-summary.ts, which speaks English for the CLI). */
import i18next from 'i18next';
import type { ExportOmitted, InteropImportSummary } from '../../../shared/api/interop';

const t = () => i18next.getFixedT(null, 'import');

/** "12 items" and, when some were left out, "; 3 left out: <why>". */
export function exportedItemsText(x: { items: number; omitted?: ExportOmitted | undefined }): string {
  const items = t()('interop.items', { count: x.items });
  return x.omitted ? t()('interop.itemsOmitted', { items, count: x.omitted.count, reason: x.omitted.reason }) : items;
}

/** "REFI-QDA project: 2 sources added, 0 matched, …" and the first reason annotations were not placed. */
export function interopLineText(x: InteropImportSummary): string {
  const tr = t();
  const counts = tr('interop.counts', {
    added: x.sources.added,
    matched: x.sources.matched,
    annotations: x.annotations,
    tags: x.tags,
    actors: x.actors,
    notes: x.notes,
  });
  const [first, ...more] = x.orphans;
  const orphans = first
    ? more.length
      ? tr('interop.orphansMore', { count: x.orphans.length, reason: first.reason, more: more.length })
      : tr('interop.orphans', { count: x.orphans.length, reason: first.reason })
    : '';
  return `${i18next.t(`enums:interopFormat.${x.format}.label`)}: ${counts}${orphans}`;
}
