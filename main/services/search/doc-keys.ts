/**
 * The term index's document keys (`p:<source>:<n>`, `t:<source>`…). Those
 * of a loaded index stay the one string they were saved as (180,000 keys at
 * 20,000 sources), cut out one at a time when a query shows their document;
 * keys added later are kept as strings.
 */
export class DocKeys {
  private joined = '';
  /** Where each loaded key starts in `joined` (one more: past the end). */
  private starts = new Int32Array(1);
  private loaded = 0;
  private readonly added: string[] = [];

  /** Keys saved one a line; undefined when their count is not `count`. */
  static fromLines(joined: string, count: number): DocKeys | undefined {
    const keys = new DocKeys();
    if (count === 0) return joined === '' ? keys : undefined;
    const starts = new Int32Array(count + 1);
    let at = 0;
    for (let i = 1; i < count; i++) {
      const nl = joined.indexOf('\n', at);
      if (nl < 0) return undefined;
      starts[i] = at = nl + 1;
    }
    if (joined.indexOf('\n', at) >= 0) return undefined;
    starts[count] = joined.length + 1;
    Object.assign(keys, { joined, starts, loaded: count });
    return keys;
  }

  get length(): number {
    return this.loaded + this.added.length;
  }

  at(doc: number): string {
    if (doc >= this.loaded) return this.added[doc - this.loaded]!;
    return this.joined.slice(this.starts[doc], this.starts[doc + 1]! - 1);
  }

  push(key: string): void {
    this.added.push(key);
  }
}
