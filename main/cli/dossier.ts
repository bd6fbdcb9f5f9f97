/**
 * The `dossier` command line (docs/cli.md): a client of the same API as
 * the app — every command reaches the services through `callApi`, so input is
 * validated and completed by the API's schemas exactly as for the app. Every
 * command takes `--notebook <folder>` (created by the first command that
 * changes it), prints JSON with `--json`, and exits non-zero with a one-line
 * message on bad input. A command that only reads opens the notebook without
 * its lock (it works while the app has it open). Commands live in
 * main/cli/commands/.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { unwrap } from '../../shared/errors';
import { callApi, openNotebookSession, snapshotRoot, type NotebookSession } from '../services/session';
import { UsageError, type CliCommand, type CliIo } from './command';
import { actorsCommand } from './commands/actors';
import { briefCommand } from './commands/briefs';
import { claimCommand } from './commands/claims';
import { importCommand, showCommand, sourceCommand, sourcesCommand } from './commands/sources';
import { corroborateCommand, searchCommand } from './commands/search';
import { actorCommand } from './commands/actor';
import { redoCommand, undoCommand } from './commands/history';
import { snapshotsCommand } from './commands/snapshots';
import { relationCommand } from './commands/relations';
import { tagCommand } from './commands/tags';

export const COMMANDS: CliCommand[] = [
  importCommand,
  sourcesCommand,
  showCommand,
  sourceCommand,
  claimCommand,
  actorsCommand,
  briefCommand,
  searchCommand,
  corroborateCommand,
  tagCommand,
  actorCommand,
  relationCommand,
  undoCommand,
  redoCommand,
  snapshotsCommand,
];

/** The help: of every command, or of one (`dossier tag --help`). */
function usage(only?: CliCommand): string {
  return [
    only ? `Usage: dossier ${only.name} … [options]` : 'Usage: dossier <command> [options]',
    '',
    'Commands:',
    ...(only ? [only] : COMMANDS).flatMap((c) => c.usage.map((l) => `  ${l}`)),
    '',
    'Options:',
    '  --notebook <folder>   the notebook folder (default: $DOSSIER_NOTEBOOK or ./notebook.dossier); created by the first command that changes it',
    '  --json                print JSON (the shapes in docs/cli.md)',
    '  -h, --help            this help',
  ].join('\n');
}

const defaultIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  isTTY: Boolean(process.stderr.isTTY),
};

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let session: NotebookSession | undefined;
  try {
    const globalOptions = {
      notebook: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    } as const;
    // First pass, lenient: find the command name; second pass, strict: with that command's options.
    const name = parseArgs({ args: argv, allowPositionals: true, strict: false, options: globalOptions })
      .positionals[0];
    const command = COMMANDS.find((c) => c.name === name);
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...globalOptions, ...(command?.options ?? {}) },
    });
    if (values.help || !name) {
      io.out(usage(command));
      return values.help ? 0 : 2;
    }
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const notebook = path.resolve(
      (values.notebook as string | undefined) ?? process.env.DOSSIER_NOTEBOOK ?? 'notebook.dossier',
    );
    const json = Boolean(values.json);
    const args = positionals.slice(positionals.indexOf(name) + 1);
    const readOnly = command.readOnly?.(args) ?? false;
    const open = async () =>
      (session ??= await openNotebookSession(notebook, { readOnly, snapshotRoot: snapshotRoot() }));
    await command.run({
      args,
      options: values,
      json,
      io,
      call: async (method, input) => unwrap(await callApi((await open()).service, method, input)) as never,
      onEvent: async (listener) => (await open()).onEvent(listener),
      print: (value, text) => {
        if (json) io.out(JSON.stringify(value, null, 2));
        else for (const line of text()) io.out(line);
      },
    });
    return 0;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (err instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`dossier: ${(err as Error).message.split('\n')[0]}. Try: dossier --help`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`dossier: ${message.split('\n')[0]}`);
    return 1;
  } finally {
    await session?.close();
  }
}
