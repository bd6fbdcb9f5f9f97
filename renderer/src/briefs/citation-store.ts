/**
 * Live lookups for citation chips: annotation id → its claim and source, or
 * null when the claim no longer exists. Chips ask for ids as they render;
 * the store batches those into one `resolveCitations` call, and `refresh()`
 * re-resolves every known id (after `notebook-changed`), so a changed claim
 * shows its new text and status, and a deleted one its "removed" marker
 * ("source removed" when its whole source was deleted).
 */
import type { ResolvedClaim, SourceRemovedCitation } from '../../../shared/api/briefs';
import { call } from '../api';
import type { UiLanguage } from '../../../shared/enums';
import { DEFAULT_BRIEF_LANGUAGE } from '../../../shared/brief-words';

export type CitationState = ResolvedClaim | SourceRemovedCitation | null | undefined;

/** The claim a citation stands for: undefined while loading, null when the claim or its whole source is gone. */
export function liveClaim(state: CitationState): ResolvedClaim | null | undefined {
  return state && 'sourceRemoved' in state ? null : state;
}

export class CitationStore {
  private readonly cache = new Map<string, ResolvedClaim | SourceRemovedCitation | null>();
  private readonly wanted = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Lookups are numbered; an answer is kept only for the ids it was the latest lookup of. */
  private lookups = 0;
  private readonly latestLookup = new Map<string, number>();

  constructor(private readonly onError: (err: unknown) => void = () => {}) {}

  /** The brief's language: drafted facts are worded in it, as its exports word them. */
  language: UiLanguage = DEFAULT_BRIEF_LANGUAGE;

  setLanguage(language: UiLanguage): void {
    if (language === this.language) return;
    this.language = language;
    this.notify();
  }

  /** The claim (undefined while loading, null when it is gone); asks for it if unknown. */
  get(id: string): CitationState {
    if (this.cache.has(id)) return this.cache.get(id);
    this.wanted.add(id);
    this.schedule();
    return undefined;
  }

  /** Seeds the cache (e.g. with a claim just picked in the popup). */
  put(claim: ResolvedClaim): void {
    this.cache.set(claim.annotation.id, claim);
    this.notify();
  }

  /** Re-resolves every id seen so far. */
  refresh(): void {
    for (const id of this.cache.keys()) this.wanted.add(id);
    this.schedule();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** (Re)starts lookups; React's StrictMode unmounts and mounts effects once more in development. */
  activate(): void {
    this.disposed = false;
    if (this.wanted.size) this.schedule();
  }

  /** Stops lookups (the editor closed). Subscriptions end with their node views. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.disposed) return;
    this.timer = setTimeout(() => void this.flush(), 30);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const ids = [...this.wanted];
    this.wanted.clear();
    if (!ids.length) return;
    const lookup = ++this.lookups;
    for (const id of ids) this.latestLookup.set(id, lookup);
    try {
      const resolved = await call('resolveCitations', { annotationIds: ids });
      if (this.disposed) return;
      // Lookups overlap when a refresh comes while one is in flight: an older answer arriving last is stale.
      ids.forEach((id, i) => {
        if (this.latestLookup.get(id) === lookup) this.cache.set(id, resolved[i] ?? null);
      });
      this.notify();
    } catch (err) {
      if (!this.disposed) this.onError(err);
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
