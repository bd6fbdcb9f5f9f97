/**
 * A Map whose entries read from the index file are made on first use: a
 * loaded index holds its sources and annotations as a few columns
 * (index-format.ts), and a query needs the entries of a handful of them. An
 * entry is made when its key is looked up; the whole set when the map is
 * walked (a save, a sync with the manifest). Set, delete and size behave as
 * on a Map holding every entry from the start.
 */
export class LazyMap<V> extends Map<string, V> {
  /** The loaded keys not yet made or removed, with their row. */
  private rows: Map<string, number> | undefined;

  /** `keys[row]` is the key of what `make(row)` makes (a repeated key counts once: see `size`). */
  constructor(
    keys: readonly string[],
    private readonly make: (row: number) => V,
  ) {
    super();
    if (keys.length) {
      this.rows = new Map();
      for (let row = 0; row < keys.length; row++) this.rows.set(keys[row]!, row);
    }
  }

  /** The pending row of a key, taken out of the pending ones. */
  private take(key: string): number | undefined {
    const row = this.rows?.get(key);
    if (row === undefined) return undefined;
    this.rows!.delete(key);
    if (this.rows!.size === 0) this.rows = undefined;
    return row;
  }

  /** Makes every pending entry (in the order loaded). */
  private makeAll(): void {
    const rows = this.rows;
    if (!rows) return;
    this.rows = undefined;
    for (const [key, row] of [...rows].sort((a, b) => a[1] - b[1])) super.set(key, this.make(row));
  }

  override get(key: string): V | undefined {
    if (super.has(key)) return super.get(key);
    const row = this.take(key);
    if (row === undefined) return undefined;
    const value = this.make(row);
    super.set(key, value);
    return value;
  }

  override has(key: string): boolean {
    return super.has(key) || !!this.rows?.has(key);
  }

  override set(key: string, value: V): this {
    this.take(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    const pending = this.take(key) !== undefined;
    return super.delete(key) || pending;
  }

  override clear(): void {
    this.rows = undefined;
    super.clear();
  }

  override get size(): number {
    return super.size + (this.rows?.size ?? 0);
  }

  override keys(): MapIterator<string> {
    this.makeAll();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.makeAll();
    return super.values();
  }

  override entries(): MapIterator<[string, V]> {
    this.makeAll();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    this.makeAll();
    return super[Symbol.iterator]();
  }

  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.makeAll();
    super.forEach(callback, thisArg);
  }
}
