/** What one imported exchange file brought in, in words: for the CLI, the desktop import dialog and the page. */
import type { InteropImportSummary } from './api/interop';
import { INTEROP_FORMAT_INFO } from './enums';

export function interopLine(x: InteropImportSummary): string {
  const counts = [
    `${x.sources.added} sources added`,
    `${x.sources.matched} matched`,
    `${x.annotations} annotations`,
    `${x.tags} tags`,
    `${x.actors} actors`,
    `${x.notes} notes`,
  ];
  const orphans = x.orphans.length ? `; ${x.orphans.length} not placed (kept as orphans)` : '';
  return `${INTEROP_FORMAT_INFO[x.format].label}: ${counts.join(', ')}${orphans}`;
}
