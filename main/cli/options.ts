/** Small helpers for commands: help lines in the usual two columns, and reading parsed options. */
import { UsageError, type CliIo, type CommandContext } from './command';
import { say } from './words';

/** Where the description column of `dossier --help` starts. */
const COLUMN = 29;

/** One command's help: the synopsis and what it does, on one line when the synopsis fits before the column. */
export function helpLines(synopsis: string, what: string): string[] {
  return synopsis.length < COLUMN - 1
    ? [`${synopsis.padEnd(COLUMN)}${what}`]
    : [synopsis, `${' '.repeat(COLUMN)}${what}`];
}

/** A further line of a command's description in `dossier --help`, in the description column. */
export function helpMore(what: string): string {
  return `${' '.repeat(COLUMN)}${what}`;
}

/** A string option, trimmed; undefined when absent; a usage error when given empty. */
export function stringOption(options: CommandContext['options'], name: string): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(say('cli:options.needsValue', { name }));
  return value.trim();
}

/** A repeatable string option, each value trimmed (empty values are a usage error). */
export function listOption(options: CommandContext['options'], name: string): string[] {
  const value = options[name];
  const values = value === undefined ? [] : Array.isArray(value) ? value : [String(value)];
  return values.map((v) => {
    if (!v.trim()) throw new UsageError(say('cli:options.needsValue', { name }));
    return v.trim();
  });
}

/** The positional argument at `index`, or a usage error saying what is missing. */
export function requireArg(args: string[], index: number, what: string): string {
  const value = args[index]?.trim();
  if (!value) throw new UsageError(what);
  return value;
}

/**
 * Whether the person confirmed: true with `--yes`; else their y/N answer on a
 * terminal; undefined when there is no terminal to ask on (say to add --yes).
 */
export async function confirm(
  options: CommandContext['options'],
  io: CliIo,
  question: string,
): Promise<boolean | undefined> {
  if (options.yes === true) return true;
  if (!io.ask) return undefined;
  return /^\s*y(es)?\s*$/i.test(await io.ask(question));
}
