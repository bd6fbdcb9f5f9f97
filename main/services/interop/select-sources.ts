/** Which sources an export writes (every exporter's `sourceIds` input). */
import type { SourceMeta } from '../../../shared/model';
import type { ServiceContext } from '../service-context';

/** The sources to export, in the notebook's order: those named (the API has checked they exist), or all. */
export function selectSources(ctx: ServiceContext, sourceIds: readonly string[] | undefined): SourceMeta[] {
  const all = ctx.store.manifest.sources;
  if (!sourceIds) return all;
  const wanted = new Set(sourceIds);
  return all.filter((s) => wanted.has(s.id));
}
