/** import, sources, show, source edit | rm: getting articles in, looking at them, correcting and deleting them. */
import { cliTranslator, say } from '../words';
import type { ImportResult } from '../../../shared/api';
import { IMPORT_USUAL_EXTENSIONS, INTEROP_IMPORT_EXTENSIONS } from '../../../shared/enums';
import { interopLine } from '../../../shared/interop-summary';
import { DossierError } from '../../../shared/errors';
import type { SourceMeta } from '../../../shared/model';
import { UsageError, type CliCommand } from '../command';
import { helpLines, helpMore } from '../options';

export function sourceLine(s: SourceMeta): string {
  const bits = [s.outlet, s.publishedAt, s.language].filter(Boolean).join(' · ');
  return `${s.id}  ${s.title}${bits ? `  (${bits})` : ''}`;
}

function importSummary(r: ImportResult): string[] {
  const lines = [
    say('cli:sources.addedSkippedRejected', {
      addedCount: r.added.length,
      skippedCount: r.skipped.length,
      rejectedCount: r.rejected.length,
    }),
  ];
  for (const s of r.added)
    lines.push(
      `  + ${s.origin.name ?? s.id} → ${sourceLine(s)}${s.nearDuplicateOf ? ` ${say('cli:sources.nearDuplicate', { nearDuplicateOf: s.nearDuplicateOf })}` : ''}`,
    );
  for (const s of r.skipped) lines.push(`  = ${s.name}: ${s.reason}`);
  for (const s of r.rejected) lines.push(`  ! ${s.name}: ${s.reason}`);
  for (const x of r.interop ?? []) lines.push(`  ↳ ${x.file}: ${interopLine(cliTranslator(), x)}`);
  return lines;
}

export const importCommand: CliCommand = {
  name: 'import',
  get usage() {
    return [
      `import <files or folders…>   import articles (${IMPORT_USUAL_EXTENSIONS.join(' ')}); folders recursively`,
      `                             and exchange files (${INTEROP_IMPORT_EXTENSIONS.map((e) => `.${e}`).join(' ')}), read by content`,
    ];
  },
  async run({ args, io, call, onEvent, print }) {
    if (args.length === 0) throw new UsageError(say('cli:sources.importNeedsLeastOne'));
    if (io.isTTY) {
      await onEvent((e) => {
        if (e.type === 'import-progress' && !e.finished) io.err(`[${e.done + 1}/${e.total}] ${e.current ?? ''}`);
      });
    }
    // Ctrl+C (or a SIGTERM) cancels the rest of the batch at once, the file being read included; what was
    // added stays, the summary still prints and the notebook is closed properly.
    const onInterrupt = () => void call('cancelImport', {}).catch(() => undefined);
    process.once('SIGINT', onInterrupt);
    process.once('SIGTERM', onInterrupt);
    const result = await call('importPaths', { paths: args }).finally(() => {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
    });
    print(result, () => importSummary(result));
    // Nothing added and something refused is a failure a script must see; only duplicates skipped is not.
    const { added, rejected } = result;
    if (added.length === 0 && !result.interop?.length && rejected.length > 0)
      throw DossierError.of('invalid-input', 'cli.nothingImported', { count: rejected.length });
  },
};

export const sourcesCommand: CliCommand = {
  name: 'sources',
  get usage() {
    return [...helpLines('sources', say('cli:sources.listNotebookSSources'))];
  },
  readOnly: () => true,
  async run({ call, print }) {
    const sources = await call('listSources', {});
    print(sources, () => (sources.length ? sources.map(sourceLine) : [say('cli:sources.sourcesYetAddSome')]));
  },
};

export const showCommand: CliCommand = {
  name: 'show',
  get usage() {
    return [...helpLines('show <sourceId>', say('cli:sources.oneSourceTextAnnotations'))];
  },
  readOnly: () => true,
  async run({ args, call, print }) {
    const [id] = args;
    if (!id) throw new UsageError(say('cli:sources.showNeedsSourceId'));
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

/** `source edit` options → the metadata patch `updateSourceMeta` takes (the API validates it). */
const EDIT_FLAGS = {
  title: 'title',
  outlet: 'outlet',
  author: 'author',
  date: 'publishedAt',
  lang: 'language',
} as const;

export const sourceCommand: CliCommand = {
  name: 'source',
  get usage() {
    return [
      'source edit <sourceId> [--title T] [--outlet O] [--author A] [--date YYYY-MM-DD] [--lang CODE]',
      helpMore(say('cli:sources.correctSourceSMetadata')),
      // The synopsis fills the column: one space before the description.
      `source rm <sourceId> [--yes] ${say('cli:sources.deleteSource')}`,
    ];
  },
  options: {
    title: { type: 'string' },
    outlet: { type: 'string' },
    author: { type: 'string' },
    date: { type: 'string' },
    lang: { type: 'string' },
    yes: { type: 'boolean' },
  },
  async run({ args, options, call, print }) {
    const [sub, query, ...extra] = args;
    if (sub !== 'edit' && sub !== 'rm')
      throw new UsageError(
        sub ? say('cli:sources.unknownSourceCommandTry', { sub }) : say('cli:sources.sourceNeedsEditRm'),
      );
    if (!query) throw new UsageError(say('cli:sources.sourceNeedsSourceId', { sub }));
    if (extra.length) throw new UsageError(say('cli:sources.sourceTakesOneSource', { sub, value: extra[0]! }));
    const { id, title } = await call('lookupSource', { query });
    if (sub === 'edit') {
      const patch = Object.fromEntries(
        Object.entries(EDIT_FLAGS)
          .filter(([flag]) => typeof options[flag] === 'string')
          .map(([flag, key]) => [key, options[flag]]),
      );
      if (Object.keys(patch).length === 0) throw new UsageError(say('cli:sources.sourceEditNeedsLeast'));
      const meta = await call('updateSourceMeta', { id, patch });
      print(meta, () => [say('cli:sources.updated', { meta: sourceLine(meta) })]);
      return;
    }
    // The command line has no undo (its history ends with the command): claims go only when asked twice.
    const count = await call('getSource', { id }).then(
      (s) => s.annotations.length,
      (err: unknown) => {
        if ((err as { code?: string }).code === 'corrupt') return undefined; // unreadable: it is only unlisted
        throw err;
      },
    );
    if (count === undefined && !options.yes)
      throw DossierError.of('invalid-input', 'cli.readSoAnnotationsCounted', { title });
    if (count && !options.yes)
      throw DossierError.of('invalid-input', 'cli.hasAnnotationSWould', { title, countValue: count });
    const result = await call('deleteSource', { id });
    print(result, () => [
      say('cli:sources.deletedAnnotationSRelation', {
        title: result.title,
        id: result.id,
        annotations: result.annotations,
        relations: result.relations,
      }),
    ]);
  },
};
