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
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { ApiInput, ApiOutput, MethodName } from '../../shared/api';
import { DossierError, toApiError, unwrap } from '../../shared/errors';
import {
  callApi,
  MANIFEST_FILE,
  openNotebookSession,
  resolveLanguage,
  snapshotRoot,
  translatorFor,
  userConfigDir,
  UserSettingsStore,
  type NotebookSession,
} from '../services/session';
import type { Translator } from '../../shared/i18n';
import { say, useCliLanguage } from './words';
import { UsageError, type CliCommand, type CliIo } from './command';
import { forTerminal, jsonForTerminal } from './terminal-text';
import { actorsCommand } from './commands/actors';
import { briefCommand } from './commands/briefs';
import { exportCommand } from './commands/export';
import { claimCommand } from './commands/claims';
import { importCommand, showCommand, sourceCommand, sourcesCommand } from './commands/sources';
import { corroborateCommand, searchCommand } from './commands/search';
import { actorCommand } from './commands/actor';
import { redoCommand, undoCommand } from './commands/history';
import { snapshotsCommand } from './commands/snapshots';
import { relationCommand } from './commands/relations';
import { tagCommand } from './commands/tags';
import { notebookCommand, statusCommand } from './commands/statuses';
import { unlockCommand } from './commands/unlock';
import { doctorCommand } from './commands/doctor';
import {
  conflictsCommand,
  mergeDriverCommand,
  resolveCommand,
  restoreCommand,
  shareCommand,
  syncCommand,
  timelineCommand,
} from './commands/team';

export const COMMANDS: CliCommand[] = [
  importCommand,
  sourcesCommand,
  showCommand,
  sourceCommand,
  claimCommand,
  actorsCommand,
  briefCommand,
  exportCommand,
  searchCommand,
  corroborateCommand,
  tagCommand,
  statusCommand,
  notebookCommand,
  actorCommand,
  relationCommand,
  undoCommand,
  redoCommand,
  unlockCommand,
  doctorCommand,
  snapshotsCommand,
  shareCommand,
  syncCommand,
  conflictsCommand,
  resolveCommand,
  mergeDriverCommand,
  timelineCommand,
  restoreCommand,
];

/** How git runs this CLI as the merge driver `dossier share` registers: this Node and this script, quoted for sh. */
function mergeDriverCommandLine(): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `${quote(process.execPath)} ${quote(process.argv[1] ?? 'dossier')} merge-driver %O %A %B %P`;
}

/** The help: of every command, or of one (`dossier tag --help`). */
function usage(only?: CliCommand): string {
  return [
    only
      ? say('cli:help.usageOne', { name: only.name })
      : say('cli:help.usage', { command: `<${say('cli:help.commandWord')}>` }),
    '',
    say('cli:help.commands'),
    ...(only ? [only] : COMMANDS).flatMap((c) => c.usage.map((l) => `  ${l}`)),
    '',
    say('cli:help.options'),
    `  --notebook <folder>   ${say('cli:help.notebook')}`,
    `  --json                ${say('cli:help.json')}`,
    `  -h, --help            ${say('cli:help.help')}`,
  ].join('\n');
}

/** The person's language for this run: their setting (shared with the app), else the locale environment. */
async function cliTranslator(): Promise<Translator> {
  const settings = await UserSettingsStore.for(userConfigDir()).get();
  return translatorFor(resolveLanguage(settings.language));
}

/**
 * This process's stdout and stderr. A reader that goes away (`dossier sources | head -1`)
 * closes the pipe: further output is dropped quietly (EPIPE is not an error of the
 * command) and the command ends normally, so its lock is released.
 */
function processIo(): CliIo {
  const open = { out: true, err: true };
  const stream = (name: 'out' | 'err', s: NodeJS.WriteStream) => {
    s.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      open[name] = false;
    });
    return (text: string) => {
      if (!open[name]) return;
      try {
        s.write(`${text}\n`);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
        open[name] = false;
      }
    };
  };
  return {
    out: stream('out', process.stdout),
    err: stream('err', process.stderr),
    isTTY: Boolean(process.stderr.isTTY),
    ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: askOnTerminal } : {}),
  };
}

