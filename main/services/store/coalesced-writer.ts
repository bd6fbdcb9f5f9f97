/**
 * Coalesces bursts of writes to one file: while a write is in flight, every
 * further request joins the single next write, which starts when the current
 * one ends and serialises the data as it is then. Each caller's promise
 * resolves only once a write that includes its change is durable.
 */
export class CoalescedWriter {
  private inFlight: Promise<void> | null = null;
  private next: { promise: Promise<void>; resolve: () => void; reject: (err: unknown) => void } | null = null;

  constructor(private readonly writeNow: () => Promise<void>) {}

  /** Requests a write that will include every change made before this call. */
  request(): Promise<void> {
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (err: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.next = { promise, resolve, reject };
      // Start on a microtask so synchronous edits in the same tick share one write.
      if (!this.inFlight) queueMicrotask(() => this.startNext());
    }
    return this.next.promise;
  }

  /** A write is pending or in flight. */
  get busy(): boolean {
    return this.inFlight !== null || this.next !== null;
  }

  /** Resolves when nothing is pending or in flight. */
  async idle(): Promise<void> {
    while (this.inFlight || this.next) {
      await (this.next?.promise ?? this.inFlight)?.catch(() => undefined);
    }
  }

  private startNext(): void {
    const current = this.next;
    if (!current || this.inFlight) return;
    this.next = null;
    this.inFlight = this.writeNow()
      .then(current.resolve, current.reject)
      .finally(() => {
        this.inFlight = null;
        if (this.next) this.startNext();
      });
  }
}
