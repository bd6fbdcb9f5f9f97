/** What one imported exchange file brought in, in words: for the CLI, the desktop import dialog and the page. */
import type { ExportOmitted, InteropImportSummary } from './api/interop';
import { INTEROP_FORMAT_INFO } from './enums';

/** "12 items" and, when some were left out, "; 3 left out: <why>": what an export made, in words. */
export function exportedItems(x: { items: number; omitted?: ExportOmitted | undefined }): string {
  const items = `${x.items} ${x.items === 1 ? 'item' : 'items'}`;
  return x.omitted ? `${items}; ${x.omitted.count} left out: ${x.omitted.reason}` : items;
}

export function interopLine(x: InteropImportSummary): string {
  const counts = [
    `${x.sources.added} sources added`,
    `${x.sources.matched} matched`,
    `${x.annotations} annotations`,
    `${x.tags} tags`,
    `${x.actors} actors`,
    `${x.notes} notes`,
  ];
  // Why an annotation was not placed differs (kept as an orphan, its source missing): the reason is said.
  const [first, ...more] = x.orphans;
  const orphans = first
    ? `; ${x.orphans.length} not placed: ${first.reason}${more.length ? ` (and ${more.length} more)` : ''}`
    : '';
  return `${INTEROP_FORMAT_INFO[x.format].label}: ${counts.join(', ')}${orphans}`;
}
