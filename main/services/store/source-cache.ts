/**
 * The store's loaded source files, and the metadata and annotations it keeps
 * of sources not loaded: least recently used first out, within a byte
 * budget. An entry that `pinned` says must stay (a write pending or in
 * flight: the memory is ahead of the file) is passed over, so the cache may
 * exceed its budget for as long as such writes last; the entry just touched
 * is never the one evicted.
 */
import type { Annotation, SourceFile } from '../../../shared/model';

export class SourceCache<T> {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, { value: T; bytes: number }>();
  private total = 0;

  constructor(
    readonly budget: number,
    private readonly pinned: (value: T) => boolean,
    private readonly onEvict: (key: string, value: T) => void = () => undefined,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Estimated bytes of the entries held. */
  get bytes(): number {
    return this.total;
  }

  /** The entry for `key`, marked as just used. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The entry for `key`, leaving its place in the use order as it is. */
  peek(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }

  /** Adds or replaces the entry for `key` (as just used), then evicts down to the budget. */
  set(key: string, value: T, bytes: number): void {
    this.delete(key);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    this.evict(key);
  }

  /**
   * Adds the entry for `key` only when it fits in the budget beside those held (none is evicted
   * for it): a pass over more sources than the budget holds keeps the first ones it met, which the
   * next pass then finds, rather than evicting each one before that pass comes back to it.
   */
  offer(key: string, value: T, bytes: number): void {
    this.delete(key);
    if (this.total + bytes > this.budget) return;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  values(): IterableIterator<T> {
    return [...this.entries.values()].map((e) => e.value).values();
  }

  private evict(keep: string): void {
    if (this.total <= this.budget) return;
    for (const [key, entry] of this.entries) {
      if (this.total <= this.budget) return;
      if (key === keep || this.pinned(entry.value)) continue;
      this.entries.delete(key);
      this.total -= entry.bytes;
      this.onEvict(key, entry.value);
    }
  }
}

/**
 * Roughly what a loaded source file costs in memory: its strings (two bytes a
 * character) and a fixed share per annotation for the objects around them.
 */
export function estimateSourceBytes(file: SourceFile): number {
  let chars = file.source.text.length;
  for (const r of file.source.removed) chars += r.text.length;
  return estimateHeadBytes(file) + 2 * chars;
}

/** Roughly what a source's metadata and annotations cost in memory (estimateSourceBytes without the text). */
export function estimateHeadBytes(head: { source: { title: string }; annotations: readonly Annotation[] }): number {
  let chars = head.source.title.length;
  let bytes = 1024;
  for (const a of head.annotations) {
    chars += a.target.exact.length + a.target.prefix.length + a.target.suffix.length;
    bytes += a.note ? 2048 : 512; // a note's rich text: a rough share, not measured
  }
  return bytes + 2 * chars;
}
