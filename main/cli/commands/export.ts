/** export <format>: the notebook in an exchange format (docs/interop.md). */
import { INTEROP_FORMAT_INFO, INTEROP_FORMATS, InteropFormat, orList } from '../../../shared/enums';
import { exportedItems } from '../../../shared/interop-summary';
import { UsageError, type CliCommand } from '../command';
import { refuseInside } from '../paths';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: [
    `export <${INTEROP_FORMATS.join('|')}> [--source ID …] --out <file>`,
    '                             sources and annotations as W3C annotations, a REFI-QDA project or codebook,',
    '                             CSL-JSON, BibTeX or RIS references, or ClaimReview markup',
  ],
  options: {
    source: { type: 'string', multiple: true },
    out: { type: 'string' },
  },
  readOnly: () => true,
  async run({ args, options, notebook, call, print }) {
    const [name, ...extra] = args;
    if (!name) throw new UsageError(`export needs a format: ${orList(INTEROP_FORMATS)}`);
    if (extra.length > 0) throw new UsageError(`export takes one format, not "${extra.join(' ')}"`);
    const format = InteropFormat.safeParse(name);
    if (!format.success) throw new UsageError(`unknown format "${name}": use ${orList(INTEROP_FORMATS)}`);
    const out = options.out;
    if (typeof out !== 'string' || !out.trim())
      throw new UsageError(
        `export needs --out <file> (e.g. --out notebook.${INTEROP_FORMAT_INFO[format.data].extension})`,
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
      `Wrote ${result.path} (${INTEROP_FORMAT_INFO[result.format].label}, ${exportedItems(result)})`,
    ]);
  },
};
