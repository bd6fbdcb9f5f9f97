/**
 * The app's log file: one line per entry (continuation lines indented),
 * appended synchronously, so the line about a crash is on disk before the
 * process can end. Size-bounded: when the file would grow past `maxBytes` it
 * becomes `<name>.1.log`, the older ones shift up, and only `keep` of them
 * stay. Writing never throws (a log that cannot be written must not take the
 * app down with it). Why not a logging library: docs/decisions/0011-own-log-file.md.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';

export type LogLevel = 'error' | 'warn' | 'info';

export interface LogFileOptions {
  dir: string;
  /** File name; the rotated files are `<stem>.1<ext>` … `<stem>.<keep><ext>`. */
  name?: string;
  /** Largest size of the current file, in bytes. */
  maxBytes?: number;
  /** How many rotated files to keep next to the current one. */
  keep?: number;
  now?: () => Date;
}

export const DEFAULT_LOG_NAME = 'dossier.log';
export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024;
export const DEFAULT_LOG_KEEP = 3;

/** An error's stack (or message), or any other value as Node would print it. */
export function describeError(value: unknown): string {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  return typeof value === 'string' ? value : inspect(value, { depth: 4 });
}

export class LogFile {
  readonly path: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => Date;
  private size: number | null = null;

  constructor(options: LogFileOptions) {
    this.path = path.join(options.dir, options.name ?? DEFAULT_LOG_NAME);
    this.maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
    this.keep = options.keep ?? DEFAULT_LOG_KEEP;
    this.now = options.now ?? (() => new Date());
  }

  get dir(): string {
    return path.dirname(this.path);
  }

  /** The n-th rotated file (1 = the most recent). */
  rotated(n: number): string {
    const { dir, name, ext } = path.parse(this.path);
    return path.join(dir, `${name}.${n}${ext}`);
  }

  /** Appends one entry; returns false when it could not be written. */
  write(level: LogLevel, source: string, message: string): boolean {
    const [first = '', ...rest] = message.replace(/\r\n?/g, '\n').trimEnd().split('\n');
    let line = `${this.now().toISOString()} [${level}] [${source}] ${first}${rest.map((l) => `\n    ${l}`).join('')}\n`;
    // One entry never outgrows the file on its own.
    if (Buffer.byteLength(line) > this.maxBytes)
      line = `${Buffer.from(line)
        .subarray(0, Math.max(0, this.maxBytes - 16))
        .toString()}…[cut]\n`;
    const bytes = Buffer.byteLength(line);
    try {
      mkdirSync(this.dir, { recursive: true });
      if (this.currentSize() + bytes > this.maxBytes && this.currentSize() > 0) {
        try {
          this.rotate();
        } catch {
          // Could not rotate (e.g. the file is held open elsewhere): keep appending rather than lose the entry.
        }
      }
      appendFileSync(this.path, line, 'utf8');
      this.size = this.currentSize() + bytes;
      return true;
    } catch {
      this.size = null;
      return false;
    }
  }

  private currentSize(): number {
    if (this.size === null) {
      try {
        this.size = statSync(this.path).size;
      } catch {
        this.size = 0;
      }
    }
    return this.size;
  }

  private rotate(): void {
    rmSync(this.rotated(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n--) {
      try {
        renameSync(this.rotated(n), this.rotated(n + 1));
      } catch {
        // That one did not exist yet.
      }
    }
    if (this.keep > 0) renameSync(this.path, this.rotated(1));
    else rmSync(this.path, { force: true });
    this.size = 0;
  }
}