async function askOnTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** The one line a failure prints, with the exit code: 2 for bad usage, 1 for the rest. */
function failure(err: unknown, io: CliIo, t: Translator): number {
  const code = (err as { code?: unknown }).code;
  if (err instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    io.err(say('cli:usageFailure', { problem: (err as Error).message.split('\n')[0]! }));
    return 2;
  }
  // A DossierError is said in the person's language; a raw file-system error (ENOSPC while opening) becomes a readable one.
  io.err(`dossier: ${toApiError(err, t).message.split('\n')[0]}`);
  return 1;
}

/**
 * A folder given as --notebook that holds files but no notebook.json is not a
 * notebook: nothing is created in it or read from it as one.
 */
async function refuseNonNotebook(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw DossierError.of('invalid-input', 'cli.fileNotebookFolder', { dir });
    throw err;
  }
  if (names.length && !names.includes(MANIFEST_FILE) && names.includes('sources'))
    throw DossierError.of('corrupt', 'cli.hasSourcesFolderBut', { dir, MANIFEST_FILE });
  if (names.length && !names.includes(MANIFEST_FILE))
    throw DossierError.of('invalid-input', 'cli.dossierNotebookHoldsOther', { dir, MANIFEST_FILE });
}

export async function main(argv: string[], rawIo: CliIo = processIo()): Promise<number> {
  // Every line printed goes through one filter: control characters from the notebook are shown, not run.
  let json = false;
  const io: CliIo = {
    ...rawIo,
    out: (t) => rawIo.out(json ? jsonForTerminal(t) : forTerminal(t)),
    err: (t) => rawIo.err(forTerminal(t)),
    ...(rawIo.ask ? { ask: (question: string) => rawIo.ask!(forTerminal(question)) } : {}),
  };
  let session: NotebookSession | undefined;
  let exit: number;
  const translator = await cliTranslator();
  useCliLanguage(translator);
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
    if (!command) throw new UsageError(say('cli:unknownCommand', { name }));
    const notebook = path.resolve(
      (values.notebook as string | undefined) ?? process.env.DOSSIER_NOTEBOOK ?? 'notebook.dossier',
    );
    json = Boolean(values.json);
    const args = positionals.slice(positionals.indexOf(name) + 1);
    const readOnly = command.readOnly?.(args, values) ?? false;
    const call = async <M extends MethodName>(method: M, input: ApiInput<M>) =>
      unwrap(await callApi((await open()).service, method, input, translator)) as ApiOutput<M>;
    const open = async () => {
      if (session) return session;
      await refuseNonNotebook(notebook);
      session = await openNotebookSession(notebook, {
        readOnly,
        snapshotRoot: snapshotRoot(),
        settingsDir: userConfigDir(),
        prepareImports: false,
        prepareSearch: false,
        team: { mergeDriver: mergeDriverCommandLine() },
      });
      // An unreadable notebook.json is not an empty notebook: say so (the problem names the file).
      const { problem } = unwrap(await callApi(session.service, 'getNotebook', {})) as ApiOutput<'getNotebook'>;
      if (problem && !command.inspectsDamage) throw new DossierError('corrupt', problem);
      return session;
    };
    await command.run({
      args,
      options: values,
      json,
      notebook,
      io,
      call,
      onEvent: async (listener) => (await open()).onEvent(listener),
      print: (value, text) => {
        if (json) io.out(JSON.stringify(value, null, 2));
        else for (const line of text()) io.out(line);
      },
    });
    exit = 0;
  } catch (err) {
    exit = failure(err, io, translator);
  }
  try {
    await session?.close();
  } catch (err) {
    // Closing can meet a full disk too (the last writes, the search cache): one line, never a rejection.
    exit = Math.max(exit, failure(err, io, translator));
  }
  return exit;
}
