/** What a CLI command gets and returns. One file per command group in main/cli/commands/. */
import type { ApiEvent, ApiInput, ApiOutput, MethodName } from '../../shared/api';

export class UsageError extends Error {}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
  /** Asks a question on the terminal and resolves with the answer; absent when there is no terminal to ask on. */
  ask?: (question: string) => Promise<string>;
}

export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[];
  /** Parsed options (the command's own plus --notebook/--json). */
  options: Record<string, string | boolean | string[] | undefined>;
  json: boolean;
  /** The notebook folder (absolute). */
  notebook: string;
  io: CliIo;
  /**
   * Calls an API method through the same door as the app (`callApi`: the
   * method's schema validates and fills in the input) and returns its value;
   * an error Result is thrown as a DossierError. The first call opens the
   * notebook (created if missing) and takes its lock; the CLI closes it
   * afterwards.
   */
  call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  /** Subscribes to the notebook's events (opening it first); returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): Promise<() => void>;
  /** Prints `json` with --json, else the lines `text()` gives. */
  print(json: unknown, text: () => string[]): void;
}

export interface CliCommand {
  name: string;
  /** Lines for `dossier --help`. */
  usage: string[];
  /** Options this command accepts, in node:util parseArgs form. */
  options?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  /**
   * True when the command, with these arguments, only reads: the notebook is
   * then opened without taking its lock — so it works while the app has it
   * open — and nothing in it is created or written.
   */
  readOnly?: (args: string[], options: CommandContext['options']) => boolean;
  /**
   * True for a command that looks at a damaged notebook itself (`doctor`):
   * an unreadable notebook.json is then not an error before it runs.
   */
  inspectsDamage?: boolean;
  run(ctx: CommandContext): Promise<void>;
}
