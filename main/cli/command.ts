/** What a CLI command gets and returns. One file per command group in main/cli/commands/. */
import type { NotebookSession } from '../services/session';

export class UsageError extends Error {}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[];
  /** Parsed options (the command's own plus --notebook/--json). */
  options: Record<string, string | boolean | string[] | undefined>;
  json: boolean;
  io: CliIo;
  /** Opens the notebook (created if missing) and takes its lock; closed by the CLI afterwards. */
  openSession(): Promise<NotebookSession>;
  /** Prints `json` with --json, else the lines `text()` gives. */
  print(json: unknown, text: () => string[]): void;
}

export interface CliCommand {
  name: string;
  /** Lines for `dossier --help`. */
  usage: string[];
  /** Options this command accepts, in node:util parseArgs form. */
  options?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  run(ctx: CommandContext): Promise<void>;
}
