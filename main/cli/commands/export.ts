/** export <format>: the notebook in an exchange format (docs/interop.md). */
import { cliTranslator, say } from '../words';
import { INTEROP_FORMAT_INFO, INTEROP_FORMATS, InteropFormat, orList } from '../../../shared/enums';
import { exportedItems, interopFormatName } from '../../../shared/interop-summary';
import { UsageError, type CliCommand } from '../command';
import { helpMore } from '../options';
import { refuseInside } from '../paths';

export const exportCommand: CliCommand = {
  name: 'export',
  get usage() {
    return [
      `export <${INTEROP_FORMATS.join('|')}> [--source ID …] --out <file>`,
      helpMore(say('cli:export.sourcesAnnotationsW3cAnnotations')),
      helpMore(say('cli:export.cslJsonBibtexRis')),
    ];
  },
  options: {
    source: { type: 'string', multiple: true },
    out: { type: 'string' },
  },
  readOnly: () => true,
  async run({ args, options, notebook, call, print }) {
    const [name, ...extra] = args;
    if (!name) throw new UsageError(say('cli:export.exportNeedsFormat', { INTEROP_FORMATS: orList(INTEROP_FORMATS) }));
    if (extra.length > 0) throw new UsageError(say('cli:export.exportTakesOneFormat', { extra: extra.join(' ') }));
    const format = InteropFormat.safeParse(name);
    if (!format.success)
      throw new UsageError(say('cli:export.unknownFormatUse', { name, INTEROP_FORMATS: orList(INTEROP_FORMATS) }));
    const out = options.out;
    if (typeof out !== 'string' || !out.trim())
      throw new UsageError(
        say('cli:export.exportNeedsOutFile', { extension: INTEROP_FORMAT_INFO[format.data].extension }),
      );
    await refuseInside(out, notebook);
    const given = (options.source as string[] | undefined) ?? [];
    const sourceIds = given.length
      ? await Promise.all(given.map(async (q) => (await call('lookupSource', { query: q })).id))
      : undefined;
    const result = await call('exportInteropToFile', {
      format: format.data,
      path: out,
      ...(sourceIds ? { sourceIds } : {}),
    });
    print(result, () => [
      say('cli:export.wrote', {
        path: result.path,
        label: interopFormatName(cliTranslator(), result.format),
        result: exportedItems(cliTranslator(), result),
      }),
    ]);
  },
};
