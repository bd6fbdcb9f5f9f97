/** API methods for the exchange formats (docs/interop.md): export in any of them, to bytes or to a file. */
import { INTEROP_FORMAT_INFO, type InteropFormat } from '../../../shared/enums';
import { DossierError } from '../../../shared/errors';
import { interopFormatName } from '../../../shared/interop-summary';
import { exportFileName, writeExportFile } from '../export-file';
import type { ServiceContext, ServiceMethods } from '../service-context';
import { EXPORTERS, type InteropExportInput, type InteropExportResult } from './registry';

export function interopMethods(ctx: ServiceContext): ServiceMethods<'exportInterop' | 'exportInteropToFile'> {
  const run = (format: InteropFormat, sourceIds: string[] | undefined): Promise<InteropExportResult> => {
    const exporter = EXPORTERS[format];
    if (!exporter)
      throw DossierError.of('invalid-input', 'interop.exportAvailable', {
        label: interopFormatName(ctx.translator(), format),
      });
    const known = new Set(ctx.store.manifest.sources.map((s) => s.id));
    const missing = sourceIds?.find((id) => !known.has(id));
    if (missing) throw DossierError.of('not-found', 'interop.noSource', { missing });
    const input: InteropExportInput = sourceIds ? { sourceIds } : {};
    return exporter(ctx, input);
  };
  return {
    async exportInterop({ format, sourceIds }) {
      const info = INTEROP_FORMAT_INFO[format];
      const result = await run(format, sourceIds);
      return {
        fileName: exportFileName(
          `${ctx.store.manifest.title} — ${interopFormatName(ctx.translator(), format)}`,
          info.extension,
          'Notebook',
        ),
        mime: info.mime,
        bytes: result.bytes,
        items: result.items,
        ...(result.omitted ? { omitted: result.omitted } : {}),
      };
    },
    async exportInteropToFile({ format, sourceIds, path: target }) {
      let made: InteropExportResult | undefined;
      const written = await writeExportFile(target, async () => {
        made = await run(format, sourceIds);
        return made.bytes;
      });
      return { path: written.path, format, items: made!.items, ...(made!.omitted ? { omitted: made!.omitted } : {}) };
    },
  };
}
