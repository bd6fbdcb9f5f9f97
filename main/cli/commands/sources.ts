/** import, sources, show: getting articles in and looking at them. */
import type { ImportResult } from '../../../shared/api';
import { IMPORT_USUAL_EXTENSIONS } from '../../../shared/enums';
import type { SourceMeta } from '../../../shared/model';
import { UsageError, type CliCommand } from '../command';

export function sourceLine(s: SourceMeta): string {
  const bits = [s.outlet, s.publishedAt, s.language].filter(Boolean).join(' · ');
  return `${s.id}  ${s.title}${bits ? `  (${bits})` : ''}`;
}

function importSummary(r: ImportResult): string[] {
  const lines = [`${r.added.length} added, ${r.skipped.length} skipped, ${r.rejected.length} rejected`];
  for (const s of r.added)
    lines.push(
      `  + ${s.origin.name ?? s.id} → ${sourceLine(s)}${s.nearDuplicateOf ? ` (near-duplicate of ${s.nearDuplicateOf})` : ''}`,
    );
  for (const s of r.skipped) lines.push(`  = ${s.name}: ${s.reason}`);
  for (const s of r.rejected) lines.push(`  ! ${s.name}: ${s.reason}`);
  return lines;
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: [`import <files or folders…>   import articles (${IMPORT_USUAL_EXTENSIONS.join(' ')}); folders recursively`],
  async run({ args, io, call, onEvent, print }) {
    if (args.length === 0) throw new UsageError('import needs at least one file or folder');
    if (io.isTTY) {
      await onEvent((e) => {
        if (e.type === 'import-progress' && !e.finished) io.err(`[${e.done + 1}/${e.total}] ${e.current ?? ''}`);
      });
    }
    // Ctrl+C cancels the rest of the batch; what was added stays and the summary still prints.
    const onInterrupt = () => void call('cancelImport', {}).catch(() => undefined);
    process.once('SIGINT', onInterrupt);
    const result = await call('importPaths', { paths: args }).finally(() => process.off('SIGINT', onInterrupt));
    print(result, () => importSummary(result));
  },
};

export const sourcesCommand: CliCommand = {
  name: 'sources',
  usage: ["sources                      list the notebook's sources"],
  readOnly: () => true,
  async run({ call, print }) {
    const sources = await call('listSources', {});
    print(sources, () =>
      sources.length ? sources.map(sourceLine) : ['No sources yet. Add some with: dossier import <files or folders…>'],
    );
  },
};

export const showCommand: CliCommand = {
  name: 'show',
  usage: ['show <sourceId>              one source with its text and annotations'],
  readOnly: () => true,
  async run({ args, call, print }) {
    const [id] = args;
    if (!id) throw new UsageError('show needs a source id (see: dossier sources)');
    const { source, annotations } = await call('getSource', { id: (await call('lookupSource', { query: id })).id });
    print({ ...source, annotations }, () => [
      sourceLine(source),
      '',
      source.text,
      ...(annotations.length ? ['', `${annotations.length} annotation(s):`] : []),
      ...annotations.map(
        (a) =>
          `  ${a.id} [${a.kind}, ${a.status}] “${a.target.exact.length > 80 ? `${a.target.exact.slice(0, 79)}…` : a.target.exact}”`,
      ),
    ]);
  },
};
