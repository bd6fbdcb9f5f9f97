/**
 * Source texts for the search index in its worker: read from the source
 * files (`sources/<id>.json`) when a snippet, passage or quote needs them,
 * and kept in a cache bounded by size (least recently used goes first). The
 * index file holds no text, so a notebook's texts are never read whole at
 * load, only the few a query shows.
 */
import { closeSync, fstatSync, openSync, readFileSync, constants } from 'node:fs';
import { NOFOLLOW } from '../store/atomic-json-file';
import type { SourceTexts } from './index-format';

/** Characters of text kept in memory (about twice as many bytes). */
const DEFAULT_BUDGET_CHARS = 24 * 1024 * 1024;
/** A source file larger than this is not read for a snippet (the store refuses far smaller ones). */
const MAX_SOURCE_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A source file's JSON, or undefined when it cannot be read; never follows a link, refuses one over
 * the size cap. Synchronous, for the worker thread only: it blocks nothing there, and unlike an
 * asynchronous read it takes no place in the thread pool the API's own file reads wait for.
 */
export function readSourceFileSync(file: string): unknown {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_SOURCE_FILE_BYTES) return undefined;
    return JSON.parse(readFileSync(fd, 'utf8')) as unknown;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The text of a source file, or undefined when it cannot be read. */
export function readSourceTextSync(file: string): string | undefined {
  const data = readSourceFileSync(file) as { source?: { text?: unknown } } | undefined;
  return typeof data?.source?.text === 'string' ? data.source.text : undefined;
}

export class FileTexts implements SourceTexts {
  private readonly cache = new Map<string, string>();
  private chars = 0;

  constructor(
    private readonly fileOf: (id: string) => string,
    private readonly budgetChars = DEFAULT_BUDGET_CHARS,
  ) {}

  get(id: string): string {
    const hit = this.cache.get(id);
    if (hit !== undefined) {
      // most recently used last
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const text = readSourceTextSync(this.fileOf(id)) ?? '';
    this.remember(id, text);
    return text;
  }

  put(id: string, text: string): void {
    this.delete(id);
    this.remember(id, text);
  }

  delete(id: string): void {
    const old = this.cache.get(id);
    if (old === undefined) return;
    this.cache.delete(id);
    this.chars -= old.length;
  }

  /** Texts held now (for tests). */
  get size(): number {
    return this.cache.size;
  }

  private remember(id: string, text: string): void {
    this.cache.set(id, text);
    this.chars += text.length;
    for (const [oldest, t] of this.cache) {
      if (this.chars <= this.budgetChars || oldest === id) break;
      this.cache.delete(oldest);
      this.chars -= t.length;
    }
  }
}
